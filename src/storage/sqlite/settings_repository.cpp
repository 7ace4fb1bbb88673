#include "storage/sqlite/repositories.hpp"

namespace chancery::storage::sqlite {
namespace {

using core::Result;

constexpr char kSelect[] = "SELECT value FROM settings WHERE key = ?1";
constexpr char kUpsert[] =
    "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
constexpr char kSelectAll[] = "SELECT key, value FROM settings ORDER BY key";

}  // namespace

Result<std::optional<std::string>> SettingsRepository::Get(std::string_view key) {
  auto c = tx_.ForRead();
  if (!c) return c.error();
  auto select = (*c)->Prepare(kSelect);
  if (!select) return select.error();
  select->BindText(1, key);
  auto row = select->Step();
  if (!row) return row.error();
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(select->ColumnText(0));
}

Result<void> SettingsRepository::Set(std::string_view key, std::string_view value) {
  auto c = tx_.ForWrite();
  if (!c) return c.error();
  auto upsert = (*c)->Prepare(kUpsert);
  if (!upsert) return upsert.error();
  upsert->BindText(1, key).BindText(2, value);
  return upsert->Run();
}

Result<std::vector<std::pair<std::string, std::string>>> SettingsRepository::List() {
  auto c = tx_.ForRead();
  if (!c) return c.error();
  auto select = (*c)->Prepare(kSelectAll);
  if (!select) return select.error();
  std::vector<std::pair<std::string, std::string>> out;
  for (;;) {
    auto row = select->Step();
    if (!row) return row.error();
    if (!*row) break;
    out.emplace_back(select->ColumnText(0), select->ColumnText(1));
  }
  return out;
}

}  // namespace chancery::storage::sqlite
