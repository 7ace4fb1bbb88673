#include "api/api.hpp"

#include <boost/url/parse.hpp>

#include <chrono>
#include <exception>
#include <iostream>

#include "api/problem.hpp"
#include "core/services/request_store.hpp"

namespace chancery::api {
namespace {

constexpr std::string_view kSessionCookie = "chancery_session";

bool IsUnsafe(std::string_view method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

// The value of one cookie from a Cookie header ("a=1; chancery_session=xyz").
std::optional<std::string> CookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    auto end = header.find(';');
    auto part = header.substr(0, end);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.substr(0, name.size()) == name && part[name.size()] == '=') {
      return std::string(part.substr(name.size() + 1));
    }
    if (end == std::string_view::npos) break;
    header.remove_prefix(end + 1);
  }
  return std::nullopt;
}

// Constant-time comparison for secrets.
bool SameSecret(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace

Api::Api(core::Deps& deps, Metrics& metrics, ApiOptions options)
    : options_(std::move(options)), context_{deps, metrics, options_} {
  using namespace handlers;
  const auto pub = Access::kPublic;
  const auto in = Access::kSignedIn;
  router_.Add("GET", "/healthz", {Healthz, pub, false});
  router_.Add("GET", "/metrics", {MetricsText, pub, false});
  router_.Add("GET", "/api/v1/openapi.json", {OpenApi, pub, false});
  router_.Add("GET", "/api/v1/time", {Time, pub, false});
  router_.Add("GET", "/api/v1/settings", {Settings, in, false});
  router_.Add("PUT", "/api/v1/settings/{key}", {SetSetting, in, false});
  router_.Add("POST", "/api/v1/auth/login", {Login, pub, true});
  router_.Add("POST", "/api/v1/auth/logout", {Logout, in, false});
  router_.Add("GET", "/api/v1/auth/me", {Me, in, false});
  router_.Add("GET", "/api/v1/participants", {ListParticipants, in, false});
  router_.Add("POST", "/api/v1/participants", {CreateParticipant, in, false});
  router_.Add("GET", "/api/v1/participants/{id}", {GetParticipant, in, false});
  router_.Add("POST", "/api/v1/participants/{id}/statuses", {AddParticipantStatus, in, false});
  router_.Add("POST", "/api/v1/participants/{id}/names", {AddParticipantName, in, false});
  router_.Add("GET", "/api/v1/participants/{id}/addresses", {GetAddresses, in, false});
  router_.Add("PUT", "/api/v1/participants/{id}/addresses", {SetAddresses, in, false});
  router_.Add("GET", "/api/v1/users", {ListUsers, in, false});
  router_.Add("POST", "/api/v1/users", {CreateUser, in, true});
  router_.Add("GET", "/api/v1/users/{id}", {GetUser, in, false});
  router_.Add("PATCH", "/api/v1/users/{id}", {UpdateUser, in, false});
  router_.Add("GET", "/api/v1/me/notices", {GetOwnNotices, in, false});
  router_.Add("PUT", "/api/v1/me/notices", {SetOwnNotices, in, false});
  router_.Add("GET", "/api/v1/audit", {ListAudit, in, false});
  router_.Add("GET", "/api/v1/audit/verify", {VerifyAudit, in, false});
  router_.Add("GET", "/api/v1/bodies", {ListBodies, in, false});
  router_.Add("GET", "/api/v1/bodies/{code}", {GetBody, in, false});
  router_.Add("GET", "/api/v1/chairmanships", {ListChairmanships, in, false});
  router_.Add("POST", "/api/v1/chairmanships", {AddChairmanship, in, false});
  router_.Add("GET", "/api/v1/titles", {Titles, in, false});
  router_.Add("GET", "/api/v1/governance/warnings", {GovernanceWarnings, in, false});
  router_.Add("GET", "/api/v1/meetings", {ListMeetings, in, false});
  router_.Add("POST", "/api/v1/meetings", {CreateMeeting, in, false});
  router_.Add("GET", "/api/v1/meetings/{id}", {GetMeeting, in, false});
  router_.Add("PUT", "/api/v1/meetings/{id}/agenda", {SetDraftAgenda, in, false});
  router_.Add("POST", "/api/v1/meetings/{id}/agenda/amendments", {AmendAgenda, in, false});
  router_.Add("POST", "/api/v1/meetings/{id}/agenda/adopt", {AdoptAgenda, in, false});
  router_.Add("PUT", "/api/v1/meetings/{id}/items/{n}/invitations", {SetInvitations, in, false});
  router_.Add("PUT", "/api/v1/meetings/{id}/items/{n}/attendance", {RecordAttendance, in, false});
  router_.Add("GET", "/api/v1/meetings/{id}/statements", {ListStatements, in, false});
  router_.Add("POST", "/api/v1/meetings/{id}/items/{n}/statements", {RecordStatement, in, false});
  router_.Add("POST", "/api/v1/meetings/{id}/items/{n}/decisions", {RecordDecision, in, false});
  router_.Add("POST", "/api/v1/meetings/{id}/items/{n}/mandates", {GiveMandate, in, false});
  router_.Add("GET", "/api/v1/meetings/{id}/mandates-due", {MandatesDue, in, false});
  router_.Add("POST", "/api/v1/meetings/{id}/minutes", {DraftMeetingMinutes, in, false});
  router_.Add("GET", "/api/v1/decisions", {ListDecisions, in, false});
  // Before /decisions/{id}: the router takes the first match, and an id is never "by-symbol".
  router_.Add("GET", "/api/v1/decisions/by-symbol", {GetDecisionBySymbol, in, false});
  router_.Add("GET", "/api/v1/decisions/{id}", {GetDecision, in, false});
  router_.Add("GET", "/api/v1/silence-procedures", {ListSilenceProcedures, in, false});
  router_.Add("POST", "/api/v1/silence-procedures", {OpenSilenceProcedure, in, false});
  router_.Add("GET", "/api/v1/silence-procedures/{id}", {GetSilenceProcedure, in, false});
  router_.Add("POST", "/api/v1/silence-procedures/{id}/responses", {RegisterSilenceResponse, in, false});
  router_.Add("GET", "/api/v1/search", {Search, in, false});
  router_.Add("GET", "/api/v1/notes", {ListNotes, in, false});
  router_.Add("POST", "/api/v1/notes", {CreateNote, in, false});
  router_.Add("GET", "/api/v1/notes/by-number", {GetNoteByNumber, in, false});
  router_.Add("GET", "/api/v1/notes/{id}", {GetNote, in, false});
  router_.Add("POST", "/api/v1/notes/{id}/registration", {RegisterNote, in, false});
  router_.Add("GET", "/api/v1/notes/{id}/render", {RenderNote, in, true});  // PDF: off the I/O threads
  router_.Add("POST", "/api/v1/notes/{id}/dispatch", {DispatchNote, in, false});
  router_.Add("GET", "/api/v1/notes/{id}/deliveries", {ListDeliveries, in, false});
  // Reading a PDF of megabytes (poppler) and its digest: off the I/O threads.
  router_.Add("POST", "/api/v1/files", {UploadFile, in, true});
  router_.Add("GET", "/api/v1/files/{id}", {DownloadFile, in, true});
  router_.Add("GET", "/api/v1/note-templates", {ListNoteTemplates, in, false});
  router_.Add("GET", "/api/v1/note-templates/{purpose}/{lang}", {GetNoteTemplate, in, false});
  router_.Add("PUT", "/api/v1/note-templates/{purpose}/{lang}", {PutNoteTemplate, in, false});
  router_.Add("DELETE", "/api/v1/note-templates/{purpose}/{lang}", {ResetNoteTemplate, in, false});
  router_.Add("GET", "/api/v1/incoming-notes", {ListIncomingNotes, in, false});
  router_.Add("POST", "/api/v1/incoming-notes", {RegisterIncomingNote, in, false});
  router_.Add("GET", "/api/v1/incoming-notes/{id}", {GetIncomingNote, in, false});
  router_.Add("PUT", "/api/v1/incoming-notes/{id}/reply", {SetIncomingReply, in, false});
  router_.Add("GET", "/api/v1/documents", {ListDocuments, in, false});
  router_.Add("POST", "/api/v1/documents", {CreateDocument, in, false});
  router_.Add("GET", "/api/v1/documents/by-symbol", {GetDocumentBySymbol, in, false});
  router_.Add("GET", "/api/v1/documents/{id}", {GetDocument, in, false});
  router_.Add("GET", "/api/v1/documents/{id}/versions/{n}", {GetDocumentVersion, in, false});
  router_.Add("POST", "/api/v1/documents/{id}/versions", {AddDocumentVersion, in, false});
  // Rendering takes tens of milliseconds (PDF): off the I/O threads.
  router_.Add("GET", "/api/v1/documents/{id}/versions/{n}/render", {RenderDocumentVersion, in, true});
  router_.Add("GET", "/api/v1/documents/{id}/diff", {DiffDocumentVersions, in, false});
  router_.Add("POST", "/api/v1/documents/{id}/stages", {AddDocumentStage, in, false});
  router_.Add("GET", "/api/v1/documents/{id}/comment-rounds", {ListCommentRounds, in, false});
  router_.Add("POST", "/api/v1/documents/{id}/comment-rounds", {OpenCommentRound, in, false});
  router_.Add("GET", "/api/v1/comment-rounds/{id}", {GetCommentRound, in, false});
  router_.Add("POST", "/api/v1/comment-rounds/{id}/comments", {SubmitComment, in, false});
  router_.Add("POST", "/api/v1/comment-rounds/{id}/consolidation", {ConsolidateCommentRound, in, false});
  router_.Add("GET", "/api/v1/mandates", {ListMandates, in, false});
  router_.Add("GET", "/api/v1/mandates/{id}", {GetMandate, in, false});
  router_.Add("PATCH", "/api/v1/mandates/{id}", {SetMandateStatus, in, false});
}

std::vector<std::pair<std::string, std::string>> Api::Routes() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : router_.routes()) out.emplace_back(r.method, r.path);
  return out;
}

Handler Api::AsHandler() {
  return {[this](const Request& r) { return Handle(r); }, [this](const Request& r) { return Offload(r); }};
}

bool Api::Offload(const Request& request) const {
  // Only sign-in and account creation hash passwords, and both are POSTs: spare every other
  // request a second parse and route lookup.
  if (request.method != "POST") return false;
  auto url = boost::urls::parse_origin_form(request.target);
  if (!url) return false;
  std::vector<std::string> segments;
  for (auto s : url->segments()) segments.push_back(s);
  auto m = router_.Find(request.method, segments);
  return m.route && m.route->target.offload;
}

Response Api::Handle(const Request& request) {
  const auto start = std::chrono::steady_clock::now();
  std::string_view route_label = "unmatched";  // points into the route table, which outlives it
  Response response;
  try {
    response = Dispatch(request, route_label);
  } catch (const std::exception& e) {
    // Handlers report failures as values; reaching this is a bug, logged once here.
    std::cerr << "chancery: unhandled exception on " << request.method << " " << route_label << ": " << e.what()
              << "\n";
    response = Problem(problems::kInternal, "internal error; see the server log");
  }
  response.With("Cache-Control", "no-store");
  context_.metrics.Observe(request.method, route_label, response.status, std::chrono::steady_clock::now() - start);
  return response;
}

Response Api::Dispatch(const Request& request, std::string_view& route_label) {
  auto url = boost::urls::parse_origin_form(request.target);
  if (!url) return Problem(problems::kNotFound, "malformed request target");
  std::vector<std::string> segments;
  for (auto s : url->segments()) segments.push_back(s);
  auto match = router_.Find(request.method, segments);
  if (!match.route) {
    if (!match.path_known) return Problem(problems::kNotFound, "no such resource");
    std::string allow;
    for (auto m : match.allowed) allow += (allow.empty() ? "" : ", ") + std::string(m);
    return Problem(problems::kMethodNotAllowed, "allowed: " + allow).With("Allow", allow);
  }
  route_label = match.route->path;

  // Everything this request reads comes from one read transaction (core/services/request_store).
  core::RequestStore store(context_.deps.store);
  core::Deps deps = context_.deps.With(store);
  Context ctx{deps, context_.metrics, context_.options};

  Call call{request, std::move(match.params), {}, std::nullopt, std::nullopt};
  for (auto p : url->params()) call.query.emplace_back(p.key, p.has_value ? p.value : std::string());
  if (match.route->target.access == Access::kSignedIn) {
    if (auto refused = Authenticate(ctx, call)) return std::move(*refused);
  }
  return match.route->target.fn(ctx, call);
}

std::optional<Response> Api::Authenticate(Context& ctx, Call& call) {
  const Request& req = call.request;
  bool from_cookie = false;
  std::optional<std::string> token;
  if (auto auth = req.HeaderValue("Authorization")) {
    constexpr std::string_view kBearer = "Bearer ";
    if (auth->substr(0, kBearer.size()) != kBearer) {
      return Problem(problems::kUnauthenticated, "Authorization must be a Bearer token");
    }
    token = std::string(auth->substr(kBearer.size()));
  } else if (auto cookie = req.HeaderValue("Cookie")) {
    token = CookieValue(*cookie, kSessionCookie);
    from_cookie = true;
  }
  if (!token) return Problem(problems::kUnauthenticated, "sign in first");
  auto who = core::Authenticate(ctx.deps, *token);
  if (!who) return ProblemFrom(who.error());
  // A token must be used the way it was issued: a cookie session cannot be replayed as a
  // bearer token to skip the CSRF check, and the other way round.
  const auto expected = from_cookie ? core::SessionKind::kCookie : core::SessionKind::kBearer;
  if (who->session.kind != expected) return Problem(problems::kUnauthenticated, "token used the wrong way");
  if (from_cookie && IsUnsafe(req.method)) {
    auto csrf = req.HeaderValue("X-CSRF-Token");
    if (!csrf || !SameSecret(*csrf, who->session.csrf_token)) {
      return Problem(problems::kCsrf, "send the CSRF token from sign-in in the X-CSRF-Token header");
    }
  }
  call.auth = std::move(*who);
  call.session_token = std::move(token);
  return std::nullopt;
}

}  // namespace chancery::api
