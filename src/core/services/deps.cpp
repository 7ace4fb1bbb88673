#include "core/services/deps.hpp"

#include "core/local_time.hpp"

namespace chancery::core {

Date Today(const Deps& deps) { return LocalDate(deps.clock.Now(), deps.zone); }

}  // namespace chancery::core
