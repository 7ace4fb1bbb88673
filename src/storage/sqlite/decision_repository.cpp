#include <string>
#include <utility>

#include "storage/sqlite/codec.hpp"
#include "storage/sqlite/repositories.hpp"

namespace chancery::storage::sqlite {
namespace {

using core::Result;

#define DECISION_COLUMNS                                                                                  \
  "id, body, year, session, number, meeting_id, item_number, title, text, mode, adopted_at, recorded_on, " \
  "silence_procedure_id, recommended_to"

constexpr char kSelectById[] = "SELECT " DECISION_COLUMNS " FROM decisions WHERE id = ?1";
constexpr char kSelectBySymbol[] =
    "SELECT " DECISION_COLUMNS " FROM decisions "
    "WHERE body = ?1 AND year = ?2 AND session = ?3 AND number = ?4 AND number > 0";
// The body orders by its code ("MM" before "SOC"), as the memory adapter does.
constexpr char kSelectFiltered[] =
    "SELECT " DECISION_COLUMNS " FROM decisions "
    "WHERE (?1 IS NULL OR body = ?1) AND (?2 IS NULL OR meeting_id = ?2) "
    "AND (?3 IS NULL OR recorded_on >= ?3) AND (?4 IS NULL OR recorded_on <= ?4) "
    "ORDER BY recorded_on, body, year, session, number";
constexpr char kInsert[] =
    "INSERT INTO decisions (body, year, session, number, meeting_id, item_number, title, text, mode, adopted_at, "
    "recorded_on, silence_procedure_id, recommended_to) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";

#undef DECISION_COLUMNS

constexpr char kSelectAttachments[] =
    "SELECT participant_id, kind, text FROM decision_attachments WHERE decision_id = ?1 ORDER BY position";
constexpr char kSelectGrants[] =
    "SELECT participant_id, status, valid_from FROM decision_status_grants WHERE decision_id = ?1 ORDER BY position";
constexpr char kSelectDocuments[] =
    "SELECT symbol FROM decision_documents WHERE decision_id = ?1 ORDER BY position";

constexpr char kInsertAttachment[] =
    "INSERT INTO decision_attachments (decision_id, position, participant_id, kind, text) VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr char kInsertGrant[] =
    "INSERT INTO decision_status_grants (decision_id, position, participant_id, status, valid_from) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr char kInsertDocument[] = "INSERT INTO decision_documents (decision_id, position, symbol) VALUES (?1, ?2, ?3)";

Result<core::Decision> ReadRow(const Statement& row) {
  core::Decision d;
  d.id = row.ColumnInt(0);
  auto body = DecodeBodyCode(row.ColumnText(1), "decisions.body");
  if (!body) return body.error();
  d.symbol = core::DecisionSymbol{*body, static_cast<int>(row.ColumnInt(2)), static_cast<int>(row.ColumnInt(3)),
                                  static_cast<int>(row.ColumnInt(4))};
  d.meeting_id = row.ColumnInt(5);
  d.item_number = static_cast<int>(row.ColumnInt(6));
  d.title = row.ColumnText(7);
  d.text = row.ColumnText(8);
  auto mode = DecodeAdoptionMode(row.ColumnText(9));
  if (!mode) return mode.error();
  d.mode = *mode;
  d.adopted_at = FromMillis(row.ColumnInt(10));
  auto recorded = DecodeDate(row.ColumnText(11), "decisions.recorded_on");
  if (!recorded) return recorded.error();
  d.recorded_on = *recorded;
  d.silence_procedure_id = row.ColumnOptionalInt(12);
  if (auto to = row.ColumnOptionalText(13)) {
    auto recommended_to = DecodeBodyCode(*to, "decisions.recommended_to");
    if (!recommended_to) return recommended_to.error();
    d.recommended_to = *recommended_to;
  }
  return d;
}

template <class Each>
Result<void> ForEachChild(Connection& c, const char* sql, std::int64_t decision_id, Each each) {
  auto select = c.Prepare(sql);
  if (!select) return select.error();
  select->BindInt(1, decision_id);
  return select->ForEachRow([&]() { return each(*select); });
}

Result<void> LoadChildren(Connection& c, core::Decision& d) {
  auto attachments = ForEachChild(c, kSelectAttachments, d.id, [&](const Statement& row) -> Result<void> {
    auto kind = DecodeFloorPositionKind(row.ColumnText(1));
    if (!kind) return kind.error();
    d.attachments.push_back(core::AttachedStatement{row.ColumnText(0), *kind, row.ColumnText(2)});
    return core::Ok();
  });
  if (!attachments) return attachments;
  auto grants = ForEachChild(c, kSelectGrants, d.id, [&](const Statement& row) -> Result<void> {
    auto status = DecodeParticipantStatus(row.ColumnText(1), "decision_status_grants.status");
    if (!status) return status.error();
    auto from = DecodeDate(row.ColumnText(2), "decision_status_grants.valid_from");
    if (!from) return from.error();
    d.status_grants.push_back(core::StatusGrant{row.ColumnText(0), *status, *from});
    return core::Ok();
  });
  if (!grants) return grants;
  return ForEachChild(c, kSelectDocuments, d.id, [&](const Statement& row) -> Result<void> {
    d.approved_documents.push_back(row.ColumnText(0));
    return core::Ok();
  });
}

template <class Bind>
Result<std::vector<core::Decision>> Select(TxContext& tx, const char* sql, Bind bind) {
  auto c = tx.ForRead();
  if (!c) return c.error();
  std::vector<core::Decision> out;
  {
    auto select = (*c)->Prepare(sql);
    if (!select) return select.error();
    bind(*select);
    auto read = select->ForEachRow([&]() -> Result<void> {
      auto d = ReadRow(*select);
      if (!d) return d.error();
      out.push_back(std::move(*d));
      return core::Ok();
    });
    if (!read) return read.error();
  }
  for (auto& d : out) {
    if (auto r = LoadChildren(**c, d); !r) return r.error();
  }
  return out;
}

Result<std::optional<core::Decision>> First(Result<std::vector<core::Decision>> found) {
  if (!found) return found.error();
  if (found->empty()) return std::optional<core::Decision>();
  return std::optional<core::Decision>(std::move(found->front()));
}

Result<void> StoreChildren(Connection& c, std::int64_t id, const core::Decision& d) {
  for (std::size_t i = 0; i < d.attachments.size(); ++i) {
    const auto& a = d.attachments[i];
    auto insert = c.Prepare(kInsertAttachment);
    if (!insert) return insert.error();
    insert->BindInt(1, id)
        .BindInt(2, static_cast<std::int64_t>(i))
        .BindText(3, a.participant_id)
        .BindText(4, core::ToString(a.kind))
        .BindText(5, a.text);
    if (auto r = insert->Run(); !r) return r;
  }
  for (std::size_t i = 0; i < d.status_grants.size(); ++i) {
    const auto& g = d.status_grants[i];
    auto insert = c.Prepare(kInsertGrant);
    if (!insert) return insert.error();
    insert->BindInt(1, id)
        .BindInt(2, static_cast<std::int64_t>(i))
        .BindText(3, g.participant_id)
        .BindText(4, core::ToString(g.status))
        .BindText(5, ToText(g.from));
    if (auto r = insert->Run(); !r) return r;
  }
  for (std::size_t i = 0; i < d.approved_documents.size(); ++i) {
    auto insert = c.Prepare(kInsertDocument);
    if (!insert) return insert.error();
    insert->BindInt(1, id).BindInt(2, static_cast<std::int64_t>(i)).BindText(3, d.approved_documents[i]);
    if (auto r = insert->Run(); !r) return r;
  }
  return core::Ok();
}

}  // namespace

Result<std::optional<core::Decision>> DecisionRepository::Find(std::int64_t id) {
  return First(Select(tx_, kSelectById, [&](Statement& s) { s.BindInt(1, id); }));
}

Result<std::optional<core::Decision>> DecisionRepository::FindBySymbol(const core::DecisionSymbol& symbol) {
  return First(Select(tx_, kSelectBySymbol, [&](Statement& s) {
    s.BindText(1, core::ToString(symbol.body)).BindInt(2, symbol.year).BindInt(3, symbol.session).BindInt(4, symbol.number);
  }));
}

Result<std::vector<core::Decision>> DecisionRepository::List(const core::DecisionFilter& filter) {
  return Select(tx_, kSelectFiltered, [&](Statement& s) {
    s.BindOptionalText(1, ToText(filter.body))
        .BindOptionalInt(2, filter.meeting_id)
        .BindOptionalText(3, ToText(filter.from))
        .BindOptionalText(4, ToText(filter.to));
  });
}

Result<std::int64_t> DecisionRepository::Insert(const core::Decision& decision) {
  std::int64_t id = 0;
  auto done = tx_.Atomically([&](Connection& c) -> Result<void> {
    auto insert = c.Prepare(kInsert);
    if (!insert) return insert.error();
    const auto& s = decision.symbol;
    insert->BindText(1, core::ToString(s.body))
        .BindInt(2, s.year)
        .BindInt(3, s.session)
        .BindInt(4, s.number)
        .BindInt(5, decision.meeting_id)
        .BindInt(6, decision.item_number)
        .BindText(7, decision.title)
        .BindText(8, decision.text)
        .BindText(9, core::ToString(decision.mode))
        .BindInt(10, ToMillis(decision.adopted_at))
        .BindText(11, ToText(decision.recorded_on))
        .BindOptionalInt(12, decision.silence_procedure_id)
        .BindOptionalText(13, ToText(decision.recommended_to));
    if (auto r = insert->Run(); !r) {
      if (r.error().code == core::ErrorCode::kAlreadyExists) {
        return core::Error::AlreadyExists("decision " + core::Format(s) + " already exists");
      }
      return r;
    }
    id = c.LastInsertRowId();
    return StoreChildren(c, id, decision);
  });
  if (!done) return done.error();
  return id;
}

}  // namespace chancery::storage::sqlite
