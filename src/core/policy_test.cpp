#include "core/policy.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace chancery::core {
namespace {

// The whole matrix, written out by hand from the rules (not derived from the code): for each
// role and object, the verdicts for read, list, create, update, delete as A(llow), D(eny),
// H(ide).
const std::map<std::string, std::map<std::string, std::string>> kExpected = {
    {"administrator",
     {{"participant", "AAAAD"}, {"user:self", "AAAAA"}, {"user:other", "AAAAA"},
      {"audit_log", "AADDD"}, {"settings", "AADAD"},
      {"meeting", "AAAAD"}, {"item:open", "AAAAD"}, {"item:closed", "AAAAD"},
      {"body", "AADDD"}, {"chairmanship", "AAAAD"}, {"silence", "AAAAD"}, {"response:own", "AAADD"}, {"response:other", "AAADD"},
      {"doc:public", "AAAAD"}, {"doc:members", "AAAAD"}, {"doc:secretariat", "AAAAD"}, {"comment:own", "AAADD"},
      {"note:to_me", "AAAAD"}, {"note:to_other", "AAAAD"}, {"note:draft", "AAAAD"}, {"notes", "AAAAD"}, {"incoming", "AAAAD"}, {"template", "AAAAA"},
      {"delivery:own", "AADDD"}, {"delivery:other", "AADDD"}, {"delivery:draft", "AADDD"},
      {"deliveries:to_me", "AADDD"}, {"deliveries:to_other", "AADDD"},
      {"file:to_me", "AAADD"}, {"file:to_other", "AAADD"}, {"files", "AAADD"}}},
    {"officer",
     {{"participant", "AAAAD"}, {"user:self", "ADDAD"}, {"user:other", "HDDHH"},
      {"audit_log", "HDHHH"}, {"settings", "AADDD"},
      {"meeting", "AAAAD"}, {"item:open", "AAAAD"}, {"item:closed", "AAAAD"},
      {"body", "AADDD"}, {"chairmanship", "AAAAD"}, {"silence", "AAAAD"}, {"response:own", "AAADD"}, {"response:other", "AAADD"},
      {"doc:public", "AAAAD"}, {"doc:members", "AAAAD"}, {"doc:secretariat", "AAAAD"}, {"comment:own", "AAADD"},
      {"note:to_me", "AAAAD"}, {"note:to_other", "AAAAD"}, {"note:draft", "AAAAD"}, {"notes", "AAAAD"}, {"incoming", "AAAAD"}, {"template", "AAAAA"},
      {"delivery:own", "AADDD"}, {"delivery:other", "AADDD"}, {"delivery:draft", "AADDD"},
      {"deliveries:to_me", "AADDD"}, {"deliveries:to_other", "AADDD"},
      {"file:to_me", "AAADD"}, {"file:to_other", "AAADD"}, {"files", "AAADD"}}},
    {"chairmanship",
     {{"participant", "AADDD"}, {"user:self", "ADDAD"}, {"user:other", "HDDHH"},
      {"audit_log", "HDHHH"}, {"settings", "AADDD"},
      {"meeting", "AAAAD"}, {"item:open", "AAAAD"}, {"item:closed", "AAAAD"},
      {"body", "AADDD"}, {"chairmanship", "AADDD"}, {"silence", "AAAAD"}, {"response:own", "AAADD"}, {"response:other", "AADDD"},
      {"doc:public", "AAAAD"}, {"doc:members", "AAAAD"}, {"doc:secretariat", "HHHHH"}, {"comment:own", "AAADD"},
      {"note:to_me", "AADDD"}, {"note:to_other", "HHHHH"}, {"note:draft", "HHHHH"}, {"notes", "DADDD"}, {"incoming", "HHHHH"}, {"template", "DDDDD"},
      {"delivery:own", "AADDD"}, {"delivery:other", "HHDDD"}, {"delivery:draft", "HHDDD"},
      {"deliveries:to_me", "HADDD"}, {"deliveries:to_other", "HHDDD"},
      {"file:to_me", "ADDDD"}, {"file:to_other", "HDDHH"}, {"files", "HDDHH"}}},
    {"member_delegate",
     {{"participant", "AADDD"}, {"user:self", "ADDAD"}, {"user:other", "HDDHH"},
      {"audit_log", "HDHHH"}, {"settings", "AADDD"},
      {"meeting", "AADDD"}, {"item:open", "AADDD"}, {"item:closed", "AADDD"},
      {"body", "AADDD"}, {"chairmanship", "AADDD"}, {"silence", "AADDD"}, {"response:own", "AAADD"}, {"response:other", "AADDD"},
      {"doc:public", "AADDD"}, {"doc:members", "AADDD"}, {"doc:secretariat", "HHHHH"}, {"comment:own", "AAADD"},
      {"note:to_me", "AADDD"}, {"note:to_other", "HHHHH"}, {"note:draft", "HHHHH"}, {"notes", "DADDD"}, {"incoming", "HHHHH"}, {"template", "DDDDD"},
      {"delivery:own", "AADDD"}, {"delivery:other", "HHDDD"}, {"delivery:draft", "HHDDD"},
      {"deliveries:to_me", "HADDD"}, {"deliveries:to_other", "HHDDD"},
      {"file:to_me", "ADDDD"}, {"file:to_other", "HDDHH"}, {"files", "HDDHH"}}},
    {"observer_delegate",
     {{"participant", "AADDD"}, {"user:self", "ADDAD"}, {"user:other", "HDDHH"},
      {"audit_log", "HDHHH"}, {"settings", "AADDD"},
      {"meeting", "AADDD"}, {"item:open", "AADDD"}, {"item:closed", "HHHHH"},
      {"body", "AADDD"}, {"chairmanship", "AADDD"}, {"silence", "HHHHH"}, {"response:own", "HHHHH"}, {"response:other", "HHHHH"},
      {"doc:public", "AADDD"}, {"doc:members", "HHHHH"}, {"doc:secretariat", "HHHHH"}, {"comment:own", "HHHHH"},
      {"note:to_me", "AADDD"}, {"note:to_other", "HHHHH"}, {"note:draft", "HHHHH"}, {"notes", "DADDD"}, {"incoming", "HHHHH"}, {"template", "DDDDD"},
      {"delivery:own", "AADDD"}, {"delivery:other", "HHDDD"}, {"delivery:draft", "HHDDD"},
      {"deliveries:to_me", "HADDD"}, {"deliveries:to_other", "HHDDD"},
      {"file:to_me", "ADDDD"}, {"file:to_other", "HDDHH"}, {"files", "HDDHH"}}},
};

char Letter(Verdict v) { return v == Verdict::kAllow ? 'A' : v == Verdict::kDeny ? 'D' : 'H'; }

Actor ActorFor(Role role) {
  Actor a{42, "someone", role, std::nullopt};
  if (RoleNeedsParticipant(role)) a.participant_id = "KAZ";
  return a;
}

TEST(Policy, EveryRoleObjectKindAndAction) {
  const std::map<std::string, ObjectRef> objects = {
      {"participant", {ObjectKind::kParticipant, {}}},
      {"user:self", {ObjectKind::kUser, 42}},
      {"user:other", {ObjectKind::kUser, 7}},
      {"audit_log", {ObjectKind::kAuditLog, {}}},
      {"settings", {ObjectKind::kSettings, {}}},
      {"meeting", {ObjectKind::kMeeting, {}}},
      {"item:open", {ObjectKind::kAgendaItem, {}, false}},
      {"item:closed", {ObjectKind::kAgendaItem, {}, true}},
      {"body", {ObjectKind::kBody, {}}},
      {"chairmanship", {ObjectKind::kChairmanship, {}}},
      {"silence", {ObjectKind::kSilenceProcedure, {}}},
      {"response:own", {ObjectKind::kSilenceResponse, {}, false, "KAZ"}},
      {"response:other", {ObjectKind::kSilenceResponse, {}, false, "IND"}},
      {"doc:public", {ObjectKind::kDocument, {}, false, std::nullopt, AccessCategory::kPublic}},
      {"doc:members", {ObjectKind::kDocument, {}, false, std::nullopt, AccessCategory::kMemberStatesOnly}},
      {"doc:secretariat", {ObjectKind::kDocument, {}, false, std::nullopt, AccessCategory::kSecretariatOnly}},
      {"comment:own", {ObjectKind::kComment, {}, false, "KAZ"}},
      {"note:to_me", {ObjectKind::kNote, {}, false, std::nullopt, std::nullopt, false, {"IND", "KAZ"}}},
      {"note:to_other", {ObjectKind::kNote, {}, false, std::nullopt, std::nullopt, false, {"IND"}}},
      {"note:draft", {ObjectKind::kNote, {}, false, std::nullopt, std::nullopt, true, {"KAZ"}}},
      {"notes", {ObjectKind::kNote, {}}},
      {"incoming", {ObjectKind::kIncomingNote, {}}},
      {"file:to_me", {ObjectKind::kFile, {}, false, std::nullopt, std::nullopt, false, {"IND", "KAZ"}}},
      {"file:to_other", {ObjectKind::kFile, {}, false, std::nullopt, std::nullopt, false, {"IND"}}},
      {"files", {ObjectKind::kFile, {}}},
      {"template", {ObjectKind::kNoteTemplate, {}}},
      // A row of the delivery log of a note to IND and KAZ: the actor's own state's, another's.
      {"delivery:own", {ObjectKind::kDelivery, {}, false, "KAZ", std::nullopt, false, {"IND", "KAZ"}}},
      {"delivery:other", {ObjectKind::kDelivery, {}, false, "IND", std::nullopt, false, {"IND", "KAZ"}}},
      {"delivery:draft", {ObjectKind::kDelivery, {}, false, "KAZ", std::nullopt, true, {"KAZ"}}},
      // The whole log of a note: to the actor's state, or to others only.
      {"deliveries:to_me", {ObjectKind::kDelivery, {}, false, std::nullopt, std::nullopt, false, {"IND", "KAZ"}}},
      {"deliveries:to_other", {ObjectKind::kDelivery, {}, false, std::nullopt, std::nullopt, false, {"IND"}}},
  };
  // Every object kind appears in the matrix.
  for (ObjectKind kind : kAllObjectKinds) {
    bool covered = false;
    for (const auto& [name, ref] : objects) covered = covered || ref.kind == kind;
    EXPECT_TRUE(covered) << ToString(kind);
  }
  int checked = 0;
  for (Role role : kAllRoles) {
    const auto& row = kExpected.at(std::string(ToString(role)));
    for (const auto& [name, ref] : objects) {
      std::string got;
      for (Action action : kAllActions) got += Letter(Decide(ActorFor(role), action, ref));
      EXPECT_EQ(got, row.at(name)) << ToString(role) << " on " << name;
      checked += 5;
    }
  }
  EXPECT_EQ(checked, 5 * 31 * 5);  // roles × objects × actions
}

TEST(Policy, UnboundDelegateSeesNothing) {
  for (Role role : {Role::kChairmanship, Role::kMemberDelegate, Role::kObserverDelegate}) {
    Actor a{42, "x", role, std::nullopt};
    for (ObjectKind kind : kAllObjectKinds) {
      for (Action action : kAllActions) {
        EXPECT_EQ(Decide(a, action, {kind, 42}), Verdict::kHide) << ToString(role);
      }
    }
  }
}

TEST(Policy, CheckMapsVerdictsToErrorCodes) {
  Actor officer = ActorFor(Role::kOfficer);
  EXPECT_FALSE(Check(officer, Action::kRead, {ObjectKind::kParticipant, {}}, "participant"));
  auto hidden = Check(officer, Action::kRead, {ObjectKind::kUser, 7}, "user");
  ASSERT_TRUE(hidden);
  EXPECT_EQ(hidden->code, ErrorCode::kNotFound);
  EXPECT_EQ(hidden->message, "user not found");
  auto denied = Check(officer, Action::kList, {ObjectKind::kUser, {}}, "users");
  ASSERT_TRUE(denied);
  EXPECT_EQ(denied->code, ErrorCode::kPermissionDenied);
}

// What the notices to users rest on (services/notices.cpp): a notice says what it is about, so
// it goes only to whom Decide lets read that object. An observer delegate must never be told
// of a silence procedure, a comment round or an item closed to observers; a Member State's
// delegate and the Chairmanship are told of all of them. Only who may create accounts sets the
// address notices go to.
TEST(Policy, NoticesAreToldOnlyOfWhatTheReaderMaySee) {
  const ObjectRef silence{ObjectKind::kSilenceProcedure, {}};
  const ObjectRef round{ObjectKind::kDocument, {}, false, std::nullopt, AccessCategory::kMemberStatesOnly};
  const ObjectRef meeting{ObjectKind::kMeeting, {}};
  const ObjectRef closed_item{ObjectKind::kAgendaItem, {}, true};
  const Actor observer{6, "observer.jpn", Role::kObserverDelegate, "JPN"};
  for (const ObjectRef& hidden : {silence, round, closed_item}) {
    EXPECT_EQ(Decide(observer, Action::kRead, hidden), Verdict::kHide) << ToString(hidden.kind);
  }
  EXPECT_EQ(Decide(observer, Action::kRead, meeting), Verdict::kAllow);
  for (Role role : {Role::kMemberDelegate, Role::kChairmanship}) {
    const Actor a{7, "delegate", role, "KAZ"};
    for (const ObjectRef& seen : {silence, round, meeting, closed_item}) {
      EXPECT_EQ(Decide(a, Action::kRead, seen), Verdict::kAllow) << ToString(role) << " " << ToString(seen.kind);
    }
    EXPECT_EQ(Decide(a, Action::kCreate, {ObjectKind::kUser, {}}), Verdict::kDeny);
  }
  EXPECT_EQ(Decide(ActorFor(Role::kAdministrator), Action::kCreate, {ObjectKind::kUser, {}}), Verdict::kAllow);
}

}  // namespace
}  // namespace chancery::core
