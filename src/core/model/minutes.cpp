#include "core/model/minutes.hpp"

#include <algorithm>
#include <cctype>

#include "core/model/minutes_wording.hpp"

namespace chancery::core {
namespace {

// "Adoption of the agenda": the item under which the minutes record amendments to the agenda.
bool AdoptsTheAgenda(const AgendaItem& item) {
  std::string title = item.title;
  for (auto& c : title) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return title.find("agenda") != std::string::npos && title.find("adopt") != std::string::npos;
}

// The participant's short name in `lang` (NameOn falls back to English), else its id.
std::string ShortName(const std::vector<Participant>& registry, const std::string& id, std::string_view lang, Date on) {
  const Participant* p = FindById(registry, id);
  const NameVersion* name = p ? NameOn(*p, lang, on) : nullptr;
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

std::string ItemList(std::vector<int> numbers, std::string_view lang) {
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
  return JoinedIn(lang, runs);
}

// Which paragraphs exist, and their ids and flags, depend on the record only, never on the
// language: the wording decides each paragraph's text, not whether it is there.
DocumentContent DraftMinutes(const MinutesSource& r) {
  const Meeting& m = r.meeting;
  const auto say = MinutesWordingFor(r.lang);
  const std::string date = r.long_date(m.starts_on) + (m.ends_on == m.starts_on ? "" : " – " + r.long_date(m.ends_on));

  DocumentContent out;
  out.lang = say->Lang();
  out.title = say->Title(m.body, m.format, date);
  Writer w(out);
  w.Add("intro-1", ParagraphStyle::kText, say->Held(m.body, m.venue, m.format, date, m.chair_person));

  std::vector<std::string> numbered;
  bool names_closed_items = false;  // then the paragraph is as closed as the items it names
  for (const auto& d : r.decisions) {
    if (!IsNumbered(d)) continue;
    numbered.push_back(Format(d.symbol));
    const AgendaItem* item = FindItem(m, d.item_number);
    names_closed_items = names_closed_items || !item || item->closed_to_observers;
  }
  if (!m.agenda_symbol.empty() || !numbered.empty()) {
    w.Add("intro-2", ParagraphStyle::kText, say->Circulated(m.agenda_symbol, numbered));
    out.paragraphs.back().closed_to_observers = names_closed_items;
  }
  std::vector<int> open;
  for (const auto& item : m.agenda) {
    if (!item.closed_to_observers) open.push_back(item.number);
  }
  if (!open.empty()) w.Add("intro-3", ParagraphStyle::kText, say->ObserversAttended(m.body, open));

  for (const auto& item : m.agenda) {
    const std::string key = "item-" + std::to_string(item.number);
    int n = 0;
    auto next = [&] { return key + "-p" + std::to_string(++n); };
    w.Add(key, ParagraphStyle::kItemHeading, std::to_string(item.number) + ". " + item.title, &item);

    std::vector<std::string> said;
    for (const auto& a : m.amendments) {
      if (AdoptsTheAgenda(item)) {
        const std::string proposer = ShortName(r.registry, a.proposed_by, out.lang, m.starts_on);
        said.push_back(say->AgendaAmended(m.body, a.item_number, proposer));
      }
    }
    std::vector<const Statement*> statements;
    for (const auto& s : m.statements) {
      if (s.item_number == item.number) statements.push_back(&s);
    }
    for (const auto& text : said) w.Add(next(), ParagraphStyle::kText, text, &item);
    if (!statements.empty()) {
      w.Add(next(), ParagraphStyle::kSubheading, say->Comments(), &item);
      for (const Statement* s : statements) w.Add(next(), ParagraphStyle::kText, s->text, &item);
    }

    std::vector<std::string> decided;
    for (const auto& d : r.decisions) {
      if (d.item_number == item.number) decided.push_back(d.text.empty() ? d.title : d.text);
    }
    for (const auto& mandate : r.mandates) {
      if (mandate.item_number != item.number) continue;
      decided.push_back(say->Tasked(mandate, mandate.due_by ? r.long_date(*mandate.due_by) : ""));
    }
    if (!decided.empty()) {
      w.Add(next(), ParagraphStyle::kSubheading, say->Decisions(), &item);
      for (const auto& text : decided) w.Add(next(), ParagraphStyle::kText, text, &item);
    }
    if (said.empty() && statements.empty() && decided.empty() && item.any_other_business) {
      w.Add(next(), ParagraphStyle::kText, say->NothingRaised(), &item);
    }
  }
  return out;
}

}  // namespace chancery::core
