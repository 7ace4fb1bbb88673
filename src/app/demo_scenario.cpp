#include "app/demo_scenario.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "api/api.hpp"
#include "core/services/silence_procedures.hpp"

namespace chancery::app {
namespace {

using Saved = std::map<std::string, std::string, std::less<>>;

api::Request JsonRequest(std::string method, std::string target, std::string body, const std::string& token) {
  api::Request request{std::move(method), std::move(target), {}, std::move(body), "127.0.0.1"};
  request.headers.push_back({"Content-Type", "application/json"});
  if (!token.empty()) request.headers.push_back({"Authorization", "Bearer " + token});
  return request;
}

core::Error StepFailed(std::size_t phase, std::size_t step, const std::string& what) {
  return core::Error::Internal("scenario phase " + std::to_string(phase + 1) + " step " + std::to_string(step + 1) +
                               ": " + what);
}

}  // namespace

core::Result<void> ReplayScenario(Runtime& rt, const codec::Scenario& scenario,
                                  const std::map<std::string, std::string>& passwords, std::ostream& log) {
  if (scenario.phases.empty()) return core::Ok();
  platform::ManualClock clock(scenario.phases.front().at);
  const core::Deps& base = *rt.deps;
  // Without notice templates: the replay re-enacts 2021 on a clock of its own, where every event
  // is "recent", and nobody is to be mailed about history.
  core::Deps deps{base.store, clock, base.digest, base.hasher, base.random, base.zone, base.formatter, base.auth,
                  base.participants, base.renderer, base.note_templates, nullptr, base.pdf_inspector};
  api::Metrics metrics;
  api::Api api(deps, metrics, {});
  Saved saved;
  for (std::size_t i = 0; i < scenario.phases.size(); ++i) {
    const auto& phase = scenario.phases[i];
    clock.Set(phase.at);
    if (auto r = core::ConcludeDueSilenceProcedures(deps); !r) return r.error();
    std::map<std::string, std::string> tokens;  // signed in again each phase: time has moved on
    for (std::size_t j = 0; j < phase.steps.size(); ++j) {
      const auto& step = phase.steps[j];
      auto& token = tokens[step.as];
      if (token.empty()) {
        auto password = passwords.find(step.as);
        if (password == passwords.end()) return StepFailed(i, j, "no demo user " + step.as);
        boost::json::object login{{"username", step.as}, {"password", password->second}, {"mode", "token"}};
        auto r = api.Handle(JsonRequest("POST", "/api/v1/auth/login", boost::json::serialize(login), ""));
        if (r.status != 200) return StepFailed(i, j, "sign-in of " + step.as + " failed: " + r.body);
        token = std::string(boost::json::parse(r.body).at("token").as_string());
      }
      auto path = codec::FillPath(step.path, saved);
      if (!path) return StepFailed(i, j, path.error().message);
      auto body = codec::FillBody(step.body, saved);
      if (!body) return StepFailed(i, j, body.error().message);
      auto response = api.Handle(JsonRequest(step.method, *path, *body, token));
      if (response.status != step.expect) {
        return StepFailed(i, j, step.method + " " + *path + " answered " + std::to_string(response.status) +
                                    " instead of " + std::to_string(step.expect) + ": " + response.body);
      }
      if (!step.save.empty()) {
        auto doc = boost::json::parse(response.body);
        for (const auto& [name, field] : step.save) {
          const auto* value = doc.is_object() ? doc.as_object().if_contains(field) : nullptr;
          if (!value) return StepFailed(i, j, "the response has no " + field);
          saved[name] = boost::json::serialize(*value);
        }
      }
    }
  }
  log << "Replayed scenario " << scenario.id << ": " << scenario.phases.size() << " phases\n";
  return core::Ok();
}

}  // namespace chancery::app
