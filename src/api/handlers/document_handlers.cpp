// The document registry: documents with language versions and immutable versions, the diff
// between two versions (JSON or HTML), and a draft's stages through the bodies. The use cases
// decide what the caller may know of; a document they may not read answers 404.
#include "api/call.hpp"
#include "api/problem.hpp"
#include "codec/document_json.hpp"
#include "core/services/comment_rounds.hpp"
#include "core/services/documents.hpp"

namespace chancery::api::handlers {
namespace {

std::optional<Response> ReadDocumentId(const Call& call, std::int64_t& id) {
  auto value = PathInt(call, "id");
  if (!value) return Problem(problems::kNotFound, "document not found");
  id = *value;
  return std::nullopt;
}

// A version number in the query (`name`), required.
std::optional<Response> ReadVersionQuery(const Call& call, std::string_view name, int& out) {
  if (!call.Query(name)) return Problem(problems::kInvalidQuery, std::string(name) + " is required", name);
  std::int64_t n = 0;
  if (auto bad = ReadIntQuery(call, name, 0, 1, 100000, n)) return bad;
  out = static_cast<int>(n);
  return std::nullopt;
}

Response DocumentResponse(int status, const core::Document& d) { return JsonText(status, codec::ToJsonText(d)); }

}  // namespace

Response ListDocuments(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {"kind", "body", "meeting", "limit", "offset"})) return std::move(*bad);
  core::DocumentFilter filter;
  if (auto k = call.Query("kind")) {
    filter.kind = core::ParseDocumentKind(*k);
    if (!filter.kind) {
      return Problem(problems::kInvalidQuery,
                     "kind must be draft_regulation, decision, agenda, minutes, list_of_participants, report or note",
                     "kind");
    }
  }
  if (auto bad = ReadBodyQuery(call, "body", filter.body)) return std::move(*bad);
  if (auto bad = ReadIdQuery(call, "meeting", filter.meeting_id)) return std::move(*bad);
  Page page;
  if (auto bad = ReadPage(call, page)) return std::move(*bad);
  auto documents = core::ListDocuments(ctx.deps, call.actor(), filter);
  if (!documents) return ProblemFrom(documents.error());
  return PageResponse(*documents, page, [](codec::JsonWriter& out, const core::Document& d) { codec::WriteJson(out, d); });
}

Response CreateDocument(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  boost::json::object body;
  if (auto bad = ReadJsonBody(call, body)) return std::move(*bad);
  auto request = codec::NewDocumentFromJson(body);
  if (!request) return ProblemFrom(request.error());
  auto created = core::CreateDocument(ctx.deps, call.actor(), std::move(*request));
  if (!created) return ProblemFrom(created.error());
  return DocumentResponse(201, *created).With("Location", "/api/v1/documents/" + std::to_string(created->id));
}

Response GetDocument(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  std::int64_t id = 0;
  if (auto bad = ReadDocumentId(call, id)) return std::move(*bad);
  auto d = core::GetDocument(ctx.deps, call.actor(), id);
  if (!d) return ProblemFrom(d.error());
  return DocumentResponse(200, *d);
}

// Symbols contain slashes ("MM/2021/DRAFT/1"): they travel in the query. Former symbols find
// the document too.
Response GetDocumentBySymbol(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {"symbol"})) return std::move(*bad);
  auto symbol = call.Query("symbol");
  if (!symbol || symbol->empty()) return Problem(problems::kInvalidQuery, "symbol is required", "symbol");
  auto d = core::GetDocumentBySymbol(ctx.deps, call.actor(), *symbol);
  if (!d) return ProblemFrom(d.error());
  return DocumentResponse(200, *d);
}

Response GetDocumentVersion(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {"lang"})) return std::move(*bad);
  std::int64_t id = 0;
  if (auto bad = ReadDocumentId(call, id)) return std::move(*bad);
  auto number = PathInt(call, "n");
  if (!number || *number < 1 || *number > 100000) return Problem(problems::kNotFound, "version not found");
  std::optional<std::string> lang;
  if (auto l = call.Query("lang")) {
    if (!core::IsSupportedLanguage(*l)) return Problem(problems::kInvalidQuery, "lang must be en, ru or kk", "lang");
    lang = std::string(*l);
  }
  auto v = core::GetDocumentVersion(ctx.deps, call.actor(), id, static_cast<int>(*number), lang);
  if (!v) return ProblemFrom(v.error());
  return JsonText(200, codec::ToJsonText(*v));
}

Response AddDocumentVersion(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  std::int64_t id = 0;
  if (auto bad = ReadDocumentId(call, id)) return std::move(*bad);
  boost::json::object body;
  if (auto bad = ReadJsonBody(call, body)) return std::move(*bad);
  auto request = codec::NewVersionFromJson(body);
  if (!request) return ProblemFrom(request.error());
  auto v = core::AddDocumentVersion(ctx.deps, call.actor(), id, std::move(*request));
  if (!v) return ProblemFrom(v.error());
  return JsonText(201, codec::ToJsonText(*v))
      .With("Location", "/api/v1/documents/" + std::to_string(id) + "/versions/" + std::to_string(v->number));
}

Response DiffDocumentVersions(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {"from", "to", "lang", "format"})) return std::move(*bad);
  std::int64_t id = 0;
  if (auto bad = ReadDocumentId(call, id)) return std::move(*bad);
  int from = 0, to = 0;
  if (auto bad = ReadVersionQuery(call, "from", from)) return std::move(*bad);
  if (auto bad = ReadVersionQuery(call, "to", to)) return std::move(*bad);
  const std::string lang(call.Query("lang").value_or("en"));
  if (!core::IsSupportedLanguage(lang)) return Problem(problems::kInvalidQuery, "lang must be en, ru or kk", "lang");
  const std::string format(call.Query("format").value_or("json"));
  if (format != "json" && format != "html") return Problem(problems::kInvalidQuery, "format must be json or html", "format");
  auto diff = core::DiffDocumentVersions(ctx.deps, call.actor(), id, from, to, lang);
  if (!diff) return ProblemFrom(diff.error());
  if (format == "json") return JsonText(200, codec::DiffToJsonText(*diff, from, to, lang));
  auto d = core::GetDocument(ctx.deps, call.actor(), id);
  if (!d) return ProblemFrom(d.error());
  Response html{200, {{"Content-Type", "text/html; charset=utf-8"}}, codec::DiffToHtml(*diff, d->symbol, from, to)};
  return html;
}

Response AddDocumentStage(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  std::int64_t id = 0;
  if (auto bad = ReadDocumentId(call, id)) return std::move(*bad);
  boost::json::object body;
  if (auto bad = ReadJsonBody(call, body)) return std::move(*bad);
  auto request = codec::StageFromJson(body);
  if (!request) return ProblemFrom(request.error());
  auto d = core::AddDocumentStage(ctx.deps, call.actor(), id, request->stage, request->new_symbol);
  if (!d) return ProblemFrom(d.error());
  return DocumentResponse(201, *d);
}

// A version as a file: ?format=pdf|docx|akn|txt&lang=en. What the caller may not read is not
// in the file.
Response RenderDocumentVersion(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {"format", "lang"})) return std::move(*bad);
  std::int64_t id = 0;
  if (auto bad = ReadDocumentId(call, id)) return std::move(*bad);
  auto number = PathInt(call, "n");
  if (!number || *number < 1 || *number > 100000) return Problem(problems::kNotFound, "version not found");
  auto format = core::ParseRenderFormat(call.Query("format").value_or("pdf"));
  if (!format) return Problem(problems::kInvalidQuery, "format must be pdf, docx, akn or txt", "format");
  const std::string lang(call.Query("lang").value_or("en"));
  if (!core::IsSupportedLanguage(lang)) return Problem(problems::kInvalidQuery, "lang must be en, ru or kk", "lang");
  auto file = core::RenderDocumentVersion(ctx.deps, call.actor(), id, static_cast<int>(*number), lang, *format);
  if (!file) return ProblemFrom(file.error());
  Response out{200, {{"Content-Type", file->media_type}}, std::move(file->bytes)};
  return out.With("Content-Disposition", "attachment; filename=\"" + file->file_name + "\"");
}

Response RoundResponse(int status, const core::CommentRound& round) {
  std::string body;
  codec::JsonWriter out(body);
  codec::WriteJson(out, round);
  return JsonText(status, std::move(body));
}

Response OpenCommentRound(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  std::int64_t id = 0;
  if (auto bad = ReadDocumentId(call, id)) return std::move(*bad);
  boost::json::object body;
  if (auto bad = ReadJsonBody(call, body)) return std::move(*bad);
  auto request = codec::NewCommentRoundFromJson(body);
  if (!request) return ProblemFrom(request.error());
  auto round = core::OpenCommentRound(ctx.deps, call.actor(), id, std::move(*request));
  if (!round) return ProblemFrom(round.error());
  return RoundResponse(201, *round).With("Location", "/api/v1/comment-rounds/" + std::to_string(round->id));
}

Response ListCommentRounds(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {"limit", "offset"})) return std::move(*bad);
  std::int64_t id = 0;
  if (auto bad = ReadDocumentId(call, id)) return std::move(*bad);
  Page page;
  if (auto bad = ReadPage(call, page)) return std::move(*bad);
  auto rounds = core::ListCommentRounds(ctx.deps, call.actor(), id);
  if (!rounds) return ProblemFrom(rounds.error());
  return PageResponse(*rounds, page, [](codec::JsonWriter& out, const core::CommentRound& r) { codec::WriteJson(out, r); });
}

Response GetCommentRound(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  auto id = PathInt(call, "id");
  if (!id) return Problem(problems::kNotFound, "comment round not found");
  auto round = core::GetCommentRound(ctx.deps, call.actor(), *id);
  if (!round) return ProblemFrom(round.error());
  return RoundResponse(200, *round);
}

Response SubmitComment(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  auto id = PathInt(call, "id");
  if (!id) return Problem(problems::kNotFound, "comment round not found");
  boost::json::object body;
  if (auto bad = ReadJsonBody(call, body)) return std::move(*bad);
  auto request = codec::NewCommentFromJson(body);
  if (!request) return ProblemFrom(request.error());
  auto comment = core::SubmitComment(ctx.deps, call.actor(), *id, std::move(*request));
  if (!comment) return ProblemFrom(comment.error());
  std::string text;
  codec::JsonWriter out(text);
  codec::WriteJson(out, *comment);
  return JsonText(201, std::move(text));
}

Response ConsolidateCommentRound(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  auto id = PathInt(call, "id");
  if (!id) return Problem(problems::kNotFound, "comment round not found");
  boost::json::object body;
  if (auto bad = ReadJsonBody(call, body)) return std::move(*bad);
  auto request = codec::ConsolidationFromJson(body);
  if (!request) return ProblemFrom(request.error());
  auto done = core::ConsolidateCommentRound(ctx.deps, call.actor(), *id, std::move(request->decisions),
                                            std::move(request->reason), request->status);
  if (!done) return ProblemFrom(done.error());
  std::string text;
  codec::JsonWriter out(text);
  out.BeginObject().Key("round");
  codec::WriteJson(out, done->round);
  out.Key("version");
  codec::WriteJson(out, done->version);
  out.EndObject();
  return JsonText(201, std::move(text));
}

// The meeting's draft minutes, generated from its record and registered as a document.
Response DraftMeetingMinutes(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  std::int64_t meeting = 0;
  if (auto bad = ReadMeetingId(call, meeting)) return std::move(*bad);
  auto d = core::DraftMeetingMinutes(ctx.deps, call.actor(), meeting);
  if (!d) return ProblemFrom(d.error());
  return DocumentResponse(201, *d).With("Location", "/api/v1/documents/" + std::to_string(d->id));
}

}  // namespace chancery::api::handlers
