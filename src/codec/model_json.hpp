#pragma once
// The JSON shapes of domain objects, shared by the HTTP API and the CLI's importers so that a
// dataset file and an API body describe a participant the same way.
#include <boost/json/object.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "codec/json_writer.hpp"
#include "core/model/audit.hpp"
#include "core/model/participant.hpp"
#include "core/model/user.hpp"
#include "core/result.hpp"

namespace chancery::codec {

// Full record plus what holds on `on`: "status_on" and "name" in `lang`. Written straight as
// text: participants are the registry's hot path.
void WriteJson(JsonWriter& out, const core::Participant& p, core::Date on, std::string_view lang);
std::string ToJsonText(const core::Participant& p, core::Date on, std::string_view lang);
core::Result<core::Participant> ParticipantFromJson(const boost::json::object& o, std::string path = {});
core::Result<core::StatusChange> StatusChangeFromJson(const boost::json::object& o, std::string path = {});
core::Result<core::NameVersion> NameFromJson(const boost::json::object& o, std::string path = {});

boost::json::object ToJson(const core::User& u);  // never includes the password hash
// {"silence_launched": true, …}: every notice kind with whether the user receives it.
boost::json::object NoticeKindsToJson(const core::NoticeChoices& choices);
// The kinds named in `o` with their wish; an unknown kind or a value not true/false is
// kInvalidArgument naming "<path>.<kind>".
core::Result<std::vector<std::pair<core::NoticeKind, bool>>> NoticeKindsFromJson(const boost::json::object& o,
                                                                               const std::string& path);
boost::json::object ToJson(const core::AuditRecord& r);

}  // namespace chancery::codec
