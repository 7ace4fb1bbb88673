// The document registry on the memory store: versions are immutable and numbered, language
// versions have one original, symbols stay findable, and every read goes through the policy.
#include <gtest/gtest.h>

#include "core/services/documents.hpp"
#include "core/services/meetings.hpp"
#include "core/services/participants.hpp"
#include "core/services/chairmanships.hpp"
#include "core/testing/builders.hpp"
#include "core/testing/fakes.hpp"
#include "storage/memory/memory_store.hpp"

namespace chancery::core {
namespace {

using namespace std::chrono;

const Actor kOfficer{2, "officer", Role::kOfficer, std::nullopt};
const Actor kChair{3, "chair.kaz", Role::kChairmanship, "KAZ"};
const Actor kIndia{4, "delegate.ind", Role::kMemberDelegate, "IND"};
const Actor kJapan{5, "observer.jpn", Role::kObserverDelegate, "JPN"};

LanguageVersion English(std::vector<Paragraph> paragraphs, TranslationStatus status = TranslationStatus::kOriginal) {
  return {{"en", "Draft Regulations of the Council of Eminent Persons", std::move(paragraphs)}, status};
}

Paragraph Text(std::string id, std::string text, int item = 0, bool closed = false) {
  return {std::move(id), ParagraphStyle::kText, std::move(text), item, closed};
}

class Documents : public ::testing::Test {
 protected:
  Documents()
      : clock_(Instant{sys_days{year{2021} / June / 23} + 4h}),
        zone_(hours{6}, "Asia/Almaty"),
        deps_{store_, clock_, digest_, hasher_, random_, zone_, formatter_, {}} {}

  void SetUp() override {
    for (const char* id : {"KAZ", "IND"}) {
      ASSERT_TRUE(CreateParticipant(deps_, Actor::System(),
                                    testing::StateWith(id, year{2002} / June / 4, ParticipantStatus::kMember)));
    }
    ASSERT_TRUE(CreateParticipant(deps_, Actor::System(),
                                  testing::StateWith("JPN", year{1999} / September / 14, ParticipantStatus::kObserverState)));
    ASSERT_TRUE(AddChairmanship(deps_, kOfficer, {"KAZ", year{2020} / September / 24, std::nullopt, "x"}));
  }

  Document Draft(AccessCategory access = AccessCategory::kMembersAndObservers) {
    NewDocument d{"MM/2021/DRAFT/1", DocumentKind::kDraftRegulation, BodyCode::kMm, access, std::nullopt, "draft",
                  {English({Text("p1", "Article 1. The Council of Eminent Persons is an advisory body."),
                            Text("p2", "Article 2. It reports to the Summit.")})}};
    auto created = CreateDocument(deps_, kOfficer, d);
    EXPECT_TRUE(created) << created.error().message;
    return *created;
  }

  storage::MemoryStore store_;
  testing::FakeClock clock_;
  testing::FakeDigest digest_;
  testing::FakePasswordHasher hasher_;
  testing::FakeRandom random_;
  testing::FixedOffsetZone zone_;
  testing::IsoDateFormatter formatter_;
  Deps deps_;
};

TEST_F(Documents, AVersionIsNumberedStampedAndKeptAsItWas) {
  auto d = Draft();
  ASSERT_EQ(d.versions.size(), 1u);
  EXPECT_EQ(d.versions[0].number, 1);
  EXPECT_EQ(d.versions[0].author, "officer");
  EXPECT_EQ(d.original_language, "en");
  clock_.Advance(hours{24});
  auto v2 = AddDocumentVersion(deps_, kChair, d.id,
                               {"agreed in the SWG", {English({Text("p1", "Article 1. The Council of Eminent Persons "
                                                                          "is a consultative body."),
                                                               Text("p3", "Article 3. Members serve two years.")})}});
  ASSERT_TRUE(v2) << v2.error().message;
  EXPECT_EQ(v2->number, 2);
  auto first = GetDocumentVersion(deps_, kIndia, d.id, 1, std::string("en"));
  EXPECT_EQ(first->languages[0].content.paragraphs.size(), 2u);  // unchanged by version 2
  auto diff = DiffDocumentVersions(deps_, kIndia, d.id, 1, 2, "en");
  ASSERT_TRUE(diff);
  ASSERT_EQ(diff->size(), 3u);
  EXPECT_EQ((*diff)[0].change, ParagraphChange::kChanged);
  EXPECT_EQ((*diff)[1].change, ParagraphChange::kRemoved);
  EXPECT_EQ((*diff)[2].change, ParagraphChange::kAdded);
  auto no_reason = AddDocumentVersion(deps_, kOfficer, d.id, {"", {English({Text("p1", "x")})}});
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().field, "reason");
}

TEST_F(Documents, LanguageVersionsHaveExactlyOneOriginalInTheOriginalLanguage) {
  auto d = Draft();
  LanguageVersion russian{{"ru", "Проект Положения о Совете старейшин", {Text("p1", "Статья 1.")}},
                          TranslationStatus::kTranslated};
  auto ok = AddDocumentVersion(deps_, kOfficer, d.id, {"Russian translation", {English({Text("p1", "x")}), russian}});
  ASSERT_TRUE(ok) << ok.error().message;
  auto two_originals = AddDocumentVersion(
      deps_, kOfficer, d.id, {"r", {English({Text("p1", "x")}), {russian.content, TranslationStatus::kOriginal}}});
  ASSERT_FALSE(two_originals);
  EXPECT_EQ(two_originals.error().field, "languages[1].status");
  auto twice = AddDocumentVersion(deps_, kOfficer, d.id, {"r", {English({Text("p1", "x")}), English({Text("p1", "y")})}});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().field, "languages[1].lang");
  auto bad_id = AddDocumentVersion(deps_, kOfficer, d.id, {"r", {English({Text("P 1", "x")})}});
  ASSERT_FALSE(bad_id);
  EXPECT_EQ(bad_id.error().field, "languages[0].paragraphs[0].id");
}

TEST_F(Documents, AccessCategoriesHideDocumentsAndClosedParagraphsFromThoseWhoMayNotRead) {
  auto open = Draft();
  NewDocument members{"SOC/2021-I/DEC/2", DocumentKind::kDecision, BodyCode::kSoc, AccessCategory::kMemberStatesOnly,
                      std::nullopt, "as adopted", {English({Text("p1", "General guidelines")})}};
  auto m = CreateDocument(deps_, kOfficer, members);
  ASSERT_TRUE(m);
  NewDocument minutes{"SOC/2021-I/Minutes", DocumentKind::kMinutes, BodyCode::kSoc, AccessCategory::kMembersAndObservers,
                      std::nullopt, "draft", {English({Text("i1", "Opening.", 1), Text("i5", "Catalogue of CBMs.", 5, true)})}};
  auto mins = CreateDocument(deps_, kOfficer, minutes);
  ASSERT_TRUE(mins);

  auto seen = ListDocuments(deps_, kJapan, {});
  ASSERT_EQ(seen->size(), 2u);  // not the Member-States-only decision
  EXPECT_EQ(GetDocument(deps_, kJapan, m->id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(GetDocumentBySymbol(deps_, kJapan, "SOC/2021-I/DEC/2").error().code, ErrorCode::kNotFound);
  auto text = GetDocumentVersion(deps_, kJapan, mins->id, 1, std::nullopt);
  ASSERT_EQ(text->languages[0].content.paragraphs.size(), 1u);
  EXPECT_EQ(text->languages[0].content.paragraphs[0].id, "i1");
  EXPECT_EQ(GetDocumentVersion(deps_, kIndia, mins->id, 1, std::nullopt)->languages[0].content.paragraphs.size(), 2u);
  // Delegates read; they do not write.
  EXPECT_EQ(AddDocumentVersion(deps_, kIndia, open.id, {"r", {English({Text("p1", "x")})}}).error().code,
            ErrorCode::kPermissionDenied);
  EXPECT_EQ(CreateDocument(deps_, kJapan, members).error().code, ErrorCode::kPermissionDenied);
}

TEST_F(Documents, SymbolsAreUniqueAndAnAdoptedDraftStaysFindableByItsDraftSymbol) {
  auto d = Draft();
  auto dup = CreateDocument(deps_, kOfficer, {"MM/2021/DRAFT/1", DocumentKind::kNote, BodyCode::kMm,
                                              AccessCategory::kPublic, std::nullopt, "x", {English({Text("p1", "x")})}});
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(dup.error().field, "symbol");
  NewMeeting soc{BodyCode::kSoc, std::nullopt, year{2021} / June / 23};
  auto meeting = CreateMeeting(deps_, kOfficer, soc);
  ASSERT_TRUE(meeting);
  auto approved = AddDocumentStage(deps_, kOfficer, d.id,
                                   {BodyCode::kSoc, StageKind::kRecommended, year{2021} / June / 23, meeting->id,
                                    std::nullopt, BodyCode::kMm},
                                   std::nullopt);
  ASSERT_TRUE(approved) << approved.error().message;
  auto wrong_body = AddDocumentStage(deps_, kOfficer, d.id,
                                     {BodyCode::kMm, StageKind::kAdopted, year{2021} / October / 12, meeting->id},
                                     std::nullopt);
  ASSERT_FALSE(wrong_body);
  EXPECT_EQ(wrong_body.error().field, "meeting_id");
  auto adopted = AddDocumentStage(deps_, kOfficer, d.id, {BodyCode::kMm, StageKind::kAdopted, year{2021} / October / 12},
                                  std::string("MM/2021/DEC/1"));
  ASSERT_TRUE(adopted) << adopted.error().message;
  EXPECT_EQ(adopted->symbol, "MM/2021/DEC/1");
  EXPECT_EQ(adopted->former_symbols, std::vector<std::string>{"MM/2021/DRAFT/1"});
  EXPECT_EQ(GetDocumentBySymbol(deps_, kIndia, "MM/2021/DRAFT/1")->id, d.id);
  ASSERT_EQ(adopted->stages.size(), 2u);
  EXPECT_EQ(adopted->stages[0].recommended_to, BodyCode::kMm);
}

TEST_F(Documents, DraftMinutesAddARussianVersionInProgressWhereTheRecordHoldsRussian) {
  // One SOC meeting per call, its only statement in `language`.
  auto minutes_of = [&](Date day, std::string language, std::string text) -> Document {
    NewMeeting soc{BodyCode::kSoc, std::nullopt, day};
    soc.agenda = {{1, "Opening of the meeting", true, {}}};
    auto meeting = CreateMeeting(deps_, kOfficer, soc);
    EXPECT_TRUE(meeting) << meeting.error().message;
    if (!meeting) return {};
    Statement s{0, 1, SpeakerRole::kParticipant, "KAZ", "", std::move(language), std::move(text)};
    auto said = RecordStatement(deps_, kOfficer, meeting->id, s);
    EXPECT_TRUE(said) << said.error().message;
    auto d = DraftMeetingMinutes(deps_, kOfficer, meeting->id);
    EXPECT_TRUE(d) << d.error().message;
    return d ? *d : Document{};
  };
  const auto english = minutes_of(year{2021} / June / 23, "en", "Kazakhstan opened the meeting.");
  ASSERT_EQ(english.versions.size(), 1u);
  ASSERT_EQ(english.versions[0].languages.size(), 1u);
  EXPECT_EQ(english.versions[0].languages[0].content.lang, "en");

  const std::string said = "Казахстан открыл заседание.";
  const auto both = minutes_of(year{2021} / December / 9, "ru", said);
  EXPECT_EQ(both.symbol, "SOC/2021-II/Minutes");
  EXPECT_EQ(both.original_language, "en");
  ASSERT_EQ(both.versions.size(), 1u);
  const auto& languages = both.versions[0].languages;
  ASSERT_EQ(languages.size(), 2u);
  EXPECT_EQ(languages[0].content.lang, "en");
  EXPECT_EQ(languages[0].status, TranslationStatus::kOriginal);
  EXPECT_EQ(languages[1].content.lang, "ru");
  EXPECT_EQ(languages[1].status, TranslationStatus::kInProgress);
  // The fake formatter writes dates as ISO whatever the language.
  EXPECT_EQ(languages[1].content.title, "ПРОТОКОЛ ЗАСЕДАНИЯ КОМИТЕТА СТАРШИХ ДОЛЖНОСТНЫХ ЛИЦ 2021-12-09");
  const auto ru = GetDocumentVersion(deps_, kIndia, both.id, 1, std::string("ru"));
  ASSERT_TRUE(ru) << ru.error().message;
  ASSERT_EQ(ru->languages.size(), 1u);
  const auto& paragraphs = ru->languages[0].content.paragraphs;
  ASSERT_EQ(paragraphs.size(), languages[0].content.paragraphs.size());
  EXPECT_EQ(paragraphs.back().text, said);
  EXPECT_EQ(languages[0].content.paragraphs.back().text, said);  // verbatim in English too
}

}  // namespace
}  // namespace chancery::core
