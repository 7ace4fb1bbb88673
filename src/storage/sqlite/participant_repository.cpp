#include <string>
#include <unordered_map>
#include <utility>

#include "storage/sqlite/codec.hpp"
#include "storage/sqlite/repositories.hpp"

namespace chancery::storage::sqlite {
namespace {

using core::Result;

constexpr char kSelectOne[] = "SELECT id, kind, iso_alpha2, iso_alpha3 FROM participants WHERE id = ?1";
constexpr char kSelectAll[] = "SELECT id, kind, iso_alpha2, iso_alpha3 FROM participants ORDER BY id";
constexpr char kSelectNames[] =
    "SELECT lang, short_name, full_name, valid_from FROM participant_names "
    "WHERE participant_id = ?1 ORDER BY position";
constexpr char kSelectStatuses[] =
    "SELECT valid_from, status, precision, basis, source, confidence FROM participant_statuses "
    "WHERE participant_id = ?1 ORDER BY position";
// The whole registry in three queries (rows, all names, all statuses), in key order.
constexpr char kSelectAllNames[] =
    "SELECT participant_id, lang, short_name, full_name, valid_from FROM participant_names "
    "ORDER BY participant_id, position";
constexpr char kSelectAllStatuses[] =
    "SELECT participant_id, valid_from, status, precision, basis, source, confidence FROM participant_statuses "
    "ORDER BY participant_id, position";
constexpr char kVersion[] = "SELECT version FROM registry_version WHERE id = 1";
constexpr char kInsert[] = "INSERT INTO participants (id, kind, iso_alpha2, iso_alpha3) VALUES (?1, ?2, ?3, ?4)";
constexpr char kUpdate[] = "UPDATE participants SET kind = ?2, iso_alpha2 = ?3, iso_alpha3 = ?4 WHERE id = ?1";
constexpr char kDeleteNames[] = "DELETE FROM participant_names WHERE participant_id = ?1";
constexpr char kDeleteStatuses[] = "DELETE FROM participant_statuses WHERE participant_id = ?1";
constexpr char kInsertName[] =
    "INSERT INTO participant_names (participant_id, position, lang, short_name, full_name, valid_from) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr char kInsertStatus[] =
    "INSERT INTO participant_statuses "
    "(participant_id, position, valid_from, status, precision, basis, source, confidence) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

// The participants row at the statement's current row; names and statuses come separately.
Result<core::Participant> ReadRow(const Statement& row) {
  core::Participant p;
  p.id = row.ColumnText(0);
  auto kind = DecodeParticipantKind(row.ColumnText(1));
  if (!kind) return kind.error();
  p.kind = *kind;
  p.iso_alpha2 = row.ColumnOptionalText(2);
  p.iso_alpha3 = row.ColumnOptionalText(3);
  return p;
}

// A participant_names row whose columns from `at` on are lang, short_name, full_name, valid_from.
Result<core::NameVersion> ReadName(const Statement& row, int at) {
  auto from = DecodeOptionalDate(row.ColumnOptionalText(at + 3), "participant_names.valid_from");
  if (!from) return from.error();
  return core::NameVersion{row.ColumnText(at), row.ColumnText(at + 1), row.ColumnText(at + 2), *from};
}

// A participant_statuses row: valid_from, status, precision, basis, source, confidence.
Result<core::StatusChange> ReadStatus(const Statement& row, int at) {
  auto from = DecodeDate(row.ColumnText(at), "participant_statuses.valid_from");
  if (!from) return from.error();
  auto status = DecodeParticipantStatus(row.ColumnText(at + 1));
  if (!status) return status.error();
  auto precision = DecodeDatePrecision(row.ColumnText(at + 2));
  if (!precision) return precision.error();
  return core::StatusChange{*from, *status, *precision, row.ColumnText(at + 3), row.ColumnText(at + 4),
                            row.ColumnText(at + 5)};
}

// Steps through `statement`, calling `each` for every row.
template <class Each>
Result<void> ForEachRow(Statement& statement, Each each) {
  for (;;) {
    auto row = statement.Step();
    if (!row) return row.error();
    if (!*row) return core::Ok();
    if (auto r = each(); !r) return r;
  }
}

Result<void> LoadNamesAndStatuses(Connection& c, core::Participant& p) {
  auto names = c.Prepare(kSelectNames);
  if (!names) return names.error();
  names->BindText(1, p.id);
  auto read_names = ForEachRow(*names, [&]() -> Result<void> {
    auto n = ReadName(*names, 0);
    if (!n) return n.error();
    p.names.push_back(std::move(*n));
    return core::Ok();
  });
  if (!read_names) return read_names;
  auto statuses = c.Prepare(kSelectStatuses);
  if (!statuses) return statuses.error();
  statuses->BindText(1, p.id);
  return ForEachRow(*statuses, [&]() -> Result<void> {
    auto s = ReadStatus(*statuses, 0);
    if (!s) return s.error();
    p.statuses.push_back(std::move(*s));
    return core::Ok();
  });
}

// Writes the names and statuses of `p` at positions 0, 1, … (the caller has removed old ones).
Result<void> StoreNamesAndStatuses(Connection& c, const core::Participant& p) {
  for (std::size_t i = 0; i < p.names.size(); ++i) {
    const auto& n = p.names[i];
    auto insert = c.Prepare(kInsertName);
    if (!insert) return insert.error();
    insert->BindText(1, p.id)
        .BindInt(2, static_cast<std::int64_t>(i))
        .BindText(3, n.lang)
        .BindText(4, n.short_name)
        .BindText(5, n.full_name)
        .BindOptionalText(6, ToText(n.from));
    if (auto r = insert->Run(); !r) return r;
  }
  for (std::size_t i = 0; i < p.statuses.size(); ++i) {
    const auto& s = p.statuses[i];
    auto insert = c.Prepare(kInsertStatus);
    if (!insert) return insert.error();
    insert->BindText(1, p.id)
        .BindInt(2, static_cast<std::int64_t>(i))
        .BindText(3, ToText(s.from))
        .BindText(4, core::ToString(s.status))
        .BindText(5, core::ToString(s.precision))
        .BindText(6, s.basis)
        .BindText(7, s.source)
        .BindText(8, s.confidence);
    if (auto r = insert->Run(); !r) {
      if (r.error().code == core::ErrorCode::kAlreadyExists) {
        return core::Error::AlreadyExists("participant " + p.id + " has two status changes on " + ToText(s.from));
      }
      return r;
    }
  }
  return core::Ok();
}

}  // namespace

Result<std::optional<core::Participant>> ParticipantRepository::Find(std::string_view id) {
  auto c = tx_.ForRead();
  if (!c) return c.error();
  std::optional<core::Participant> found;
  {
    auto select = (*c)->Prepare(kSelectOne);
    if (!select) return select.error();
    select->BindText(1, id);
    auto row = select->Step();
    if (!row) return row.error();
    if (!*row) return found;
    auto p = ReadRow(*select);
    if (!p) return p.error();
    found = std::move(*p);
  }
  if (auto r = LoadNamesAndStatuses(**c, *found); !r) return r.error();
  return found;
}

Result<std::vector<core::Participant>> ParticipantRepository::List() {
  auto c = tx_.ForRead();
  if (!c) return c.error();
  std::vector<core::Participant> out;
  {
    auto select = (*c)->Prepare(kSelectAll);
    if (!select) return select.error();
    for (;;) {
      auto row = select->Step();
      if (!row) return row.error();
      if (!*row) break;
      auto p = ReadRow(*select);
      if (!p) return p.error();
      out.push_back(std::move(*p));
    }
  }
  // Three queries for the whole registry rather than two per participant: listing is the
  // registry's hot path.
  std::unordered_map<std::string, core::Participant*> by_id;
  for (auto& p : out) by_id.emplace(p.id, &p);
  auto owner = [&](const Statement& row) -> Result<core::Participant*> {
    auto it = by_id.find(row.ColumnText(0));
    if (it == by_id.end()) return core::Error::Internal("participant row missing for " + row.ColumnText(0));
    return it->second;
  };
  auto names = (*c)->Prepare(kSelectAllNames);
  if (!names) return names.error();
  auto read_names = ForEachRow(*names, [&]() -> Result<void> {
    auto p = owner(*names);
    if (!p) return p.error();
    auto n = ReadName(*names, 1);
    if (!n) return n.error();
    (*p)->names.push_back(std::move(*n));
    return core::Ok();
  });
  if (!read_names) return read_names.error();
  auto statuses = (*c)->Prepare(kSelectAllStatuses);
  if (!statuses) return statuses.error();
  auto read_statuses = ForEachRow(*statuses, [&]() -> Result<void> {
    auto p = owner(*statuses);
    if (!p) return p.error();
    auto st = ReadStatus(*statuses, 1);
    if (!st) return st.error();
    (*p)->statuses.push_back(std::move(*st));
    return core::Ok();
  });
  if (!read_statuses) return read_statuses.error();
  return out;
}

Result<void> ParticipantRepository::Insert(const core::Participant& p) {
  return tx_.Atomically([&](Connection& c) -> Result<void> {
    auto insert = c.Prepare(kInsert);
    if (!insert) return insert.error();
    insert->BindText(1, p.id)
        .BindText(2, core::ToString(p.kind))
        .BindOptionalText(3, p.iso_alpha2)
        .BindOptionalText(4, p.iso_alpha3);
    if (auto r = insert->Run(); !r) {
      if (r.error().code == core::ErrorCode::kAlreadyExists) {
        return core::Error::AlreadyExists("participant " + p.id + " already exists");
      }
      return r;
    }
    return StoreNamesAndStatuses(c, p);
  });
}

Result<void> ParticipantRepository::Update(const core::Participant& p) {
  return tx_.Atomically([&](Connection& c) -> Result<void> {
    auto update = c.Prepare(kUpdate);
    if (!update) return update.error();
    update->BindText(1, p.id)
        .BindText(2, core::ToString(p.kind))
        .BindOptionalText(3, p.iso_alpha2)
        .BindOptionalText(4, p.iso_alpha3);
    if (auto r = update->Run(); !r) return r;
    if (c.Changes() == 0) return core::Error::NotFound("no participant " + p.id);
    for (const char* sql : {kDeleteNames, kDeleteStatuses}) {
      auto remove = c.Prepare(sql);
      if (!remove) return remove.error();
      remove->BindText(1, p.id);
      if (auto r = remove->Run(); !r) return r;
    }
    return StoreNamesAndStatuses(c, p);
  });
}

Result<std::int64_t> ParticipantRepository::Version() {
  auto c = tx_.ForRead();
  if (!c) return c.error();
  auto select = (*c)->Prepare(kVersion);
  if (!select) return select.error();
  auto row = select->Step();
  if (!row) return row.error();
  if (!*row) return core::Error::Internal("registry_version has no row");
  return select->ColumnInt(0);
}

}  // namespace chancery::storage::sqlite
