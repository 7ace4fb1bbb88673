#pragma once
// Datasets: a JSON document with the organisation's settings, its Chairmanship terms and its
// participants, as in
// data/demo/cica-2021.json. `chancery init --demo` loads one that is built into the binary.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model/chairmanship.hpp"
#include "core/model/participant.hpp"
#include "core/result.hpp"

namespace chancery::codec {

struct Dataset {
  std::string id;     // "cica-2021"
  std::string title;
  std::vector<std::pair<std::string, std::string>> settings;  // "time_zone", "organisation.name.en", …
  std::vector<core::ChairmanshipTerm> chairmanships;  // in date order
  std::vector<core::Participant> participants;
};

core::Result<Dataset> ParseDataset(std::string_view json_text);

}  // namespace chancery::codec
