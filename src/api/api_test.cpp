// The API as a function: routing, authentication, CSRF, problems, and that bad input changes
// nothing. Runs over the in-memory store; tests/e2e repeats the essentials over real sockets.
#include "api/api.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "core/services/chairmanships.hpp"
#include "core/services/participants.hpp"
#include "core/services/silence_procedures.hpp"
#include "core/services/users.hpp"
#include "core/testing/fakes.hpp"
#include "storage/memory/memory_store.hpp"

namespace chancery::api {
namespace {

using namespace std::chrono;
namespace json = boost::json;

class ApiTest : public ::testing::Test {
 protected:
  ApiTest()
      : clock_(core::Instant{sys_days{year{2021} / June / 23} + 4h}),
        zone_(hours{6}, "Asia/Almaty"),
        deps_{store_, clock_, digest_, hasher_, random_, zone_, formatter_, {}},
        api_(deps_, metrics_, {false, "test"}) {}

  void SetUp() override {
    core::Participant ind{"IND", core::ParticipantKind::kState, "IN", "IND",
                          {{"en", "India", "Republic of India", std::nullopt}},
                          {{year{2002} / June / 4, core::ParticipantStatus::kMember, core::DatePrecision::kBy, "Founding", "", "C"}}};
    ASSERT_TRUE(core::CreateParticipant(deps_, core::Actor::System(), ind));
    ASSERT_TRUE(core::CreateUser(deps_, core::Actor::System(), {"admin", "Admin", core::Role::kAdministrator, std::nullopt, "admin password 1"}));
    ASSERT_TRUE(core::CreateUser(deps_, core::Actor::System(), {"delegate", "Delegate", core::Role::kMemberDelegate, "IND", "delegate password"}));
  }

  Response Send(std::string method, std::string target, std::string body = {},
                std::vector<Header> headers = {}) {
    Request r{std::move(method), std::move(target), std::move(headers), std::move(body), "127.0.0.1"};
    if (!r.body.empty() && !r.HeaderValue("Content-Type")) r.headers.push_back({"Content-Type", "application/json"});
    return api_.Handle(r);
  }
  std::string BearerFor(const std::string& user, const std::string& password) {
    auto r = Send("POST", "/api/v1/auth/login", R"({"username":")" + user + R"(","password":")" + password + R"(","mode":"token"})");
    EXPECT_EQ(r.status, 200) << r.body;
    return "Bearer " + std::string(json::parse(r.body).at("token").as_string());
  }
  std::int64_t AuditHead() { return (*store_.Begin(core::TxMode::kRead))->Audit().Head()->seq; }
  static std::string Type(const Response& r) {
    EXPECT_EQ(*std::find_if(r.headers.begin(), r.headers.end(), [](auto& h) { return h.name == "Content-Type"; }),
              (Header{"Content-Type", "application/problem+json"}));
    return std::string(json::parse(r.body).at("type").as_string());
  }

  storage::MemoryStore store_;
  core::testing::FakeClock clock_;
  core::testing::FakeDigest digest_;
  core::testing::FakePasswordHasher hasher_;
  core::testing::FakeRandom random_;
  core::testing::FixedOffsetZone zone_;
  core::testing::IsoDateFormatter formatter_;
  core::Deps deps_;
  Metrics metrics_;
  Api api_;
};

TEST_F(ApiTest, EveryRouteIsInTheOpenApiDocumentAndViceVersa) {
  auto doc = json::parse(OpenApiDocument()).as_object();
  EXPECT_EQ(doc.at("openapi").as_string(), "3.1.0");
  const auto& paths = doc.at("paths").as_object();
  std::set<std::pair<std::string, std::string>> documented;
  for (const auto& [path, item] : paths) {
    for (const auto& [method, op] : item.as_object()) {
      std::string upper(method);
      for (auto& c : upper) c = char(std::toupper(c));
      documented.emplace(upper, std::string(path));
    }
  }
  std::set<std::pair<std::string, std::string>> routed;
  for (const auto& r : api_.Routes()) routed.insert(r);
  EXPECT_EQ(routed, documented);
  EXPECT_GE(routed.size(), 18u);
}

TEST_F(ApiTest, UnknownPathIs404AndWrongMethodIs405WithAllow) {
  auto r = Send("GET", "/api/v1/nothing");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(Type(r), "urn:chancery:problem:not-found");
  r = Send("DELETE", "/api/v1/participants");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(Type(r), "urn:chancery:problem:method-not-allowed");
  auto allow = std::find_if(r.headers.begin(), r.headers.end(), [](auto& h) { return h.name == "Allow"; });
  ASSERT_NE(allow, r.headers.end());
  EXPECT_EQ(allow->value, "GET, POST");
}

TEST_F(ApiTest, SignedInRoutesNeedATokenAndAnswer401) {
  auto r = Send("GET", "/api/v1/participants");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(Type(r), "urn:chancery:problem:unauthenticated");
  r = Send("GET", "/api/v1/participants", "", {{"Authorization", "Bearer nonsense"}});
  EXPECT_EQ(r.status, 401);
}

TEST_F(ApiTest, CookieSessionsNeedTheCsrfTokenOnWrites) {
  auto login = Send("POST", "/api/v1/auth/login", R"({"username":"admin","password":"admin password 1"})");
  ASSERT_EQ(login.status, 200);
  auto cookie = std::find_if(login.headers.begin(), login.headers.end(), [](auto& h) { return h.name == "Set-Cookie"; });
  ASSERT_NE(cookie, login.headers.end());
  EXPECT_NE(cookie->value.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie->value.find("SameSite=Strict"), std::string::npos);
  const std::string session = cookie->value.substr(0, cookie->value.find(';'));
  const std::string csrf(json::parse(login.body).at("csrf_token").as_string());

  EXPECT_EQ(Send("GET", "/api/v1/auth/me", "", {{"Cookie", session}}).status, 200);
  const std::string body = R"({"from":"2030-01-01","status":"partner","basis":"test"})";
  auto before = AuditHead();
  auto refused = Send("POST", "/api/v1/participants/IND/statuses", body, {{"Cookie", session}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(Type(refused), "urn:chancery:problem:csrf");
  refused = Send("POST", "/api/v1/participants/IND/statuses", body, {{"Cookie", session}, {"X-CSRF-Token", csrf + "x"}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(AuditHead(), before);
  auto accepted = Send("POST", "/api/v1/participants/IND/statuses", body, {{"Cookie", session}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(accepted.status, 201) << accepted.body;
  EXPECT_EQ(AuditHead(), before + 1);
}

TEST_F(ApiTest, ACookieTokenCannotBeReplayedAsABearerToken) {
  auto login = Send("POST", "/api/v1/auth/login", R"({"username":"admin","password":"admin password 1"})");
  auto cookie = std::find_if(login.headers.begin(), login.headers.end(), [](auto& h) { return h.name == "Set-Cookie"; });
  const std::string token = cookie->value.substr(cookie->value.find('=') + 1, cookie->value.find(';') - cookie->value.find('=') - 1);
  EXPECT_EQ(Send("GET", "/api/v1/auth/me", "", {{"Authorization", "Bearer " + token}}).status, 401);
}

TEST_F(ApiTest, BadBodiesAre4xxAndChangeNothing) {
  const auto auth = BearerFor("admin", "admin password 1");
  const auto before = AuditHead();
  struct Case {
    std::string body;
    std::string content_type;
    int status;
    std::string type;
    std::string field;
  } cases[] = {
      {R"({"id":"KWT",)", "application/json", 400, "urn:chancery:problem:invalid-json", ""},
      {R"([1,2,3])", "application/json", 400, "urn:chancery:problem:invalid-json", ""},
      {R"({"id":"KWT","kind":"state","names":[]})", "text/plain", 415, "urn:chancery:problem:unsupported-media-type", ""},
      {R"({"id":42,"kind":"state","names":[]})", "application/json", 422, "urn:chancery:problem:validation", "id"},
      {R"({"id":"KWT","kind":"state","names":[],"admin":true})", "application/json", 422, "urn:chancery:problem:validation", "admin"},
      {R"({"id":"KWT","kind":"state","iso_alpha3":"KWT","names":[{"lang":"de","short":"K","full":"K"}]})", "application/json", 422,
       "urn:chancery:problem:validation", "names[0].lang"},
      {R"({"id":"IND","kind":"state","iso_alpha3":"IND","names":[{"lang":"en","short":"I","full":"I"}]})", "application/json", 409,
       "urn:chancery:problem:already-exists", ""},
  };
  for (const auto& c : cases) {
    auto r = Send("POST", "/api/v1/participants", c.body, {{"Authorization", auth}, {"Content-Type", c.content_type}});
    EXPECT_EQ(r.status, c.status) << c.body << " -> " << r.body;
    EXPECT_EQ(Type(r), c.type) << c.body;
    auto problem = json::parse(r.body).as_object();
    EXPECT_EQ(problem.at("status").as_int64(), c.status);
    if (!c.field.empty()) {
      EXPECT_EQ(problem.at("field").as_string(), c.field) << c.body;
    }
  }
  EXPECT_EQ(AuditHead(), before);
  auto list = json::parse(Send("GET", "/api/v1/participants", "", {{"Authorization", auth}}).body);
  EXPECT_EQ(list.at("total").as_int64(), 1);
}

TEST_F(ApiTest, BadQueryParametersAre400) {
  const auto auth = BearerFor("admin", "admin password 1");
  for (const char* target : {"/api/v1/participants?on=2021-02-30", "/api/v1/participants?status=full",
                             "/api/v1/participants?limit=-1", "/api/v1/participants?colour=red",
                             "/api/v1/participants?lang=de", "/api/v1/audit?after=x"}) {
    auto r = Send("GET", target, "", {{"Authorization", auth}});
    EXPECT_EQ(r.status, 400) << target;
    EXPECT_EQ(Type(r), "urn:chancery:problem:invalid-query") << target;
  }
}

TEST_F(ApiTest, DelegateMayReadParticipantsButNotChangeThemOrSeeUsers) {
  const auto auth = BearerFor("delegate", "delegate password");
  EXPECT_EQ(Send("GET", "/api/v1/participants/IND", "", {{"Authorization", auth}}).status, 200);
  auto r = Send("POST", "/api/v1/participants/IND/names", R"({"lang":"ru","short":"Индия","full":"Республика Индия"})",
                {{"Authorization", auth}});
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(Type(r), "urn:chancery:problem:forbidden");
  EXPECT_EQ(Send("GET", "/api/v1/users", "", {{"Authorization", auth}}).status, 403);
  // Another user's account is not even acknowledged to exist.
  auto other = Send("GET", "/api/v1/users/1", "", {{"Authorization", auth}});
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(Send("GET", "/api/v1/users/2", "", {{"Authorization", auth}}).status, 200);
  EXPECT_EQ(Send("GET", "/api/v1/audit", "", {{"Authorization", auth}}).status, 403);
}

TEST_F(ApiTest, ParticipantsByStatusOnADateWithNamesInALanguage) {
  const auto auth = BearerFor("admin", "admin password 1");
  auto r = Send("POST", "/api/v1/participants",
                R"({"id":"KWT","kind":"state","iso_alpha2":"KW","iso_alpha3":"KWT","names":[{"lang":"en","short":"Kuwait","full":"State of Kuwait"},{"lang":"ru","short":"Кувейт","full":"Государство Кувейт"}],"statuses":[{"from":"2022-10-13","status":"member","basis":"6th Summit"}]})",
                {{"Authorization", auth}});
  ASSERT_EQ(r.status, 201) << r.body;
  auto before = json::parse(Send("GET", "/api/v1/participants?status=member&on=2022-10-12", "", {{"Authorization", auth}}).body);
  EXPECT_EQ(before.at("total").as_int64(), 1);
  auto after = json::parse(Send("GET", "/api/v1/participants?status=member&on=2022-10-13&lang=ru", "", {{"Authorization", auth}}).body);
  EXPECT_EQ(after.at("total").as_int64(), 2);
  EXPECT_EQ(after.at("items").at(1).at("name").at("short").as_string(), "Кувейт");
}

TEST_F(ApiTest, MetricsCountRequestsByRoute) {
  Send("GET", "/healthz");
  Send("GET", "/healthz");
  auto r = Send("GET", "/metrics");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("chancery_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"} 2"), std::string::npos)
      << r.body;
  EXPECT_NE(r.body.find("chancery_http_request_duration_seconds_count{route=\"/healthz\"} 2"), std::string::npos);
}

TEST_F(ApiTest, OnlySignInAndAccountCreationAreOffloaded) {
  EXPECT_TRUE(api_.Offload({"POST", "/api/v1/auth/login", {}, "", ""}));
  EXPECT_TRUE(api_.Offload({"POST", "/api/v1/users", {}, "", ""}));
  EXPECT_FALSE(api_.Offload({"GET", "/api/v1/users", {}, "", ""}));
  EXPECT_FALSE(api_.Offload({"GET", "/api/v1/participants/KAZ", {}, "", ""}));
}

// --- The governance engine over the API -------------------------------------------------------
//
// The SOC meeting of 23 June 2021, cut down: items 1-3 open to the observers the Chairmanship
// invited (Japan), item 4 (observers in the Rules of Procedure) and 5 (any other business)
// closed to them.

class GovernanceApiTest : public ApiTest {
 protected:
  struct Reply {
    int status = 0;
    std::string text;
    json::value body;
  };

  void SetUp() override {
    ApiTest::SetUp();
    const auto since = core::Date{year{2002} / June / 4};
    auto state = [](std::string id, std::string name, std::vector<core::StatusChange> statuses) {
      core::Participant p{id, core::ParticipantKind::kState, std::nullopt, id, {{"en", name, name, std::nullopt}}, {}};
      p.statuses = std::move(statuses);
      return p;
    };
    auto became = [](core::Date from, core::ParticipantStatus status) {
      return core::StatusChange{from, status, core::DatePrecision::kDay, "test", "", ""};
    };
    for (const auto& p : {state("KAZ", "Kazakhstan", {became(since, core::ParticipantStatus::kMember)}),
                          state("RUS", "Russian Federation", {became(since, core::ParticipantStatus::kMember)}),
                          state("JPN", "Japan", {became(since, core::ParticipantStatus::kObserverState)}),
                          state("TKM", "Turkmenistan", {})}) {
      ASSERT_TRUE(core::CreateParticipant(deps_, core::Actor::System(), p));
    }
    ASSERT_TRUE(core::CreateUser(deps_, core::Actor::System(), {"officer", "Officer", core::Role::kOfficer, std::nullopt, "officer password"}));
    ASSERT_TRUE(core::CreateUser(deps_, core::Actor::System(), {"chair", "Chair", core::Role::kChairmanship, "KAZ", "chair password 1"}));
    ASSERT_TRUE(core::CreateUser(deps_, core::Actor::System(), {"observer", "Observer", core::Role::kObserverDelegate, "JPN", "observer password"}));
    ASSERT_TRUE(core::AddChairmanship(deps_, core::Actor::System(), {"KAZ", year{2020} / September / 1, std::nullopt, "5th Summit"}));
    officer_ = BearerFor("officer", "officer password");
  }

  Reply Do(std::string method, std::string target, const std::string& auth, std::string body = {}) {
    auto r = Send(std::move(method), std::move(target), std::move(body), {{"Authorization", auth}});
    Reply out{r.status, r.body, {}};
    boost::system::error_code ec;
    out.body = json::parse(r.body, ec);
    return out;
  }

  // A created object's JSON; fails the test unless the answer is 201.
  json::object Create(std::string target, std::string body, const std::string& auth = {}) {
    auto r = Do("POST", target, auth.empty() ? officer_ : auth, std::move(body));
    EXPECT_EQ(r.status, 201) << target << " -> " << r.text;
    return r.body.is_object() ? r.body.as_object() : json::object{};
  }

  std::int64_t Total(const std::string& target, const std::string& auth) {
    auto r = Do("GET", target, auth);
    EXPECT_EQ(r.status, 200) << target << " -> " << r.text;
    return r.status == 200 ? r.body.at("total").as_int64() : -1;
  }

  // SOC/2021-I with its agenda adopted, statements, attendance, two decisions and two
  // mandates, one of each under an open item and one under a closed item.
  void HoldTheMeeting() {
    auto m = Create("/api/v1/meetings", R"({"body":"SOC","session":"2021-I","starts_on":"2021-06-23","format":"online",
      "venue":"Nur-Sultan","chair_person":"H.E. Mr. Shakhrat Nuryshev","agenda_symbol":"SOC/2021-I/Agenda/3","items":[
        {"title":"Opening of the meeting","closed_to_observers":false,"invited_observers":["JPN"]},
        {"title":"Adoption of the agenda","closed_to_observers":false,"invited_observers":["JPN"]},
        {"title":"Approval of granting the CICA Observer Status to Turkmenistan","closed_to_observers":false,"invited_observers":["JPN"]},
        {"title":"Proposal by the Russian Federation to amend the Rules of Procedure"},
        {"title":"Any other business","any_other_business":true}]})");
    meeting_ = m["id"].as_int64();
    const std::string at = "/api/v1/meetings/" + std::to_string(meeting_);
    Create(at + "/agenda/amendments",
           R"({"item_number":4,"proposed_by":"IND","title":"Proposal by the Russian Federation to amend the CICA Rules of Procedure in relation to the status of observers"})");
    auto adopted = Do("POST", at + "/agenda/adopt", officer_);
    ASSERT_EQ(adopted.status, 200) << adopted.text;
    ASSERT_EQ(Do("PUT", at + "/items/1/attendance", officer_, R"({"present":["KAZ","IND","RUS","JPN"]})").status, 200);
    Create(at + "/items/1/statements", R"({"role":"chair","speaker":"Mr. Nuryshev","text":"Over 50 events in the Plan for 2021."})");
    Create(at + "/items/3/statements", R"({"role":"participant","participant_id":"IND","text":"India welcomes Turkmenistan."})");
    Create(at + "/items/4/statements",
           R"({"role":"participant","participant_id":"RUS","language":"ru","text":"Observers at sensitive meetings are unacceptable."})");
    Create(at + "/items/4/statements", R"({"role":"chair","text":"The Chairmanship believes observers are an asset."})");
    open_decision_ = Create(at + "/items/3/decisions",
                            R"({"title":"Observer Status of Turkmenistan","text":"The SOC approved granting the CICA Observer Status to Turkmenistan.",
                                "status_grants":[{"participant_id":"TKM","status":"observer_state"}]})")["id"].as_int64();
    closed_decision_ = Create(at + "/items/4/decisions",
                              R"({"title":"Status of observers","text":"Secret deliberations on the status of observers.",
                                  "positions":[{"participant_id":"RUS","kind":"interpretative_statement","text":"Access must be denied."}]})")["id"].as_int64();
    open_mandate_ = Create(at + "/items/3/mandates", R"({"subject":"Welcoming Turkmenistan","assignee":"SWG","due_by":"2021-10-11"})")["id"].as_int64();
    closed_mandate_ = Create(at + "/items/4/mandates",
                             R"({"subject":"Amendments to the Rules of Procedure on observers","assignee":"SWG","due_before_next_meeting_of":"SOC"})")["id"].as_int64();
    next_ = Create("/api/v1/meetings", R"({"body":"SOC","starts_on":"2021-10-10","format":"in_person","venue":"Nur-Sultan",
      "items":[{"title":"Opening"}]})")["id"].as_int64();
  }

  std::string officer_;
  std::int64_t meeting_ = 0, next_ = 0, open_decision_ = 0, closed_decision_ = 0, open_mandate_ = 0, closed_mandate_ = 0;
};

// The rules the brief leaves to the Secretariat are settings an administrator changes; a value
// the rules cannot read changes nothing.
TEST_F(GovernanceApiTest, AdministratorsChangeGovernanceSettingsThatTheRulesCanRead) {
  const auto admin = BearerFor("admin", "admin password 1");
  auto put = [&](const std::string& auth, const std::string& key, const std::string& body) {
    return Do("PUT", "/api/v1/settings/" + key, auth, body);
  };
  auto ok = put(admin, "silence.minimum_period_days", R"({"value":"7"})");
  ASSERT_EQ(ok.status, 200) << ok.text;
  EXPECT_EQ(Do("GET", "/api/v1/settings", officer_).body.at("silence.minimum_period_days").as_string(), "7");
  // A week's silence is now enough.
  auto opened = Do("POST", "/api/v1/silence-procedures", officer_, R"({"title":"A","text":"A","expires_on":"2021-07-01"})");
  EXPECT_EQ(opened.status, 201) << opened.text;

  auto bad = put(admin, "silence.minimum_period_days", R"({"value":"two weeks"})");
  EXPECT_EQ(bad.status, 422) << bad.text;
  EXPECT_EQ(bad.body.at("field").as_string(), "silence.minimum_period_days");
  EXPECT_EQ(Do("GET", "/api/v1/settings", officer_).body.at("silence.minimum_period_days").as_string(), "7");
  EXPECT_EQ(put(admin, "calendar.public_holidays", R"({"value":"21 March"})").status, 422);
  EXPECT_EQ(put(admin, "titles.deputy_secretary_general_from", R"({"value":"soon"})").status, 422);
  EXPECT_EQ(put(admin, "time_zone", R"({"value":"Asia/Tokyo"})").status, 404);
  EXPECT_EQ(put(admin, "silence.minimum_period_days", R"({"value":"7","note":"x"})").status, 422);
  EXPECT_EQ(put(officer_, "silence.minimum_period_days", R"({"value":"1"})").status, 403);
}

TEST_F(GovernanceApiTest, BodiesAreListedWithTheirHierarchyAndNames) {
  auto all = Do("GET", "/api/v1/bodies", officer_);
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.body.at("total").as_int64(), 8);
  auto soc = Do("GET", "/api/v1/bodies/SOC", officer_);
  ASSERT_EQ(soc.status, 200) << soc.text;
  EXPECT_EQ(soc.body.at("level").as_string(), "governing");
  EXPECT_EQ(soc.body.at("reports_to").as_string(), "MM");
  EXPECT_TRUE(soc.body.at("takes_decisions").as_bool());
  EXPECT_EQ(soc.body.at("names").at("ru").as_string(), "Комитет старших должностных лиц");
  EXPECT_TRUE(Do("GET", "/api/v1/bodies/SUMMIT", officer_).body.at("reports_to").is_null());
  EXPECT_EQ(Do("GET", "/api/v1/bodies/soc", officer_).status, 404);
}

TEST_F(GovernanceApiTest, ChairmanshipTermsAndTheSecretariatsTitles) {
  // A term beginning after today needs the SOC's recommendation by silence procedure (R12) …
  auto future = Do("POST", "/api/v1/chairmanships", officer_, R"({"participant_id":"IND","from":"2022-10-13","basis":"6th Summit"})");
  EXPECT_EQ(future.status, 409) << future.text;
  EXPECT_EQ(future.body.at("field").as_string(), "recommended_by_silence_procedure");
  // … a term that has begun is entered as it was.
  clock_.Set(core::Instant{sys_days{year{2022} / November / 1}});
  officer_ = BearerFor("officer", "officer password");  // the old token has expired meanwhile
  auto term = Create("/api/v1/chairmanships", R"({"participant_id":"IND","from":"2022-10-13","basis":"6th Summit"})");
  EXPECT_EQ(term["until"], nullptr);
  EXPECT_EQ(Total("/api/v1/chairmanships", officer_), 2);
  auto on = Do("GET", "/api/v1/chairmanships?on=2021-06-23", officer_);
  ASSERT_EQ(on.body.at("total").as_int64(), 1);
  EXPECT_EQ(on.body.at("items").at(0).at("participant_id").as_string(), "KAZ");
  // The term's own fields are named, not "terms[1].from" of core's whole-list check.
  auto overlap = Do("POST", "/api/v1/chairmanships", officer_, R"({"participant_id":"RUS","from":"2022-10-13","basis":"x"})");
  EXPECT_NE(overlap.status, 201);
  auto delegate = Do("POST", "/api/v1/chairmanships", BearerFor("delegate", "delegate password"),
                     R"({"participant_id":"IND","from":"2030-01-01","basis":"x"})");
  EXPECT_EQ(delegate.status, 403);

  auto then = Do("GET", "/api/v1/titles?on=2021-06-23", officer_);
  ASSERT_EQ(then.status, 200) << then.text;
  EXPECT_EQ(then.body.at("head").as_string(), "Executive Director");
  EXPECT_EQ(Do("GET", "/api/v1/titles?on=2022-10-13", officer_).body.at("head").as_string(), "Secretary General");
  EXPECT_EQ(Do("GET", "/api/v1/titles?on=2022-10-13&lang=de", officer_).status, 400);
}

TEST_F(GovernanceApiTest, AMeetingAsTheSecretariatSeesIt) {
  HoldTheMeeting();
  auto m = Do("GET", "/api/v1/meetings/" + std::to_string(meeting_), officer_);
  ASSERT_EQ(m.status, 200) << m.text;
  const auto& o = m.body.as_object();
  EXPECT_EQ(o.at("code").as_string(), "SOC/2021-I");
  EXPECT_EQ(o.at("session").as_string(), "2021-I");
  EXPECT_EQ(o.at("format").as_string(), "online");
  EXPECT_EQ(o.at("chair_participant_id").as_string(), "KAZ");  // the Chairmanship on 23 June 2021
  EXPECT_EQ(o.at("agenda_status").as_string(), "adopted");
  EXPECT_EQ(o.at("agenda_adopted_at").as_string(), "2021-06-23T04:00:00Z");
  EXPECT_EQ(o.at("items").as_array().size(), 5u);
  EXPECT_EQ(o.at("items").at(0).at("present").as_array().size(), 4u);
  EXPECT_EQ(o.at("amendments").at(0).at("previous_title").as_string(),
            "Proposal by the Russian Federation to amend the Rules of Procedure");
  EXPECT_FALSE(o.contains("statements"));
  EXPECT_FALSE(o.contains("statement_count"));
  EXPECT_EQ(Do("GET", "/api/v1/meetings?body=SOC&from=2021-06-01&to=2021-06-30", officer_).body.at("total").as_int64(), 1);
  EXPECT_EQ(Do("GET", "/api/v1/meetings/" + std::to_string(next_), officer_).body.at("session").as_string(), "2021-II");

  auto statements = Do("GET", "/api/v1/meetings/" + std::to_string(meeting_) + "/statements", officer_);
  EXPECT_EQ(statements.body.at("total").as_int64(), 4);
  auto chair = statements.body.at("items").at(0);
  EXPECT_EQ(chair.at("role").as_string(), "chair");
  EXPECT_EQ(chair.at("participant_id").as_string(), "KAZ");
  EXPECT_EQ(chair.at("recorded_at").as_string(), "2021-06-23T04:00:00Z");
  EXPECT_EQ(Total("/api/v1/meetings/" + std::to_string(meeting_) + "/statements?item=4", officer_), 2);

  // The agenda is adopted: no more drafting.
  auto late = Do("PUT", "/api/v1/meetings/" + std::to_string(meeting_) + "/agenda", officer_, R"({"items":[{"title":"X"}]})");
  EXPECT_EQ(late.status, 409);
  EXPECT_EQ(Type(Send("PUT", "/api/v1/meetings/" + std::to_string(meeting_) + "/agenda", R"({"items":[{"title":"X"}]})",
                      {{"Authorization", officer_}})),
            "urn:chancery:problem:failed-precondition");
}

TEST_F(GovernanceApiTest, DecisionsAreTakenByConsensusAndNeverCounted) {
  HoldTheMeeting();
  auto d = Do("GET", "/api/v1/decisions/" + std::to_string(open_decision_), officer_);
  ASSERT_EQ(d.status, 200) << d.text;
  EXPECT_EQ(d.body.at("symbol").as_string(), "SOC/2021-I/DEC/1");
  EXPECT_EQ(d.body.at("meeting_code").as_string(), "SOC/2021-I");
  EXPECT_EQ(d.body.at("item_number").as_int64(), 3);
  EXPECT_EQ(d.body.at("adoption").at("mode").as_string(), "at_meeting");
  EXPECT_EQ(d.body.at("adoption").at("recorded_on").as_string(), "2021-06-23");
  EXPECT_EQ(d.body.at("status_grants").at(0).at("from").as_string(), "2021-06-23");
  EXPECT_EQ(d.text.find("vote"), std::string::npos);
  // The decision changed the registry from the meeting's day.
  auto tkm = Do("GET", "/api/v1/participants/TKM?on=2021-06-23", officer_);
  EXPECT_EQ(tkm.body.at("status_on").at("status").as_string(), "observer_state");

  auto by_symbol = Do("GET", "/api/v1/decisions/by-symbol?symbol=SOC/2021-I/DEC/2", officer_);
  ASSERT_EQ(by_symbol.status, 200) << by_symbol.text;
  EXPECT_EQ(by_symbol.body.at("id").as_int64(), closed_decision_);
  EXPECT_EQ(by_symbol.body.at("attachments").at(0).at("kind").as_string(), "interpretative_statement");
  EXPECT_EQ(Do("GET", "/api/v1/decisions/by-symbol?symbol=SOC%2F2021-I%2FDEC%2F1", officer_).body.at("id").as_int64(),
            open_decision_);
  EXPECT_EQ(Do("GET", "/api/v1/decisions/by-symbol?symbol=SOC/2021-I/DEC/9", officer_).status, 404);
  EXPECT_EQ(Do("GET", "/api/v1/decisions/by-symbol?symbol=SOC/2021/DEC/1", officer_).status, 400);
  EXPECT_EQ(Do("GET", "/api/v1/decisions/by-symbol", officer_).status, 400);

  // A Member State's objection: there is no consensus, so there is no decision.
  const auto before = AuditHead();
  auto blocked = Do("POST", "/api/v1/meetings/" + std::to_string(meeting_) + "/items/3/decisions", officer_,
                    R"({"title":"T","text":"T","positions":[{"participant_id":"RUS","kind":"objection"}]})");
  EXPECT_EQ(blocked.status, 409) << blocked.text;
  EXPECT_EQ(blocked.body.at("field").as_string(), "positions");
  // An observer cannot object at all.
  auto observer = Do("POST", "/api/v1/meetings/" + std::to_string(meeting_) + "/items/3/decisions", officer_,
                     R"({"title":"T","text":"T","positions":[{"participant_id":"JPN","kind":"objection"}]})");
  EXPECT_EQ(observer.status, 422);
  EXPECT_EQ(observer.body.at("field").as_string(), "positions[0].participant_id");
  EXPECT_EQ(AuditHead(), before);
  EXPECT_EQ(Total("/api/v1/decisions?meeting=" + std::to_string(meeting_), officer_), 2);
}

TEST_F(GovernanceApiTest, MandatesAreDueBeforeTheNextMeetingAndCanBeClosed) {
  HoldTheMeeting();
  const std::string mandate = "/api/v1/mandates/" + std::to_string(closed_mandate_);
  auto m = Do("GET", mandate, officer_);
  ASSERT_EQ(m.status, 200) << m.text;
  EXPECT_EQ(m.body.at("given_by").as_string(), "SOC");
  EXPECT_EQ(m.body.at("given_on").as_string(), "2021-06-23");
  EXPECT_EQ(m.body.at("due_before_next_meeting_of").as_string(), "SOC");
  EXPECT_TRUE(m.body.at("due_by").is_null());
  EXPECT_EQ(m.body.at("status").as_string(), "open");
  EXPECT_EQ(Total("/api/v1/meetings/" + std::to_string(next_) + "/mandates-due", officer_), 2);
  EXPECT_EQ(Total("/api/v1/mandates?assignee=SWG&status=open", officer_), 2);

  auto done = Do("PATCH", mandate, officer_, R"({"status":"fulfilled"})");
  ASSERT_EQ(done.status, 200) << done.text;
  EXPECT_EQ(done.body.at("status").as_string(), "fulfilled");
  auto again = Do("PATCH", mandate, officer_, R"({"status":"withdrawn"})");
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.body.at("field").as_string(), "status");
  EXPECT_EQ(Total("/api/v1/mandates?status=fulfilled", officer_), 1);
  EXPECT_EQ(Total("/api/v1/meetings/" + std::to_string(next_) + "/mandates-due", officer_), 1);
}

// The heart of R13: an observer delegate may not learn that a closed item exists, so nothing of
// it may reach them, neither as content nor in a count.
TEST_F(GovernanceApiTest, AnObserverDelegateSeesNothingOfItemsClosedToObservers) {
  HoldTheMeeting();
  const auto observer = BearerFor("observer", "observer password");
  const std::string at = "/api/v1/meetings/" + std::to_string(meeting_);
  std::string everything;  // every answer the observer got, to search for what must not be there
  auto get = [&](const std::string& target) {
    auto r = Do("GET", target, observer);
    everything += r.text;
    return r;
  };

  auto m = get(at);
  ASSERT_EQ(m.status, 200) << m.text;
  const auto& items = m.body.at("items").as_array();
  ASSERT_EQ(items.size(), 3u);
  for (std::size_t i = 0; i < items.size(); ++i) {
    EXPECT_EQ(items[i].at("number").as_int64(), static_cast<std::int64_t>(i) + 1);
    EXPECT_FALSE(items[i].at("closed_to_observers").as_bool());
  }
  EXPECT_TRUE(m.body.at("amendments").as_array().empty());
  auto list = get("/api/v1/meetings");
  EXPECT_EQ(list.body.at("total").as_int64(), 2);
  EXPECT_EQ(list.body.at("items").at(0).at("items").as_array().size(), 3u);

  EXPECT_EQ(get(at + "/statements").body.at("total").as_int64(), 2);
  EXPECT_EQ(get(at + "/statements?item=3").body.at("total").as_int64(), 1);
  // A closed item answers like one that does not exist.
  auto closed = get(at + "/statements?item=4");
  auto absent = get(at + "/statements?item=9");
  EXPECT_EQ(closed.status, 404);
  EXPECT_EQ(absent.status, 404);
  EXPECT_EQ(closed.body.at("detail").as_string(), "agenda item 4 not found");
  EXPECT_EQ(absent.body.at("detail").as_string(), "agenda item 9 not found");

  EXPECT_EQ(get("/api/v1/decisions").body.at("total").as_int64(), 1);
  EXPECT_EQ(get("/api/v1/decisions?meeting=" + std::to_string(meeting_)).body.at("total").as_int64(), 1);
  EXPECT_EQ(get("/api/v1/decisions/" + std::to_string(open_decision_)).status, 200);
  EXPECT_EQ(get("/api/v1/decisions/" + std::to_string(closed_decision_)).status, 404);
  // (Not added to `everything`: the problem's detail repeats the symbol asked for.)
  EXPECT_EQ(Do("GET", "/api/v1/decisions/by-symbol?symbol=SOC/2021-I/DEC/2", observer).status, 404);

  EXPECT_EQ(get("/api/v1/mandates").body.at("total").as_int64(), 1);
  EXPECT_EQ(get("/api/v1/mandates?meeting=" + std::to_string(meeting_)).body.at("total").as_int64(), 1);
  EXPECT_EQ(get("/api/v1/mandates/" + std::to_string(open_mandate_)).status, 200);
  EXPECT_EQ(get("/api/v1/mandates/" + std::to_string(closed_mandate_)).status, 404);
  EXPECT_EQ(get("/api/v1/meetings/" + std::to_string(next_) + "/mandates-due").body.at("total").as_int64(), 1);

  for (const char* secret : {"Rules of Procedure", "Any other business", "unacceptable", "an asset", "Secret deliberations",
                             "Access must be denied", "DEC/2", "Amendments to the Rules"}) {
    EXPECT_EQ(everything.find(secret), std::string::npos) << secret;
  }
  // Nor may they change anything of the meeting.
  EXPECT_EQ(Do("POST", at + "/items/1/statements", observer, R"({"role":"participant","participant_id":"JPN","text":"x"})").status,
            403);
}

TEST_F(GovernanceApiTest, ASilenceProcedureBrokenByAMemberStateAndNotByAnObserver) {
  auto opened = Create("/api/v1/silence-procedures",
                       R"({"title":"Observer Status of Turkmenistan","text":"To grant the CICA Observer Status to Turkmenistan.",
                           "expires_on":"2021-07-10"})");
  ASSERT_FALSE(opened.empty());
  const std::int64_t id = opened["id"].as_int64();
  EXPECT_EQ(opened["title"].as_string(), "Observer Status of Turkmenistan (under silence procedure)");
  EXPECT_EQ(opened["state"].as_string(), "running");
  EXPECT_EQ(opened["expires_at"].as_string(), "2021-07-10T18:00:00Z");  // 24:00 in Nur-Sultan (R29)
  EXPECT_EQ(opened["expiry_wording"].as_string(), "expiring on 2021-07-10");
  EXPECT_TRUE(opened["expires_on_weekend"].as_bool());  // a Saturday
  EXPECT_EQ(opened["addressees"].as_array().size(), 3u);  // IND, KAZ, RUS
  EXPECT_TRUE(opened["concluded_at"].is_null());

  const std::string responses = "/api/v1/silence-procedures/" + std::to_string(id) + "/responses";
  auto tkm = Create(responses, R"({"participant_id":"TKM","kind":"objection","reference":"Note No. 1"})");
  EXPECT_EQ(tkm["seq"].as_int64(), 1);
  EXPECT_EQ(tkm["effect"].as_string(), "not_a_member_state");
  EXPECT_EQ(tkm["reason"].as_string(), "Turkmenistan is not a Member State on 2021-06-23: kept as correspondence, no effect (R3)");
  EXPECT_EQ(tkm["procedure"].at("state").as_string(), "running");

  clock_.Advance(hours{24});
  auto comment = Create(responses, R"({"participant_id":"RUS","kind":"comment","text":"Editorial remarks."})");
  EXPECT_EQ(comment["effect"].as_string(), "does_not_object");

  // A delegate answers for their own state only.
  auto for_another = Do("POST", responses, BearerFor("delegate", "delegate password"), R"({"participant_id":"RUS","kind":"objection"})");
  EXPECT_EQ(for_another.status, 403);
  auto india = Create(responses, R"({"participant_id":"IND","kind":"objection"})", BearerFor("delegate", "delegate password"));
  EXPECT_EQ(india["effect"].as_string(), "breaks_silence");
  EXPECT_NE(india["reason"].as_string().find("India is a Member State on 2021-06-24"), std::string::npos) << india["reason"];
  const auto& p = india["procedure"].as_object();
  EXPECT_EQ(p.at("state").as_string(), "not_adopted");
  EXPECT_EQ(p.at("broken_by").as_int64(), 3);
  EXPECT_EQ(p.at("decided_at").as_string(), "2021-06-24T04:00:00Z");
  EXPECT_EQ(p.at("concluded_at").as_string(), "2021-06-24T04:00:00Z");
  EXPECT_EQ(p.at("notices").as_array().size(), 3u);
  EXPECT_EQ(p.at("responses").at(0).at("effect").as_string(), "not_a_member_state");
  EXPECT_EQ(p.at("responses").at(0).at("reference").as_string(), "Note No. 1");

  EXPECT_EQ(Total("/api/v1/silence-procedures?state=not_adopted", officer_), 1);
  EXPECT_EQ(Total("/api/v1/silence-procedures?state=running", officer_), 0);
  // A procedure is a matter among Member States: an observer delegate cannot know of it.
  const auto observer = BearerFor("observer", "observer password");
  EXPECT_EQ(Do("GET", "/api/v1/silence-procedures/" + std::to_string(id), observer).status, 404);
  EXPECT_EQ(Do("GET", "/api/v1/silence-procedures", observer).status, 404);
}

TEST_F(GovernanceApiTest, ASilenceProcedureAdoptedAtExpiryIsRecordedByTheNextMeeting) {
  auto opened = Create("/api/v1/silence-procedures",
                       R"({"title":"Catalogue of CBMs","text":"The updated Catalogue.","expires_at":"2021-07-08T12:00:00Z",
                           "expiry_wording":"expiring at 18:00 Nur-Sultan time on 8 July 2021"})");
  const std::int64_t id = opened["id"].as_int64();
  EXPECT_EQ(opened["expiry_wording"].as_string(), "expiring at 18:00 Nur-Sultan time on 8 July 2021");
  // Fourteen days at least (R11).
  auto short_period = Do("POST", "/api/v1/silence-procedures", officer_, R"({"title":"T","text":"T","expires_on":"2021-06-25"})");
  EXPECT_EQ(short_period.status, 422);
  EXPECT_EQ(short_period.body.at("field").as_string(), "expires_on");

  clock_.Set(core::Instant{sys_days{year{2021} / July / 9}});
  auto evaluated = Do("GET", "/api/v1/silence-procedures/" + std::to_string(id), officer_);
  EXPECT_EQ(evaluated.body.at("state").as_string(), "adopted");  // as evaluated now, not yet concluded
  EXPECT_TRUE(evaluated.body.at("concluded_at").is_null());
  ASSERT_TRUE(core::ConcludeDueSilenceProcedures(deps_));
  EXPECT_EQ(Total("/api/v1/silence-procedures?state=adopted", officer_), 1);

  auto m = Create("/api/v1/meetings", R"({"body":"SOC","starts_on":"2021-07-20","items":[{"title":"Silence procedures"}]})");
  const std::string at = "/api/v1/meetings/" + std::to_string(m["id"].as_int64());
  ASSERT_EQ(Do("POST", at + "/agenda/adopt", officer_, "{}").status, 200);
  auto d = Create(at + "/items/1/decisions", R"({"title":"Catalogue of CBMs","text":"The updated Catalogue.","silence_procedure_id":)" +
                                               std::to_string(id) + "}");
  EXPECT_EQ(d["adoption"].at("mode").as_string(), "silence_procedure");
  EXPECT_EQ(d["adoption"].at("adopted_at").as_string(), "2021-07-08T12:00:00Z");  // the expiry instant (R10)
  EXPECT_EQ(d["silence_procedure_id"].as_int64(), id);
  EXPECT_EQ(Do("GET", "/api/v1/silence-procedures/" + std::to_string(id), officer_).body.at("decision_id").as_int64(),
            d["id"].as_int64());
}

TEST_F(GovernanceApiTest, EveryListPages) {
  HoldTheMeeting();
  Create("/api/v1/silence-procedures", R"({"title":"A","text":"A","expires_on":"2021-07-10"})");
  Create("/api/v1/silence-procedures", R"({"title":"B","text":"B","expires_on":"2021-07-11"})");
  Create("/api/v1/silence-procedures", R"({"title":"C","text":"C","expires_on":"2021-07-12"})");
  // Later terms, entered as recorded history (R12 asks a recommendation only of future Chairs).
  for (auto [id, from] : {std::pair{"IND", core::Date{year{2022} / October / 13}}, {"RUS", core::Date{year{2024} / October / 13}}}) {
    ASSERT_TRUE(core::AddChairmanship(deps_, core::Actor::System(), {id, from, std::nullopt, "x"},
                                      core::TermEntry::kRecordedHistory));
  }
  const std::string at = "/api/v1/meetings/" + std::to_string(meeting_);
  const std::pair<std::string, std::int64_t> lists[] = {
      {"/api/v1/bodies", 8},
      {"/api/v1/chairmanships", 3},
      {"/api/v1/meetings", 2},
      {at + "/statements", 4},
      {at + "/mandates-due", 0},
      {"/api/v1/meetings/" + std::to_string(next_) + "/mandates-due", 2},
      {"/api/v1/decisions", 2},
      {"/api/v1/silence-procedures", 3},
      {"/api/v1/mandates", 2},
  };
  for (const auto& [target, total] : lists) {
    auto all = Do("GET", target, officer_);
    ASSERT_EQ(all.status, 200) << target << " -> " << all.text;
    EXPECT_EQ(all.body.at("total").as_int64(), total) << target;
    EXPECT_EQ(all.body.at("limit").as_int64(), 100) << target;
    EXPECT_EQ(all.body.at("offset").as_int64(), 0) << target;
    EXPECT_EQ(all.body.at("items").as_array().size(), static_cast<std::size_t>(total)) << target;
    auto page = Do("GET", target + "?limit=1&offset=1", officer_);
    ASSERT_EQ(page.status, 200) << target << " -> " << page.text;
    EXPECT_EQ(page.body.at("total").as_int64(), total) << target;
    EXPECT_EQ(page.body.at("items").as_array().size(), total > 1 ? 1u : 0u) << target;
    if (total > 1) {
      EXPECT_EQ(page.body.at("items").at(0), all.body.at("items").at(1)) << target;
    }
    EXPECT_EQ(Do("GET", target + "?offset=" + std::to_string(total), officer_).body.at("items").as_array().size(), 0u);
    for (const char* bad : {"?limit=501", "?limit=-1", "?offset=x", "?colour=red"}) {
      auto r = Do("GET", target + bad, officer_);
      EXPECT_EQ(r.status, 400) << target << bad;
      EXPECT_EQ(r.body.at("type").as_string(), "urn:chancery:problem:invalid-query") << target << bad;
      EXPECT_FALSE(r.body.at("field").as_string().empty()) << target << bad;
    }
  }
}

TEST_F(GovernanceApiTest, BadQueryParametersAre400NamingTheParameter) {
  HoldTheMeeting();
  const std::string at = "/api/v1/meetings/" + std::to_string(meeting_);
  const std::pair<std::string, std::string> cases[] = {
      {"/api/v1/meetings?body=XYZ", "body"},
      {"/api/v1/meetings?from=23.06.2021", "from"},
      {"/api/v1/meetings?to=2021-02-30", "to"},
      {"/api/v1/meetings?session=2021-I", "session"},
      {at + "?lang=en", "lang"},
      {at + "/statements?item=0", "item"},
      {at + "/statements?item=x", "item"},
      {"/api/v1/decisions?meeting=first", "meeting"},
      {"/api/v1/decisions?symbol=SOC/2021-I/DEC/1", "symbol"},
      {"/api/v1/decisions/by-symbol?symbol=DEC-1", "symbol"},
      {"/api/v1/silence-procedures?state=broken", "state"},
      {"/api/v1/mandates?status=done", "status"},
      {"/api/v1/mandates?assignee=swg", "assignee"},
      {"/api/v1/chairmanships?on=today", "on"},
      {"/api/v1/titles?lang=de", "lang"},
      {"/api/v1/bodies/SOC?lang=ru", "lang"},
  };
  for (const auto& [target, field] : cases) {
    auto r = Do("GET", target, officer_);
    EXPECT_EQ(r.status, 400) << target << " -> " << r.text;
    EXPECT_EQ(Type(Send("GET", target, "", {{"Authorization", officer_}})), "urn:chancery:problem:invalid-query") << target;
    if (r.body.is_object()) {
      EXPECT_EQ(r.body.at("field").as_string(), field) << target;
    }
  }
}

TEST_F(GovernanceApiTest, BadBodiesAre422NamingTheFieldAndChangeNothing) {
  HoldTheMeeting();
  const std::string at = "/api/v1/meetings/" + std::to_string(meeting_);
  const std::string mandate = "/api/v1/mandates/" + std::to_string(open_mandate_);
  const auto before = AuditHead();
  struct Case {
    std::string method, target, body, field;
  } cases[] = {
      {"POST", "/api/v1/meetings", R"({"body":"SOC","starts_on":"2021-06-23","colour":"red"})", "colour"},
      {"POST", "/api/v1/meetings", R"({"body":"XYZ","starts_on":"2021-06-23"})", "body"},
      {"POST", "/api/v1/meetings", R"({"body":"SOC","starts_on":"2021-06-23","session":"2021-1"})", "session"},
      {"POST", "/api/v1/meetings", R"({"body":"SOC","starts_on":"2021-06-23","format":"zoom"})", "format"},
      {"POST", "/api/v1/meetings", R"({"body":"SOC","starts_on":"2021-06-23","items":[{"title":"A"},{"number":2}]})", "items[1].title"},
      {"POST", "/api/v1/meetings", R"({"body":"SOC","starts_on":"2021-06-23","items":[{"title":"A","present":["KAZ"]}]})", "items[0].present"},
      // Core's checks of the draft agenda, named as the body names them.
      {"POST", "/api/v1/meetings", R"({"body":"SOC","starts_on":"2021-07-23","items":[{"title":"A","closed_to_observers":false,"invited_observers":["IND"]}]})",
       "items[0].invited_observers[0]"},
      {"POST", "/api/v1/meetings", R"({"body":"SOC","starts_on":"2021-07-23","items":[{"title":"A","invited_observers":["JPN"]}]})",
       "items[0].invited_observers"},
      {"POST", "/api/v1/meetings", R"({"body":"SOC","starts_on":"2021-07-23","ends_on":"2021-07-22"})", "ends_on"},
      {"POST", at + "/agenda/amendments", R"({"item_number":"4","proposed_by":"IND","title":"T"})", "item_number"},
      {"PUT", at + "/items/1/attendance", R"({"present":"KAZ"})", "present"},
      {"PUT", at + "/items/4/attendance", R"({"present":["KAZ","JPN"]})", "present[1]"},
      {"PUT", at + "/items/1/invitations", R"({"observers":[""]})", "observers[0]"},
      {"POST", at + "/items/1/statements", R"({"role":"participant","text":"x"})", "participant_id"},
      {"POST", at + "/items/1/statements", R"({"role":"delegate","text":"x"})", "role"},
      {"POST", at + "/items/1/statements", R"({"role":"chair","language":"de","text":"x"})", "language"},
      {"POST", at + "/items/1/statements", R"({"role":"chair"})", "text"},
      {"POST", at + "/items/3/decisions", R"({"title":"T","text":"T","positions":[{"participant_id":"RUS","kind":"veto"}]})", "positions[0].kind"},
      {"POST", at + "/items/3/decisions", R"({"title":"T","text":"T","status_grants":[{"participant_id":"TKM","status":"observer","from":"2021-06-23"}]})",
       "status_grants[0].status"},
      {"POST", at + "/items/3/decisions", R"({"title":"T","text":"T","votes_for":26})", "votes_for"},
      {"POST", at + "/items/3/decisions", R"({"title":"T","text":"T","silence_procedure_id":1.5})", "silence_procedure_id"},
      {"POST", at + "/items/3/mandates", R"({"subject":"S","assignee":"XYZ","due_by":"2021-10-01"})", "assignee"},
      {"POST", at + "/items/3/mandates", R"({"subject":"S","assignee":"SWG"})", "due_by"},
      {"POST", at + "/items/3/mandates", R"({"subject":"S","assignee":"SWG","due_by":"2021-10-01","due_before_next_meeting_of":"SOC"})",
       "due_before_next_meeting_of"},
      {"PATCH", mandate, R"({"status":"done"})", "status"},
      {"PATCH", mandate, R"({})", "status"},
      {"POST", "/api/v1/silence-procedures", R"({"title":"T","text":"T"})", "expires_at"},
      {"POST", "/api/v1/silence-procedures", R"({"title":"T","text":"T","expires_at":"2021-07-10T18:00:00Z","expires_on":"2021-07-10"})", "expires_on"},
      {"POST", "/api/v1/silence-procedures", R"({"title":"T","text":"T","expires_at":"10 July 2021"})", "expires_at"},
      {"POST", "/api/v1/silence-procedures", R"({"title":"T","text":"T","expires_on":"2021-07-10","initiator":"secretariat"})", "initiator"},
      {"POST", "/api/v1/silence-procedures", R"({"body":"CEP","title":"T","text":"T","expires_on":"2021-07-10"})", "body"},
      {"POST", "/api/v1/chairmanships", R"({"participant_id":"IND","from":"2022-10-13","until":"soon","basis":"b"})", "until"},
      {"POST", "/api/v1/chairmanships", R"({"participant_id":"JPN","from":"2022-10-13","basis":"b"})", "participant_id"},
  };
  for (const auto& c : cases) {
    auto r = Do(c.method, c.target, officer_, c.body);
    EXPECT_EQ(r.status, 422) << c.method << " " << c.target << " " << c.body << " -> " << r.text;
    if (r.body.is_object() && r.body.as_object().contains("field")) {
      EXPECT_EQ(r.body.at("field").as_string(), c.field) << c.body;
    } else {
      ADD_FAILURE() << "no field: " << c.body << " -> " << r.text;
    }
  }
  auto procedure = Create("/api/v1/silence-procedures", R"({"title":"T","text":"T","expires_on":"2021-07-10"})");
  const auto opened = AuditHead();
  auto kind = Do("POST", "/api/v1/silence-procedures/" + std::to_string(procedure["id"].as_int64()) + "/responses", officer_,
                 R"({"participant_id":"RUS","kind":"abstention"})");
  EXPECT_EQ(kind.status, 422);
  EXPECT_EQ(kind.body.at("field").as_string(), "kind");
  EXPECT_EQ(AuditHead(), opened);
  EXPECT_EQ(opened, before + 1);
}

TEST_F(GovernanceApiTest, IdsInPathsAreWholeNumbersAndAnythingElseIs404) {
  HoldTheMeeting();
  const std::string m = std::to_string(meeting_);
  struct Case {
    std::string method, target, body;
  } cases[] = {
      {"GET", "/api/v1/meetings/abc", ""},
      {"GET", "/api/v1/meetings/-1", ""},
      {"GET", "/api/v1/meetings/+1", ""},
      {"GET", "/api/v1/meetings/1.0", ""},
      {"GET", "/api/v1/meetings/99999999999999999999999", ""},
      {"GET", "/api/v1/meetings/999/statements", ""},
      {"GET", "/api/v1/meetings/x/mandates-due", ""},
      {"POST", "/api/v1/meetings/x/agenda/adopt", ""},
      {"POST", "/api/v1/meetings/" + m + "/items/x/statements", R"({"role":"chair","text":"T"})"},
      {"POST", "/api/v1/meetings/" + m + "/items/0/decisions", R"({"title":"T","text":"T"})"},
      {"POST", "/api/v1/meetings/" + m + "/items/99/mandates", R"({"subject":"S","assignee":"SWG","due_by":"2022-01-01"})"},
      {"POST", "/api/v1/meetings/999/items/1/decisions", R"({"title":"T","text":"T"})"},
      {"PUT", "/api/v1/meetings/" + m + "/items/1x/invitations", R"({"observers":[]})"},
      {"PUT", "/api/v1/meetings/" + m + "/items/9/invitations", R"({"observers":[]})"},
      {"GET", "/api/v1/decisions/1x", ""},
      {"GET", "/api/v1/decisions/999", ""},
      {"GET", "/api/v1/silence-procedures/x", ""},
      {"POST", "/api/v1/silence-procedures/x/responses", R"({"participant_id":"RUS","kind":"comment"})"},
      {"POST", "/api/v1/silence-procedures/999/responses", R"({"participant_id":"RUS","kind":"comment"})"},
      {"GET", "/api/v1/mandates/0x1", ""},
      {"PATCH", "/api/v1/mandates/999", R"({"status":"withdrawn"})"},
      {"GET", "/api/v1/bodies/XYZ", ""},
  };
  for (const auto& c : cases) {
    auto r = Send(c.method, c.target, c.body, {{"Authorization", officer_}});
    EXPECT_EQ(r.status, 404) << c.method << " " << c.target << " -> " << r.body;
    EXPECT_EQ(Type(r), "urn:chancery:problem:not-found") << c.target;
  }
}

TEST_F(GovernanceApiTest, DelegatesFollowMeetingsButDoNotRunThem) {
  HoldTheMeeting();
  const auto delegate = BearerFor("delegate", "delegate password");
  EXPECT_EQ(Do("GET", "/api/v1/meetings/" + std::to_string(meeting_), delegate).body.at("items").as_array().size(), 5u);
  EXPECT_EQ(Do("POST", "/api/v1/meetings", delegate, R"({"body":"SOC","starts_on":"2021-09-01"})").status, 403);
  EXPECT_EQ(Do("PATCH", "/api/v1/mandates/" + std::to_string(open_mandate_), delegate, R"({"status":"fulfilled"})").status, 403);
  EXPECT_EQ(Do("POST", "/api/v1/silence-procedures", delegate, R"({"title":"T","text":"T","expires_on":"2021-07-10"})").status, 403);
  // The Chairmanship runs meetings too.
  const auto chair = BearerFor("chair", "chair password 1");
  EXPECT_EQ(Do("POST", "/api/v1/meetings", chair, R"({"body":"SWG","starts_on":"2021-09-01"})").status, 201);
}

// --- Documents over the API --------------------------------------------------------------------

class DocumentApiTest : public GovernanceApiTest {
 protected:
  static std::string Draft(std::string_view symbol, std::string_view access, std::string_view text) {
    return R"({"symbol":")" + std::string(symbol) + R"(","kind":"draft_regulation","body":"MM","access":")" +
           std::string(access) + R"(","reason":"draft","languages":[{"lang":"en","status":"original","title":"Draft",)" +
           R"("paragraphs":[{"id":"p1","text":")" + std::string(text) + R"("},{"id":"p2","text":"Unchanged."}]}]})";
  }
};

TEST_F(DocumentApiTest, VersionsAreAppendedAndComparedAsJsonAndHtml) {
  auto d = Create("/api/v1/documents", Draft("MM/2021/DRAFT/1", "members_and_observers", "The Council is advisory."));
  const std::string at = "/api/v1/documents/" + std::to_string(d["id"].as_int64());
  auto v2 = Do("POST", at + "/versions", officer_,
               R"({"reason":"agreed in the SWG","languages":[{"lang":"en","status":"original","title":"Draft",)"
               R"("paragraphs":[{"id":"p1","text":"The Council is consultative."},{"id":"p2","text":"Unchanged."}]}]})");
  ASSERT_EQ(v2.status, 201) << v2.text;
  EXPECT_EQ(v2.body.at("number").as_int64(), 2);
  auto doc = Do("GET", at, officer_);
  ASSERT_EQ(doc.body.at("versions").as_array().size(), 2u);
  EXPECT_FALSE(doc.body.at("versions").at(0).at("languages").at(0).as_object().contains("paragraphs"));
  auto first = Do("GET", at + "/versions/1?lang=en", officer_);
  EXPECT_EQ(first.body.at("languages").at(0).at("paragraphs").at(0).at("text").as_string(), "The Council is advisory.");
  auto diff = Do("GET", at + "/diff?from=1&to=2", officer_);
  ASSERT_EQ(diff.status, 200) << diff.text;
  EXPECT_EQ(diff.body.at("paragraphs").at(0).at("change").as_string(), "changed");
  EXPECT_EQ(diff.body.at("paragraphs").at(1).at("change").as_string(), "unchanged");
  auto html = Send("GET", at + "/diff?from=1&to=2&format=html", "", {{"Authorization", officer_}});
  ASSERT_EQ(html.status, 200);
  EXPECT_NE(html.body.find("<del>advisory.</del><ins>consultative.</ins>"), std::string::npos) << html.body;
  EXPECT_EQ(Do("GET", at + "/diff?from=1", officer_).status, 400);
  EXPECT_EQ(Do("GET", at + "/versions/3", officer_).status, 404);
  EXPECT_EQ(Do("GET", at + "/diff?from=1&to=2&format=pdf", officer_).status, 400);
}

TEST_F(DocumentApiTest, BadDocumentsAreRefusedNamingTheField) {
  auto dup = Create("/api/v1/documents", Draft("MM/2021/DRAFT/1", "public", "x"));
  auto again = Do("POST", "/api/v1/documents", officer_, Draft("MM/2021/DRAFT/1", "public", "y"));
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.body.at("field").as_string(), "symbol");
  auto spaces = Do("POST", "/api/v1/documents", officer_, Draft("MM 2021 1", "public", "y"));
  EXPECT_EQ(spaces.status, 422);
  EXPECT_EQ(spaces.body.at("field").as_string(), "symbol");
  auto access = Do("POST", "/api/v1/documents", officer_, Draft("MM/2021/DRAFT/2", "everyone", "y"));
  EXPECT_EQ(access.status, 422);
  EXPECT_EQ(access.body.at("field").as_string(), "access");
  auto no_original = Do("POST", "/api/v1/documents", officer_,
                        R"({"symbol":"X/1","kind":"note","body":"SOC","access":"public","languages":[)"
                        R"({"lang":"en","status":"translated","title":"T","paragraphs":[]}]})");
  EXPECT_EQ(no_original.status, 422);
  EXPECT_EQ(no_original.body.at("field").as_string(), "languages");
}

TEST_F(DocumentApiTest, ObserversKnowNothingOfMemberStatesOnlyDocumentsOrClosedParagraphs) {
  const auto observer = BearerFor("observer", "observer password");
  auto hidden = Create("/api/v1/documents", Draft("SOC/2021-I/DEC/2", "member_states_only", "Guidelines."));
  auto minutes = Create("/api/v1/documents",
                        R"({"symbol":"SOC/2021-I/Minutes","kind":"minutes","body":"SOC","access":"members_and_observers",)"
                        R"("reason":"draft","languages":[{"lang":"en","status":"original","title":"Minutes","paragraphs":[)"
                        R"({"id":"i1","style":"item_heading","text":"1. Opening","item_number":1},)"
                        R"({"id":"i5","style":"item_heading","text":"5. Catalogue","item_number":5,"closed_to_observers":true}]}]})");
  EXPECT_EQ(Total("/api/v1/documents", observer), 1);
  EXPECT_EQ(Total("/api/v1/documents", officer_), 2);
  EXPECT_EQ(Do("GET", "/api/v1/documents/" + std::to_string(hidden["id"].as_int64()), observer).status, 404);
  EXPECT_EQ(Do("GET", "/api/v1/documents/by-symbol?symbol=SOC/2021-I/DEC/2", observer).status, 404);
  auto text = Do("GET", "/api/v1/documents/" + std::to_string(minutes["id"].as_int64()) + "/versions/1", observer);
  ASSERT_EQ(text.status, 200) << text.text;
  EXPECT_EQ(text.body.at("languages").at(0).at("paragraphs").as_array().size(), 1u);
  EXPECT_EQ(text.text.find("Catalogue"), std::string::npos);
}

}  // namespace
}  // namespace chancery::api
