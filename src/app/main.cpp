// chancery: one binary, many subcommands. See commands.cpp for the list.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "app/commands.hpp"

#ifndef CHANCERY_VERSION
#define CHANCERY_VERSION "0.0.0"
#endif

int main(int argc, char** argv) {
  using namespace chancery;
  std::vector<std::string> args(argv + 1, argv + argc);
  const auto& specs = app::CommandSpecs();
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << cli::Overview(specs, "chancery");
    return args.empty() ? cli::kExitUsage : cli::kExitOk;
  }
  if (args[0] == "--version") {
    std::cout << "chancery " << CHANCERY_VERSION << "\n";
    return cli::kExitOk;
  }
  std::size_t used = 0;
  const cli::CommandSpec* spec = cli::FindCommand(specs, args, used);
  if (!spec) {
    std::cerr << "chancery: unknown command '" << args[0] << "' (see 'chancery --help')\n";
    return cli::kExitUsage;
  }
  auto parsed = cli::Parse(*spec, std::vector<std::string>(args.begin() + static_cast<long>(used), args.end()));
  if (!parsed) {
    std::cerr << "chancery: " << parsed.error().message << "\n" << cli::Usage(*spec, "chancery");
    return cli::kExitUsage;
  }
  if (parsed->Has("help")) {
    std::cout << cli::Usage(*spec, "chancery");
    return cli::kExitOk;
  }
  try {
    return app::RunCommand(*spec, *parsed);
  } catch (const std::exception& e) {
    std::cerr << "chancery: " << e.what() << "\n";
    return cli::kExitFailure;
  }
}
