// The Note Verbale registers: outgoing notes (drafted, then registered with the year's next
// serial) and the incoming register. The use cases decide what the caller may know of: a
// delegate sees only registered notes addressed to their own state; the incoming register is
// the Secretariat's, so anyone else gets 404.
#include "api/call.hpp"
#include "api/problem.hpp"
#include "codec/note_json.hpp"
#include "core/services/notes.hpp"

namespace chancery::api::handlers {
namespace {

std::optional<Response> ReadNoteId(const Call& call, std::string_view what, std::int64_t& id) {
  auto value = PathInt(call, "id");
  if (!value) return Problem(problems::kNotFound, std::string(what) + " not found");
  id = *value;
  return std::nullopt;
}

// ?year=2021 (optional).
std::optional<Response> ReadYear(const Call& call, std::optional<int>& year) {
  if (!call.Query("year")) return std::nullopt;
  std::int64_t y = 0;
  if (auto bad = ReadIntQuery(call, "year", 0, 1990, 2200, y)) return bad;
  year = static_cast<int>(y);
  return std::nullopt;
}

}  // namespace

Response ListNotes(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {"year", "status", "limit", "offset"})) return std::move(*bad);
  core::NoteFilter filter;
  if (auto bad = ReadYear(call, filter.year)) return std::move(*bad);
  if (auto s = call.Query("status")) {
    filter.status = core::ParseNoteStatus(*s);
    if (!filter.status) return Problem(problems::kInvalidQuery, "status must be draft, registered or dispatched", "status");
  }
  Page page;
  if (auto bad = ReadPage(call, page)) return std::move(*bad);
  auto notes = core::ListNotes(ctx.deps, call.actor(), filter);
  if (!notes) return ProblemFrom(notes.error());
  return PageResponse(*notes, page, [](codec::JsonWriter& out, const core::OutgoingNote& n) { codec::WriteJson(out, n); });
}

Response CreateNote(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  boost::json::object body;
  if (auto bad = ReadJsonBody(call, body)) return std::move(*bad);
  auto request = codec::NewNoteFromJson(body);
  if (!request) return ProblemFrom(request.error());
  auto created = core::CreateNote(ctx.deps, call.actor(), std::move(*request));
  if (!created) return ProblemFrom(created.error());
  return JsonText(201, codec::ToJsonText(*created)).With("Location", "/api/v1/notes/" + std::to_string(created->id));
}

Response GetNote(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  std::int64_t id = 0;
  if (auto bad = ReadNoteId(call, "note", id)) return std::move(*bad);
  auto note = core::GetNote(ctx.deps, call.actor(), id);
  if (!note) return ProblemFrom(note.error());
  return JsonText(200, codec::ToJsonText(*note));
}

Response RenderNote(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {"format", "lang"})) return std::move(*bad);
  std::int64_t id = 0;
  if (auto bad = ReadNoteId(call, "note", id)) return std::move(*bad);
  auto format = core::ParseRenderFormat(call.Query("format").value_or("pdf"));
  if (!format || *format == core::RenderFormat::kAkomaNtoso) {
    return Problem(problems::kInvalidQuery, "format must be pdf, docx or txt", "format");
  }
  const std::string lang(call.Query("lang").value_or("all"));
  if (lang != "all" && !core::IsSupportedLanguage(lang)) {
    return Problem(problems::kInvalidQuery, "lang must be en, ru, kk or all", "lang");
  }
  auto file = core::RenderNote(ctx.deps, call.actor(), id, lang, *format);
  if (!file) return ProblemFrom(file.error());
  Response out{200, {{"Content-Type", file->media_type}}, std::move(file->bytes)};
  return out.With("Content-Disposition", "attachment; filename=\"" + file->file_name + "\"");
}

// "17-1/435" holds a slash: the number travels in the query with its year.
Response GetNoteByNumber(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {"number", "year"})) return std::move(*bad);
  std::optional<int> year;
  if (auto bad = ReadYear(call, year)) return std::move(*bad);
  if (!year) return Problem(problems::kInvalidQuery, "year is required", "year");
  auto text = call.Query("number");
  if (!text) return Problem(problems::kInvalidQuery, "number is required", "number");
  auto number = core::ParseNoteNumber(*text, *year);
  if (!number) return Problem(problems::kInvalidQuery, "number is an index and a serial: 17-1/435", "number");
  auto note = core::GetNoteByNumber(ctx.deps, call.actor(), *year, number->serial);
  if (!note) return ProblemFrom(note.error());
  if (note->number->index != number->index) return Problem(problems::kNotFound, "note " + std::string(*text) + " not found");
  return JsonText(200, codec::ToJsonText(*note));
}

Response RegisterNote(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  std::int64_t id = 0;
  if (auto bad = ReadNoteId(call, "note", id)) return std::move(*bad);
  boost::json::object body;
  if (auto bad = ReadJsonBody(call, body)) return std::move(*bad);
  auto imported = codec::RegistrationFromJson(body);
  if (!imported) return ProblemFrom(imported.error());
  auto note = core::RegisterNote(ctx.deps, call.actor(), id, *imported);
  if (!note) return ProblemFrom(note.error());
  return JsonText(200, codec::ToJsonText(*note));
}

Response ListIncomingNotes(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {"year", "limit", "offset"})) return std::move(*bad);
  std::optional<int> year;
  if (auto bad = ReadYear(call, year)) return std::move(*bad);
  Page page;
  if (auto bad = ReadPage(call, page)) return std::move(*bad);
  auto notes = core::ListIncomingNotes(ctx.deps, call.actor(), year);
  if (!notes) return ProblemFrom(notes.error());
  return PageResponse(*notes, page, [](codec::JsonWriter& out, const core::IncomingNote& n) { codec::WriteJson(out, n); });
}

Response RegisterIncomingNote(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  boost::json::object body;
  if (auto bad = ReadJsonBody(call, body)) return std::move(*bad);
  auto request = codec::NewIncomingNoteFromJson(body);
  if (!request) return ProblemFrom(request.error());
  auto note = core::RegisterIncomingNote(ctx.deps, call.actor(), std::move(*request));
  if (!note) return ProblemFrom(note.error());
  return JsonText(201, codec::ToJsonText(*note)).With("Location", "/api/v1/incoming-notes/" + std::to_string(note->id));
}

Response GetIncomingNote(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  std::int64_t id = 0;
  if (auto bad = ReadNoteId(call, "incoming note", id)) return std::move(*bad);
  auto note = core::GetIncomingNote(ctx.deps, call.actor(), id);
  if (!note) return ProblemFrom(note.error());
  return JsonText(200, codec::ToJsonText(*note));
}

// {"reply": 12}: our registered note answering it.
Response SetIncomingReply(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  std::int64_t id = 0;
  if (auto bad = ReadNoteId(call, "incoming note", id)) return std::move(*bad);
  boost::json::object body;
  if (auto bad = ReadJsonBody(call, body)) return std::move(*bad);
  const auto* reply = body.if_contains("reply");
  if (body.size() != 1 || !reply || !reply->is_int64() || reply->as_int64() < 1) {
    return Problem(problems::kValidation, "the body is {\"reply\": <note id>}", "reply");
  }
  auto note = core::SetIncomingReply(ctx.deps, call.actor(), id, reply->as_int64());
  if (!note) return ProblemFrom(note.error());
  return JsonText(200, codec::ToJsonText(*note));
}

}  // namespace chancery::api::handlers
