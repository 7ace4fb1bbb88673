// The API as a function: routing, authentication, CSRF, problems, and that bad input changes
// nothing. Runs over the in-memory store; tests/e2e repeats the essentials over real sockets.
#include "api/api.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "core/services/participants.hpp"
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

}  // namespace
}  // namespace chancery::api
