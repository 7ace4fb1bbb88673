#include "core/model/minutes.hpp"

#include <algorithm>
#include <cctype>

#include "core/model/body.hpp"

namespace chancery::core {
namespace {

// "Senior Officials Committee (SOC)" the first time, "SOC" after.
class BodyNames {
 public:
  std::string Name(BodyCode code) {
    const std::string acronym(ToString(code));
    if (std::find(named_.begin(), named_.end(), code) != named_.end()) return acronym;
    named_.push_back(code);
    return BodyOf(code).name_en + " (" + acronym + ")";
  }

 private:
  std::vector<BodyCode> named_;
};

std::string FormatPhrase(MeetingFormat format) {
  switch (format) {
    case MeetingFormat::kOnline: return " in an online format";
    case MeetingFormat::kHybrid: return " in a hybrid format";
    case MeetingFormat::kInPerson: return "";
  }
  return "";
}

std::string Joined(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? " and " : ", ";
    out += parts[i];
  }
  return out;
}

std::string LowerFirst(std::string text) {
  if (!text.empty() && std::isupper(static_cast<unsigned char>(text[0])) &&
      (text.size() < 2 || !std::isupper(static_cast<unsigned char>(text[1])))) {
    text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  }
  return text;
}

// "Adoption of the agenda": the item under which the minutes record amendments to the agenda.
bool AdoptsTheAgenda(const AgendaItem& item) {
  std::string title = item.title;
  for (auto& c : title) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return title.find("agenda") != std::string::npos && title.find("adopt") != std::string::npos;
}

std::string ShortName(const std::vector<Participant>& registry, const std::string& id, Date on) {
  const Participant* p = FindById(registry, id);
  const NameVersion* name = p ? NameOn(*p, "en", on) : nullptr;
  return name ? name->short_name : id;
}

class Writer {
 public:
  explicit Writer(DocumentContent& out) : out_(out) {}
  void Add(std::string id, ParagraphStyle style, std::string text, const AgendaItem* item = nullptr) {
    Paragraph p{std::move(id), style, std::move(text)};
    if (item) {
      p.item_number = item->number;
      p.closed_to_observers = item->closed_to_observers;
    }
    out_.paragraphs.push_back(std::move(p));
  }

 private:
  DocumentContent& out_;
};

}  // namespace

std::string MinutesSymbol(const Meeting& meeting) { return MeetingCode(meeting.body, meeting.session) + "/Minutes"; }

std::string ItemList(std::vector<int> numbers) {
  std::sort(numbers.begin(), numbers.end());
  std::vector<std::string> runs;
  for (std::size_t i = 0; i < numbers.size();) {
    std::size_t j = i;
    while (j + 1 < numbers.size() && numbers[j + 1] == numbers[j] + 1) ++j;
    runs.push_back(j - i >= 2 ? std::to_string(numbers[i]) + "-" + std::to_string(numbers[j])
                              : std::to_string(numbers[i]));
    if (j - i == 1) runs.push_back(std::to_string(numbers[j]));
    i = j + 1;
  }
  return Joined(runs);
}

DocumentContent DraftMinutes(const MinutesSource& r) {
  const Meeting& m = r.meeting;
  BodyNames names;
  const std::string body_name = BodyOf(m.body).name_en;
  std::string upper = body_name;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const std::string date = r.long_date(m.starts_on) + (m.ends_on == m.starts_on ? "" : " – " + r.long_date(m.ends_on));

  DocumentContent out;
  out.lang = "en";
  out.title = "MINUTES OF THE " + upper + " MEETING on " + date +
              (m.format == MeetingFormat::kOnline   ? " (online format)"
               : m.format == MeetingFormat::kHybrid ? " (hybrid format)"
                                                    : "");
  Writer w(out);

  std::string intro = "The meeting of the " + names.Name(m.body) + " was held" +
                      (m.venue.empty() ? "" : " in " + m.venue) + FormatPhrase(m.format) + " on " + date + ".";
  if (!m.chair_person.empty()) intro += " " + m.chair_person + " chaired the meeting.";
  w.Add("intro-1", ParagraphStyle::kText, intro);

  std::vector<std::string> numbered;
  bool names_closed_items = false;  // then the paragraph is as closed as the items it names
  for (const auto& d : r.decisions) {
    if (!IsNumbered(d)) continue;
    numbered.push_back(Format(d.symbol));
    const AgendaItem* item = FindItem(m, d.item_number);
    names_closed_items = names_closed_items || !item || item->closed_to_observers;
  }
  if (!m.agenda_symbol.empty() || !numbered.empty()) {
    std::vector<std::string> parts;
    if (!m.agenda_symbol.empty()) parts.push_back("The adopted agenda (" + m.agenda_symbol + ")");
    if (!numbered.empty()) parts.push_back(std::string(parts.empty() ? "The" : "the") + " decisions taken (" + Joined(numbered) + ")");
    w.Add("intro-2", ParagraphStyle::kText, Joined(parts) + " were circulated to the Member States.");
    out.paragraphs.back().closed_to_observers = names_closed_items;
  }
  std::vector<int> open;
  for (const auto& item : m.agenda) {
    if (!item.closed_to_observers) open.push_back(item.number);
  }
  if (!open.empty()) {
    w.Add("intro-3", ParagraphStyle::kText,
          "In accordance with p. 12.4 of the CICA Rules of Procedure, CICA observers attended the " +
              std::string(ToString(m.body)) + " meeting during the consideration of agenda item" +
              (open.size() > 1 ? "s " : " ") + ItemList(open) + " at the invitation of the Chairmanship.");
  }

  for (const auto& item : m.agenda) {
    const std::string key = "item-" + std::to_string(item.number);
    int n = 0;
    auto next = [&] { return key + "-p" + std::to_string(++n); };
    w.Add(key, ParagraphStyle::kItemHeading, std::to_string(item.number) + ". " + item.title, &item);

    std::vector<std::string> said;
    for (const auto& a : m.amendments) {
      if (AdoptsTheAgenda(item)) {
        said.push_back("The " + std::string(ToString(m.body)) + " adopted its agenda with an amendment in the title of agenda item " +
                       std::to_string(a.item_number) + " as proposed by " + ShortName(r.registry, a.proposed_by, m.starts_on) + ".");
      }
    }
    std::vector<const Statement*> statements;
    for (const auto& s : m.statements) {
      if (s.item_number == item.number) statements.push_back(&s);
    }
    for (const auto& text : said) w.Add(next(), ParagraphStyle::kText, text, &item);
    if (!statements.empty()) {
      w.Add(next(), ParagraphStyle::kSubheading, "Comments", &item);
      for (const Statement* s : statements) w.Add(next(), ParagraphStyle::kText, s->text, &item);
    }

    std::vector<std::string> decided;
    for (const auto& d : r.decisions) {
      if (d.item_number == item.number) decided.push_back(d.text.empty() ? d.title : d.text);
    }
    for (const auto& mandate : r.mandates) {
      if (mandate.item_number != item.number) continue;
      std::string due;
      if (mandate.due_before_next_meeting_of) {
        due = " before the next " + std::string(ToString(*mandate.due_before_next_meeting_of)) + " meeting";
      } else if (mandate.due_by) {
        due = " by " + r.long_date(*mandate.due_by);
      }
      decided.push_back("The " + BodyOf(mandate.given_by).name_en + " tasked the " + names.Name(mandate.assignee) +
                        " with " + LowerFirst(mandate.subject) + due + ".");
    }
    if (!decided.empty()) {
      w.Add(next(), ParagraphStyle::kSubheading, "Decisions", &item);
      for (const auto& text : decided) w.Add(next(), ParagraphStyle::kText, text, &item);
    }
    if (said.empty() && statements.empty() && decided.empty() && item.any_other_business) {
      w.Add(next(), ParagraphStyle::kText, "No issues were raised.", &item);
    }
  }
  return out;
}

}  // namespace chancery::core
