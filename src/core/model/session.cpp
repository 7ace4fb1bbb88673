#include "core/model/session.hpp"

namespace chancery::core {

std::string_view ToString(SessionKind kind) { return kind == SessionKind::kCookie ? "cookie" : "bearer"; }

}  // namespace chancery::core
