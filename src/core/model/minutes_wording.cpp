#include "core/model/minutes_wording.hpp"

#include <algorithm>
#include <cctype>

#include "core/model/body.hpp"
#include "core/model/minutes.hpp"

namespace chancery::core {
namespace {

std::string LowerFirst(std::string text) {
  if (!text.empty() && std::isupper(static_cast<unsigned char>(text[0])) &&
      (text.size() < 2 || !std::isupper(static_cast<unsigned char>(text[1])))) {
    text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  }
  return text;
}

// ASCII and the Russian alphabet in UTF-8, which is all a body's name holds; other bytes pass
// through. а-п (D0 B0-BF) → А-П (D0 90-9F), р-я (D1 80-8F) → Р-Я (D0 A0-AF), ё (D1 91) → Ё (D0 81).
std::string Upper(std::string text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto& c = text[i];
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x80) {
      c = static_cast<char>(std::toupper(b));
      continue;
    }
    if (i + 1 >= text.size()) break;
    const auto next = static_cast<unsigned char>(text[i + 1]);
    if (b == 0xD0 && next >= 0xB0 && next <= 0xBF) {
      text[i + 1] = static_cast<char>(next - 0x20);
    } else if (b == 0xD1 && next >= 0x80 && next <= 0x8F) {
      c = static_cast<char>(0xD0);
      text[i + 1] = static_cast<char>(next + 0x20);
    } else if (b == 0xD1 && next == 0x91) {
      c = static_cast<char>(0xD0);
      text[i + 1] = static_cast<char>(0x81);
    }
    ++i;  // the second byte of a two-byte letter is done
  }
  return text;
}

// Remembers which bodies were already named in full.
class Mentions {
 public:
  bool First(BodyCode code) {
    if (std::find(named_.begin(), named_.end(), code) != named_.end()) return false;
    named_.push_back(code);
    return true;
  }

 private:
  std::vector<BodyCode> named_;
};

class English : public MinutesWording {
 public:
  std::string Lang() const override { return "en"; }

  std::string Title(BodyCode body, MeetingFormat format, const std::string& dates) override {
    return "MINUTES OF THE " + Upper(BodyOf(body).name_en) + " MEETING on " + dates +
           (format == MeetingFormat::kOnline   ? " (online format)"
            : format == MeetingFormat::kHybrid ? " (hybrid format)"
                                               : "");
  }

  std::string Held(BodyCode body, const std::string& venue, MeetingFormat format, const std::string& dates,
                   const std::string& chair) override {
    std::string text = "The meeting of the " + Name(body) + " was held" + (venue.empty() ? "" : " in " + venue) +
                       (format == MeetingFormat::kOnline   ? " in an online format"
                        : format == MeetingFormat::kHybrid ? " in a hybrid format"
                                                           : "") +
                       " on " + dates + ".";
    if (!chair.empty()) text += " " + chair + " chaired the meeting.";
    return text;
  }

  std::string Circulated(const std::string& agenda_symbol, const std::vector<std::string>& decisions) override {
    std::vector<std::string> parts;
    if (!agenda_symbol.empty()) parts.push_back("The adopted agenda (" + agenda_symbol + ")");
    if (!decisions.empty()) {
      const std::string taken = " decisions taken (" + JoinedIn("en", decisions) + ")";
      parts.push_back(std::string(parts.empty() ? "The" : "the") + taken);
    }
    return JoinedIn("en", parts) + " were circulated to the Member States.";
  }

  std::string ObserversAttended(BodyCode body, const std::vector<int>& open_items) override {
    return "In accordance with p. 12.4 of the CICA Rules of Procedure, CICA observers attended the " +
           std::string(ToString(body)) + " meeting during the consideration of agenda item" +
           (open_items.size() > 1 ? "s " : " ") + ItemList(open_items) + " at the invitation of the Chairmanship.";
  }

  std::string AgendaAmended(BodyCode body, int item_number, const std::string& proposer) override {
    return "The " + std::string(ToString(body)) + " adopted its agenda with an amendment in the title of agenda item " +
           std::to_string(item_number) + " as proposed by " + proposer + ".";
  }

  std::string Tasked(const Mandate& mandate, const std::string& due_date) override {
    std::string due;
    if (mandate.due_before_next_meeting_of) {
      due = " before the next " + std::string(ToString(*mandate.due_before_next_meeting_of)) + " meeting";
    } else if (mandate.due_by) {
      due = " by " + due_date;
    }
    return "The " + BodyOf(mandate.given_by).name_en + " tasked the " + Name(mandate.assignee) + " with " +
           LowerFirst(mandate.subject) + due + ".";
  }

  std::string Comments() const override { return "Comments"; }
  std::string Decisions() const override { return "Decisions"; }
  std::string NothingRaised() const override { return "No issues were raised."; }

 private:
  // "Senior Officials Committee (SOC)" the first time, "SOC" after.
  std::string Name(BodyCode code) {
    const std::string acronym(ToString(code));
    return mentions_.First(code) ? BodyOf(code).name_en + " (" + acronym + ")" : acronym;
  }

  Mentions mentions_;
};

// Russian has no "of the": the body's name is declined, so the sentences are built around the
// genitive and dative kept in body.cpp. Sentences that would need a verb to agree with the
// body's gender, or a state's name declined, are turned so that they do not: the registry
// holds names in the nominative only.
class Russian : public MinutesWording {
 public:
  std::string Lang() const override { return "ru"; }

  std::string Title(BodyCode body, MeetingFormat format, const std::string& dates) override {
    return "ПРОТОКОЛ ЗАСЕДАНИЯ " + Upper(BodyOf(body).name_ru_genitive) + " " + dates +
           (format == MeetingFormat::kOnline   ? " (в онлайн-формате)"
            : format == MeetingFormat::kHybrid ? " (в гибридном формате)"
                                               : "");
  }

  std::string Held(BodyCode body, const std::string& venue, MeetingFormat format, const std::string& dates,
                   const std::string& chair) override {
    std::string text = "Заседание " + Name(body, BodyOf(body).name_ru_genitive) + " состоялось " + dates +
                       (venue.empty() ? "" : " в " + venue) +
                       (format == MeetingFormat::kOnline   ? " в онлайн-формате"
                        : format == MeetingFormat::kHybrid ? " в гибридном формате"
                                                           : "");
    // A Russian date ends in "г." ("23 июня 2021 г."), which then closes the sentence too.
    if (text.back() != '.') text += ".";
    if (!chair.empty()) text += " Председатель заседания: " + chair + ".";
    return text;
  }

  std::string Circulated(const std::string& agenda_symbol, const std::vector<std::string>& decisions) override {
    std::vector<std::string> parts;
    if (!agenda_symbol.empty()) parts.push_back("Принятая повестка дня (" + agenda_symbol + ")");
    if (!decisions.empty()) {
      parts.push_back(std::string(parts.empty() ? "П" : "п") +
                      (decisions.size() == 1 ? "ринятое решение (" : "ринятые решения (") + JoinedIn("ru", decisions) +
                      ")");
    }
    // The verb agrees with what was sent: the agenda (feminine), one decision (neuter), or more.
    const char* verb = parts.size() > 1 || decisions.size() > 1 ? " были разосланы"
                       : decisions.empty()                      ? " была разослана"
                                                                : " было разослано";
    return JoinedIn("ru", parts) + verb + " государствам-членам.";
  }

  std::string ObserversAttended(BodyCode body, const std::vector<int>& open_items) override {
    return "В соответствии с п. 12.4 Правил процедуры СВМДА наблюдатели СВМДА по приглашению Председательства "
           "присутствовали на заседании " +
           Short(body) + " при рассмотрении пункт" + (open_items.size() > 1 ? "ов " : "а ") +
           ItemList(open_items, "ru") + " повестки дня.";
  }

  std::string AgendaAmended(BodyCode, int item_number, const std::string& proposer) override {
    return "Повестка дня принята с поправкой в названии пункта " + std::to_string(item_number) +
           ", предложенной делегацией: " + proposer + ".";
  }

  std::string Tasked(const Mandate& mandate, const std::string& due_date) override {
    std::string due;
    if (mandate.due_before_next_meeting_of) {
      due = " (срок – до следующего заседания " + Short(*mandate.due_before_next_meeting_of) + ")";
    } else if (mandate.due_by) {
      due = " (срок – до " + due_date + ")";
    }
    return "Поручение " + BodyOf(mandate.given_by).name_ru_genitive + " " +
           Name(mandate.assignee, BodyOf(mandate.assignee).name_ru_dative) + ": " + LowerFirst(mandate.subject) + due +
           ".";
  }

  std::string Comments() const override { return "Комментарии"; }
  std::string Decisions() const override { return "Решения"; }
  std::string NothingRaised() const override { return "Вопросы не поднимались."; }

 private:
  // "Комитета старших должностных лиц (КСДЛ)" the first time, "КСДЛ" after; a body without a
  // Russian acronym by its declined name each time.
  std::string Name(BodyCode code, const std::string& declined) {
    const std::string& acronym = BodyOf(code).acronym_ru;
    if (acronym.empty()) return declined;
    return mentions_.First(code) ? declined + " (" + acronym + ")" : acronym;
  }
  // "заседании КСДЛ", "заседании Саммита".
  static std::string Short(BodyCode code) {
    const Body& body = BodyOf(code);
    return body.acronym_ru.empty() ? body.name_ru_genitive : body.acronym_ru;
  }

  Mentions mentions_;
};

}  // namespace

std::unique_ptr<MinutesWording> MinutesWordingFor(std::string_view lang) {
  if (lang == "ru") return std::make_unique<Russian>();
  return std::make_unique<English>();
}

std::string JoinedIn(std::string_view lang, const std::vector<std::string>& parts) {
  const std::string last = lang == "ru" ? " и " : " and ";
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? last : ", ";
    out += parts[i];
  }
  return out;
}

}  // namespace chancery::core
