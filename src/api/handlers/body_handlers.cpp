// The organisation's bodies and their hierarchy: fixed by the Rules of Procedure, compiled in.
#include "api/call.hpp"
#include "api/problem.hpp"
#include "codec/governance_json.hpp"
#include "core/model/body.hpp"

namespace chancery::api::handlers {

Response ListBodies(Context&, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {"limit", "offset"})) return std::move(*bad);
  Page page;
  if (auto bad = ReadPage(call, page)) return std::move(*bad);
  return PageResponse(core::Bodies(), page, [](codec::JsonWriter& out, const core::Body& b) { codec::WriteJson(out, b); });
}

Response GetBody(Context&, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  auto code = core::ParseBodyCode(call.params.Get("code"));
  if (!code) return Problem(problems::kNotFound, "body not found");
  return JsonText(200, codec::ToJsonText(core::BodyOf(*code)));
}

}  // namespace chancery::api::handlers
