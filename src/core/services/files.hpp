#pragma once
// Uploaded files (issue 5: enclosures may be uploaded files, each with its page count): an
// officer uploads a PDF, chancery reads its page count and keeps the bytes as uploaded; a note
// encloses it by id, and its addressees may download it once the note is registered.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/model/stored_file.hpp"
#include "core/model/user.hpp"
#include "core/services/deps.hpp"

namespace chancery::core {

// The largest upload accepted, in bytes; read on every upload, so a change takes effect at once.
inline constexpr char kFilesMaxBytes[] = "files.max_bytes";
inline constexpr std::int64_t kDefaultFileMaxBytes = 20 * 1024 * 1024;
// The ceiling of that setting, which the HTTP server is started with for the upload route:
// a body larger than this never reaches the use case.
inline constexpr std::int64_t kFileMaxBytesCeiling = 64 * 1024 * 1024;

// kInvalidArgument unless `value` suits the files setting `key`; true if `key` is one.
Result<bool> CheckFileSetting(std::string_view key, std::string_view value);
Result<std::int64_t> FileMaxBytes(Deps& deps);

// The Secretariat uploads; `media_type` is the request's Content-Type. kInvalidArgument
// (field "body") for an empty body, a body over the limit, or bytes that are not a PDF
// readable by the addressees (damaged, encrypted, without pages: the inspector says which);
// kInvalidArgument (field "Content-Type") for another media type; nothing is stored then.
Result<StoredFile> UploadFile(Deps& deps, const Actor& actor, std::string_view media_type, std::string_view bytes);

struct FileDownload {
  StoredFile file;
  std::string bytes;
};
// The Secretariat, and delegates of the addressees of a registered note that encloses the
// file; kNotFound for anyone else, as for a file that does not exist.
Result<FileDownload> DownloadFile(Deps& deps, const Actor& actor, std::int64_t id);

}  // namespace chancery::core
