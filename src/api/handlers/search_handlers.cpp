// Full-text search over documents. The use case has the index filter what the caller may not
// read, so hits, snippets and `total` all obey the policy.
#include "api/call.hpp"
#include "api/problem.hpp"
#include "core/services/search.hpp"

namespace chancery::api::handlers {

Response Search(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {"q", "lang", "kind", "body", "from", "to", "latest", "limit", "offset"})) {
    return std::move(*bad);
  }
  core::SearchRequest request;
  auto q = call.Query("q");
  if (!q || q->empty()) return Problem(problems::kInvalidQuery, "q is required", "q");
  request.text = std::string(*q);
  if (auto l = call.Query("lang")) {
    if (!core::IsSupportedLanguage(*l)) return Problem(problems::kInvalidQuery, "lang must be en, ru or kk", "lang");
    request.lang = std::string(*l);
  }
  if (auto k = call.Query("kind")) {
    request.kind = core::ParseDocumentKind(*k);
    if (!request.kind) return Problem(problems::kInvalidQuery, "kind is not a document kind", "kind");
  }
  if (auto bad = ReadBodyQuery(call, "body", request.body)) return std::move(*bad);
  if (auto bad = ReadDateQuery(call, "from", request.from)) return std::move(*bad);
  if (auto bad = ReadDateQuery(call, "to", request.to)) return std::move(*bad);
  if (auto latest = call.Query("latest")) {
    if (*latest != "true" && *latest != "false") {
      return Problem(problems::kInvalidQuery, "latest must be true or false", "latest");
    }
    request.latest_only = *latest == "true";
  }
  Page page;
  if (auto bad = ReadPage(call, page)) return std::move(*bad);
  request.limit = page.limit;
  request.offset = page.offset;
  auto found = core::SearchDocuments(ctx.deps, call.actor(), std::move(request));
  if (!found) return ProblemFrom(found.error());
  std::string body;
  codec::JsonWriter out(body);
  out.BeginObject();
  out.Key("total").Int(found->total).Key("offset").Int(page.offset).Key("limit").Int(page.limit);
  // Says when only the newest matches were ranked (a word in very many paragraphs).
  out.Key("ranking").String(found->ranked < found->total ? "relevance_among_newest" : "relevance");
  out.Key("ranked_within").Int(found->ranked);
  out.Key("items").BeginArray();
  for (const auto& m : found->matches) {
    out.BeginObject();
    out.Key("document_id").Int(m.hit.document_id).Key("symbol").String(m.symbol).Key("title").String(m.title);
    out.Key("version").Int(m.hit.version).Key("lang").String(m.hit.lang).Key("paragraph_id").String(m.hit.paragraph_id);
    out.Key("item_number").Int(m.hit.item_number).Key("snippet").String(m.hit.snippet);
    out.EndObject();
  }
  out.EndArray().EndObject();
  return JsonText(200, std::move(body));
}

}  // namespace chancery::api::handlers
