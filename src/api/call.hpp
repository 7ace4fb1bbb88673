#pragma once
// What a route handler gets: the request, the matched path parameters, the decoded query, and
// (on routes that need it) who is signed in. Handlers return a plain Response.
#include <boost/json/value.hpp>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/http_types.hpp"
#include "api/metrics.hpp"
#include "api/router.hpp"
#include "codec/json_writer.hpp"
#include "core/model/decision_symbol.hpp"
#include "core/services/auth.hpp"
#include "core/services/deps.hpp"

namespace chancery::api {

struct ApiOptions {
  bool secure_cookies = false;  // add "Secure" to the session cookie (set when served over TLS)
  std::string version;          // reported by /healthz
};

struct Context {
  core::Deps& deps;
  Metrics& metrics;
  const ApiOptions& options;
};

struct Call {
  const Request& request;
  PathParams params;
  std::vector<std::pair<std::string, std::string>> query;
  std::optional<core::Authenticated> auth;
  std::optional<std::string> session_token;  // as presented, for logout

  std::optional<std::string_view> Query(std::string_view name) const {
    for (const auto& [k, v] : query) {
      if (k == name) return std::string_view(v);
    }
    return std::nullopt;
  }
  const core::Actor& actor() const { return auth->actor; }
};

using HandlerFn = Response (*)(Context&, Call&);

// Responses.
Response Json(int status, const boost::json::value& body);
Response JsonText(int status, std::string body);  // body already serialised
Response NoContent();

// A 400 problem naming the first query parameter not in `known`, or nullopt.
std::optional<Response> RejectUnknownQuery(const Call& call, std::initializer_list<std::string_view> known);

// Query parameter `name` as a whole number in [min, max], or `fallback` when absent; a 400
// problem naming it otherwise.
std::optional<Response> ReadIntQuery(const Call& call, std::string_view name, std::int64_t fallback,
                                     std::int64_t min, std::int64_t max, std::int64_t& out);

// The body as a JSON object: 415 if not application/json, 400 if not a JSON object.
std::optional<Response> ReadJsonBody(const Call& call, boost::json::object& out);

// Query parameter `name` as a date YYYY-MM-DD, left unset when absent; a 400 problem naming it
// otherwise.
std::optional<Response> ReadDateQuery(const Call& call, std::string_view name, std::optional<core::Date>& out);

// Query parameter `name` as a body code ("SOC"), left unset when absent; a 400 problem naming
// it otherwise.
std::optional<Response> ReadBodyQuery(const Call& call, std::string_view name, std::optional<core::BodyCode>& out);

// A path parameter that must be a whole number (an id, an item number): nullopt when it is not,
// which handlers answer with the same 404 as an unknown one.
std::optional<std::int64_t> PathInt(const Call& call, std::string_view name);

// The {id} of a /meetings/{id}/… path, and the {n} of …/items/{n}/…: a 404 problem when either
// is not a number that could name one.
std::optional<Response> ReadMeetingId(const Call& call, std::int64_t& id);
std::optional<Response> ReadItemNumber(const Call& call, int& item);

// Query parameter `name` as an id (a whole number from 1), left unset when absent; a 400
// problem naming it otherwise.
std::optional<Response> ReadIdQuery(const Call& call, std::string_view name, std::optional<std::int64_t>& out);

// Every list takes `limit` (default 100, at most 500) and `offset`.
struct Page {
  std::int64_t limit = 100;
  std::int64_t offset = 0;
};
std::optional<Response> ReadPage(const Call& call, Page& page);

// {"total","offset","limit","items":[…]}: `total` counts every item given (the use cases have
// already left out what the caller may not see), `items` holds the page, each written by
// `write(JsonWriter&, const Item&)`.
template <class Items, class WriteFn>
Response PageResponse(const Items& items, const Page& page, WriteFn write) {
  const auto total = static_cast<std::int64_t>(items.size());
  std::string body;
  codec::JsonWriter out(body);
  out.BeginObject();
  out.Key("total").Int(total).Key("offset").Int(page.offset).Key("limit").Int(page.limit);
  out.Key("items").BeginArray();
  for (std::int64_t i = page.offset; i < total && i < page.offset + page.limit; ++i) {
    write(out, items[static_cast<std::size_t>(i)]);
  }
  out.EndArray().EndObject();
  return JsonText(200, std::move(body));
}

// Handlers, one group per file under handlers/.
namespace handlers {
Response Healthz(Context&, Call&);
Response MetricsText(Context&, Call&);
Response OpenApi(Context&, Call&);
Response Time(Context&, Call&);
Response Settings(Context&, Call&);
Response SetSetting(Context&, Call&);

Response Login(Context&, Call&);
Response Logout(Context&, Call&);
Response Me(Context&, Call&);

Response ListParticipants(Context&, Call&);
Response GetParticipant(Context&, Call&);
Response CreateParticipant(Context&, Call&);
Response AddParticipantStatus(Context&, Call&);
Response AddParticipantName(Context&, Call&);

Response ListUsers(Context&, Call&);
Response CreateUser(Context&, Call&);
Response GetUser(Context&, Call&);
Response UpdateUser(Context&, Call&);
Response GetOwnNotices(Context&, Call&);
Response SetOwnNotices(Context&, Call&);

Response ListDocuments(Context&, Call&);
Response CreateDocument(Context&, Call&);
Response GetDocument(Context&, Call&);
Response GetDocumentBySymbol(Context&, Call&);
Response GetDocumentVersion(Context&, Call&);
Response AddDocumentVersion(Context&, Call&);
Response DiffDocumentVersions(Context&, Call&);
Response AddDocumentStage(Context&, Call&);
Response DraftMeetingMinutes(Context&, Call&);
Response RenderDocumentVersion(Context&, Call&);
Response OpenCommentRound(Context&, Call&);
Response ListCommentRounds(Context&, Call&);
Response GetCommentRound(Context&, Call&);
Response SubmitComment(Context&, Call&);
Response ConsolidateCommentRound(Context&, Call&);
Response GovernanceWarnings(Context&, Call&);
Response Search(Context&, Call&);

Response ListNotes(Context&, Call&);
Response CreateNote(Context&, Call&);
Response GetNote(Context&, Call&);
Response GetNoteByNumber(Context&, Call&);
Response RenderNote(Context&, Call&);
Response RegisterNote(Context&, Call&);
Response ListIncomingNotes(Context&, Call&);
Response RegisterIncomingNote(Context&, Call&);
Response GetIncomingNote(Context&, Call&);
Response SetIncomingReply(Context&, Call&);
// handlers/dispatch_handlers.cpp
Response GetAddresses(Context&, Call&);
Response SetAddresses(Context&, Call&);
Response DispatchNote(Context&, Call&);
Response ListDeliveries(Context&, Call&);
// handlers/file_handlers.cpp
Response UploadFile(Context&, Call&);
Response DownloadFile(Context&, Call&);
Response ListNoteTemplates(Context&, Call&);
Response GetNoteTemplate(Context&, Call&);
Response PutNoteTemplate(Context&, Call&);
Response ResetNoteTemplate(Context&, Call&);

Response ListAudit(Context&, Call&);
Response VerifyAudit(Context&, Call&);

Response ListBodies(Context&, Call&);
Response GetBody(Context&, Call&);

Response ListChairmanships(Context&, Call&);
Response AddChairmanship(Context&, Call&);
Response Titles(Context&, Call&);

Response ListMeetings(Context&, Call&);
Response CreateMeeting(Context&, Call&);
Response GetMeeting(Context&, Call&);
Response SetDraftAgenda(Context&, Call&);
Response AmendAgenda(Context&, Call&);
Response AdoptAgenda(Context&, Call&);
Response SetInvitations(Context&, Call&);
Response RecordAttendance(Context&, Call&);
Response ListStatements(Context&, Call&);
Response RecordStatement(Context&, Call&);

Response ListDecisions(Context&, Call&);
Response GetDecision(Context&, Call&);
Response GetDecisionBySymbol(Context&, Call&);
Response RecordDecision(Context&, Call&);

Response ListSilenceProcedures(Context&, Call&);
Response OpenSilenceProcedure(Context&, Call&);
Response GetSilenceProcedure(Context&, Call&);
Response RegisterSilenceResponse(Context&, Call&);

Response ListMandates(Context&, Call&);
Response GetMandate(Context&, Call&);
Response GiveMandate(Context&, Call&);
Response SetMandateStatus(Context&, Call&);
Response MandatesDue(Context&, Call&);
}  // namespace handlers

// The OpenAPI 3.1 document, embedded at build time from api/openapi.json.
std::string_view OpenApiDocument();

}  // namespace chancery::api
