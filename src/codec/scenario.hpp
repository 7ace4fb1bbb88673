#pragma once
// Scenarios: a recorded story of API calls at given instants, as in
// data/demo/soc-2021-06-23.json. `chancery init --demo` replays one in process so that a new
// user finds the story in the demo; the end-to-end replay test plays the same file over HTTP.
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"

namespace chancery::codec {

struct ScenarioStep {
  std::string as;      // the demo user making the call: "chair.kaz"
  std::string method;  // "POST"
  std::string path;    // may hold {{name}} placeholders
  std::string body;    // JSON text, may hold "{{name}}" placeholders; empty for none
  int expect = 200;    // the status the call must answer
  // Values to remember from the response: name → top-level field of the response object.
  std::vector<std::pair<std::string, std::string>> save;
};

struct ScenarioPhase {
  core::Instant at;  // "now" for every step of the phase
  std::string note;
  std::vector<ScenarioStep> steps;
};

struct Scenario {
  std::string id;
  std::string title;
  std::string source;
  std::vector<ScenarioPhase> phases;  // in time order
};

core::Result<Scenario> ParseScenario(std::string_view json_text);

// Fills the placeholders with saved values (each the JSON text of the saved value): in a body
// the quoted "{{name}}" becomes the value itself (so an id stays a number), in a path {{name}}
// becomes the value. An unknown name is kInvalidArgument.
core::Result<std::string> FillBody(std::string_view body, const std::map<std::string, std::string, std::less<>>& saved);
core::Result<std::string> FillPath(std::string_view path, const std::map<std::string, std::string, std::less<>>& saved);

}  // namespace chancery::codec
