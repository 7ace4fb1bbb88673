// The Note Verbale registers on the memory store: serials per calendar year of the
// organisation's zone, numbers given once, imported numbers, addressees fixed at registration,
// and incoming notes whose objection acts on the silence procedure in the same transaction.
#include "core/services/notes.hpp"

#include <gtest/gtest.h>

#include "core/services/chairmanships.hpp"
#include "core/services/governance_settings.hpp"
#include "core/services/participants.hpp"
#include "core/services/settings.hpp"
#include "core/services/silence_procedures.hpp"
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

Instant At(year_month_day day, hours h) { return Instant{sys_days{day} + h}; }

// A note's text as given at creation: a template like the defaults, with what every note has.
std::vector<NoteBlock> Blocks(std::string text) {
  return {{NoteBlockRole::kNumber, "№ {{number}}"},
          {NoteBlockRole::kText, std::move(text)},
          {NoteBlockRole::kPlaceDate, "{{place}}, {{date}}"},
          {NoteBlockRole::kAddressee, "MEMBER STATES"}};
}

// Templates and addressee words held in the test.
class FakeNoteTemplates : public NoteTemplates {
 public:
  std::map<std::string, NoteTemplate> templates;  // by "purpose.lang"
  Result<std::optional<NoteTemplate>> Template(std::string_view purpose, std::string_view lang) const override {
    auto found = templates.find(std::string(purpose) + "." + std::string(lang));
    if (found == templates.end()) return std::optional<NoteTemplate>{};
    return std::optional<NoteTemplate>{found->second};
  }
  Result<std::optional<WordForms>> Addressee(std::string_view id, std::string_view lang) const override {
    if (id != "member_states") return std::optional<WordForms>{};
    return std::optional<WordForms>{WordForms{{"", lang == "en" ? "CICA Member States" : "государствам-членам СВМДА"}}};
  }
};

class Notes : public ::testing::Test {
 protected:
  Notes()
      : clock_(At(year{2021} / June / 23, 4h)),
        zone_(hours{6}, "Asia/Almaty"),
        deps_{store_, clock_, digest_, hasher_, random_, zone_, formatter_, {}} {
    deps_.note_templates = &templates_;
  }

  void SetUp() override {
    for (const char* id : {"KAZ", "IND"}) {
      ASSERT_TRUE(CreateParticipant(deps_, Actor::System(),
                                    testing::StateWith(id, year{2002} / June / 4, ParticipantStatus::kMember)));
    }
    // Kuwait joins on 1 July 2021: a note registered before then is not addressed to it.
    ASSERT_TRUE(CreateParticipant(deps_, Actor::System(),
                                  testing::StateWith("KWT", year{2021} / July / 1, ParticipantStatus::kMember)));
    ASSERT_TRUE(CreateParticipant(deps_, Actor::System(),
                                  testing::StateWith("JPN", year{1999} / September / 14, ParticipantStatus::kObserverState)));
    ASSERT_TRUE(AddChairmanship(deps_, kOfficer, {"KAZ", year{2020} / September / 24, std::nullopt, "x"}));
  }

  std::int64_t Draft(std::string index = "7-1", std::vector<std::string> languages = {"en"}) {
    NewNote n;
    n.index = std::move(index);
    n.subject = "Documents of the SOC meeting";
    n.languages = languages;
    for (const auto& l : languages) n.texts.push_back({l, Blocks("The Secretariat presents its compliments.")});
    auto created = CreateNote(deps_, kOfficer, n);
    EXPECT_TRUE(created) << created.error().message;
    return created ? created->id : 0;
  }

  int SerialOf(const Result<OutgoingNote>& note) {
    EXPECT_TRUE(note) << note.error().message;
    return note && note->number ? note->number->serial : 0;
  }

  storage::MemoryStore store_;
  testing::FakeClock clock_;
  testing::FakeDigest digest_;
  testing::FakePasswordHasher hasher_;
  testing::FakeRandom random_;
  testing::FixedOffsetZone zone_;
  testing::IsoDateFormatter formatter_;
  FakeNoteTemplates templates_;
  Deps deps_;
};

TEST_F(Notes, SerialsRunThroughTheYearAcrossIndicesAndRestartInTheOrganisationsJanuary) {
  EXPECT_EQ(SerialOf(RegisterNote(deps_, kOfficer, Draft("7-1"))), 1);
  auto second = RegisterNote(deps_, kOfficer, Draft("17-1"));
  EXPECT_EQ(SerialOf(second), 2);
  EXPECT_EQ(Format(*second->number), "17-1/2");
  EXPECT_EQ(FormatDate(*second->date), "2021-06-23");
  // 31 December 2021 at 19:00 UTC is 1 January 2022 in Nur-Sultan: the new year's first note.
  clock_.Set(At(year{2021} / December / 31, 19h));
  auto january = RegisterNote(deps_, kOfficer, Draft());
  EXPECT_EQ(SerialOf(january), 1);
  EXPECT_EQ(january->number->year, 2022);
  EXPECT_EQ(FormatDate(*january->date), "2022-01-01");
}

TEST_F(Notes, AnImportedNumberKeepsItsDateAndTheRegisterContinuesAfterIt) {
  auto imported = RegisterNote(deps_, kOfficer, Draft("17-1"), ImportedNumber{{"17-1", 435, 0}, year{2021} / July / 12});
  ASSERT_TRUE(imported) << imported.error().message;
  EXPECT_TRUE(imported->imported);
  EXPECT_EQ(imported->number->year, 2021);
  EXPECT_EQ(FormatDate(*imported->date), "2021-07-12");
  auto twice = RegisterNote(deps_, kOfficer, Draft("17-1"), ImportedNumber{{"17-1", 435, 0}, year{2021} / July / 12});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(SerialOf(RegisterNote(deps_, kOfficer, Draft())), 436);
}

TEST_F(Notes, AllMemberStatesAreThoseOnTheRegistrationDateAndOnlyThemMayReadIt) {
  const auto id = Draft();
  EXPECT_EQ(GetNote(deps_, kIndia, id).error().code, ErrorCode::kNotFound);  // a draft is the Secretariat's
  auto note = RegisterNote(deps_, kOfficer, id);
  ASSERT_TRUE(note);
  EXPECT_EQ(note->addressees, (std::vector<std::string>{"IND", "KAZ"}));  // not Kuwait (joins 1 July), not Japan
  EXPECT_TRUE(GetNote(deps_, kIndia, id));
  EXPECT_EQ(GetNote(deps_, kJapan, id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(ListNotes(deps_, kJapan, {})->size(), 0u);
  EXPECT_EQ(ListNotes(deps_, kIndia, {})->size(), 1u);
  EXPECT_EQ(RegisterNote(deps_, kOfficer, id).error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(RegisterNote(deps_, kChair, Draft()).error().code, ErrorCode::kNotFound);  // drafts are hidden from it
}

TEST_F(Notes, ANoteIsRegisteredOnlyWithATextInEveryLanguageItIsIssuedIn) {
  NewNote n;
  n.index = "7-1";
  n.subject = "x";
  n.languages = {"en", "ru"};
  n.texts = {{"en", Blocks("The Secretariat presents its compliments.")}};
  auto created = CreateNote(deps_, kOfficer, n);
  ASSERT_TRUE(created);
  auto refused = RegisterNote(deps_, kOfficer, created->id);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(GetNote(deps_, kOfficer, created->id)->status, NoteStatus::kDraft);
  // The serial it would have taken is still free.
  EXPECT_EQ(SerialOf(RegisterNote(deps_, kOfficer, Draft())), 1);
}

TEST_F(Notes, TheGivenTextIsATemplateExpandedWithNumberDateAndThePlaceOfThatDate) {
  NewNote n;
  n.index = "17-1";
  n.subject = "x";
  n.languages = {"en", "ru"};
  n.texts = {{"en", Blocks("To the {{addressee}}.")}, {"ru", Blocks("{{addressee}}.")}};
  auto created = CreateNote(deps_, kOfficer, n);
  ASSERT_TRUE(created) << created.error().message;
  auto note = RegisterNote(deps_, kOfficer, created->id, ImportedNumber{{"17-1", 435, 0}, year{2021} / July / 12});
  ASSERT_TRUE(note) << note.error().message;
  ASSERT_EQ(note->texts.size(), 2u);
  EXPECT_EQ(note->texts[0].blocks[0].text, "№ 17-1/435");
  EXPECT_EQ(note->texts[0].blocks[1].text, "To the CICA Member States.");
  EXPECT_EQ(note->texts[0].blocks[2].text, "Nur-Sultan, 2021-07-12");
  EXPECT_EQ(note->texts[1].blocks[1].text, "государствам-членам СВМДА.");
  EXPECT_EQ(note->texts[1].blocks[2].text, "Нур-Султан, 2021-07-12");
  EXPECT_EQ(GetNote(deps_, kOfficer, created->id)->texts[1].blocks, note->texts[1].blocks);  // frozen as registered
  // The city is Astana again from 17 September 2022: the setting says so, not the code.
  clock_.Set(At(year{2022} / September / 17, 4h));
  auto later = RegisterNote(deps_, kOfficer, Draft("7-1", {"kk"}));
  ASSERT_TRUE(later) << later.error().message;
  EXPECT_EQ(later->texts[0].blocks[2].text, "Астана, 2022-09-17");
  ASSERT_TRUE(SetSetting(deps_, Actor::System(), kNotePlace, "Astana|Астана|Астана; 2022-09-17..2022-09-17 X|Y|Z"));
  EXPECT_EQ(RegisterNote(deps_, kOfficer, Draft("7-1", {"ru"}))->texts[0].blocks[2].text, "Y, 2022-09-17");
  EXPECT_EQ(SetSetting(deps_, Actor::System(), kNotePlace, "Astana|Астана").error().code, ErrorCode::kInvalidArgument);
}

TEST_F(Notes, AGivenTextNeedNotHaveEveryBlockOfATemplate) {
  NewNote n;
  n.index = "7-1";
  n.subject = "x";
  n.languages = {"en"};
  n.texts = {{"en", {{NoteBlockRole::kLetterhead, "CICA Secretariat"}, {NoteBlockRole::kText, "No. {{number}}"}}}};
  auto note = RegisterNote(deps_, kOfficer, CreateNote(deps_, kOfficer, n)->id);
  ASSERT_TRUE(note) << note.error().message;
  EXPECT_EQ(note->texts[0].blocks[1].text, "No. 7-1/1");
  n.texts[0].blocks[1].text = "No. {{number";
  auto bad = RegisterNote(deps_, kOfficer, CreateNote(deps_, kOfficer, n)->id);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "blocks[1].text");
}

TEST_F(Notes, WithoutATextThePurposesTemplateIsUsedAndAMissingValueIsNamed) {
  templates_.templates["invite_to_meeting.en"] = {"invite_to_meeting", "en", "",
                                                  Blocks("To the {{addressee}}: the {{body}} meets on {{meeting_date}}.")};
  NewNote n;
  n.purpose = NotePurpose::kInviteToMeeting;
  n.index = "7-1";
  n.subject = "x";
  n.languages = {"en"};
  auto created = CreateNote(deps_, kOfficer, n);
  ASSERT_TRUE(created);
  auto refused = RegisterNote(deps_, kOfficer, created->id);  // about no meeting: no body to name
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(refused.error().message.find("{{body}}"), std::string::npos) << refused.error().message;
  EXPECT_EQ(GetNote(deps_, kOfficer, created->id)->status, NoteStatus::kDraft);
  // Purpose other has no template: a language without a text cannot be registered.
  n.purpose = NotePurpose::kOther;
  auto other = CreateNote(deps_, kOfficer, n);
  EXPECT_EQ(RegisterNote(deps_, kOfficer, other->id).error().code, ErrorCode::kFailedPrecondition);
}

TEST_F(Notes, AnObjectionByNoteBreaksSilenceFromAMemberStateOnly) {
  NewSilenceProcedure p;
  p.title = "Calendar";
  p.text = "The SOC approves the calendar.";
  p.expires_on = year{2021} / July / 20;
  auto procedure = OpenSilenceProcedure(deps_, kChair, p);
  ASSERT_TRUE(procedure) << procedure.error().message;
  const NoteLink link{LinkKind::kSilenceProcedure, procedure->record.id};
  auto japan = RegisterIncomingNote(deps_, kOfficer, {"JPN", "№ 5", std::nullopt, "Objection", std::nullopt,
                                                      std::nullopt, link, true});
  ASSERT_TRUE(japan) << japan.error().message;
  EXPECT_EQ(japan->effect, IncomingEffect::kKeptWithoutEffect);
  EXPECT_EQ(FormatIncomingNumber(*japan), "IN/2021/1");
  auto india = RegisterIncomingNote(deps_, kOfficer, {"IND", "№ 02-3/118", year{2021} / June / 22, "Objection",
                                                      std::nullopt, std::nullopt, link, true});
  ASSERT_TRUE(india);
  EXPECT_EQ(india->effect, IncomingEffect::kObjectionBreaksSilence);
  EXPECT_EQ(india->serial, 2);
  auto after = GetSilenceProcedure(deps_, kOfficer, procedure->record.id);
  ASSERT_EQ(after->record.responses.size(), 2u);
  EXPECT_EQ(after->record.responses[1].reference, "№ 02-3/118 of 2021-06-22");
  // An objection needs a silence procedure to object to; a failed registration keeps nothing.
  auto loose = RegisterIncomingNote(deps_, kOfficer, {"IND", "", std::nullopt, "x", std::nullopt, std::nullopt,
                                                      std::nullopt, true});
  EXPECT_EQ(loose.error().field, "objection");
  EXPECT_EQ(ListIncomingNotes(deps_, kOfficer, 2021)->size(), 2u);
  EXPECT_EQ(ListIncomingNotes(deps_, kIndia, 2021).error().code, ErrorCode::kNotFound);
}

TEST_F(Notes, TheSilenceNotesTakeTheExpiryTheLaunchingNoteAndTheObjectorFromTheProcedure) {
  NewSilenceProcedure p;
  p.title = "Calendar";
  p.text = "The SOC approves the calendar.";
  p.expires_on = year{2021} / July / 20;
  auto procedure = OpenSilenceProcedure(deps_, kChair, p);
  ASSERT_TRUE(procedure) << procedure.error().message;
  const NoteLink link{LinkKind::kSilenceProcedure, procedure->record.id};
  NewNote launch;
  launch.purpose = NotePurpose::kLaunchSilenceProcedure;
  launch.index = "7-1";
  launch.subject = "Calendar under silence";
  launch.languages = {"en"};
  launch.about = link;
  launch.texts = {{"en", Blocks("Silence ends on {{expiry_date}} at {{expiry_time}}.")}};
  auto launched = CreateNote(deps_, kOfficer, launch);
  ASSERT_TRUE(launched);
  auto numbered = RegisterNote(deps_, kOfficer, launched->id);
  ASSERT_TRUE(numbered) << numbered.error().message;
  // The end of 20 July in the organisation's zone (UTC+6), the date-only deadline's default.
  EXPECT_EQ(numbered->texts[0].blocks[1].text, "Silence ends on 2021-07-20 at 24:00 (UTC+6).");
  clock_.Set(At(year{2021} / June / 30, 4h));
  ASSERT_TRUE(RegisterIncomingNote(deps_, kOfficer, {"IND", "№ 1", std::nullopt, "Objection", std::nullopt,
                                                     std::nullopt, link, true}));
  NewNote broken = launch;
  broken.purpose = NotePurpose::kSilenceBroken;
  broken.texts = {{"en", Blocks("{{reference_number}} of {{reference_date}}: broken on {{broken_date}} by {{objector}}.")},
                  {"ru", Blocks("{{objector}}.")}};
  broken.languages = {"en", "ru"};
  auto created = CreateNote(deps_, kOfficer, broken);
  ASSERT_TRUE(created);
  // India's name is known in English only (the test registry): the Russian note cannot name it.
  auto refused = RegisterNote(deps_, kOfficer, created->id);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("{{objector}}"), std::string::npos) << refused.error().message;
  broken.texts.pop_back();
  broken.languages = {"en"};
  auto note = RegisterNote(deps_, kOfficer, CreateNote(deps_, kOfficer, broken)->id);
  ASSERT_TRUE(note) << note.error().message;
  EXPECT_EQ(note->texts[0].blocks[1].text, "7-1/1 of 2021-06-23: broken on 2021-06-30 by IND.");
}

}  // namespace
}  // namespace chancery::core
