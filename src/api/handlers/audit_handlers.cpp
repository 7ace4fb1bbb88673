// The audit log (administrators).
#include <charconv>

#include "api/call.hpp"
#include "api/problem.hpp"
#include "codec/model_json.hpp"
#include "core/services/audit_trail.hpp"

namespace chancery::api::handlers {
namespace {

std::optional<Response> ReadInt(const Call& call, std::string_view name, std::int64_t& out) {
  auto text = call.Query(name);
  if (!text) return std::nullopt;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), out);
  if (ec != std::errc() || end != text->data() + text->size()) {
    return Problem(problems::kInvalidQuery, std::string(name) + " must be a whole number", name);
  }
  return std::nullopt;
}

}  // namespace

Response ListAudit(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {"after", "limit"})) return std::move(*bad);
  std::int64_t after = 0, limit = 100;
  if (auto bad = ReadInt(call, "after", after)) return std::move(*bad);
  if (auto bad = ReadInt(call, "limit", limit)) return std::move(*bad);
  auto records = core::ListAudit(ctx.deps, call.actor(), after, limit);
  if (!records) return ProblemFrom(records.error());
  boost::json::array items;
  for (const auto& r : *records) items.push_back(codec::ToJson(r));
  boost::json::object out{{"items", std::move(items)}};
  // Cursor pagination: pass `next_after` as `after` for the next page.
  out["next_after"] = records->empty() ? boost::json::value(nullptr) : boost::json::value(records->back().seq);
  return Json(200, out);
}

Response VerifyAudit(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  auto v = core::VerifyAudit(ctx.deps, call.actor());
  if (!v) return ProblemFrom(v.error());
  boost::json::object out{{"intact", v->intact}, {"records_checked", v->records_checked}};
  if (!v->intact) {
    out["first_bad_seq"] = *v->first_bad_seq;
    out["problem"] = v->problem;
  }
  return Json(200, out);
}

}  // namespace chancery::api::handlers
