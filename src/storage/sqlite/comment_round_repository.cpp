#include <string>
#include <utility>

#include "storage/sqlite/codec.hpp"
#include "storage/sqlite/repositories.hpp"

namespace chancery::storage::sqlite {
namespace {

using core::Result;

#define COMMENT_ROUND_COLUMNS "id, document_id, version, opened_at, deadline, consolidated_into"

constexpr char kSelectById[] = "SELECT " COMMENT_ROUND_COLUMNS " FROM comment_rounds WHERE id = ?1";
constexpr char kSelectForDocument[] =
    "SELECT " COMMENT_ROUND_COLUMNS " FROM comment_rounds WHERE document_id = ?1 ORDER BY id";
constexpr char kSelectClosing[] = "SELECT " COMMENT_ROUND_COLUMNS
                                  " FROM comment_rounds WHERE consolidated_into IS NULL AND deadline > ?1 "
                                  "AND deadline <= ?2 ORDER BY deadline, id";
constexpr char kInsert[] =
    "INSERT INTO comment_rounds (document_id, version, opened_at, deadline, consolidated_into) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr char kUpdate[] =
    "UPDATE comment_rounds SET document_id = ?2, version = ?3, opened_at = ?4, deadline = ?5, "
    "consolidated_into = ?6 WHERE id = ?1";

#undef COMMENT_ROUND_COLUMNS

constexpr char kSelectAddressees[] =
    "SELECT participant_id FROM comment_round_addressees WHERE round_id = ?1 ORDER BY position";
constexpr char kSelectComments[] =
    "SELECT seq, participant_id, paragraph_id, lang, text, proposed_text, submitted_at, submitted_by, outcome, "
    "reason, applied_text FROM comments WHERE round_id = ?1 ORDER BY seq";

constexpr char kDeleteAddressees[] = "DELETE FROM comment_round_addressees WHERE round_id = ?1";
constexpr char kDeleteComments[] = "DELETE FROM comments WHERE round_id = ?1";

constexpr char kInsertAddressee[] =
    "INSERT INTO comment_round_addressees (round_id, position, participant_id) VALUES (?1, ?2, ?3)";
constexpr char kInsertComment[] =
    "INSERT INTO comments (round_id, seq, participant_id, paragraph_id, lang, text, proposed_text, submitted_at, "
    "submitted_by, outcome, reason, applied_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

core::CommentRound ReadRow(const Statement& row) {
  core::CommentRound r;
  r.id = row.ColumnInt(0);
  r.document_id = row.ColumnInt(1);
  r.version = static_cast<int>(row.ColumnInt(2));
  r.opened_at = FromMillis(row.ColumnInt(3));
  r.deadline = FromMillis(row.ColumnInt(4));
  if (auto consolidated_into = row.ColumnOptionalInt(5)) r.consolidated_into = static_cast<int>(*consolidated_into);
  return r;
}

// Binds the columns after id, from ?first on, in the order of the INSERT above.
void BindFields(Statement& s, int first, const core::CommentRound& r) {
  std::optional<std::int64_t> consolidated_into;
  if (r.consolidated_into) consolidated_into = *r.consolidated_into;
  s.BindInt(first, r.document_id)
      .BindInt(first + 1, r.version)
      .BindInt(first + 2, ToMillis(r.opened_at))
      .BindInt(first + 3, ToMillis(r.deadline))
      .BindOptionalInt(first + 4, consolidated_into);
}

template <class Each>
Result<void> ForEachChild(Connection& c, const char* sql, std::int64_t round_id, Each each) {
  auto select = c.Prepare(sql);
  if (!select) return select.error();
  select->BindInt(1, round_id);
  return select->ForEachRow([&]() { return each(*select); });
}

Result<void> LoadChildren(Connection& c, core::CommentRound& r) {
  auto addressees = ForEachChild(c, kSelectAddressees, r.id, [&](const Statement& row) -> Result<void> {
    r.addressees.push_back(row.ColumnText(0));
    return core::Ok();
  });
  if (!addressees) return addressees;
  return ForEachChild(c, kSelectComments, r.id, [&](const Statement& row) -> Result<void> {
    core::Comment comment;
    comment.seq = static_cast<int>(row.ColumnInt(0));
    comment.participant_id = row.ColumnText(1);
    comment.paragraph_id = row.ColumnText(2);
    comment.lang = row.ColumnText(3);
    comment.text = row.ColumnText(4);
    comment.proposed_text = row.ColumnOptionalText(5);
    comment.submitted_at = FromMillis(row.ColumnInt(6));
    comment.submitted_by = row.ColumnInt(7);
    auto outcome = DecodeCommentOutcome(row.ColumnText(8));
    if (!outcome) return outcome.error();
    comment.outcome = *outcome;
    comment.reason = row.ColumnText(9);
    comment.applied_text = row.ColumnOptionalText(10);
    r.comments.push_back(std::move(comment));
    return core::Ok();
  });
}

template <class Bind>
Result<std::vector<core::CommentRound>> Select(TxContext& tx, const char* sql, Bind bind) {
  auto c = tx.ForRead();
  if (!c) return c.error();
  std::vector<core::CommentRound> out;
  {
    auto select = (*c)->Prepare(sql);
    if (!select) return select.error();
    bind(*select);
    auto read = select->ForEachRow([&]() -> Result<void> {
      out.push_back(ReadRow(*select));
      return core::Ok();
    });
    if (!read) return read.error();
  }
  for (auto& r : out) {
    if (auto loaded = LoadChildren(**c, r); !loaded) return loaded.error();
  }
  return out;
}

// Writes the children of round `id` (the caller has removed old ones): addressees at positions
// 0, 1, …, comments under their seq (two with one seq → kAlreadyExists).
Result<void> StoreChildren(Connection& c, std::int64_t id, const core::CommentRound& r) {
  for (std::size_t i = 0; i < r.addressees.size(); ++i) {
    auto insert = c.Prepare(kInsertAddressee);
    if (!insert) return insert.error();
    insert->BindInt(1, id).BindInt(2, static_cast<std::int64_t>(i)).BindText(3, r.addressees[i]);
    if (auto done = insert->Run(); !done) return done;
  }
  for (const auto& comment : r.comments) {
    auto insert = c.Prepare(kInsertComment);
    if (!insert) return insert.error();
    insert->BindInt(1, id)
        .BindInt(2, comment.seq)
        .BindText(3, comment.participant_id)
        .BindText(4, comment.paragraph_id)
        .BindText(5, comment.lang)
        .BindText(6, comment.text)
        .BindOptionalText(7, comment.proposed_text)
        .BindInt(8, ToMillis(comment.submitted_at))
        .BindInt(9, comment.submitted_by)
        .BindText(10, core::ToString(comment.outcome))
        .BindText(11, comment.reason)
        .BindOptionalText(12, comment.applied_text);
    if (auto done = insert->Run(); !done) return done;
  }
  return core::Ok();
}

}  // namespace

Result<std::optional<core::CommentRound>> CommentRoundRepository::Find(std::int64_t id) {
  auto found = Select(tx_, kSelectById, [&](Statement& s) { s.BindInt(1, id); });
  if (!found) return found.error();
  if (found->empty()) return std::optional<core::CommentRound>();
  return std::optional<core::CommentRound>(std::move(found->front()));
}

Result<std::vector<core::CommentRound>> CommentRoundRepository::ListForDocument(std::int64_t document_id) {
  return Select(tx_, kSelectForDocument, [&](Statement& s) { s.BindInt(1, document_id); });
}

Result<std::vector<core::CommentRound>> CommentRoundRepository::ClosingBetween(core::Instant from, core::Instant to) {
  return Select(tx_, kSelectClosing, [&](Statement& s) { s.BindInt(1, ToMillis(from)).BindInt(2, ToMillis(to)); });
}

Result<std::int64_t> CommentRoundRepository::Insert(const core::CommentRound& round) {
  std::int64_t id = 0;
  auto done = tx_.Atomically([&](Connection& c) -> Result<void> {
    auto insert = c.Prepare(kInsert);
    if (!insert) return insert.error();
    BindFields(*insert, 1, round);
    if (auto r = insert->Run(); !r) return r;
    id = c.LastInsertRowId();
    return StoreChildren(c, id, round);
  });
  if (!done) return done.error();
  return id;
}

Result<void> CommentRoundRepository::Update(const core::CommentRound& round) {
  return tx_.Atomically([&](Connection& c) -> Result<void> {
    auto update = c.Prepare(kUpdate);
    if (!update) return update.error();
    update->BindInt(1, round.id);
    BindFields(*update, 2, round);
    if (auto r = update->Run(); !r) return r;
    if (c.Changes() == 0) return core::Error::NotFound("no comment round with id " + std::to_string(round.id));
    for (const char* sql : {kDeleteAddressees, kDeleteComments}) {
      auto remove = c.Prepare(sql);
      if (!remove) return remove.error();
      remove->BindInt(1, round.id);
      if (auto r = remove->Run(); !r) return r;
    }
    return StoreChildren(c, round.id, round);
  });
}

}  // namespace chancery::storage::sqlite
