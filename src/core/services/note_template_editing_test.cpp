// Editing note templates on the memory store: the template in force per purpose and language,
// the checks a stored one passes, who may edit, the audit trail, and that a registered note
// keeps the wording it was issued with.
#include "core/services/note_template_editing.hpp"

#include <gtest/gtest.h>

#include "core/services/notes.hpp"
#include "core/services/participants.hpp"
#include "core/testing/builders.hpp"
#include "core/testing/fakes.hpp"
#include "storage/memory/memory_store.hpp"

namespace chancery::core {
namespace {

using namespace std::chrono;

const Actor kOfficer{2, "officer", Role::kOfficer, std::nullopt};
const Actor kIndia{4, "delegate.ind", Role::kMemberDelegate, "IND"};

std::vector<NoteBlock> Blocks(std::string text) {
  return {{NoteBlockRole::kNumber, "№ {{number}}"},
          {NoteBlockRole::kText, std::move(text)},
          {NoteBlockRole::kPlaceDate, "{{place}}, {{date}}"},
          {NoteBlockRole::kAddressee, "MEMBER STATES"}};
}

// The built-in defaults, held in the test: invite_to_meeting in en and ru, silence_outcome in en.
class DefaultTemplates : public NoteTemplates {
 public:
  std::map<std::string, NoteTemplate> templates = {
      {"invite_to_meeting.en", {"invite_to_meeting", "en", "", Blocks("Meeting of {{body}}; reply by {{reply_date}}.")}},
      {"invite_to_meeting.ru", {"invite_to_meeting", "ru", "", Blocks("Заседание {{body:genitive}}.")}},
      {"silence_outcome.en", {"silence_outcome", "en", "", Blocks("Adopted: {{proposal}}.")}},
  };
  Result<std::optional<NoteTemplate>> Template(std::string_view purpose, std::string_view lang) const override {
    auto found = templates.find(std::string(purpose) + "." + std::string(lang));
    if (found == templates.end()) return std::optional<NoteTemplate>{};
    return std::optional<NoteTemplate>{found->second};
  }
  Result<std::optional<WordForms>> Addressee(std::string_view, std::string_view) const override {
    return std::optional<WordForms>{};
  }
};

class TemplateEditing : public ::testing::Test {
 protected:
  TemplateEditing()
      : clock_(Instant{sys_days{year{2021} / June / 23} + 4h}),
        zone_(hours{6}, "Asia/Almaty"),
        deps_{store_, clock_, digest_, hasher_, random_, zone_, formatter_, {}} {
    deps_.note_templates = &defaults_;
  }
  void SetUp() override {
    ASSERT_TRUE(CreateParticipant(deps_, Actor::System(),
                                  testing::StateWith("IND", year{2002} / June / 4, ParticipantStatus::kMember)));
  }

  // A silence outcome note, registered without a text: composed from the template in force.
  Result<OutgoingNote> RegisterSilenceOutcome() {
    NewNote n;
    n.purpose = NotePurpose::kSilenceOutcome;
    n.index = "7-1";
    n.subject = "Outcome";
    n.languages = {"en"};
    auto created = CreateNote(deps_, kOfficer, n);
    if (!created) return created.error();
    return RegisterNote(deps_, kOfficer, created->id);
  }

  std::vector<AuditRecord> Audit() {
    auto tx = store_.Begin(TxMode::kRead);
    return *(*tx)->Audit().List(0, 1000);
  }

  storage::MemoryStore store_;
  testing::FakeClock clock_;
  testing::FakeDigest digest_;
  testing::FakePasswordHasher hasher_;
  testing::FakeRandom random_;
  testing::FixedOffsetZone zone_;
  testing::IsoDateFormatter formatter_;
  DefaultTemplates defaults_;
  Deps deps_;
};

TEST_F(TemplateEditing, EveryDefaultIsListedThenTheEditedOneWithWhoAndWhen) {
  auto listed = ListNoteTemplates(deps_, kOfficer);
  ASSERT_TRUE(listed) << listed.error().message;
  ASSERT_EQ(listed->size(), 3u);
  EXPECT_EQ((*listed)[0].note.purpose + "." + (*listed)[0].note.lang, "silence_outcome.en");  // the purposes' order
  EXPECT_EQ((*listed)[1].note.purpose + "." + (*listed)[1].note.lang, "invite_to_meeting.en");
  for (const auto& v : *listed) EXPECT_FALSE(v.edited);

  NoteTemplate edited{"invite_to_meeting", "ru", "", Blocks("Заседание {{body:genitive}}; ответ до {{reply_date:text}}.")};
  auto put = PutNoteTemplate(deps_, kOfficer, edited);
  ASSERT_TRUE(put) << put.error().message;
  EXPECT_TRUE(put->edited);
  EXPECT_EQ(put->note, edited);
  EXPECT_EQ(put->edited_by, "officer");
  EXPECT_EQ(put->edited_at, clock_.Now());
  auto ru = GetNoteTemplate(deps_, kOfficer, "invite_to_meeting", "ru");
  ASSERT_TRUE(ru);
  EXPECT_TRUE(ru->edited);
  EXPECT_EQ(ru->note, edited);
  auto en = GetNoteTemplate(deps_, kOfficer, "invite_to_meeting", "en");
  ASSERT_TRUE(en);
  EXPECT_FALSE(en->edited);
  EXPECT_EQ(en->note, defaults_.templates.at("invite_to_meeting.en"));
}

TEST_F(TemplateEditing, ABadTemplateIsRefusedNamingTheProblemAndNothingIsStored) {
  const std::size_t audited = Audit().size();
  // No number block (R18).
  NoteTemplate no_number{"invite_to_meeting", "en", "", Blocks("x")};
  no_number.blocks.erase(no_number.blocks.begin());
  auto refused = PutNoteTemplate(deps_, kOfficer, no_number);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(refused.error().message.find("number block"), std::string::npos) << refused.error().message;
  // A value the purpose does not have (a silence note's proposal in an invitation), named with its block.
  auto unknown = PutNoteTemplate(deps_, kOfficer, {"invite_to_meeting", "en", "", Blocks("About {{proposal}}.")});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(unknown.error().field, "blocks[1].text");
  EXPECT_NE(unknown.error().message.find("{{proposal}}"), std::string::npos) << unknown.error().message;
  // Malformed braces.
  auto braces = PutNoteTemplate(deps_, kOfficer, {"invite_to_meeting", "en", "", Blocks("{{body")});
  ASSERT_FALSE(braces);
  EXPECT_EQ(braces.error().field, "blocks[1].text");
  // A purpose or language without a default.
  EXPECT_EQ(PutNoteTemplate(deps_, kOfficer, {"silence_outcome", "kk", "", Blocks("x")}).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(PutNoteTemplate(deps_, kOfficer, {"other", "en", "", Blocks("x")}).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(GetNoteTemplate(deps_, kOfficer, "invite_to_meeting", "kk").error().code, ErrorCode::kNotFound);
  for (const auto& v : *ListNoteTemplates(deps_, kOfficer)) EXPECT_FALSE(v.edited) << v.note.purpose;
  EXPECT_EQ(Audit().size(), audited);
}

TEST_F(TemplateEditing, OnlyTheSecretariatReadsOrEdits) {
  NoteTemplate t{"invite_to_meeting", "en", "", Blocks("{{body}}")};
  EXPECT_EQ(PutNoteTemplate(deps_, kIndia, t).error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(ListNoteTemplates(deps_, kIndia).error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(GetNoteTemplate(deps_, kIndia, "invite_to_meeting", "en").error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(ResetNoteTemplate(deps_, kIndia, "invite_to_meeting", "en").error().code, ErrorCode::kPermissionDenied);
  const Actor admin{1, "admin", Role::kAdministrator, std::nullopt};
  EXPECT_TRUE(PutNoteTemplate(deps_, admin, t));
}

TEST_F(TemplateEditing, AnEditChangesTheNextRegisteredNoteButNotAnEarlierOne) {
  // Silence outcome notes need {{proposal}}: a template without it shows the edit at work.
  ASSERT_TRUE(PutNoteTemplate(deps_, kOfficer, {"silence_outcome", "en", "", Blocks("First wording, № {{number}}.")}));
  auto first = RegisterSilenceOutcome();
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->texts[0].blocks[1].text, "First wording, № 7-1/1.");

  ASSERT_TRUE(PutNoteTemplate(deps_, kOfficer, {"silence_outcome", "en", "", Blocks("Second wording, № {{number}}.")}));
  auto second = RegisterSilenceOutcome();
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->texts[0].blocks[1].text, "Second wording, № 7-1/2.");
  // The earlier note keeps what it was issued with.
  auto earlier = GetNote(deps_, kOfficer, first->id);
  ASSERT_TRUE(earlier);
  EXPECT_EQ(earlier->texts[0].blocks[1].text, "First wording, № 7-1/1.");

  // Back to the default, which asks for the proposal this note's record does not give.
  auto reset = ResetNoteTemplate(deps_, kOfficer, "silence_outcome", "en");
  ASSERT_TRUE(reset);
  EXPECT_FALSE(reset->edited);
  auto third = RegisterSilenceOutcome();
  ASSERT_FALSE(third);
  EXPECT_NE(third.error().message.find("{{proposal}}"), std::string::npos) << third.error().message;
}

TEST_F(TemplateEditing, EditsAndResetsAreAuditedOnceEach) {
  const std::size_t before = Audit().size();
  ASSERT_TRUE(PutNoteTemplate(deps_, kOfficer, {"invite_to_meeting", "en", "", Blocks("{{body}}")}));
  ASSERT_TRUE(ResetNoteTemplate(deps_, kOfficer, "invite_to_meeting", "en"));
  ASSERT_TRUE(ResetNoteTemplate(deps_, kOfficer, "invite_to_meeting", "en"));  // nothing left to reset
  const auto records = Audit();
  ASSERT_EQ(records.size(), before + 2);
  EXPECT_EQ(records[before].action, "note_template.edit");
  EXPECT_EQ(records[before].object_id, "invite_to_meeting.en");
  EXPECT_EQ(records[before].actor, "officer");
  EXPECT_EQ(records[before + 1].action, "note_template.reset");
  // The reset's after is the default, the edit's before: the same canonical form.
  EXPECT_EQ(records[before + 1].after_digest, records[before].before_digest);
  EXPECT_NE(records[before].before_digest, records[before].after_digest);
}

}  // namespace
}  // namespace chancery::core
