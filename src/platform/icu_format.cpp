#include "platform/icu_format.hpp"

#include <unicode/locid.h>
#include <unicode/simpletz.h>
#include <unicode/smpdtfmt.h>
#include <unicode/unistr.h>

#include <chrono>

namespace chancery::platform {
namespace {

struct LanguageForm {
  const char* locale;
  const char* date_pattern;  // CLDR's long form for kk is "2021 ж. 12 шілде"; notes write "жылғы"
  const char* text_pattern;  // in running text: Russian writes "года" where a dateline has "г."
};

LanguageForm FormFor(std::string_view lang) {
  if (lang == "ru") return {"ru", "d MMMM y 'г.'", "d MMMM y 'года'"};
  if (lang == "kk") return {"kk", "y 'жылғы' d MMMM", "y 'жылғы' d MMMM"};
  return {"en_GB", "d MMMM y", "d MMMM y"};
}

// The endings Kazakh adds to CLDR's month names (қаңтар … желтоқсан), month 1 first. They
// follow vowel harmony (the last vowel: back а ы о ұ → "а", front ә е і ө ү → "е") and the
// last sound (voiceless к қ п с т ш → "т", otherwise "д"): сәуірде, шілдеде, қыркүйекте,
// маусымда. Twelve fixed words, so a table rather than rules; icu_format_test checks each.
struct KazakhMonthEndings {
  const char* locative;     // -да / -де / -та / -те
  const char* attributive;  // the locative and -ғы / -гі
};
constexpr KazakhMonthEndings kKazakhMonthEndings[12] = {
    {"да", "дағы"},  // қаңтар
    {"да", "дағы"},  // ақпан
    {"да", "дағы"},  // наурыз
    {"де", "дегі"},  // сәуір
    {"да", "дағы"},  // мамыр
    {"да", "дағы"},  // маусым
    {"де", "дегі"},  // шілде
    {"да", "дағы"},  // тамыз
    {"те", "тегі"},  // қыркүйек
    {"да", "дағы"},  // қазан
    {"да", "дағы"},  // қараша
    {"да", "дағы"},  // желтоқсан
};

// Formats `utc_ms` with `pattern` in a fixed-offset ICU zone.
std::string Format(double utc_ms, std::int32_t offset_ms, const LanguageForm& form, const std::string& pattern) {
  UErrorCode status = U_ZERO_ERROR;
  icu::SimpleDateFormat fmt(icu::UnicodeString::fromUTF8(pattern), icu::Locale(form.locale), status);
  if (U_FAILURE(status)) return {};
  fmt.adoptTimeZone(new icu::SimpleTimeZone(offset_ms, icu::UnicodeString("chancery")));
  icu::UnicodeString out;
  fmt.format(utc_ms, out);
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

double UtcMs(core::Date date) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::sys_days{date}.time_since_epoch());
  return static_cast<double>(ms.count());
}

}  // namespace

std::string FormatLongDate(core::Date date, std::string_view lang) {
  const auto form = FormFor(lang);
  return Format(UtcMs(date), 0, form, form.date_pattern);
}

std::string FormatDate(core::Date date, std::string_view lang, core::DateForm date_form) {
  const auto form = FormFor(lang);
  if (date_form == core::DateForm::kLong) return Format(UtcMs(date), 0, form, form.date_pattern);
  std::string text = Format(UtcMs(date), 0, form, form.text_pattern);
  // The case endings are Kazakh's alone: English and Russian write such dates as in running text.
  if (lang != "kk" || date_form == core::DateForm::kText || !date.ok()) return text;
  const KazakhMonthEndings& endings = kKazakhMonthEndings[static_cast<unsigned>(date.month()) - 1];
  return text + (date_form == core::DateForm::kLocative ? endings.locative : endings.attributive);
}

std::string FormatLocalDateTime(core::Instant instant, const core::TimeZone& zone, std::string_view lang) {
  const auto form = FormFor(lang);
  const auto offset = std::chrono::duration_cast<std::chrono::milliseconds>(zone.OffsetAt(instant));
  return Format(static_cast<double>(instant.time_since_epoch().count()), static_cast<std::int32_t>(offset.count()),
                form, std::string(form.date_pattern) + ", HH:mm");
}

}  // namespace chancery::platform
