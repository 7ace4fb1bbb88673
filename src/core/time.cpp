#include "core/time.hpp"

#include <charconv>
#include <cstdio>

namespace chancery::core {
namespace {

// Reads exactly `width` ASCII digits at text[pos].
std::optional<int> Digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

std::optional<Date> DateAt(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = Digits(text, 0, 4), m = Digits(text, 5, 2), d = Digits(text, 8, 2);
  if (!y || !m || !d) return std::nullopt;
  Date date{std::chrono::year{*y}, std::chrono::month{unsigned(*m)}, std::chrono::day{unsigned(*d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

// "HH:MM:SS" at pos; returns seconds since midnight.
std::optional<std::chrono::seconds> TimeAt(std::string_view text, std::size_t pos) {
  if (pos + 8 > text.size() || text[pos + 2] != ':' || text[pos + 5] != ':') return std::nullopt;
  auto h = Digits(text, pos, 2), m = Digits(text, pos + 3, 2), s = Digits(text, pos + 6, 2);
  if (!h || !m || !s || *h > 23 || *m > 59 || *s > 59) return std::nullopt;
  return std::chrono::hours{*h} + std::chrono::minutes{*m} + std::chrono::seconds{*s};
}

}  // namespace

std::optional<Date> ParseDate(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  return DateAt(text);
}

std::string FormatDate(Date date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(date.year()), unsigned(date.month()),
                unsigned(date.day()));
  return buf;
}

std::optional<Instant> ParseInstant(std::string_view text) {
  auto date = DateAt(text);
  if (!date || text.size() < 20 || (text[10] != 'T' && text[10] != 't')) return std::nullopt;
  auto tod = TimeAt(text, 11);
  if (!tod) return std::nullopt;
  std::size_t pos = 19;
  std::chrono::milliseconds frac{0};
  if (pos < text.size() && text[pos] == '.') {
    std::size_t start = ++pos;
    int ms = 0, scale = 100;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (pos - start >= 9) return std::nullopt;
      ms += (text[pos] - '0') * scale;  // digits past milliseconds add 0 (scale reaches 0)
      scale /= 10;
      ++pos;
    }
    if (pos == start) return std::nullopt;
    frac = std::chrono::milliseconds{ms};
  }
  std::chrono::seconds offset{0};
  if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
    ++pos;
  } else if (pos + 6 == text.size() && (text[pos] == '+' || text[pos] == '-') && text[pos + 3] == ':') {
    auto oh = Digits(text, pos + 1, 2), om = Digits(text, pos + 4, 2);
    if (!oh || !om || *oh > 23 || *om > 59) return std::nullopt;
    offset = std::chrono::hours{*oh} + std::chrono::minutes{*om};
    if (text[pos] == '-') offset = -offset;
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  return Instant{std::chrono::sys_days{*date} + *tod - offset + frac};
}

std::string FormatInstant(Instant instant) {
  auto day = std::chrono::floor<std::chrono::days>(instant);
  std::chrono::hh_mm_ss tod{instant - day};
  char buf[40];
  Date date{day};
  int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d", int(date.year()),
                        unsigned(date.month()), unsigned(date.day()), int(tod.hours().count()),
                        int(tod.minutes().count()), int(tod.seconds().count()));
  if (tod.subseconds().count() != 0) {
    std::snprintf(buf + n, sizeof buf - n, ".%03dZ", int(tod.subseconds().count()));
  } else {
    std::snprintf(buf + n, sizeof buf - n, "Z");
  }
  return buf;
}

std::optional<LocalTime> ParseLocalTime(std::string_view text) {
  if (text.size() != 19 || (text[10] != 'T' && text[10] != ' ')) return std::nullopt;
  auto date = DateAt(text);
  auto tod = TimeAt(text, 11);
  if (!date || !tod) return std::nullopt;
  return LocalTime{std::chrono::local_days{*date}.time_since_epoch() + *tod};
}

std::string FormatOffset(std::chrono::seconds offset) {
  char sign = offset < std::chrono::seconds{0} ? '-' : '+';
  auto total = std::chrono::abs(offset);
  auto h = std::chrono::duration_cast<std::chrono::hours>(total);
  auto m = std::chrono::duration_cast<std::chrono::minutes>(total - h);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", sign, int(h.count()), int(m.count()));
  return buf;
}

Date UtcDate(Instant instant) { return Date{std::chrono::floor<std::chrono::days>(instant)}; }

}  // namespace chancery::core
