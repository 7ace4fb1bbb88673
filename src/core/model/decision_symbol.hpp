#pragma once
// Document symbols of the organisation's bodies (rule R24 of the domain brief):
//   decisions  SOC/2021-I/DEC/1   body / year-session (Roman) / DEC / number within the session
//   drafts     MM/2021/DRAFT/1    body / year / DRAFT / number within the year
// Parsing accepts exactly the canonical form, so that one symbol has one spelling.
#include <optional>
#include <string>
#include <string_view>

namespace chancery::core {

// The organisation's bodies (see body.hpp for their names and hierarchy). Only the first five
// take decisions and so appear in decision and draft symbols (R24).
enum class BodyCode { kSoc, kSwg, kMm, kMc, kSummit, kCep, kTtf, kExperts };

std::string_view ToString(BodyCode body);  // "SOC", "SWG", "MM", "MC", "SUMMIT", "CEP", "TTF", "EXPERTS"
std::optional<BodyCode> ParseBodyCode(std::string_view text);
bool HasDecisionSymbols(BodyCode body);  // SOC, SWG, MM, MC, SUMMIT

// 1..3999 in canonical Roman numerals ("IV", not "IIII"); empty for anything else.
std::string ToRoman(int number);
std::optional<int> FromRoman(std::string_view text);

struct DecisionSymbol {
  BodyCode body = BodyCode::kSoc;
  int year = 0;
  int session = 0;  // the n-th meeting of the body in that year: 2021-I
  int number = 0;   // restarts at 1 for each session
  bool operator==(const DecisionSymbol&) const = default;
};

struct DraftSymbol {
  BodyCode body = BodyCode::kSoc;  // the body the draft is addressed to
  int year = 0;
  int number = 0;  // within the year
  bool operator==(const DraftSymbol&) const = default;
};

std::string Format(const DecisionSymbol& symbol);
std::string Format(const DraftSymbol& symbol);
std::optional<DecisionSymbol> ParseDecisionSymbol(std::string_view text);
std::optional<DraftSymbol> ParseDraftSymbol(std::string_view text);

}  // namespace chancery::core
