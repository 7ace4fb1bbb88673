#include "core/services/files.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "core/policy.hpp"
#include "core/services/audit_trail.hpp"
#include "core/services/canonical.hpp"

namespace chancery::core {
namespace {

const ObjectRef kFiles{ObjectKind::kFile, {}};

std::optional<std::int64_t> WholeNumber(std::string_view text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// "application/pdf", "Application/PDF; name=x.pdf": the type before any parameter, any case.
bool IsPdfMediaType(std::string_view media_type) {
  std::string_view type = media_type.substr(0, media_type.find(';'));
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.remove_suffix(1);
  while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) type.remove_prefix(1);
  const std::string_view pdf = kPdfMediaType;
  return type.size() == pdf.size() && std::equal(type.begin(), type.end(), pdf.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         });
}

std::string Canonical(const StoredFile& f) {
  std::string out;
  Put(out, "id", std::to_string(f.id));
  Put(out, "media_type", f.media_type);
  Put(out, "size", std::to_string(f.size));
  Put(out, "pages", std::to_string(f.pages));
  Put(out, "sha256", f.sha256);
  return out;
}

}  // namespace

Result<bool> CheckFileSetting(std::string_view key, std::string_view value) {
  if (key != kFilesMaxBytes) return false;
  auto n = WholeNumber(value);
  if (!n || *n < 1024 || *n > kFileMaxBytesCeiling) {
    return Error::InvalidArgument("must be bytes from 1024 to " + std::to_string(kFileMaxBytesCeiling), std::string(key));
  }
  return true;
}

Result<std::int64_t> FileMaxBytes(Deps& deps) {
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  auto value = (*tx)->Settings().Get(kFilesMaxBytes);
  if (!value) return value.error();
  // Stored values were checked when set (CheckFileSetting).
  if (*value) {
    if (auto n = WholeNumber(**value)) return *n;
  }
  return kDefaultFileMaxBytes;
}

Result<StoredFile> UploadFile(Deps& deps, const Actor& actor, std::string_view media_type, std::string_view bytes) {
  if (auto denied = Check(actor, Action::kCreate, kFiles, "files")) return *denied;
  if (!deps.pdf_inspector) return Error::Unavailable("this server reads no uploaded files");
  if (!IsPdfMediaType(media_type)) {
    return Error::InvalidArgument("an uploaded file is a PDF: Content-Type application/pdf", "Content-Type");
  }
  if (bytes.empty()) return Error::InvalidArgument("the body is empty: it is the PDF's bytes", "body");
  auto limit = FileMaxBytes(deps);
  if (!limit) return limit.error();
  if (static_cast<std::int64_t>(bytes.size()) > *limit) {
    return Error::InvalidArgument("the file is " + std::to_string(bytes.size()) + " bytes; the limit (setting " +
                                      kFilesMaxBytes + ") is " + std::to_string(*limit),
                                  "body");
  }
  // Read before anything is written: a file the addressees could not open is never stored.
  auto pages = deps.pdf_inspector->Pages(bytes);
  if (!pages) {
    Error e = pages.error();
    if (e.code == ErrorCode::kInvalidArgument) e.field = "body";
    return e;
  }
  StoredFile f;
  f.size = static_cast<std::int64_t>(bytes.size());
  f.pages = *pages;
  f.sha256 = deps.digest.Sha256Hex(bytes);
  f.uploaded_at = deps.clock.Now();
  f.uploaded_by = actor.user_id;
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto id = (*tx)->Files().Insert(f, bytes);
  if (!id) return id.error();
  f.id = *id;
  if (auto r = Record(deps, **tx, actor, {"file.upload", "file", std::to_string(f.id), std::nullopt, Canonical(f)}); !r) {
    return r.error();
  }
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return f;
}

Result<FileDownload> DownloadFile(Deps& deps, const Actor& actor, std::int64_t id) {
  const std::string what = "file " + std::to_string(id) + " not found";
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  auto found = (*tx)->Files().Find(id);
  if (!found) return found.error();
  if (!*found) return Error::NotFound(what);
  // Who may read it: the addressees of the registered notes enclosing it.
  ObjectRef ref{ObjectKind::kFile, {}};
  auto notes = (*tx)->Files().EnclosedBy(id);
  if (!notes) return notes.error();
  for (auto note_id : *notes) {
    auto n = (*tx)->Notes().Find(note_id);
    if (!n) return n.error();
    if (!*n || (*n)->status == NoteStatus::kDraft) continue;
    for (const auto& a : (*n)->addressees) {
      if (std::find(ref.addressees.begin(), ref.addressees.end(), a) == ref.addressees.end()) ref.addressees.push_back(a);
    }
  }
  if (Decide(actor, Action::kRead, ref) != Verdict::kAllow) return Error::NotFound(what);
  auto bytes = (*tx)->Files().Content(id);
  if (!bytes) return bytes.error();
  if (!*bytes) return Error::Internal("the bytes of file " + std::to_string(id) + " are missing");
  return FileDownload{std::move(**found), std::move(**bytes)};
}

}  // namespace chancery::core
