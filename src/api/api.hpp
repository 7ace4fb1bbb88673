#pragma once
// The HTTP API as a function from request to response: routing, authentication, CSRF,
// metrics and the mapping of errors to problems. Sockets are src/http's business.
#include <string>
#include <utility>
#include <vector>

#include "api/call.hpp"

namespace chancery::api {

class Api {
 public:
  Api(core::Deps& deps, Metrics& metrics, ApiOptions options);

  Response Handle(const Request& request);
  // True for requests that may block for long (password hashing): run them off the I/O threads.
  bool Offload(const Request& request) const;

  // (method, path template) of every route, for the OpenAPI completeness test.
  std::vector<std::pair<std::string, std::string>> Routes() const;

  // Adapts this Api to the socket layer's interface.
  Handler AsHandler();

 private:
  enum class Access { kPublic, kSignedIn };
  struct Target {
    HandlerFn fn;
    Access access;
    bool offload;
  };

  Response Dispatch(const Request& request, std::string_view& route_label);
  std::optional<Response> Authenticate(Context& ctx, Call& call);

  ApiOptions options_;
  Context context_;
  Router<Target> router_;
};

}  // namespace chancery::api
