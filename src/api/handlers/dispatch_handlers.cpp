// Dispatch of Notes Verbales by e-mail: registered addresses per participant and the delivery
// log of a note. All of it is the Secretariat's; the use cases refuse everyone else.
#include "api/call.hpp"
#include "api/problem.hpp"
#include "codec/delivery_json.hpp"
#include "core/services/dispatch.hpp"

namespace chancery::api::handlers {
namespace {

Response AddressesJson(const std::string& participant, const std::vector<std::string>& addresses) {
  std::string body;
  codec::JsonWriter out(body);
  out.BeginObject().Key("participant").String(participant).Key("addresses").BeginArray();
  for (const auto& a : addresses) out.String(a);
  out.EndArray().EndObject();
  return JsonText(200, std::move(body));
}

}  // namespace

Response GetAddresses(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  const std::string id(call.params.Get("id"));
  auto addresses = core::GetAddresses(ctx.deps, call.actor(), id);
  if (!addresses) return ProblemFrom(addresses.error());
  return AddressesJson(id, *addresses);
}

// {"addresses": ["cica@mfa.kz", …]}: replaces the participant's registered addresses.
Response SetAddresses(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  boost::json::object body;
  if (auto bad = ReadJsonBody(call, body)) return std::move(*bad);
  const auto* list = body.if_contains("addresses");
  if (body.size() != 1 || !list || !list->is_array()) {
    return Problem(problems::kValidation, "the body is {\"addresses\": [\"…@…\", …]}", "addresses");
  }
  std::vector<std::string> addresses;
  for (std::size_t i = 0; i < list->as_array().size(); ++i) {
    const auto& a = list->as_array()[i];
    if (!a.is_string()) return Problem(problems::kValidation, "an address is a string", "addresses[" + std::to_string(i) + "]");
    addresses.emplace_back(a.as_string());
  }
  const std::string id(call.params.Get("id"));
  auto set = core::SetAddresses(ctx.deps, call.actor(), id, std::move(addresses));
  if (!set) return ProblemFrom(set.error());
  return AddressesJson(id, *set);
}

Response DispatchNote(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  auto id = PathInt(call, "id");
  if (!id) return Problem(problems::kNotFound, "note not found");
  auto queued = core::DispatchNote(ctx.deps, call.actor(), *id);
  if (!queued) return ProblemFrom(queued.error());
  return JsonText(202, codec::ToJsonText(*queued))
      .With("Location", "/api/v1/notes/" + std::to_string(*id) + "/deliveries");
}

Response ListDeliveries(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  auto id = PathInt(call, "id");
  if (!id) return Problem(problems::kNotFound, "note not found");
  auto log = core::ListDeliveries(ctx.deps, call.actor(), *id);
  if (!log) return ProblemFrom(log.error());
  return JsonText(200, codec::ToJsonText(*log));
}

}  // namespace chancery::api::handlers
