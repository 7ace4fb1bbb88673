#include "core/model/decision_symbol.hpp"

#include <array>
#include <charconv>
#include <utility>
#include <vector>

namespace chancery::core {
namespace {

constexpr std::array<std::pair<BodyCode, std::string_view>, 8> kBodies{{
    {BodyCode::kSoc, "SOC"},
    {BodyCode::kSwg, "SWG"},
    {BodyCode::kMm, "MM"},
    {BodyCode::kMc, "MC"},
    {BodyCode::kSummit, "SUMMIT"},
    {BodyCode::kCep, "CEP"},
    {BodyCode::kTtf, "TTF"},
    {BodyCode::kExperts, "EXPERTS"},
}};

constexpr std::array<std::pair<int, std::string_view>, 13> kRoman{{
    {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"},
    {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"},
}};

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    auto end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// A positive decimal without sign or leading zeros.
std::optional<int> Positive(std::string_view text) {
  if (text.empty() || text.size() > 6 || text[0] == '0') return std::nullopt;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;  // from_chars alone would take "-1"
  }
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<int> Year(std::string_view text) {
  if (text.size() != 4) return std::nullopt;
  auto y = Positive(text);
  if (!y || *y < 1990) return std::nullopt;  // the organisation's records start in the 1990s
  return y;
}

}  // namespace

std::string_view ToString(BodyCode body) {
  for (const auto& [b, name] : kBodies) {
    if (b == body) return name;
  }
  return "SOC";
}

std::optional<BodyCode> ParseBodyCode(std::string_view text) {
  for (const auto& [b, name] : kBodies) {
    if (name == text) return b;
  }
  return std::nullopt;
}

bool HasDecisionSymbols(BodyCode body) {
  switch (body) {
    case BodyCode::kSoc:
    case BodyCode::kSwg:
    case BodyCode::kMm:
    case BodyCode::kMc:
    case BodyCode::kSummit: return true;
    case BodyCode::kCep:
    case BodyCode::kTtf:
    case BodyCode::kExperts: return false;
  }
  return false;
}

std::string ToRoman(int number) {
  if (number < 1 || number > 3999) return {};
  std::string out;
  for (const auto& [value, letters] : kRoman) {
    while (number >= value) {
      out += letters;
      number -= value;
    }
  }
  return out;
}

std::optional<int> FromRoman(std::string_view text) {
  if (text.empty() || text.size() > 15) return std::nullopt;
  int total = 0;
  std::size_t i = 0;
  for (const auto& [value, letters] : kRoman) {
    while (text.substr(i, letters.size()) == letters) {
      total += value;
      i += letters.size();
    }
  }
  // Canonical only: what we read must be exactly what we would write.
  if (i != text.size() || ToRoman(total) != text) return std::nullopt;
  return total;
}

std::string Format(const DecisionSymbol& s) {
  return std::string(ToString(s.body)) + "/" + std::to_string(s.year) + "-" + ToRoman(s.session) + "/DEC/" +
         std::to_string(s.number);
}

std::string Format(const DraftSymbol& s) {
  return std::string(ToString(s.body)) + "/" + std::to_string(s.year) + "/DRAFT/" + std::to_string(s.number);
}

std::optional<DecisionSymbol> ParseDecisionSymbol(std::string_view text) {
  auto parts = Split(text, '/');
  if (parts.size() != 4 || parts[2] != "DEC") return std::nullopt;
  auto body = ParseBodyCode(parts[0]);
  auto dash = parts[1].find('-');
  if (!body || !HasDecisionSymbols(*body) || dash == std::string_view::npos) return std::nullopt;
  auto year = Year(parts[1].substr(0, dash));
  auto session = FromRoman(parts[1].substr(dash + 1));
  auto number = Positive(parts[3]);
  if (!year || !session || !number) return std::nullopt;
  return DecisionSymbol{*body, *year, *session, *number};
}

std::optional<DraftSymbol> ParseDraftSymbol(std::string_view text) {
  auto parts = Split(text, '/');
  if (parts.size() != 4 || parts[2] != "DRAFT") return std::nullopt;
  auto body = ParseBodyCode(parts[0]);
  auto year = Year(parts[1]);
  auto number = Positive(parts[3]);
  if (!body || !HasDecisionSymbols(*body) || !year || !number) return std::nullopt;
  return DraftSymbol{*body, *year, *number};
}

}  // namespace chancery::core
