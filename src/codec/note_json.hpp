#pragma once
// The JSON shapes of the Note Verbale registers: an outgoing note (number, date, addressees,
// enclosures, the frozen texts), an incoming note, and the strict readers of what clients send.
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "codec/json_writer.hpp"
#include "core/model/note_verbale.hpp"
#include "core/result.hpp"
#include "core/services/notes.hpp"

namespace chancery::codec {

void WriteJson(JsonWriter& out, const core::OutgoingNote& note);
std::string ToJsonText(const core::OutgoingNote& note);
void WriteJson(JsonWriter& out, const core::IncomingNote& note);
std::string ToJsonText(const core::IncomingNote& note);

core::Result<core::NewNote> NewNoteFromJson(const boost::json::object& o);
// The registration request: empty, or {"number": "17-1/435", "date": "2021-07-12"} for a note
// numbered in a register kept before chancery.
core::Result<std::optional<core::ImportedNumber>> RegistrationFromJson(const boost::json::object& o);
core::Result<core::NewIncomingNote> NewIncomingNoteFromJson(const boost::json::object& o);

}  // namespace chancery::codec
