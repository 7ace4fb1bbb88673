#pragma once
// Replays a scenario (codec/scenario.hpp) in process, through the same API handlers a client
// would call, with the clock set to each phase's instant and the silence scheduler run at the
// start of each phase as a server would on start. `init --demo` uses it to record the demo's
// story exactly as the end-to-end replay test drives it over HTTP.
#include <map>
#include <ostream>
#include <string>

#include "app/runtime.hpp"
#include "codec/scenario.hpp"

namespace chancery::app {

// `passwords`: username → password of the demo users the steps act as.
core::Result<void> ReplayScenario(Runtime& runtime, const codec::Scenario& scenario,
                                  const std::map<std::string, std::string>& passwords, std::ostream& log);

}  // namespace chancery::app
