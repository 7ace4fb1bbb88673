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
};

LanguageForm FormFor(std::string_view lang) {
  if (lang == "ru") return {"ru", "d MMMM y 'г.'"};
  if (lang == "kk") return {"kk", "y 'жылғы' d MMMM"};
  return {"en_GB", "d MMMM y"};
}

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

}  // namespace

std::string FormatLongDate(core::Date date, std::string_view lang) {
  const auto form = FormFor(lang);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::sys_days{date}.time_since_epoch());
  return Format(static_cast<double>(ms.count()), 0, form, form.date_pattern);
}

std::string FormatLocalDateTime(core::Instant instant, const core::TimeZone& zone, std::string_view lang) {
  const auto form = FormFor(lang);
  const auto offset = std::chrono::duration_cast<std::chrono::milliseconds>(zone.OffsetAt(instant));
  return Format(static_cast<double>(instant.time_since_epoch().count()), static_cast<std::int32_t>(offset.count()),
                form, std::string(form.date_pattern) + ", HH:mm");
}

}  // namespace chancery::platform
