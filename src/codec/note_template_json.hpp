#pragma once
// The JSON shape of a note template (core/model/note_template.hpp), as the default templates
// are stored (data/templates/notes/*.json) and as the Secretariat will edit them over the API:
//
//   {"purpose": "forward_final_minutes", "lang": "en", "title": "Note Verbale № {{number}}",
//    "blocks": [{"role": "number", "text": "№ {{number}}"}, …]}
//
// Reading is strict: an unknown member, a role not in the list, a missing or empty text, or a
// template core::ValidateNoteTemplate refuses is kInvalidArgument naming the member
// ("blocks[2].role").
//
// Also the addressees file (data/templates/notes/addressees.json): the words a note uses for
// an addressee in each language and form,
//
//   {"addressees": [{"id": "member_states", "lang": "ru",
//                    "forms": {"dative": "государствам-членам СВМДА", "block": "…"}}, …]}
//
// where the form "" is the bare {{addressee}}. Strict likewise; an (id, lang) pair once.
#include <vector>
#include <boost/json/object.hpp>
#include <string>
#include <string_view>

#include "codec/json_writer.hpp"
#include "core/model/note_template.hpp"
#include "core/model/note_values.hpp"
#include "core/result.hpp"
#include "core/services/note_template_editing.hpp"

namespace chancery::codec {

void WriteJson(JsonWriter& out, const core::NoteTemplate& note);
std::string ToJsonText(const core::NoteTemplate& note);

core::Result<core::NoteTemplate> NoteTemplateFromJson(const boost::json::object& o);
// The text parsed first: not JSON, or not an object, is kInvalidArgument with field "".
core::Result<core::NoteTemplate> NoteTemplateFromJsonText(std::string_view text);

core::Result<std::vector<core::NoteAddressee>> NoteAddresseesFromJsonText(std::string_view text);

// The template in force for a purpose and language, as the API shows it:
//   {"purpose": "invite_to_meeting", "lang": "ru", "source": "edited" | "default",
//    "edited_by": "officer" | null, "edited_at": "2021-06-23T04:00:00Z" | null,
//    "template": {…}}
// The list leaves "template" out (with_template false).
void WriteJson(JsonWriter& out, const core::NoteTemplateView& view, bool with_template);
std::string ToJsonText(const core::NoteTemplateView& view);
std::string ToJsonText(const std::vector<core::NoteTemplateView>& views);

}  // namespace chancery::codec
