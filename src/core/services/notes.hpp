#pragma once
// The registers of Notes Verbales (rules R18–R21): outgoing notes drafted, registered (numbered
// and dated, their text frozen) and dispatched by the Secretariat; incoming notes registered as
// they arrive, acting on what they concern. Reads go through the policy: a delegate sees only
// registered notes addressed to their own participant; the incoming register is the
// Secretariat's.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/note_verbale.hpp"
#include "core/model/user.hpp"
#include "core/ports/store.hpp"
#include "core/services/deps.hpp"
#include "core/services/documents.hpp"

namespace chancery::core {

struct NewNote {
  NotePurpose purpose = NotePurpose::kOther;
  std::string index = {};  // file index of the nomenclature: "17-1"
  AddresseeScope scope = AddresseeScope::kAllMemberStates;
  std::vector<std::string> addressees = {};  // kList: one or more; kOne: exactly one; kAll: none
  std::string subject = {};
  std::vector<std::string> languages = {"en", "ru", "kk"};
  std::vector<Enclosure> enclosures = {};
  std::optional<NoteLink> about = std::nullopt;
  std::vector<NoteText> texts = {};  // the wording, one per language of `languages`
};

// A note registered in a register kept before chancery: its number and date as issued then.
struct ImportedNumber {
  NoteNumber number;  // number.year is taken from `date`
  Date date;
};

Result<OutgoingNote> CreateNote(Deps& deps, const Actor& actor, NewNote note);
Result<OutgoingNote> GetNote(Deps& deps, const Actor& actor, std::int64_t id);
// "17-1/435" of 2021: the serial decides (it is unique in its year), the index must match.
Result<OutgoingNote> GetNoteByNumber(Deps& deps, const Actor& actor, int year, int serial);
Result<std::vector<OutgoingNote>> ListNotes(Deps& deps, const Actor& actor, const NoteFilter& filter);
// Draft → registered: today's date in the organisation's zone and the next serial of that year
// (or the imported number and date), the addressees fixed (all Member States: those on that
// date), the text composed and frozen (note_composition.hpp: each language's text given at
// creation, or the purpose's template, expanded with the record's values). kFailedPrecondition unless a draft; kAlreadyExists for an imported
// number already registered.
Result<OutgoingNote> RegisterNote(Deps& deps, const Actor& actor, std::int64_t id,
                                  std::optional<ImportedNumber> imported = std::nullopt);

// A registered note as a file (text, PDF or DOCX), for whoever may read it: its frozen text in
// `lang` ("en", "ru", "kk"), or every language it is issued in, in order ("all"). The file's
// title is the purpose template's title with the number. kFailedPrecondition for a draft
// (nothing is issued before registration), kNotFound for a language it is not issued in,
// kUnavailable when no renderer is wired.
Result<RenderedFile> RenderNote(Deps& deps, const Actor& actor, std::int64_t id, std::string_view lang,
                                RenderFormat format);
// The frozen texts of registered note `note` as the renderers take them, with their titles:
// what RenderNote renders, and what dispatch attaches as PDF. kFailedPrecondition for a draft.
Result<std::vector<ExpandedNote>> NoteVersionsToRender(const Deps& deps, const OutgoingNote& note, std::string_view lang);

struct NewIncomingNote {
  std::string sender = {};         // participant id
  std::string sender_number = {};  // "№ 02-3/118"
  std::optional<Date> sender_date = std::nullopt;
  std::string subject = {};
  std::optional<Date> deadline = std::nullopt;
  std::optional<std::int64_t> assignee = std::nullopt;  // user id
  std::optional<NoteLink> acts_on = std::nullopt;        // a silence procedure or a comment round
  bool objection = false;  // with a silence procedure: the note objects to it
};

// Registered as received now, with the next serial of the incoming register. An objection to a
// silence procedure is registered with the procedure in the same transaction and has the
// effect the rules give it (R3, R8): a Member State's breaks silence, an observer's is kept
// without effect.
Result<IncomingNote> RegisterIncomingNote(Deps& deps, const Actor& actor, NewIncomingNote note);
Result<IncomingNote> GetIncomingNote(Deps& deps, const Actor& actor, std::int64_t id);
Result<std::vector<IncomingNote>> ListIncomingNotes(Deps& deps, const Actor& actor, std::optional<int> year);
// Records our outgoing note `reply` as the answer to incoming note `id`.
Result<IncomingNote> SetIncomingReply(Deps& deps, const Actor& actor, std::int64_t id, std::int64_t reply);

}  // namespace chancery::core
