#pragma once
// The values a note's placeholders take (note_template.hpp), as the service gathers them from
// the record: words with their grammatical forms ("addressee" → "государствам-членам СВМДА"
// as "dative"), and dates, which the DateFormatter writes in the form the template asks for
// ("{{meeting_date:attributive}}" → "2021 жылғы 23 маусымдағы").
#include <map>
#include <string>
#include <string_view>

#include "core/model/body.hpp"
#include "core/model/note_template.hpp"
#include "core/ports/date_format.hpp"
#include "core/time.hpp"

namespace chancery::core {

// Forms of one word, keyed by form name; "" is the word as {{name}} asks for it.
using WordForms = std::map<std::string, std::string, std::less<>>;

class NoteValues {
 public:
  // {{name}} only.
  NoteValues& Set(std::string name, std::string text);
  // {{name}} (the "" entry, if any) and {{name:form}} for each other entry.
  NoteValues& Set(std::string name, WordForms forms);
  // {{name}} and {{name:form}} for each DateForm name ("long", "text", "locative", "attributive").
  NoteValues& SetDate(std::string name, Date date);

  // The lookup ExpandNote calls, writing dates in `lang`. It refers to these values and to
  // `formatter`: both must outlive it. An unknown name is kInvalidArgument "no such value"; an
  // unknown form, kInvalidArgument listing the forms there are.
  NoteLookup Lookup(const DateFormatter& formatter, std::string lang) const;

 private:
  std::map<std::string, WordForms, std::less<>> words_;
  std::map<std::string, Date, std::less<>> dates_;
};

// An addressee's words in one language, as notes use them: "" for {{addressee}} (English
// "CICA Member States"), "dative" (Russian "государствам-членам СВМДА", Kazakh "АӨСШК мүше
// мемлекеттеріне"), "block" for the addressee block at the foot, its line breaks included.
// The default ones are data (data/templates/notes/addressees.json), for the Secretariat to edit.
struct NoteAddressee {
  std::string id;    // "member_states"
  std::string lang;  // one of kLanguages
  WordForms forms;
  bool operator==(const NoteAddressee&) const = default;
};

// A body's name in `lang` as notes use it: "" the name ("Senior Officials Committee"),
// "acronym" ("SOC"), "with_acronym" ("Senior Officials Committee (SOC)", or the bare name
// where no acronym is known); in Russian also "genitive", "dative", "genitive_with_acronym"
// and "dative_with_acronym" ("Комитета старших должностных лиц (КСДЛ)").
WordForms NoteBodyForms(const Body& body, std::string_view lang);

}  // namespace chancery::core
