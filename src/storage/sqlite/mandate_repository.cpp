#include <string>
#include <utility>

#include "storage/sqlite/codec.hpp"
#include "storage/sqlite/repositories.hpp"

namespace chancery::storage::sqlite {
namespace {

using core::Result;

#define MANDATE_COLUMNS \
  "id, meeting_id, item_number, subject, given_by, given_on, assignee, due_by, due_before_next_meeting_of, status"

constexpr char kSelectById[] = "SELECT " MANDATE_COLUMNS " FROM mandates WHERE id = ?1";
constexpr char kSelectFiltered[] =
    "SELECT " MANDATE_COLUMNS " FROM mandates "
    "WHERE (?1 IS NULL OR assignee = ?1) AND (?2 IS NULL OR status = ?2) AND (?3 IS NULL OR meeting_id = ?3) "
    "AND (?4 IS NULL OR given_by = ?4) AND (?5 IS NULL OR given_on >= ?5) AND (?6 IS NULL OR given_on <= ?6) "
    "ORDER BY id";
constexpr char kInsert[] =
    "INSERT INTO mandates (meeting_id, item_number, subject, given_by, given_on, assignee, due_by, "
    "due_before_next_meeting_of, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
constexpr char kUpdate[] =
    "UPDATE mandates SET meeting_id = ?2, item_number = ?3, subject = ?4, given_by = ?5, given_on = ?6, "
    "assignee = ?7, due_by = ?8, due_before_next_meeting_of = ?9, status = ?10 WHERE id = ?1";

#undef MANDATE_COLUMNS

Result<core::Mandate> ReadRow(const Statement& row) {
  core::Mandate m;
  m.id = row.ColumnInt(0);
  m.meeting_id = row.ColumnOptionalInt(1);
  m.item_number = static_cast<int>(row.ColumnInt(2));
  m.subject = row.ColumnText(3);
  auto given_by = DecodeBodyCode(row.ColumnText(4), "mandates.given_by");
  if (!given_by) return given_by.error();
  m.given_by = *given_by;
  auto given_on = DecodeDate(row.ColumnText(5), "mandates.given_on");
  if (!given_on) return given_on.error();
  m.given_on = *given_on;
  auto assignee = DecodeBodyCode(row.ColumnText(6), "mandates.assignee");
  if (!assignee) return assignee.error();
  m.assignee = *assignee;
  auto due_by = DecodeOptionalDate(row.ColumnOptionalText(7), "mandates.due_by");
  if (!due_by) return due_by.error();
  m.due_by = *due_by;
  auto due_before = DecodeOptionalBodyCode(row.ColumnOptionalText(8), "mandates.due_before_next_meeting_of");
  if (!due_before) return due_before.error();
  m.due_before_next_meeting_of = *due_before;
  auto status = DecodeMandateStatus(row.ColumnText(9));
  if (!status) return status.error();
  m.status = *status;
  return m;
}

// Binds the columns after id, from ?first on, in the order of the INSERT above.
void BindFields(Statement& s, int first, const core::Mandate& m) {
  s.BindOptionalInt(first, m.meeting_id)
      .BindInt(first + 1, m.item_number)
      .BindText(first + 2, m.subject)
      .BindText(first + 3, core::ToString(m.given_by))
      .BindText(first + 4, ToText(m.given_on))
      .BindText(first + 5, core::ToString(m.assignee))
      .BindOptionalText(first + 6, ToText(m.due_by))
      .BindOptionalText(first + 7, ToText(m.due_before_next_meeting_of))
      .BindText(first + 8, core::ToString(m.status));
}

template <class Bind>
Result<std::vector<core::Mandate>> Select(TxContext& tx, const char* sql, Bind bind) {
  auto c = tx.ForRead();
  if (!c) return c.error();
  auto select = (*c)->Prepare(sql);
  if (!select) return select.error();
  bind(*select);
  std::vector<core::Mandate> out;
  auto read = select->ForEachRow([&]() -> Result<void> {
    auto m = ReadRow(*select);
    if (!m) return m.error();
    out.push_back(std::move(*m));
    return core::Ok();
  });
  if (!read) return read.error();
  return out;
}

}  // namespace

Result<std::optional<core::Mandate>> MandateRepository::Find(std::int64_t id) {
  auto found = Select(tx_, kSelectById, [&](Statement& s) { s.BindInt(1, id); });
  if (!found) return found.error();
  if (found->empty()) return std::optional<core::Mandate>();
  return std::optional<core::Mandate>(std::move(found->front()));
}

Result<std::vector<core::Mandate>> MandateRepository::List(const core::MandateFilter& filter) {
  std::optional<std::string> status;
  if (filter.status) status = std::string(core::ToString(*filter.status));
  return Select(tx_, kSelectFiltered, [&](Statement& s) {
    s.BindOptionalText(1, ToText(filter.assignee))
        .BindOptionalText(2, status)
        .BindOptionalInt(3, filter.meeting_id)
        .BindOptionalText(4, ToText(filter.given_by))
        .BindOptionalText(5, ToText(filter.from))
        .BindOptionalText(6, ToText(filter.to));
  });
}

Result<std::int64_t> MandateRepository::Insert(const core::Mandate& mandate) {
  auto c = tx_.ForWrite();
  if (!c) return c.error();
  auto insert = (*c)->Prepare(kInsert);
  if (!insert) return insert.error();
  BindFields(*insert, 1, mandate);
  if (auto r = insert->Run(); !r) return r.error();
  return (*c)->LastInsertRowId();
}

Result<void> MandateRepository::Update(const core::Mandate& mandate) {
  auto c = tx_.ForWrite();
  if (!c) return c.error();
  auto update = (*c)->Prepare(kUpdate);
  if (!update) return update.error();
  update->BindInt(1, mandate.id);
  BindFields(*update, 2, mandate);
  if (auto r = update->Run(); !r) return r;
  if ((*c)->Changes() == 0) return core::Error::NotFound("no mandate with id " + std::to_string(mandate.id));
  return core::Ok();
}

}  // namespace chancery::storage::sqlite
