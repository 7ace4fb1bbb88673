#include <string>
#include <utility>

#include "storage/sqlite/codec.hpp"
#include "storage/sqlite/repositories.hpp"

namespace chancery::storage::sqlite {
namespace {

using core::Result;

#define MEETING_COLUMNS                                                                                    \
  "id, body, session_year, session_number, starts_on, ends_on, format, venue, chair_participant_id, " \
  "chair_person, agenda_status, agenda_symbol, agenda_adopted_at, reply_by"

constexpr char kSelectById[] = "SELECT " MEETING_COLUMNS " FROM meetings WHERE id = ?1";
constexpr char kSelectBySession[] =
    "SELECT " MEETING_COLUMNS " FROM meetings WHERE body = ?1 AND session_year = ?2 AND session_number = ?3";
// MeetingFilter: from = ending on or after, to = starting on or before.
constexpr char kSelectFiltered[] =
    "SELECT " MEETING_COLUMNS " FROM meetings "
    "WHERE (?1 IS NULL OR body = ?1) AND (?2 IS NULL OR ends_on >= ?2) AND (?3 IS NULL OR starts_on <= ?3) "
    "ORDER BY starts_on, id";
constexpr char kInsert[] =
    "INSERT INTO meetings (body, session_year, session_number, starts_on, ends_on, format, venue, "
    "chair_participant_id, chair_person, agenda_status, agenda_symbol, agenda_adopted_at, reply_by) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
constexpr char kUpdate[] =
    "UPDATE meetings SET body = ?2, session_year = ?3, session_number = ?4, starts_on = ?5, ends_on = ?6, "
    "format = ?7, venue = ?8, chair_participant_id = ?9, chair_person = ?10, agenda_status = ?11, "
    "agenda_symbol = ?12, agenda_adopted_at = ?13, reply_by = ?14 WHERE id = ?1";

#undef MEETING_COLUMNS

constexpr char kSelectItems[] =
    "SELECT number, title, closed_to_observers, any_other_business FROM agenda_items "
    "WHERE meeting_id = ?1 ORDER BY position";
constexpr char kSelectInvitations[] =
    "SELECT item_position, participant_id FROM agenda_item_invitations "
    "WHERE meeting_id = ?1 ORDER BY item_position, position";
constexpr char kSelectAttendance[] =
    "SELECT item_position, participant_id FROM agenda_item_attendance "
    "WHERE meeting_id = ?1 ORDER BY item_position, position";
constexpr char kSelectAmendments[] =
    "SELECT item_number, proposed_by, previous_title, title FROM agenda_amendments "
    "WHERE meeting_id = ?1 ORDER BY position";
constexpr char kSelectStatements[] =
    "SELECT seq, item_number, role, participant_id, speaker, language, text, recorded_at FROM statements "
    "WHERE meeting_id = ?1 ORDER BY position";

// Deleting the items deletes their invitations and attendance (ON DELETE CASCADE).
constexpr char kDeleteItems[] = "DELETE FROM agenda_items WHERE meeting_id = ?1";
constexpr char kDeleteAmendments[] = "DELETE FROM agenda_amendments WHERE meeting_id = ?1";
constexpr char kDeleteStatements[] = "DELETE FROM statements WHERE meeting_id = ?1";

constexpr char kInsertItem[] =
    "INSERT INTO agenda_items (meeting_id, position, number, title, closed_to_observers, any_other_business) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr char kInsertInvitation[] =
    "INSERT INTO agenda_item_invitations (meeting_id, item_position, position, participant_id) "
    "VALUES (?1, ?2, ?3, ?4)";
constexpr char kInsertAttendance[] =
    "INSERT INTO agenda_item_attendance (meeting_id, item_position, position, participant_id) "
    "VALUES (?1, ?2, ?3, ?4)";
constexpr char kInsertAmendment[] =
    "INSERT INTO agenda_amendments (meeting_id, position, item_number, proposed_by, previous_title, title) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr char kInsertStatement[] =
    "INSERT INTO statements (meeting_id, position, seq, item_number, role, participant_id, speaker, language, "
    "text, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

// The meetings row at the statement's current row; the children come separately.
Result<core::Meeting> ReadRow(const Statement& row) {
  core::Meeting m;
  m.id = row.ColumnInt(0);
  auto body = DecodeBodyCode(row.ColumnText(1), "meetings.body");
  if (!body) return body.error();
  m.body = *body;
  m.session = core::SessionCode{static_cast<int>(row.ColumnInt(2)), static_cast<int>(row.ColumnInt(3))};
  auto starts = DecodeDate(row.ColumnText(4), "meetings.starts_on");
  if (!starts) return starts.error();
  m.starts_on = *starts;
  auto ends = DecodeDate(row.ColumnText(5), "meetings.ends_on");
  if (!ends) return ends.error();
  m.ends_on = *ends;
  auto format = DecodeMeetingFormat(row.ColumnText(6));
  if (!format) return format.error();
  m.format = *format;
  m.venue = row.ColumnText(7);
  m.chair_participant_id = row.ColumnText(8);
  m.chair_person = row.ColumnText(9);
  auto status = DecodeAgendaStatus(row.ColumnText(10));
  if (!status) return status.error();
  m.agenda_status = *status;
  m.agenda_symbol = row.ColumnText(11);
  m.agenda_adopted_at = FromOptionalMillis(row.ColumnOptionalInt(12));
  if (auto reply_by = row.ColumnOptionalText(13)) {
    auto date = DecodeDate(*reply_by, "meetings.reply_by");
    if (!date) return date.error();
    m.reply_by = *date;
  }
  return m;
}

// Binds the columns after id, from ?first on, in the order of the INSERT above.
void BindFields(Statement& s, int first, const core::Meeting& m) {
  s.BindText(first, core::ToString(m.body))
      .BindInt(first + 1, m.session.year)
      .BindInt(first + 2, m.session.number)
      .BindText(first + 3, ToText(m.starts_on))
      .BindText(first + 4, ToText(m.ends_on))
      .BindText(first + 5, core::ToString(m.format))
      .BindText(first + 6, m.venue)
      .BindText(first + 7, m.chair_participant_id)
      .BindText(first + 8, m.chair_person)
      .BindText(first + 9, core::ToString(m.agenda_status))
      .BindText(first + 10, m.agenda_symbol)
      .BindOptionalInt(first + 11, ToOptionalMillis(m.agenda_adopted_at))
      .BindOptionalText(first + 12, m.reply_by ? std::optional<std::string>(ToText(*m.reply_by)) : std::nullopt);
}

core::Error Explain(const core::Error& error, const core::Meeting& m) {
  if (error.code == core::ErrorCode::kAlreadyExists) {
    return core::Error::AlreadyExists("meeting " + core::MeetingCode(m.body, m.session) + " already exists");
  }
  return error;
}

// Runs `sql` (bound to the meeting's id) and calls `each` at every row.
template <class Each>
Result<void> ForEachChild(Connection& c, const char* sql, std::int64_t meeting_id, Each each) {
  auto select = c.Prepare(sql);
  if (!select) return select.error();
  select->BindInt(1, meeting_id);
  return select->ForEachRow([&]() { return each(*select); });
}

// Participant ids under an item (invitations or attendance) into `member` of the items.
Result<void> LoadItemParticipants(Connection& c, const char* sql, core::Meeting& m,
                                  std::vector<std::string> core::AgendaItem::*member) {
  return ForEachChild(c, sql, m.id, [&](const Statement& row) -> Result<void> {
    const std::int64_t item = row.ColumnInt(0);
    if (item < 0 || item >= static_cast<std::int64_t>(m.agenda.size())) {
      return core::Error::Internal("meeting " + std::to_string(m.id) + " has a participant under missing agenda item " +
                                   std::to_string(item));
    }
    (m.agenda[static_cast<std::size_t>(item)].*member).push_back(row.ColumnText(1));
    return core::Ok();
  });
}

Result<void> LoadChildren(Connection& c, core::Meeting& m) {
  auto items = ForEachChild(c, kSelectItems, m.id, [&](const Statement& row) -> Result<void> {
    core::AgendaItem item;
    item.number = static_cast<int>(row.ColumnInt(0));
    item.title = row.ColumnText(1);
    item.closed_to_observers = row.ColumnInt(2) != 0;
    item.any_other_business = row.ColumnInt(3) != 0;
    m.agenda.push_back(std::move(item));
    return core::Ok();
  });
  if (!items) return items;
  if (auto r = LoadItemParticipants(c, kSelectInvitations, m, &core::AgendaItem::invited_observers); !r) return r;
  if (auto r = LoadItemParticipants(c, kSelectAttendance, m, &core::AgendaItem::present); !r) return r;
  auto amendments = ForEachChild(c, kSelectAmendments, m.id, [&](const Statement& row) -> Result<void> {
    m.amendments.push_back(core::AgendaAmendment{static_cast<int>(row.ColumnInt(0)), row.ColumnText(1),
                                                 row.ColumnText(2), row.ColumnText(3)});
    return core::Ok();
  });
  if (!amendments) return amendments;
  return ForEachChild(c, kSelectStatements, m.id, [&](const Statement& row) -> Result<void> {
    core::Statement s;
    s.seq = static_cast<int>(row.ColumnInt(0));
    s.item_number = static_cast<int>(row.ColumnInt(1));
    auto role = DecodeSpeakerRole(row.ColumnText(2));
    if (!role) return role.error();
    s.role = *role;
    s.participant_id = row.ColumnText(3);
    s.speaker = row.ColumnText(4);
    s.language = row.ColumnText(5);
    s.text = row.ColumnText(6);
    s.recorded_at = FromMillis(row.ColumnInt(7));
    m.statements.push_back(std::move(s));
    return core::Ok();
  });
}

// The meetings `sql` selects (with `bind` applied), children included, in the query's order.
template <class Bind>
Result<std::vector<core::Meeting>> Select(TxContext& tx, const char* sql, Bind bind) {
  auto c = tx.ForRead();
  if (!c) return c.error();
  std::vector<core::Meeting> out;
  {
    auto select = (*c)->Prepare(sql);
    if (!select) return select.error();
    bind(*select);
    auto read = select->ForEachRow([&]() -> Result<void> {
      auto m = ReadRow(*select);
      if (!m) return m.error();
      out.push_back(std::move(*m));
      return core::Ok();
    });
    if (!read) return read.error();
  }
  for (auto& m : out) {
    if (auto r = LoadChildren(**c, m); !r) return r.error();
  }
  return out;
}

Result<std::optional<core::Meeting>> First(Result<std::vector<core::Meeting>> found) {
  if (!found) return found.error();
  if (found->empty()) return std::optional<core::Meeting>();
  return std::optional<core::Meeting>(std::move(found->front()));
}

Result<void> InsertParticipants(Connection& c, const char* sql, std::int64_t meeting_id, std::size_t item_position,
                                const std::vector<std::string>& ids) {
  for (std::size_t i = 0; i < ids.size(); ++i) {
    auto insert = c.Prepare(sql);
    if (!insert) return insert.error();
    insert->BindInt(1, meeting_id)
        .BindInt(2, static_cast<std::int64_t>(item_position))
        .BindInt(3, static_cast<std::int64_t>(i))
        .BindText(4, ids[i]);
    if (auto r = insert->Run(); !r) return r;
  }
  return core::Ok();
}

// Writes the children of meeting `id` at positions 0, 1, … (the caller has removed old ones).
Result<void> StoreChildren(Connection& c, std::int64_t id, const core::Meeting& m) {
  for (std::size_t i = 0; i < m.agenda.size(); ++i) {
    const auto& item = m.agenda[i];
    auto insert = c.Prepare(kInsertItem);
    if (!insert) return insert.error();
    insert->BindInt(1, id)
        .BindInt(2, static_cast<std::int64_t>(i))
        .BindInt(3, item.number)
        .BindText(4, item.title)
        .BindInt(5, item.closed_to_observers ? 1 : 0)
        .BindInt(6, item.any_other_business ? 1 : 0);
    if (auto r = insert->Run(); !r) return r;
    if (auto r = InsertParticipants(c, kInsertInvitation, id, i, item.invited_observers); !r) return r;
    if (auto r = InsertParticipants(c, kInsertAttendance, id, i, item.present); !r) return r;
  }
  for (std::size_t i = 0; i < m.amendments.size(); ++i) {
    const auto& a = m.amendments[i];
    auto insert = c.Prepare(kInsertAmendment);
    if (!insert) return insert.error();
    insert->BindInt(1, id)
        .BindInt(2, static_cast<std::int64_t>(i))
        .BindInt(3, a.item_number)
        .BindText(4, a.proposed_by)
        .BindText(5, a.previous_title)
        .BindText(6, a.title);
    if (auto r = insert->Run(); !r) return r;
  }
  for (std::size_t i = 0; i < m.statements.size(); ++i) {
    const auto& s = m.statements[i];
    auto insert = c.Prepare(kInsertStatement);
    if (!insert) return insert.error();
    insert->BindInt(1, id)
        .BindInt(2, static_cast<std::int64_t>(i))
        .BindInt(3, s.seq)
        .BindInt(4, s.item_number)
        .BindText(5, core::ToString(s.role))
        .BindText(6, s.participant_id)
        .BindText(7, s.speaker)
        .BindText(8, s.language)
        .BindText(9, s.text)
        .BindInt(10, ToMillis(s.recorded_at));
    if (auto r = insert->Run(); !r) return r;
  }
  return core::Ok();
}

}  // namespace

Result<std::optional<core::Meeting>> MeetingRepository::Find(std::int64_t id) {
  return First(Select(tx_, kSelectById, [&](Statement& s) { s.BindInt(1, id); }));
}

Result<std::optional<core::Meeting>> MeetingRepository::FindBySession(core::BodyCode body, core::SessionCode session) {
  return First(Select(tx_, kSelectBySession, [&](Statement& s) {
    s.BindText(1, core::ToString(body)).BindInt(2, session.year).BindInt(3, session.number);
  }));
}

Result<std::vector<core::Meeting>> MeetingRepository::List(const core::MeetingFilter& filter) {
  return Select(tx_, kSelectFiltered, [&](Statement& s) {
    s.BindOptionalText(1, ToText(filter.body)).BindOptionalText(2, ToText(filter.from)).BindOptionalText(3, ToText(filter.to));
  });
}

Result<std::int64_t> MeetingRepository::Insert(const core::Meeting& meeting) {
  std::int64_t id = 0;
  auto done = tx_.Atomically([&](Connection& c) -> Result<void> {
    auto insert = c.Prepare(kInsert);
    if (!insert) return insert.error();
    BindFields(*insert, 1, meeting);
    if (auto r = insert->Run(); !r) return Explain(r.error(), meeting);
    id = c.LastInsertRowId();
    return StoreChildren(c, id, meeting);
  });
  if (!done) return done.error();
  return id;
}

Result<void> MeetingRepository::Update(const core::Meeting& meeting) {
  return tx_.Atomically([&](Connection& c) -> Result<void> {
    auto update = c.Prepare(kUpdate);
    if (!update) return update.error();
    update->BindInt(1, meeting.id);
    BindFields(*update, 2, meeting);
    if (auto r = update->Run(); !r) return Explain(r.error(), meeting);
    if (c.Changes() == 0) return core::Error::NotFound("no meeting with id " + std::to_string(meeting.id));
    for (const char* sql : {kDeleteItems, kDeleteAmendments, kDeleteStatements}) {
      auto remove = c.Prepare(sql);
      if (!remove) return remove.error();
      remove->BindInt(1, meeting.id);
      if (auto r = remove->Run(); !r) return r;
    }
    return StoreChildren(c, meeting.id, meeting);
  });
}

}  // namespace chancery::storage::sqlite
