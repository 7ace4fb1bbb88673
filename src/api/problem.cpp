#include "api/problem.hpp"

#include <boost/json.hpp>

namespace chancery::api {

Response Problem(const ProblemType& type, std::string_view detail, std::string_view field) {
  boost::json::object body;
  body["type"] = type.uri;
  body["title"] = type.title;
  body["status"] = type.status;
  body["detail"] = detail;
  if (!field.empty()) body["field"] = field;
  Response r;
  r.status = type.status;
  r.body = boost::json::serialize(body);
  r.With("Content-Type", "application/problem+json");
  if (type.status == 401) r.With("WWW-Authenticate", "Bearer realm=\"chancery\"");
  return r;
}

Response ProblemFrom(const core::Error& e) {
  using core::ErrorCode;
  switch (e.code) {
    case ErrorCode::kInvalidArgument: return Problem(problems::kValidation, e.message, e.field);
    case ErrorCode::kNotFound: return Problem(problems::kNotFound, e.message);
    case ErrorCode::kAlreadyExists: return Problem(problems::kAlreadyExists, e.message, e.field);
    case ErrorCode::kConflict: return Problem(problems::kConflict, e.message);
    case ErrorCode::kFailedPrecondition: return Problem(problems::kFailedPrecondition, e.message, e.field);
    case ErrorCode::kPermissionDenied: return Problem(problems::kForbidden, e.message);
    case ErrorCode::kUnauthenticated: return Problem(problems::kUnauthenticated, e.message);
    case ErrorCode::kResourceExhausted: return Problem(problems::kRateLimited, e.message);
    case ErrorCode::kUnavailable: return Problem(problems::kUnavailable, e.message);
    case ErrorCode::kInternal: return Problem(problems::kInternal, "internal error; see the server log");
  }
  return Problem(problems::kInternal, "internal error");
}

}  // namespace chancery::api
