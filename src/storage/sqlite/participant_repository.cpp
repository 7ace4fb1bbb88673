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

Result<void> LoadNamesAndStatuses(Connection& c, core::Participant& p) {
  auto names = c.Prepare(kSelectNames);
  if (!names) return names.error();
  names->BindText(1, p.id);
  for (;;) {
    auto row = names->Step();
    if (!row) return row.error();
    if (!*row) break;
    auto from = DecodeOptionalDate(names->ColumnOptionalText(3), "participant_names.valid_from");
    if (!from) return from.error();
    p.names.push_back({names->ColumnText(0), names->ColumnText(1), names->ColumnText(2), *from});
  }
  auto statuses = c.Prepare(kSelectStatuses);
  if (!statuses) return statuses.error();
  statuses->BindText(1, p.id);
  for (;;) {
    auto row = statuses->Step();
    if (!row) return row.error();
    if (!*row) break;
    auto from = DecodeDate(statuses->ColumnText(0), "participant_statuses.valid_from");
    if (!from) return from.error();
    auto status = DecodeParticipantStatus(statuses->ColumnText(1));
    if (!status) return status.error();
    auto precision = DecodeDatePrecision(statuses->ColumnText(2));
    if (!precision) return precision.error();
    p.statuses.push_back({*from, *status, *precision, statuses->ColumnText(3), statuses->ColumnText(4),
                          statuses->ColumnText(5)});
  }
  return core::Ok();
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
  // One query per participant: the registry holds dozens to hundreds of them, and each query
  // is a cached statement on an index.
  for (auto& p : out) {
    if (auto r = LoadNamesAndStatuses(**c, p); !r) return r.error();
  }
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

}  // namespace chancery::storage::sqlite
