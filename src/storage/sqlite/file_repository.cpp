// Uploaded files (files, migration 11): the bytes in a BLOB beside what was read from them.
#include "storage/sqlite/codec.hpp"
#include "storage/sqlite/repositories.hpp"

namespace chancery::storage::sqlite {
namespace {

using core::Result;

constexpr char kInsert[] =
    "INSERT INTO files (media_type, size, pages, sha256, uploaded_at, uploaded_by, content) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr char kSelect[] = "SELECT id, media_type, size, pages, sha256, uploaded_at, uploaded_by FROM files WHERE id = ?1";
constexpr char kSelectContent[] = "SELECT content FROM files WHERE id = ?1";
// Served by the partial index outgoing_note_enclosures_file.
constexpr char kSelectEnclosing[] =
    "SELECT DISTINCT note_id FROM outgoing_note_enclosures WHERE file_id = ?1 ORDER BY note_id";

}  // namespace

Result<std::int64_t> FileRepository::Insert(const core::StoredFile& file, std::string_view content) {
  // The CHECK would say so too, as kInternal; this is the caller's mistake, as in memory.
  if (file.size != static_cast<std::int64_t>(content.size())) {
    return core::Error::InvalidArgument("the file's size is not its content's");
  }
  auto c = tx_.ForWrite();
  if (!c) return c.error();
  auto insert = (*c)->Prepare(kInsert);
  if (!insert) return insert.error();
  insert->BindText(1, file.media_type)
      .BindInt(2, file.size)
      .BindInt(3, file.pages)
      .BindText(4, file.sha256)
      .BindInt(5, ToMillis(file.uploaded_at))
      .BindInt(6, file.uploaded_by)
      .BindBlob(7, content);
  auto r = insert->Run();
  // The bound copy of the bytes would otherwise stay with the cached statement.
  insert->BindBlob(7, {});
  if (!r) return r.error();
  return (*c)->LastInsertRowId();
}

Result<std::optional<core::StoredFile>> FileRepository::Find(std::int64_t id) {
  auto c = tx_.ForRead();
  if (!c) return c.error();
  auto select = (*c)->Prepare(kSelect);
  if (!select) return select.error();
  select->BindInt(1, id);
  auto row = select->Step();
  if (!row) return row.error();
  if (!*row) return std::optional<core::StoredFile>();
  core::StoredFile f;
  f.id = select->ColumnInt(0);
  f.media_type = select->ColumnText(1);
  f.size = select->ColumnInt(2);
  f.pages = static_cast<int>(select->ColumnInt(3));
  f.sha256 = select->ColumnText(4);
  f.uploaded_at = FromMillis(select->ColumnInt(5));
  f.uploaded_by = select->ColumnInt(6);
  return std::optional<core::StoredFile>(std::move(f));
}

Result<std::optional<std::string>> FileRepository::Content(std::int64_t id) {
  auto c = tx_.ForRead();
  if (!c) return c.error();
  auto select = (*c)->Prepare(kSelectContent);
  if (!select) return select.error();
  select->BindInt(1, id);
  auto row = select->Step();
  if (!row) return row.error();
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(select->ColumnBlob(0));
}

Result<std::vector<std::int64_t>> FileRepository::EnclosedBy(std::int64_t id) {
  auto c = tx_.ForRead();
  if (!c) return c.error();
  auto select = (*c)->Prepare(kSelectEnclosing);
  if (!select) return select.error();
  select->BindInt(1, id);
  std::vector<std::int64_t> out;
  auto read = select->ForEachRow([&]() -> Result<void> {
    out.push_back(select->ColumnInt(0));
    return core::Ok();
  });
  if (!read) return read.error();
  return out;
}

}  // namespace chancery::storage::sqlite
