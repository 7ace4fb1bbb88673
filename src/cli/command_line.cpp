#include "cli/command_line.hpp"

namespace chancery::cli {

std::optional<std::string> Arguments::Get(std::string_view name) const {
  auto it = values_.find(std::string(name));
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::string Arguments::GetOr(std::string_view name, std::string fallback) const {
  auto v = Get(name);
  return v ? *v : std::move(fallback);
}

std::string OptionName(const OptionSpec& option) {
  return (option.name.size() == 1 ? "-" : "--") + option.name;
}

namespace {

std::string Lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return text;
}

}  // namespace

core::Result<Arguments> Parse(const CommandSpec& spec, const std::vector<std::string>& args) {
  Arguments out;
  std::size_t positional = 0;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string arg = args[i];
    if (arg == "--help" || arg == "-h") {
      out.Set("help", "");
      return out;
    }
    // "--name" for every option; "-x" too for one-letter ones ("-o FILE").
    const bool is_long = arg.rfind("--", 0) == 0;
    const bool is_short = !is_long && arg.size() == 2 && arg[0] == '-';
    if (!is_long && !is_short) {
      if (positional >= spec.positionals.size()) return core::Error::InvalidArgument("unexpected argument '" + arg + "'");
      out.Set(Lower(spec.positionals[positional++]), arg);
      continue;
    }
    std::string name = arg.substr(is_long ? 2 : 1);
    std::optional<std::string> inline_value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    const OptionSpec* option = nullptr;
    for (const auto& o : spec.options) {
      if (o.name == name) option = &o;
    }
    if (!option) return core::Error::InvalidArgument("unknown option " + arg.substr(0, arg.find('=')));
    const std::string shown = OptionName(*option);
    if (out.Has(name)) return core::Error::InvalidArgument(shown + " given twice");
    if (option->value_name.empty()) {
      if (inline_value) return core::Error::InvalidArgument(shown + " takes no value");
      out.Set(name, "");
    } else if (inline_value) {
      out.Set(name, *inline_value);
    } else {
      if (i + 1 >= args.size()) return core::Error::InvalidArgument(shown + " needs a value (" + option->value_name + ")");
      out.Set(name, args[++i]);
    }
  }
  if (positional < spec.positionals.size()) {
    return core::Error::InvalidArgument(spec.positionals[positional] + " is required");
  }
  for (const auto& o : spec.options) {
    if (o.required && !out.Has(o.name)) return core::Error::InvalidArgument(OptionName(o) + " is required");
  }
  return out;
}

const CommandSpec* FindCommand(const std::vector<CommandSpec>& commands, const std::vector<std::string>& argv,
                               std::size_t& words_used) {
  const CommandSpec* best = nullptr;
  words_used = 0;
  for (const auto& c : commands) {
    if (c.words.size() > argv.size() || c.words.size() <= words_used) continue;
    bool match = true;
    for (std::size_t i = 0; i < c.words.size() && match; ++i) match = c.words[i] == argv[i];
    if (match) {
      best = &c;
      words_used = c.words.size();
    }
  }
  return best;
}

std::string Usage(const CommandSpec& spec, std::string_view program) {
  std::string words;
  for (const auto& w : spec.words) words += " " + w;
  std::string out = "Usage: " + std::string(program) + words;
  for (const auto& p : spec.positionals) out += " " + p;
  for (const auto& o : spec.options) {
    std::string part = OptionName(o) + (o.value_name.empty() ? "" : " " + o.value_name);
    out += o.required ? " " + part : " [" + part + "]";
  }
  out += "\n\n" + spec.summary + "\n";
  if (!spec.options.empty()) {
    out += "\nOptions:\n";
    for (const auto& o : spec.options) {
      std::string left = "  " + OptionName(o) + (o.value_name.empty() ? "" : " " + o.value_name);
      if (left.size() < 28) left.resize(28, ' ');
      out += left + " " + o.help + "\n";
    }
  }
  if (!spec.examples.empty()) {
    out += "\nExamples:\n";
    for (const auto& e : spec.examples) out += "  " + e + "\n";
  }
  return out;
}

std::string Overview(const std::vector<CommandSpec>& commands, std::string_view program) {
  std::string out = "Usage: " + std::string(program) + " <command> [options]\n\n"
                    "chancery: the secretariat system of a consensus-based intergovernmental organisation.\n\nCommands:\n";
  for (const auto& c : commands) {
    std::string words;
    for (const auto& w : c.words) words += (words.empty() ? "" : " ") + w;
    std::string left = "  " + words;
    if (left.size() < 20) left.resize(20, ' ');
    out += left + " " + c.summary + "\n";
  }
  out += "\nRun '" + std::string(program) + " <command> --help' for a command's options; '" + std::string(program) +
         " --version' for the version.\n";
  return out;
}

}  // namespace chancery::cli
