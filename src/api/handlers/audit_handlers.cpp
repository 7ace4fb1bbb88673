// The audit log (administrators).
#include <cstdint>

#include "api/call.hpp"
#include "api/problem.hpp"
#include "codec/model_json.hpp"
#include "core/services/audit_trail.hpp"

namespace chancery::api::handlers {
Response ListAudit(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {"after", "limit"})) return std::move(*bad);
  std::int64_t after = 0, limit = 100;
  // The use case checks the range of `limit`; here only that both are numbers.
  if (auto bad = ReadIntQuery(call, "after", 0, 0, INT64_MAX, after)) return std::move(*bad);
  if (auto bad = ReadIntQuery(call, "limit", 100, INT64_MIN, INT64_MAX, limit)) return std::move(*bad);
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
