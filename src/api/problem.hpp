#pragma once
// RFC 9457 problem details. Every error the API returns is one of these, with a `type` that
// never changes once published, so that clients can branch on it.
#include <string>
#include <string_view>

#include "api/http_types.hpp"
#include "core/result.hpp"

namespace chancery::api {

struct ProblemType {
  std::string_view uri;
  int status;
  std::string_view title;
};

namespace problems {
inline constexpr ProblemType kInvalidJson{"urn:chancery:problem:invalid-json", 400, "Malformed JSON body"};
inline constexpr ProblemType kInvalidQuery{"urn:chancery:problem:invalid-query", 400, "Invalid query parameter"};
inline constexpr ProblemType kUnauthenticated{"urn:chancery:problem:unauthenticated", 401, "Not signed in"};
inline constexpr ProblemType kForbidden{"urn:chancery:problem:forbidden", 403, "Not allowed"};
inline constexpr ProblemType kCsrf{"urn:chancery:problem:csrf", 403, "Missing or wrong CSRF token"};
inline constexpr ProblemType kNotFound{"urn:chancery:problem:not-found", 404, "Not found"};
inline constexpr ProblemType kMethodNotAllowed{"urn:chancery:problem:method-not-allowed", 405, "Method not allowed"};
inline constexpr ProblemType kAlreadyExists{"urn:chancery:problem:already-exists", 409, "Already exists"};
inline constexpr ProblemType kConflict{"urn:chancery:problem:conflict", 409, "Conflict"};
inline constexpr ProblemType kFailedPrecondition{"urn:chancery:problem:failed-precondition", 409, "Not possible in the current state"};
inline constexpr ProblemType kPayloadTooLarge{"urn:chancery:problem:payload-too-large", 413, "Payload too large"};
inline constexpr ProblemType kUnsupportedMediaType{"urn:chancery:problem:unsupported-media-type", 415, "Unsupported media type"};
inline constexpr ProblemType kValidation{"urn:chancery:problem:validation", 422, "Invalid request"};
inline constexpr ProblemType kRateLimited{"urn:chancery:problem:rate-limited", 429, "Too many requests"};
inline constexpr ProblemType kInternal{"urn:chancery:problem:internal", 500, "Internal error"};
inline constexpr ProblemType kUnavailable{"urn:chancery:problem:unavailable", 503, "Temporarily unavailable"};
}  // namespace problems

// `field`, when set, becomes the "field" extension member: which input was wrong.
Response Problem(const ProblemType& type, std::string_view detail, std::string_view field = {});
Response ProblemFrom(const core::Error& error);

}  // namespace chancery::api
