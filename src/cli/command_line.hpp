#pragma once
// A small, strict command-line parser: `chancery <command words> --option value --flag`.
// Unknown options, missing values and missing required options are errors with a one-line
// message; the program prints it with the command's usage and exits 2.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace chancery::cli {

struct OptionSpec {
  std::string name;        // "data" for --data; a one-letter name is written -o
  std::string value_name;  // "DIR"; empty for a flag without a value
  std::string help;
  bool required = false;
};

struct CommandSpec {
  std::vector<std::string> words;  // {"user", "add"}
  std::string summary;
  std::vector<OptionSpec> options;
  std::vector<std::string> examples;
  // Required arguments that are not options, in order: {"SYMBOL"} is read as Get("symbol").
  std::vector<std::string> positionals = {};
};

class Arguments {
 public:
  bool Has(std::string_view name) const { return values_.count(std::string(name)) > 0; }
  std::optional<std::string> Get(std::string_view name) const;
  std::string GetOr(std::string_view name, std::string fallback) const;
  void Set(std::string name, std::string value) { values_[std::move(name)] = std::move(value); }

 private:
  std::map<std::string, std::string> values_;
};

// "--data", or "-o" for a one-letter option.
std::string OptionName(const OptionSpec& option);

// Parses the arguments after the command words. "--help" is returned as the flag "help".
core::Result<Arguments> Parse(const CommandSpec& spec, const std::vector<std::string>& args);

// The command whose words prefix `argv` (longest match), with how many words it used.
const CommandSpec* FindCommand(const std::vector<CommandSpec>& commands, const std::vector<std::string>& argv,
                               std::size_t& words_used);

std::string Usage(const CommandSpec& spec, std::string_view program);
std::string Overview(const std::vector<CommandSpec>& commands, std::string_view program);

// Exit codes: 0 success, 1 the command failed, 2 the command line was wrong, 3 a check found
// a problem (audit verify).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitCheckFailed = 3;

}  // namespace chancery::cli
