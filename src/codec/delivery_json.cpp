#include "codec/delivery_json.hpp"

namespace chancery::codec {
namespace {

void WriteInstant(JsonWriter& out, const std::optional<core::Instant>& at) {
  if (at) {
    out.String(core::FormatInstant(*at));
  } else {
    out.Null();
  }
}

}  // namespace

void WriteJson(JsonWriter& out, const core::Delivery& d) {
  out.BeginObject();
  out.Key("id").Int(d.id).Key("note_id").Int(d.note_id);
  out.Key("participant").String(d.participant_id).Key("address").String(d.address);
  out.Key("status").String(core::ToString(d.status)).Key("attempts").Int(d.attempts);
  out.Key("last_error").String(d.last_error);
  out.Key("next_attempt_at");
  WriteInstant(out, d.next_attempt_at);
  out.Key("sent_at");
  WriteInstant(out, d.sent_at);
  out.EndObject();
}

std::string ToJsonText(const std::vector<core::Delivery>& deliveries) {
  std::string body;
  JsonWriter out(body);
  out.BeginObject().Key("items").BeginArray();
  for (const auto& d : deliveries) WriteJson(out, d);
  out.EndArray().EndObject();
  return body;
}

}  // namespace chancery::codec
