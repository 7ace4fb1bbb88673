// Health, metrics, the OpenAPI document, the organisation's clock and settings.
#include "api/call.hpp"
#include "api/problem.hpp"
#include "codec/json_reader.hpp"
#include "core/local_time.hpp"
#include "core/services/settings.hpp"

namespace chancery::api::handlers {

Response Healthz(Context& ctx, Call&) {
  // Healthy means the database answers, not just that the process runs.
  auto tx = ctx.deps.store.Begin(core::TxMode::kRead);
  if (!tx) return Problem(problems::kUnavailable, "database: " + tx.error().message);
  auto head = (*tx)->Audit().Head();
  if (!head) return Problem(problems::kUnavailable, "database: " + head.error().message);
  return Json(200, {{"status", "ok"}, {"version", ctx.options.version}});
}

Response MetricsText(Context& ctx, Call&) {
  Response r;
  r.body = ctx.metrics.Render();
  r.With("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
  return r;
}

Response OpenApi(Context&, Call&) {
  Response r;
  r.body = std::string(OpenApiDocument());
  r.With("Content-Type", "application/json");
  return r;
}

// An instant (default: now) in the organisation's zone, with its offset from the tz
// database and the date-time written in each language.
Response Time(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {"at"})) return std::move(*bad);
  core::Instant at = ctx.deps.clock.Now();
  if (auto text = call.Query("at")) {
    auto parsed = core::ParseInstant(*text);
    if (!parsed) return Problem(problems::kInvalidQuery, "at must be an RFC 3339 instant", "at");
    at = *parsed;
  }
  const auto& zone = ctx.deps.zone;
  boost::json::object formatted;
  for (auto lang : core::kLanguages) formatted[lang] = ctx.deps.formatter.LocalDateTime(at, zone, lang);
  return Json(200, {{"utc", core::FormatInstant(at)},
                    {"zone", zone.Name()},
                    {"offset", core::FormatOffset(zone.OffsetAt(at))},
                    {"local", core::FormatLocal(at, zone)},
                    {"date", core::FormatDate(core::LocalDate(at, zone))},
                    {"formatted", std::move(formatted)}});
}

Response Settings(Context& ctx, Call& call) {
  auto all = core::ListSettings(ctx.deps, call.actor());
  if (!all) return ProblemFrom(all.error());
  boost::json::object out;
  for (const auto& [k, v] : *all) out[k] = v;
  return Json(200, out);
}

Response SetSetting(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  boost::json::object body;
  if (auto bad = ReadJsonBody(call, body)) return std::move(*bad);
  codec::ObjectReader r(body);
  if (auto k = r.OnlyKnown({"value"}); !k) return ProblemFrom(k.error());
  auto value = r.String("value");
  if (!value) return ProblemFrom(value.error());
  const std::string key(call.params.Get("key"));
  if (auto set = core::SetSetting(ctx.deps, call.actor(), key, *value); !set) return ProblemFrom(set.error());
  return Json(200, {{"key", key}, {"value", *value}});
}

}  // namespace chancery::api::handlers
