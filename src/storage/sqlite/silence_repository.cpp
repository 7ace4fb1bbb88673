#include <string>
#include <utility>

#include "storage/sqlite/codec.hpp"
#include "storage/sqlite/repositories.hpp"

namespace chancery::storage::sqlite {
namespace {

using core::Result;

#define SILENCE_COLUMNS                                                                                   \
  "id, body, title, opened_at, expires_at, expiry_wording, text, initiator, meeting_id, state, decided_at, " \
  "concluded_at, broken_by, decision_id, amendments_break_silence, title_ru, title_kk"

constexpr char kSelectById[] = "SELECT " SILENCE_COLUMNS " FROM silence_procedures WHERE id = ?1";
constexpr char kSelectFiltered[] =
    "SELECT " SILENCE_COLUMNS " FROM silence_procedures "
    "WHERE (?1 IS NULL OR body = ?1) AND (?2 IS NULL OR state = ?2) "
    "AND (?3 IS NULL OR opened_at >= ?3) AND (?4 IS NULL OR opened_at < ?4) ORDER BY id";
constexpr char kInsert[] =
    "INSERT INTO silence_procedures (body, title, opened_at, expires_at, expiry_wording, text, initiator, "
    "meeting_id, state, decided_at, concluded_at, broken_by, decision_id, amendments_break_silence, title_ru, "
    "title_kk) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)";
constexpr char kUpdate[] =
    "UPDATE silence_procedures SET body = ?2, title = ?3, opened_at = ?4, expires_at = ?5, expiry_wording = ?6, "
    "text = ?7, initiator = ?8, meeting_id = ?9, state = ?10, decided_at = ?11, concluded_at = ?12, "
    "broken_by = ?13, decision_id = ?14, amendments_break_silence = ?15, title_ru = ?16, title_kk = ?17 WHERE id = ?1";

#undef SILENCE_COLUMNS

// The scheduler's queries; ?1 is the 'running' state's stored name.
constexpr char kSelectDue[] =
    "SELECT id FROM silence_procedures WHERE state = ?1 AND expires_at <= ?2 ORDER BY expires_at, id";
constexpr char kSelectNextExpiry[] = "SELECT min(expires_at) FROM silence_procedures WHERE state = ?1";

constexpr char kSelectAddressees[] =
    "SELECT participant_id FROM silence_addressees WHERE procedure_id = ?1 ORDER BY position";
constexpr char kSelectResponses[] =
    "SELECT seq, participant_id, kind, received_at, text, reference, registered_at, registered_by "
    "FROM silence_responses WHERE procedure_id = ?1 ORDER BY position";
constexpr char kSelectNotices[] =
    "SELECT participant_id, outcome, generated_at FROM silence_notices WHERE procedure_id = ?1 ORDER BY position";

constexpr char kDeleteAddressees[] = "DELETE FROM silence_addressees WHERE procedure_id = ?1";
constexpr char kDeleteResponses[] = "DELETE FROM silence_responses WHERE procedure_id = ?1";
constexpr char kDeleteNotices[] = "DELETE FROM silence_notices WHERE procedure_id = ?1";

constexpr char kInsertAddressee[] =
    "INSERT INTO silence_addressees (procedure_id, position, participant_id) VALUES (?1, ?2, ?3)";
constexpr char kInsertResponse[] =
    "INSERT INTO silence_responses (procedure_id, position, seq, participant_id, kind, received_at, text, "
    "reference, registered_at, registered_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
constexpr char kInsertNotice[] =
    "INSERT INTO silence_notices (procedure_id, position, participant_id, outcome, generated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";

Result<core::SilenceRecord> ReadRow(const Statement& row) {
  core::SilenceRecord r;
  r.id = row.ColumnInt(0);
  auto body = DecodeBodyCode(row.ColumnText(1), "silence_procedures.body");
  if (!body) return body.error();
  r.body = *body;
  r.procedure.title = row.ColumnText(2);
  r.procedure.opened_at = FromMillis(row.ColumnInt(3));
  r.procedure.expires_at = FromMillis(row.ColumnInt(4));
  r.procedure.expiry_wording = row.ColumnText(5);
  r.text = row.ColumnText(6);
  auto initiator = DecodeSilenceInitiator(row.ColumnText(7));
  if (!initiator) return initiator.error();
  r.initiator = *initiator;
  r.meeting_id = row.ColumnOptionalInt(8);
  auto state = DecodeSilenceState(row.ColumnText(9), "silence_procedures.state");
  if (!state) return state.error();
  r.state = *state;
  r.decided_at = FromOptionalMillis(row.ColumnOptionalInt(10));
  r.concluded_at = FromOptionalMillis(row.ColumnOptionalInt(11));
  if (auto broken_by = row.ColumnOptionalInt(12)) r.broken_by = static_cast<int>(*broken_by);
  r.decision_id = row.ColumnOptionalInt(13);
  r.amendments_break_silence = row.ColumnInt(14) != 0;
  // '' is "not given" (migration 12).
  if (auto ru = row.ColumnText(15); !ru.empty()) r.procedure.titles["ru"] = std::move(ru);
  if (auto kk = row.ColumnText(16); !kk.empty()) r.procedure.titles["kk"] = std::move(kk);
  return r;
}

std::string TitleIn(const core::SilenceRecord& r, const std::string& lang) {
  auto found = r.procedure.titles.find(lang);
  return found == r.procedure.titles.end() ? std::string() : found->second;
}

// Binds the columns after id, from ?first on, in the order of the INSERT above.
void BindFields(Statement& s, int first, const core::SilenceRecord& r) {
  std::optional<std::int64_t> broken_by;
  if (r.broken_by) broken_by = *r.broken_by;
  s.BindText(first, core::ToString(r.body))
      .BindText(first + 1, r.procedure.title)
      .BindInt(first + 2, ToMillis(r.procedure.opened_at))
      .BindInt(first + 3, ToMillis(r.procedure.expires_at))
      .BindText(first + 4, r.procedure.expiry_wording)
      .BindText(first + 5, r.text)
      .BindText(first + 6, core::ToString(r.initiator))
      .BindOptionalInt(first + 7, r.meeting_id)
      .BindText(first + 8, core::ToString(r.state))
      .BindOptionalInt(first + 9, ToOptionalMillis(r.decided_at))
      .BindOptionalInt(first + 10, ToOptionalMillis(r.concluded_at))
      .BindOptionalInt(first + 11, broken_by)
      .BindOptionalInt(first + 12, r.decision_id)
      .BindInt(first + 13, r.amendments_break_silence ? 1 : 0)
      .BindText(first + 14, TitleIn(r, "ru"))
      .BindText(first + 15, TitleIn(r, "kk"));
}

template <class Each>
Result<void> ForEachChild(Connection& c, const char* sql, std::int64_t procedure_id, Each each) {
  auto select = c.Prepare(sql);
  if (!select) return select.error();
  select->BindInt(1, procedure_id);
  return select->ForEachRow([&]() { return each(*select); });
}

Result<void> LoadChildren(Connection& c, core::SilenceRecord& r) {
  auto addressees = ForEachChild(c, kSelectAddressees, r.id, [&](const Statement& row) -> Result<void> {
    r.addressees.push_back(row.ColumnText(0));
    return core::Ok();
  });
  if (!addressees) return addressees;
  auto responses = ForEachChild(c, kSelectResponses, r.id, [&](const Statement& row) -> Result<void> {
    core::RecordedResponse response;
    response.seq = static_cast<int>(row.ColumnInt(0));
    response.response.participant_id = row.ColumnText(1);
    auto kind = DecodeResponseKind(row.ColumnText(2));
    if (!kind) return kind.error();
    response.response.kind = *kind;
    response.response.received_at = FromMillis(row.ColumnInt(3));
    response.text = row.ColumnText(4);
    response.reference = row.ColumnText(5);
    response.registered_at = FromMillis(row.ColumnInt(6));
    response.registered_by = row.ColumnInt(7);
    r.responses.push_back(std::move(response));
    return core::Ok();
  });
  if (!responses) return responses;
  return ForEachChild(c, kSelectNotices, r.id, [&](const Statement& row) -> Result<void> {
    auto outcome = DecodeSilenceState(row.ColumnText(1), "silence_notices.outcome");
    if (!outcome) return outcome.error();
    r.notices.push_back(core::OutcomeNotice{row.ColumnText(0), *outcome, FromMillis(row.ColumnInt(2))});
    return core::Ok();
  });
}

template <class Bind>
Result<std::vector<core::SilenceRecord>> Select(TxContext& tx, const char* sql, Bind bind) {
  auto c = tx.ForRead();
  if (!c) return c.error();
  std::vector<core::SilenceRecord> out;
  {
    auto select = (*c)->Prepare(sql);
    if (!select) return select.error();
    bind(*select);
    auto read = select->ForEachRow([&]() -> Result<void> {
      auto r = ReadRow(*select);
      if (!r) return r.error();
      out.push_back(std::move(*r));
      return core::Ok();
    });
    if (!read) return read.error();
  }
  for (auto& r : out) {
    if (auto loaded = LoadChildren(**c, r); !loaded) return loaded.error();
  }
  return out;
}

// Writes the children of procedure `id` at positions 0, 1, … (the caller has removed old ones).
Result<void> StoreChildren(Connection& c, std::int64_t id, const core::SilenceRecord& r) {
  for (std::size_t i = 0; i < r.addressees.size(); ++i) {
    auto insert = c.Prepare(kInsertAddressee);
    if (!insert) return insert.error();
    insert->BindInt(1, id).BindInt(2, static_cast<std::int64_t>(i)).BindText(3, r.addressees[i]);
    if (auto done = insert->Run(); !done) return done;
  }
  for (std::size_t i = 0; i < r.responses.size(); ++i) {
    const auto& response = r.responses[i];
    auto insert = c.Prepare(kInsertResponse);
    if (!insert) return insert.error();
    insert->BindInt(1, id)
        .BindInt(2, static_cast<std::int64_t>(i))
        .BindInt(3, response.seq)
        .BindText(4, response.response.participant_id)
        .BindText(5, core::ToString(response.response.kind))
        .BindInt(6, ToMillis(response.response.received_at))
        .BindText(7, response.text)
        .BindText(8, response.reference)
        .BindInt(9, ToMillis(response.registered_at))
        .BindInt(10, response.registered_by);
    if (auto done = insert->Run(); !done) return done;
  }
  for (std::size_t i = 0; i < r.notices.size(); ++i) {
    const auto& notice = r.notices[i];
    auto insert = c.Prepare(kInsertNotice);
    if (!insert) return insert.error();
    insert->BindInt(1, id)
        .BindInt(2, static_cast<std::int64_t>(i))
        .BindText(3, notice.participant_id)
        .BindText(4, core::ToString(notice.outcome))
        .BindInt(5, ToMillis(notice.generated_at));
    if (auto done = insert->Run(); !done) return done;
  }
  return core::Ok();
}

}  // namespace

Result<std::optional<core::SilenceRecord>> SilenceRepository::Find(std::int64_t id) {
  auto found = Select(tx_, kSelectById, [&](Statement& s) { s.BindInt(1, id); });
  if (!found) return found.error();
  if (found->empty()) return std::optional<core::SilenceRecord>();
  return std::optional<core::SilenceRecord>(std::move(found->front()));
}

Result<std::vector<core::SilenceRecord>> SilenceRepository::List(const core::SilenceFilter& filter) {
  std::optional<std::string> state;
  if (filter.state) state = std::string(core::ToString(*filter.state));
  return Select(tx_, kSelectFiltered,
                [&](Statement& s) {
                  s.BindOptionalText(1, ToText(filter.body))
                      .BindOptionalText(2, state)
                      .BindOptionalInt(3, ToOptionalMillis(filter.opened_from))
                      .BindOptionalInt(4, ToOptionalMillis(filter.opened_before));
                });
}

Result<std::int64_t> SilenceRepository::Insert(const core::SilenceRecord& record) {
  std::int64_t id = 0;
  auto done = tx_.Atomically([&](Connection& c) -> Result<void> {
    auto insert = c.Prepare(kInsert);
    if (!insert) return insert.error();
    BindFields(*insert, 1, record);
    if (auto r = insert->Run(); !r) return r;
    id = c.LastInsertRowId();
    return StoreChildren(c, id, record);
  });
  if (!done) return done.error();
  return id;
}

Result<void> SilenceRepository::Update(const core::SilenceRecord& record) {
  return tx_.Atomically([&](Connection& c) -> Result<void> {
    auto update = c.Prepare(kUpdate);
    if (!update) return update.error();
    update->BindInt(1, record.id);
    BindFields(*update, 2, record);
    if (auto r = update->Run(); !r) return r;
    if (c.Changes() == 0) return core::Error::NotFound("no silence procedure with id " + std::to_string(record.id));
    for (const char* sql : {kDeleteAddressees, kDeleteResponses, kDeleteNotices}) {
      auto remove = c.Prepare(sql);
      if (!remove) return remove.error();
      remove->BindInt(1, record.id);
      if (auto r = remove->Run(); !r) return r;
    }
    return StoreChildren(c, record.id, record);
  });
}

Result<std::vector<std::int64_t>> SilenceRepository::DueAt(core::Instant now) {
  auto c = tx_.ForRead();
  if (!c) return c.error();
  auto select = (*c)->Prepare(kSelectDue);
  if (!select) return select.error();
  select->BindText(1, core::ToString(core::SilenceState::kRunning)).BindInt(2, ToMillis(now));
  std::vector<std::int64_t> ids;
  auto read = select->ForEachRow([&]() -> Result<void> {
    ids.push_back(select->ColumnInt(0));
    return core::Ok();
  });
  if (!read) return read.error();
  return ids;
}

Result<std::optional<core::Instant>> SilenceRepository::NextExpiry() {
  auto c = tx_.ForRead();
  if (!c) return c.error();
  auto select = (*c)->Prepare(kSelectNextExpiry);
  if (!select) return select.error();
  select->BindText(1, core::ToString(core::SilenceState::kRunning));
  auto row = select->Step();
  if (!row) return row.error();
  if (!*row) return core::Error::Internal("min(expires_at) returned no row");
  return FromOptionalMillis(select->ColumnOptionalInt(0));  // NULL when nothing is running
}

}  // namespace chancery::storage::sqlite
