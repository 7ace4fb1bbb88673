#pragma once
// Notes Verbales (domain brief §4, rules R18–R21): the Secretariat's numbered correspondence.
//
// Outgoing notes are numbered "17-1/435": a file index from the Secretariat's nomenclature
// ("17-1") and a serial that runs through the calendar year across every index and restarts on
// 1 January (397 on 23 June 2021, 435 on 12 July 2021). A note gets its number when it is
// registered, never before, so that a draft that is abandoned leaves no gap; the number and
// date are the same in every language version.
//
// Incoming notes get our own number in the incoming register ("IN/2021/12") and keep the
// sender's number and date; one may act on something (an objection to a silence procedure,
// comments on draft minutes) and be answered by one of our notes.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/note_template.hpp"
#include "core/time.hpp"

namespace chancery::core {

// "17-1/435" is {"17-1", 435, 2021}: the year is the registration date's, not printed.
struct NoteNumber {
  std::string index;
  int serial = 0;
  int year = 0;
};
std::string Format(const NoteNumber& number);  // "17-1/435"
// "17-1/435" in `year`; nullopt unless an index and a positive serial.
std::optional<NoteNumber> ParseNoteNumber(std::string_view text, int year);

// A file index of the nomenclature: 1–16 characters of digits, Latin letters, '-' and '.',
// beginning and ending with a digit or letter ("17-1", "7-1", "02.3").
bool IsFileIndex(std::string_view index);

// What a note is for: chooses its template (one per purpose and language).
enum class NotePurpose {
  kForwardFinalMinutes,
  kCirculateDraftMinutes,
  kLaunchSilenceProcedure,
  kSilenceOutcome,  // silence expired unbroken: adopted
  kSilenceBroken,   // a Member State objected in time: not adopted
  kInviteToMeeting,
  kCirculateMeetingDocuments,  // the agenda, decisions and list of participants of a meeting
  kOther,                      // free text, no template
};
std::string_view ToString(NotePurpose purpose);  // "forward_final_minutes", …, "other"
std::optional<NotePurpose> ParseNotePurpose(std::string_view text);

enum class NoteStatus { kDraft, kRegistered, kDispatched };
std::string_view ToString(NoteStatus status);  // "draft", "registered", "dispatched"
std::optional<NoteStatus> ParseNoteStatus(std::string_view text);

// Who a note goes to: every Member State (resolved on the note's date when it is registered),
// a list of participants, or one participant.
enum class AddresseeScope { kAllMemberStates, kList, kOne };
std::string_view ToString(AddresseeScope scope);  // "all_member_states", "list", "one"
std::optional<AddresseeScope> ParseAddresseeScope(std::string_view text);

// What a note is about, or what an incoming note acts on.
enum class LinkKind { kMeeting, kSilenceProcedure, kCommentRound, kDocument };
std::string_view ToString(LinkKind kind);  // "meeting", "silence_procedure", "comment_round", "document"
std::optional<LinkKind> ParseLinkKind(std::string_view text);

struct NoteLink {
  LinkKind kind = LinkKind::kMeeting;
  std::int64_t id = 0;
};

// The pages of an enclosed document version rendered in one language of the note.
struct EnclosurePages {
  std::string lang;  // the note's language (the rendering is in the document's original when untranslated)
  int pages = 0;
  bool operator==(const EnclosurePages&) const = default;
};

// An enclosure: a document version chancery renders (its page count is that of the rendered
// PDF in the note's language), an uploaded PDF (its page count is the file's), or a described
// attachment with the page count given. Registration freezes what a document enclosure is:
// `version` becomes the version's number (not "latest"), `pages_by_lang` the page count in each
// of the note's languages and `pages` the first language's, so that the PDFs mailed later are
// the ones the text counted.
struct Enclosure {
  std::string description;
  std::optional<std::int64_t> document_id = std::nullopt;
  std::optional<int> version = std::nullopt;  // of the document; 0 or absent: its latest
  int pages = 0;
  std::optional<std::int64_t> file_id = std::nullopt;  // an uploaded file (StoredFile)
  std::vector<EnclosurePages> pages_by_lang = {};      // document enclosures, from registration on
};
// The frozen page count of a document enclosure in `lang`, if registration counted one.
std::optional<int> PagesIn(const Enclosure& enclosure, std::string_view lang);

// A note's text in one language, as issued: the blocks of its template, expanded
// (note_template.hpp), whose roles choose the layout.
struct NoteText {
  std::string lang;  // en, ru, kk
  std::vector<NoteBlock> blocks;
};

struct OutgoingNote {
  std::int64_t id = 0;
  NotePurpose purpose = NotePurpose::kOther;
  std::string index;                      // the file index the number will carry
  std::optional<NoteNumber> number = std::nullopt;  // from registration on
  std::optional<Date> date = std::nullopt;          // the registration date, in the organisation's zone
  bool imported = false;  // numbered in a register kept before chancery, not by chancery
  AddresseeScope scope = AddresseeScope::kAllMemberStates;
  std::vector<std::string> addressees;  // participant ids; for all Member States, fixed at registration
  std::string subject;
  std::vector<std::string> languages;  // the language versions it is issued in, e.g. en, ru, kk
  std::vector<Enclosure> enclosures;
  std::optional<NoteLink> about = std::nullopt;
  NoteStatus status = NoteStatus::kDraft;
  std::vector<NoteText> texts;  // frozen at registration: what was issued, whatever templates become
  Instant created_at{};
  std::int64_t created_by = 0;
  std::optional<Instant> registered_at = std::nullopt;
  std::optional<Instant> dispatched_at = std::nullopt;
};

// What an incoming note did when it was registered.
enum class IncomingEffect { kNone, kObjectionBreaksSilence, kKeptWithoutEffect, kLinked };
std::string_view ToString(IncomingEffect effect);  // "none", "objection_breaks_silence", "kept_without_effect", "linked"

struct IncomingNote {
  std::int64_t id = 0;
  int serial = 0;  // our incoming number within `year`: "IN/2021/12"
  int year = 0;
  Instant received_at{};
  std::string sender;         // participant id
  std::string sender_number;  // as the sender wrote it: "№ 02-3/118"
  std::optional<Date> sender_date = std::nullopt;
  std::string subject;
  std::optional<Date> deadline = std::nullopt;
  std::optional<std::int64_t> assignee = std::nullopt;  // user id
  std::optional<NoteLink> acts_on = std::nullopt;
  bool objection = false;  // acts on a silence procedure as an objection (not an acknowledgement)
  IncomingEffect effect = IncomingEffect::kNone;
  std::string effect_reason;  // the sentence saying why, for the record
  std::optional<std::int64_t> reply = std::nullopt;  // our outgoing note answering it
  std::int64_t registered_by = 0;
};
std::string FormatIncomingNumber(const IncomingNote& note);  // "IN/2021/12"

}  // namespace chancery::core
