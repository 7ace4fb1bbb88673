#pragma once
// The delivery log of a note as JSON: {"id", "note_id", "participant", "address", "status",
// "attempts", "last_error", "next_attempt_at", "sent_at"}, instants in RFC 3339 or null.
#include <string>
#include <vector>

#include "codec/json_writer.hpp"
#include "core/model/delivery.hpp"

namespace chancery::codec {

void WriteJson(JsonWriter& out, const core::Delivery& delivery);
std::string ToJsonText(const std::vector<core::Delivery>& deliveries);  // {"items": […]}

}  // namespace chancery::codec
