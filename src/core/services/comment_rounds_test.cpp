// Comment rounds on the memory store: who may comment, until when, and how the Secretariat's
// decisions become the next version (R22, R23).
#include <gtest/gtest.h>

#include "core/services/chairmanships.hpp"
#include "core/services/comment_rounds.hpp"
#include "core/services/documents.hpp"
#include "core/services/participants.hpp"
#include "core/testing/builders.hpp"
#include "core/testing/fakes.hpp"
#include "storage/memory/memory_store.hpp"

namespace chancery::core {
namespace {

using namespace std::chrono;

const Actor kOfficer{2, "officer", Role::kOfficer, std::nullopt};
const Actor kRussia{4, "delegate.rus", Role::kMemberDelegate, "RUS"};
const Actor kJapan{5, "observer.jpn", Role::kObserverDelegate, "JPN"};

class CommentRounds : public ::testing::Test {
 protected:
  CommentRounds()
      : clock_(Instant{sys_days{year{2021} / June / 25} + 4h}),
        zone_(hours{6}, "Asia/Almaty"),
        deps_{store_, clock_, digest_, hasher_, random_, zone_, formatter_, {}} {}

  void SetUp() override {
    for (const char* id : {"KAZ", "RUS", "IND"}) {
      ASSERT_TRUE(CreateParticipant(deps_, Actor::System(),
                                    testing::StateWith(id, year{2002} / June / 4, ParticipantStatus::kMember)));
    }
    ASSERT_TRUE(CreateParticipant(deps_, Actor::System(),
                                  testing::StateWith("KWT", year{2022} / October / 13, ParticipantStatus::kMember)));
    ASSERT_TRUE(CreateParticipant(deps_, Actor::System(),
                                  testing::StateWith("JPN", year{1999} / September / 14, ParticipantStatus::kObserverState)));
    NewDocument minutes{"SOC/2021-I/Minutes", DocumentKind::kMinutes, BodyCode::kSoc,
                        AccessCategory::kMembersAndObservers, std::nullopt, "draft minutes",
                        {{{"en", "Minutes", {{"item-10-p3", ParagraphStyle::kText, "Russia proceeded from the need.", 10}}},
                          TranslationStatus::kOriginal}}};
    auto d = CreateDocument(deps_, kOfficer, minutes);
    ASSERT_TRUE(d);
    document_ = d->id;
  }

  storage::MemoryStore store_;
  testing::FakeClock clock_;
  testing::FakeDigest digest_;
  testing::FakePasswordHasher hasher_;
  testing::FakeRandom random_;
  testing::FixedOffsetZone zone_;
  testing::IsoDateFormatter formatter_;
  Deps deps_;
  std::int64_t document_ = 0;
};

TEST_F(CommentRounds, R23DeadlineDefaultsToAWeekToTheEndOfTheDayAndAddressesTheMemberStates) {
  auto round = OpenCommentRound(deps_, kOfficer, document_, {});
  ASSERT_TRUE(round) << round.error().message;
  EXPECT_EQ(FormatInstant(round->deadline), "2021-07-02T18:00:00Z");
  EXPECT_EQ(round->addressees, (std::vector<std::string>{"IND", "KAZ", "RUS"}));  // not Kuwait before 2022
  EXPECT_EQ(round->version, 1);
  auto to_observer = OpenCommentRound(deps_, kOfficer, document_, {0, std::nullopt, {"JPN"}});
  ASSERT_FALSE(to_observer);
  EXPECT_EQ(to_observer.error().field, "addressees[0]");
}

TEST_F(CommentRounds, R22OnlyAddressedMemberStatesBeforeTheDeadline) {
  auto round = OpenCommentRound(deps_, kOfficer, document_, {0, std::nullopt, {"RUS", "KAZ"}});
  ASSERT_TRUE(round);
  NewComment c{"RUS", "item-10-p3", "en", "Write our name in full.", "The Russian Federation proceeded from the need."};
  EXPECT_TRUE(SubmitComment(deps_, kRussia, round->id, c));
  auto not_addressed = SubmitComment(deps_, kOfficer, round->id, {"IND", "item-10-p3", "en", "x"});
  EXPECT_EQ(not_addressed.error().field, "participant_id");
  auto observer = SubmitComment(deps_, kOfficer, round->id, {"JPN", "item-10-p3", "en", "x"});
  EXPECT_EQ(observer.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(SubmitComment(deps_, kJapan, round->id, {"JPN", "item-10-p3", "en", "x"}).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(SubmitComment(deps_, kRussia, round->id, {"KAZ", "item-10-p3", "en", "x"}).error().code,
            ErrorCode::kPermissionDenied);  // a delegate writes for their own state
  EXPECT_EQ(SubmitComment(deps_, kRussia, round->id, {"RUS", "p99", "en", "x"}).error().field, "paragraph_id");
  clock_.Set(round->deadline - 1s);
  EXPECT_TRUE(SubmitComment(deps_, kOfficer, round->id, {"KAZ", "item-10-p3", "en", "Fine as it is."}));
  clock_.Set(round->deadline);
  auto late = SubmitComment(deps_, kRussia, round->id, c);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(GetCommentRound(deps_, kOfficer, round->id)->comments.size(), 2u);  // every comment kept
}

TEST_F(CommentRounds, ConsolidationAppliesAcceptedTextsIntoANewVersion) {
  auto round = OpenCommentRound(deps_, kOfficer, document_, {});
  ASSERT_TRUE(SubmitComment(deps_, kRussia, round->id,
                            {"RUS", "item-10-p3", "en", "Name in full.", "The Russian Federation proceeded from the need."}));
  ASSERT_TRUE(SubmitComment(deps_, kOfficer, round->id, {"IND", "item-10-p3", "en", "Shorter, please."}));
  auto early = ConsolidateCommentRound(deps_, kOfficer, round->id, {}, "final");
  EXPECT_EQ(early.error().code, ErrorCode::kFailedPrecondition);  // still open
  clock_.Set(Instant{sys_days{year{2021} / July / 12} + 4h});
  auto missing = ConsolidateCommentRound(deps_, kOfficer, round->id, {{1, CommentOutcome::kAccepted}}, "final");
  EXPECT_EQ(missing.error().field, "decisions");  // comment 2 undecided
  auto no_reason = ConsolidateCommentRound(deps_, kOfficer, round->id,
                                           {{1, CommentOutcome::kAccepted}, {2, CommentOutcome::kNotAccepted}}, "final");
  EXPECT_EQ(no_reason.error().field, "decisions[1].reason");
  auto done = ConsolidateCommentRound(
      deps_, kOfficer, round->id,
      {{1, CommentOutcome::kAccepted}, {2, CommentOutcome::kNotAccepted, "the text is the record of the meeting"}},
      "final version reflecting comments of Member States");
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(done->version.number, 2);
  EXPECT_EQ(done->round.consolidated_into, 2);
  auto v2 = GetDocumentVersion(deps_, kOfficer, document_, 2, std::string("en"));
  EXPECT_EQ(v2->languages[0].content.paragraphs[0].text, "The Russian Federation proceeded from the need.");
  EXPECT_EQ(GetDocumentVersion(deps_, kOfficer, document_, 1, std::string("en"))->languages[0].content.paragraphs[0].text,
            "Russia proceeded from the need.");
  EXPECT_EQ(ConsolidateCommentRound(deps_, kOfficer, round->id, {}, "again").error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(ListCommentRounds(deps_, kJapan, document_).error().code, ErrorCode::kNotFound);
}

TEST_F(CommentRounds, FinalMinutesTakeNoMoreCommentsAndChangeOnlyByNumberedCorrigenda) {
  auto round = OpenCommentRound(deps_, kOfficer, document_, {});
  ASSERT_TRUE(round);
  clock_.Set(Instant{sys_days{year{2021} / July / 12} + 4h});
  EXPECT_EQ(ConsolidateCommentRound(deps_, kOfficer, round->id, {}, "x", VersionStatus::kCorrigendum).error().field,
            "status");
  auto final_text = ConsolidateCommentRound(deps_, kOfficer, round->id, {},
                                            "final version reflecting comments of Member States", VersionStatus::kFinal);
  ASSERT_TRUE(final_text) << final_text.error().message;
  EXPECT_EQ(final_text->version.status, VersionStatus::kFinal);

  auto reopened = OpenCommentRound(deps_, kOfficer, document_, {});
  ASSERT_FALSE(reopened);
  EXPECT_EQ(reopened.error().code, ErrorCode::kFailedPrecondition);
  const auto content = GetDocumentVersion(deps_, kOfficer, document_, 2, std::nullopt)->languages;
  auto draft = AddDocumentVersion(deps_, kOfficer, document_, {"another draft", content});
  ASSERT_FALSE(draft);
  EXPECT_EQ(draft.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(draft.error().field, "status");
  EXPECT_EQ(AddDocumentVersion(deps_, kOfficer, document_, {"issued twice", content, VersionStatus::kFinal}).error().code,
            ErrorCode::kFailedPrecondition);
  for (int n : {3, 4}) {
    auto corr = AddDocumentVersion(deps_, kOfficer, document_, {"corrigendum", content, VersionStatus::kCorrigendum});
    ASSERT_TRUE(corr) << corr.error().message;
    EXPECT_EQ(corr->number, n);
  }
  auto d = GetDocument(deps_, kOfficer, document_);
  EXPECT_EQ(VersionLabel(*d, 2), "");
  EXPECT_EQ(VersionLabel(*d, 3), "Corr.1");
  EXPECT_EQ(VersionLabel(*d, 4), "Corr.2");
}

TEST_F(CommentRounds, ACorrigendumNeedsAnIssuedText) {
  const auto content = GetDocumentVersion(deps_, kOfficer, document_, 1, std::nullopt)->languages;
  auto early = AddDocumentVersion(deps_, kOfficer, document_, {"corrigendum", content, VersionStatus::kCorrigendum});
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(GetDocument(deps_, kOfficer, document_)->versions.size(), 1u);  // nothing stored
}

}  // namespace
}  // namespace chancery::core
