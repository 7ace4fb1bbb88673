// chancery init: a new data directory, optionally with a demo dataset and demo users.
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>

#include "app/commands.hpp"
#include "app/demo_scenario.hpp"
#include "app/runtime.hpp"
#include "codec/dataset.hpp"
#include "codec/scenario.hpp"
#include "core/services/chairmanships.hpp"
#include "core/services/governance_settings.hpp"
#include "core/services/participants.hpp"
#include "core/services/users.hpp"

namespace chancery::app {
namespace {

struct DemoUser {
  const char* username;
  const char* display_name;
  core::Role role;
  const char* participant;
};

// One account per role, bound to participants of the cica-2021 dataset.
constexpr DemoUser kDemoUsers[] = {
    {"admin", "Secretariat Administrator", core::Role::kAdministrator, nullptr},
    {"officer", "Secretariat Officer", core::Role::kOfficer, nullptr},
    {"chair.kaz", "Chairmanship of Kazakhstan", core::Role::kChairmanship, "KAZ"},
    {"delegate.ind", "Delegation of India", core::Role::kMemberDelegate, "IND"},
    {"delegate.rus", "Delegation of the Russian Federation", core::Role::kMemberDelegate, "RUS"},
    {"observer.jpn", "Delegation of Japan (observer)", core::Role::kObserverDelegate, "JPN"},
    {"observer.tkm", "Delegation of Turkmenistan (observer)", core::Role::kObserverDelegate, "TKM"},
};

}  // namespace

int Init(const cli::Arguments& args) {
  const std::string dir = *args.Get("data");
  std::error_code ec;
  if (std::filesystem::exists(DatabasePath(dir), ec)) {
    return Fail(core::Error::AlreadyExists(dir + " already holds a chancery database"));
  }
  std::optional<codec::Dataset> dataset;
  std::optional<codec::Scenario> scenario;
  if (auto name = args.Get("demo")) {
    const std::string* text = EmbeddedDataset(*name);
    if (!text) return Fail(core::Error::InvalidArgument("no built-in dataset '" + *name + "' (known: cica-2021)", "--demo"));
    auto parsed = codec::ParseDataset(*text);
    if (!parsed) return Fail(parsed.error());
    dataset = std::move(*parsed);
    const std::string* story = EmbeddedScenario(*name);
    if (story && !args.Has("registry-only")) {
      auto replay = codec::ParseScenario(*story);
      if (!replay) return Fail(replay.error());
      scenario = std::move(*replay);
    }
  } else if (args.Has("registry-only")) {
    return Fail(core::Error::InvalidArgument("--registry-only needs --demo", "--registry-only"));
  }
  std::string zone = args.GetOr("zone", kDefaultTimeZone);
  if (dataset && !args.Has("zone")) {
    for (const auto& [k, v] : dataset->settings) {
      if (k == "time_zone") zone = v;
    }
  }
  if (auto z = platform::TzTimeZone::Locate(zone); !z) return Fail(z.error());

  auto rt = OpenRuntime(dir, DataDir::kCreate);
  if (!rt) return Fail(rt.error());
  auto& deps = *(*rt)->deps;
  {
    auto tx = deps.store.Begin(core::TxMode::kWrite);
    if (!tx) return Fail(tx.error());
    if (auto r = (*tx)->Settings().Set("time_zone", zone); !r) return Fail(r.error());
    // The governance rules the brief leaves to the Secretariat, with its defaults, visible and
    // editable from the start.
    for (const auto& [k, v] : core::DefaultGovernanceSettings()) {
      if (auto r = (*tx)->Settings().Set(k, v); !r) return Fail(r.error());
    }
    if (dataset) {
      for (const auto& [k, v] : dataset->settings) {
        if (k != "time_zone") {
          if (auto r = (*tx)->Settings().Set(k, v); !r) return Fail(r.error());
        }
      }
    }
    if (auto r = (*tx)->Commit(); !r) return Fail(r.error());
  }
  std::cout << "Created " << DatabasePath(dir) << " (time zone " << zone << ")\n";
  if (!dataset) return cli::kExitOk;

  const auto system = core::Actor::System();
  for (const auto& p : dataset->participants) {
    if (auto r = core::CreateParticipant(deps, system, p); !r) return Fail(r.error());
  }
  for (const auto& term : dataset->chairmanships) {
    if (auto r = core::AddChairmanship(deps, system, term, core::TermEntry::kRecordedHistory); !r) {
      return Fail(r.error());
    }
  }
  std::cout << "Loaded dataset " << dataset->id << ": " << dataset->participants.size() << " participants, "
            << dataset->chairmanships.size() << " Chairmanship terms\n";
  std::map<std::string, std::string> passwords;
  for (const auto& u : kDemoUsers) {
    core::NewUser request{u.username, u.display_name, u.role,
                          u.participant ? std::optional<std::string>(u.participant) : std::nullopt, std::nullopt};
    auto created = core::CreateUser(deps, system, request);
    if (!created) return Fail(created.error());
    passwords[u.username] = *created->generated_password;
  }
  if (scenario) {
    if (auto r = ReplayScenario(**rt, *scenario, passwords, std::cout); !r) return Fail(r.error());
  }
  std::cout << "\nDemo users (passwords are shown only now):\n";
  for (const auto& u : kDemoUsers) {
    std::cout << "  " << std::left << std::setw(14) << u.username << " " << std::setw(18)
              << core::ToString(u.role) << " " << std::setw(4) << (u.participant ? u.participant : "")
              << " password: " << passwords[u.username] << "\n";
  }
  return cli::kExitOk;
}

}  // namespace chancery::app
