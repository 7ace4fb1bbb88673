// The Secretariat's edited note templates (note_templates, note_template_blocks; migration 12).
#include <utility>

#include "storage/sqlite/codec.hpp"
#include "storage/sqlite/repositories.hpp"

namespace chancery::storage::sqlite {
namespace {

using core::Result;

constexpr char kSelectOne[] =
    "SELECT purpose, lang, title, edited_by, edited_at FROM note_templates WHERE purpose = ?1 AND lang = ?2";
constexpr char kSelectAll[] =
    "SELECT purpose, lang, title, edited_by, edited_at FROM note_templates ORDER BY purpose, lang";
constexpr char kSelectBlocks[] =
    "SELECT role, text FROM note_template_blocks WHERE purpose = ?1 AND lang = ?2 ORDER BY position";
// The blocks go with the row (ON DELETE CASCADE), so replacing is a delete and inserts.
constexpr char kDelete[] = "DELETE FROM note_templates WHERE purpose = ?1 AND lang = ?2";
constexpr char kInsert[] =
    "INSERT INTO note_templates (purpose, lang, title, edited_by, edited_at) VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr char kInsertBlock[] =
    "INSERT INTO note_template_blocks (purpose, lang, position, role, text) VALUES (?1, ?2, ?3, ?4, ?5)";

Result<std::vector<core::EditedNoteTemplate>> Select(TxContext& tx, const char* sql, std::string_view purpose,
                                                     std::string_view lang) {
  auto c = tx.ForRead();
  if (!c) return c.error();
  auto select = (*c)->Prepare(sql);
  if (!select) return select.error();
  if (!purpose.empty()) select->BindText(1, purpose).BindText(2, lang);
  std::vector<core::EditedNoteTemplate> out;
  auto read = select->ForEachRow([&]() -> Result<void> {
    core::EditedNoteTemplate t;
    t.note.purpose = select->ColumnText(0);
    t.note.lang = select->ColumnText(1);
    t.note.title = select->ColumnText(2);
    t.edited_by = select->ColumnText(3);
    t.edited_at = FromMillis(select->ColumnInt(4));
    out.push_back(std::move(t));
    return core::Ok();
  });
  if (!read) return read.error();
  for (auto& t : out) {
    auto blocks = (*c)->Prepare(kSelectBlocks);
    if (!blocks) return blocks.error();
    blocks->BindText(1, t.note.purpose).BindText(2, t.note.lang);
    auto rows = blocks->ForEachRow([&]() -> Result<void> {
      auto role = DecodeNoteBlockRole(blocks->ColumnText(0));
      if (!role) return role.error();
      t.note.blocks.push_back({*role, blocks->ColumnText(1)});
      return core::Ok();
    });
    if (!rows) return rows.error();
  }
  return out;
}

}  // namespace

Result<std::optional<core::EditedNoteTemplate>> NoteTemplateRepository::Find(std::string_view purpose,
                                                                             std::string_view lang) {
  if (purpose.empty()) return std::optional<core::EditedNoteTemplate>();
  auto found = Select(tx_, kSelectOne, purpose, lang);
  if (!found) return found.error();
  if (found->empty()) return std::optional<core::EditedNoteTemplate>();
  return std::optional<core::EditedNoteTemplate>(std::move(found->front()));
}

Result<std::vector<core::EditedNoteTemplate>> NoteTemplateRepository::List() { return Select(tx_, kSelectAll, "", ""); }

Result<void> NoteTemplateRepository::Put(const core::EditedNoteTemplate& edited) {
  if (auto r = Delete(edited.note.purpose, edited.note.lang); !r) return r.error();
  auto c = tx_.ForWrite();
  if (!c) return c.error();
  auto insert = (*c)->Prepare(kInsert);
  if (!insert) return insert.error();
  insert->BindText(1, edited.note.purpose)
      .BindText(2, edited.note.lang)
      .BindText(3, edited.note.title)
      .BindText(4, edited.edited_by)
      .BindInt(5, ToMillis(edited.edited_at));
  if (auto r = insert->Run(); !r) return r;
  for (std::size_t i = 0; i < edited.note.blocks.size(); ++i) {
    auto block = (*c)->Prepare(kInsertBlock);
    if (!block) return block.error();
    block->BindText(1, edited.note.purpose)
        .BindText(2, edited.note.lang)
        .BindInt(3, static_cast<std::int64_t>(i))
        .BindText(4, core::ToString(edited.note.blocks[i].role))
        .BindText(5, edited.note.blocks[i].text);
    if (auto r = block->Run(); !r) return r;
  }
  return core::Ok();
}

Result<bool> NoteTemplateRepository::Delete(std::string_view purpose, std::string_view lang) {
  auto c = tx_.ForWrite();
  if (!c) return c.error();
  auto del = (*c)->Prepare(kDelete);
  if (!del) return del.error();
  del->BindText(1, purpose).BindText(2, lang);
  if (auto r = del->Run(); !r) return r.error();
  return (*c)->Changes() > 0;
}

}  // namespace chancery::storage::sqlite
