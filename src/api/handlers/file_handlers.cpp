// Uploaded files: POST /api/v1/files takes a PDF as the raw body (Content-Type
// application/pdf) and answers with what chancery read from it; GET /api/v1/files/{id} gives
// the bytes back to whoever may have them (core::DownloadFile decides).
#include "api/call.hpp"
#include "api/problem.hpp"
#include "codec/json_writer.hpp"
#include "core/services/files.hpp"

namespace chancery::api::handlers {
namespace {

std::string FileJson(const core::StoredFile& f) {
  std::string body;
  codec::JsonWriter out(body);
  out.BeginObject()
      .Key("id")
      .Int(f.id)
      .Key("media_type")
      .String(f.media_type)
      .Key("size")
      .Int(f.size)
      .Key("pages")
      .Int(f.pages)
      .Key("sha256")
      .String(f.sha256)
      .Key("uploaded_at")
      .String(core::FormatInstant(f.uploaded_at))
      .EndObject();
  return body;
}

}  // namespace

Response UploadFile(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  const std::string_view type = call.request.HeaderValue("Content-Type").value_or("");
  constexpr std::string_view kPdf = "application/pdf";
  if (type.substr(0, kPdf.size()) != kPdf || (type.size() > kPdf.size() && type[kPdf.size()] != ';')) {
    return Problem(problems::kUnsupportedMediaType, "upload a PDF as the body, with Content-Type application/pdf");
  }
  // The setting's limit, lower than what the server lets through on this route.
  auto limit = core::FileMaxBytes(ctx.deps);
  if (!limit) return ProblemFrom(limit.error());
  if (static_cast<std::int64_t>(call.request.body.size()) > *limit) {
    return Problem(problems::kPayloadTooLarge,
                   "the file is " + std::to_string(call.request.body.size()) + " bytes; the limit (setting " +
                       core::kFilesMaxBytes + ") is " + std::to_string(*limit));
  }
  auto file = core::UploadFile(ctx.deps, call.actor(), type, call.request.body);
  if (!file) return ProblemFrom(file.error());
  return JsonText(201, FileJson(*file)).With("Location", "/api/v1/files/" + std::to_string(file->id));
}

Response DownloadFile(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  auto id = PathInt(call, "id");
  if (!id) return Problem(problems::kNotFound, "file not found");
  auto file = core::DownloadFile(ctx.deps, call.actor(), *id);
  if (!file) return ProblemFrom(file.error());
  Response out{200, {{"Content-Type", file->file.media_type}}, std::move(file->bytes)};
  out.With("Content-Disposition", "attachment; filename=\"file-" + std::to_string(*id) + ".pdf\"");
  return out.With("X-Content-SHA256", file->file.sha256);
}

}  // namespace chancery::api::handlers
