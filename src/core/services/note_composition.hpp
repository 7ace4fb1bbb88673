#pragma once
// A note's wording, composed when it is registered (R18–R20): per language, the text given at
// creation (texts given at creation are templates too: "{{number}}" is only known now) or else
// the template of the note's purpose in force (the Secretariat's edited one, else the default),
// expanded with values gathered from the record.
#include <string_view>
#include <vector>

#include "core/model/note_values.hpp"
#include "core/model/note_verbale.hpp"
#include "core/ports/renderer.hpp"
#include "core/ports/store.hpp"
#include "core/services/deps.hpp"

namespace chancery::core {

// What a document enclosure is in one of the note's languages: the text rendered (the
// version's `lang` text, or its original when untranslated) with its heading, the version's
// number, and a name for its file ("SOC-2021-I-Minutes-v2-ru"). Registration counts the pages
// of this rendering; dispatch mails its PDF.
struct EnclosureRendering {
  DocumentContent content;
  RenderHeading heading;
  int version = 0;
  std::string name;
};
Result<EnclosureRendering> ResolveEnclosure(const Deps& deps, Transaction& tx, const Enclosure& enclosure,
                                            std::string_view lang, const std::string& at);

// At registration: each document enclosure's version fixed (latest → its number) and its
// pages counted in each of the note's languages (Enclosure::pages_by_lang); each uploaded
// file's pages are the file's.
Result<void> FreezeEnclosures(const Deps& deps, Transaction& tx, OutgoingNote& note);

// The lookup of `note`'s placeholders in `lang`, the note numbered and dated. What `about`
// names gives the rest, by purpose: the minutes (a document, or the meeting whose minutes they
// are) for forward_final_minutes and circulate_draft_minutes; a meeting for
// invite_to_meeting and circulate_meeting_documents (its reply_by is {{reply_date}}); a
// silence procedure for the silence purposes (its title in the language, {{proposal}}; expiry,
// the launching note, the objection that broke silence). {{pages}} is the sum of the enclosures' page counts, a document version's counted
// by rendering it to PDF in `lang` (in its original language when it has no `lang` text).
// A value the record does not give is left out: the expansion's error names the placeholder.
// The lookup refers to `deps`, `tx` and `note`: they must outlive it.
Result<NoteLookup> NoteValuesLookup(const Deps& deps, Transaction& tx, const OutgoingNote& note, std::string_view lang);

// The texts `note` (numbered and dated) is issued with, one per language in the order of its
// languages. kFailedPrecondition for a language with neither a text nor a template (purpose
// "other" has none); the expansion's error naming the missing value otherwise.
Result<std::vector<NoteText>> ComposeNoteTexts(const Deps& deps, Transaction& tx, const OutgoingNote& note);

}  // namespace chancery::core
