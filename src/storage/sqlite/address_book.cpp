// Registered addresses per participant (participant_addresses, migration 9).
#include "storage/sqlite/repositories.hpp"

namespace chancery::storage::sqlite {
namespace {

using core::Result;

constexpr char kSelect[] = "SELECT address FROM participant_addresses WHERE participant_id = ?1 ORDER BY position";
constexpr char kDelete[] = "DELETE FROM participant_addresses WHERE participant_id = ?1";
constexpr char kInsert[] = "INSERT INTO participant_addresses (participant_id, position, address) VALUES (?1, ?2, ?3)";

}  // namespace

Result<std::vector<std::string>> AddressBook::Addresses(std::string_view participant_id) {
  auto c = tx_.ForRead();
  if (!c) return c.error();
  auto select = (*c)->Prepare(kSelect);
  if (!select) return select.error();
  select->BindText(1, participant_id);
  std::vector<std::string> out;
  auto read = select->ForEachRow([&]() -> Result<void> {
    out.push_back(select->ColumnText(0));
    return core::Ok();
  });
  if (!read) return read.error();
  return out;
}

Result<void> AddressBook::SetAddresses(std::string_view participant_id, const std::vector<std::string>& addresses) {
  auto c = tx_.ForWrite();
  if (!c) return c.error();
  {
    auto del = (*c)->Prepare(kDelete);
    if (!del) return del.error();
    del->BindText(1, participant_id);
    if (auto r = del->Run(); !r) return r;
  }
  for (std::size_t i = 0; i < addresses.size(); ++i) {
    auto insert = (*c)->Prepare(kInsert);
    if (!insert) return insert.error();
    insert->BindText(1, participant_id).BindInt(2, static_cast<std::int64_t>(i)).BindText(3, addresses[i]);
    if (auto r = insert->Run(); !r) return r;
  }
  return core::Ok();
}

}  // namespace chancery::storage::sqlite
