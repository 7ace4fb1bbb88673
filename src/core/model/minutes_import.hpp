#pragma once
// Reading a meeting's record out of its minutes: the English the Secretariat writes them in
// ("The meeting of the Senior Officials Committee (SOC) was held in Nur-Sultan in an online
// format on 23 June 2021", "India noted …", "The Senior Officials Committee tasked the SWG with
// … before the next SOC meeting"). The minutes arrive as paragraphs (codec/minutes_text.hpp
// reads the seed's text layout into them); nothing here touches bytes on disk or the store.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/decision.hpp"
#include "core/model/decision_symbol.hpp"
#include "core/model/document.hpp"
#include "core/model/meeting.hpp"
#include "core/model/participant.hpp"
#include "core/time.hpp"

namespace chancery::core {

// The first date written out in English running text: "23 June 2021", "11-12 October 2021"
// (a range: first and last differ), "June 23, 2021". `pos`/`size` locate the words in `text`.
struct WrittenDate {
  Date first;
  Date last;
  std::size_t pos = 0;
  std::size_t size = 0;
};
std::optional<WrittenDate> FindWrittenDate(std::string_view text);

// The first body named in `text`, by its English name ("Senior Officials Committee", any
// case), its code in capitals ("SOC", "SWG") or the usual paraphrase ("the Ministers of
// Foreign Affairs" is the Ministerial Meeting, "the Heads of State" the Summit). At equal
// positions the longest name wins.
struct BodyMention {
  BodyCode body = BodyCode::kSoc;
  std::size_t pos = 0;
  std::size_t size = 0;
};
std::optional<BodyMention> FindBody(std::string_view text);

// "H.E. Mr. Shakhrat Nuryshev, First Deputy Minister of Foreign Affairs of the Republic of
// Kazakhstan, chaired the meeting.": the sentence, and the person as written before "chaired".
struct ChairMention {
  std::string sentence;
  std::string person;
};
std::optional<ChairMention> FindChair(std::string_view text);

// What the minutes record under each item, read paragraph by paragraph. Each record keeps the
// id of the paragraph it was read from, so that the importer can link it to the text.

// "India noted …", "The Chairperson reported …", "Mr. Voronkov expressed …".
struct RecordedStatement {
  std::string paragraph_id;
  SpeakerRole role = SpeakerRole::kParticipant;
  // kParticipant: the state or organisation speaking. kChair: the state named in the chair's
  // description ("… of the Republic of Kazakhstan, chaired the meeting"), if any. kGuest: the
  // organisation named in the guest's description or in the subheading above ("Video address
  // by the UN Under-Secretary-General …"), if any. kSecretariat: empty.
  std::string participant_id;
  std::string speaker;  // as the minutes name the speaker: "The Russian Federation", "Mr. Voronkov"
  std::string text;
};

// "The Senior Officials Committee adopted the SOC decision on … (SOC/2021-I/DEC/3)."
struct RecordedDecision {
  std::string paragraph_id;
  BodyCode taken_by = BodyCode::kSoc;
  // The decision symbol the paragraph gives ("SOC/2021-I/DEC/3"); empty when it gives none:
  // a decision recorded in the minutes only.
  std::string symbol;
  std::string title;  // "List of coordinating and co-coordinating countries …", "Approved granting of …"
  std::string text;   // the paragraph, then the list items under it, one a line
  std::vector<std::string> approved_documents;  // draft symbols it approves: "MM/2021/DRAFT/1"
  std::optional<BodyCode> recommended_to;       // "recommended its adoption by the Ministers …": MM
  std::vector<StatusGrant> status_grants;       // "approved granting of the CICA Observer Status to …"
  bool adopts_agenda = false;                   // "The SOC adopted its agenda …"
};

// "The Senior Officials Committee tasked the SWG with X before the next SOC meeting."
struct RecordedMandate {
  std::string paragraph_id;
  BodyCode given_by = BodyCode::kSoc;
  BodyCode assignee = BodyCode::kSwg;
  std::string subject;  // X, its first letter in capitals
  // Neither when the paragraph names no due point; Mandate's validation then asks for one.
  std::optional<BodyCode> due_before_next_meeting_of;
  std::optional<Date> due_by;
  std::string text;
};

struct RecordedItem {
  int number = 0;
  std::string title;
  bool closed_to_observers = true;  // from the heading paragraph
  std::vector<RecordedStatement> statements;
  std::vector<RecordedDecision> decisions;
  std::vector<RecordedMandate> mandates;
};

// A paragraph under an item that is neither a statement, a decision nor a mandate, or that
// names several speakers at once ("The Chairperson, Russian Federation and Turkey discussed …").
struct UnclassifiedParagraph {
  std::string paragraph_id;
  int item_number = 0;
  std::string text;
  std::string why;
};

struct MinutesRecord {
  std::optional<BodyCode> body;     // of the meeting, from the title
  std::optional<Date> meeting_date;
  std::string chair_person;         // FindChair over the introductory paragraphs
  std::string chair_participant_id;
  std::vector<RecordedItem> items;  // in the order of their headings
  std::vector<UnclassifiedParagraph> unclassified;
};

// Reads `minutes` (item headings, subheadings, text and list items with item numbers, as
// codec::ParseMinutesText makes them) against the registry. Speakers are named by their
// English names: the short name in force on the meeting date first, then the full name, the
// names in force at other dates ("Turkey" and "Türkiye" alike) and the usual variants ("The
// Russian Federation", "The State of Palestine", "Vietnam" for "Viet Nam"). The meeting date is
// `meeting_date`, else the first date in the title or the introductory paragraphs. Paragraphs
// before the first item (title, introduction) are the meeting's facts, not classified here;
// subheadings only give context.
MinutesRecord ReadMinutesRecord(const DocumentContent& minutes, const std::vector<Participant>& registry,
                                std::optional<Date> meeting_date = std::nullopt);

}  // namespace chancery::core
