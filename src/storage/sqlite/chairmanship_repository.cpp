#include <utility>

#include "storage/sqlite/codec.hpp"
#include "storage/sqlite/repositories.hpp"

namespace chancery::storage::sqlite {
namespace {

using core::Result;

// "YYYY-MM-DD" text sorts as the dates do.
constexpr char kSelectAll[] =
    "SELECT participant_id, valid_from, valid_until, basis, recommended_by_silence_procedure FROM chairmanship_terms "
    "ORDER BY valid_from";
constexpr char kInsert[] =
    "INSERT INTO chairmanship_terms (valid_from, participant_id, valid_until, basis, recommended_by_silence_procedure) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";

}  // namespace

Result<std::vector<core::ChairmanshipTerm>> ChairmanshipRepository::List() {
  auto c = tx_.ForRead();
  if (!c) return c.error();
  auto select = (*c)->Prepare(kSelectAll);
  if (!select) return select.error();
  std::vector<core::ChairmanshipTerm> out;
  auto read = select->ForEachRow([&]() -> Result<void> {
    auto from = DecodeDate(select->ColumnText(1), "chairmanship_terms.valid_from");
    if (!from) return from.error();
    auto until = DecodeOptionalDate(select->ColumnOptionalText(2), "chairmanship_terms.valid_until");
    if (!until) return until.error();
    out.push_back(core::ChairmanshipTerm{select->ColumnText(0), *from, *until, select->ColumnText(3),
                                         select->ColumnOptionalInt(4)});
    return core::Ok();
  });
  if (!read) return read.error();
  return out;
}

Result<void> ChairmanshipRepository::Insert(const core::ChairmanshipTerm& term) {
  auto c = tx_.ForWrite();
  if (!c) return c.error();
  auto insert = (*c)->Prepare(kInsert);
  if (!insert) return insert.error();
  insert->BindText(1, ToText(term.from))
      .BindText(2, term.participant_id)
      .BindOptionalText(3, ToText(term.until))
      .BindText(4, term.basis)
      .BindOptionalInt(5, term.recommended_by_silence_procedure);
  if (auto r = insert->Run(); !r) {
    if (r.error().code == core::ErrorCode::kAlreadyExists) {
      return core::Error::AlreadyExists("a chairmanship term from " + ToText(term.from) + " already exists");
    }
    return r;
  }
  return core::Ok();
}

}  // namespace chancery::storage::sqlite
