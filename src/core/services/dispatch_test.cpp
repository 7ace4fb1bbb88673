// Dispatch on the memory store with a fake clock and a fake mail sender: deliveries queued in
// the dispatch transaction, claimed once however many workers look, retried with back-off,
// and a note that keeps its number whatever its deliveries do.
#include "core/services/dispatch.hpp"

#include <gtest/gtest.h>

#include "core/services/documents.hpp"
#include "core/services/files.hpp"
#include "core/services/notes.hpp"
#include "core/services/participants.hpp"
#include "core/services/settings.hpp"
#include "core/testing/builders.hpp"
#include "core/testing/fakes.hpp"
#include "storage/memory/memory_store.hpp"

namespace chancery::core {
namespace {

using namespace std::chrono;

const Actor kOfficer{2, "officer", Role::kOfficer, std::nullopt};
const Actor kIndia{4, "delegate.ind", Role::kMemberDelegate, "IND"};
const Instant kStart{sys_days{year{2021} / July / 12} + 4h};

// Records what it is asked to send; fails while `down` is set, as a refused connection would.
class FakeMail : public MailSender {
 public:
  Result<void> Send(const MailMessage& message) override {
    if (down) return Error::Unavailable("Couldn't connect to server");
    sent.push_back(message);
    return Ok();
  }
  bool down = false;
  std::vector<MailMessage> sent;
};

// Marks each file with what was rendered, so the test can tell which attachment is which; a
// document renders on `pages` pages (changed by a test to stand for a layout that changed).
class FakeRenderer : public DocumentRenderer {
 public:
  Result<std::string> Render(const DocumentContent& content, RenderFormat, const RenderHeading& heading) const override {
    return "%PDF-doc " + heading.symbol + " " + content.lang;
  }
  Result<int> PdfPages(const DocumentContent&, const RenderHeading&) const override { return pages; }
  Result<std::string> RenderNote(const std::vector<ExpandedNote>& versions, RenderFormat, Date) const override {
    if (fail_notes) return Error::Unavailable("the font Noto Serif is not installed");
    std::string out = "%PDF-note";
    for (const auto& v : versions) out += " " + v.lang + ":" + v.blocks.front().text;
    return out;
  }
  int pages = 4;
  bool fail_notes = false;
};

// Counts pages as the renderer made them; an upload ("%PDF-scan") has 3, anything else is no PDF.
class FakeInspector : public PdfInspector {
 public:
  explicit FakeInspector(const FakeRenderer& renderer) : renderer_(renderer) {}
  Result<int> Pages(std::string_view bytes) const override {
    if (bytes.rfind("%PDF-doc", 0) == 0) return renderer_.pages;
    if (bytes.rfind("%PDF-scan", 0) == 0) return 3;
    return Error::InvalidArgument("the file is not a PDF: it does not begin with %PDF-");
  }

 private:
  const FakeRenderer& renderer_;
};

class Dispatch : public ::testing::Test {
 protected:
  Dispatch() : clock_(kStart), zone_(hours{6}, "Asia/Almaty"), deps_{store_, clock_, digest_, hasher_, random_, zone_, formatter_, {}} {
    deps_.renderer = &renderer_;
    deps_.pdf_inspector = &inspector_;
  }

  void SetUp() override {
    for (const char* id : {"KAZ", "IND"}) {
      ASSERT_TRUE(CreateParticipant(deps_, Actor::System(),
                                    testing::StateWith(id, year{2002} / June / 4, ParticipantStatus::kMember)));
    }
    ASSERT_TRUE(SetSetting(deps_, Actor::System(), kDispatchRetryBaseMs, "10000"));
    ASSERT_TRUE(SetSetting(deps_, Actor::System(), kDispatchMaxAttempts, "3"));
    ASSERT_TRUE(SetSetting(deps_, Actor::System(), kSmtpFrom, "nv@cica.example"));
  }

  std::int64_t Registered() {
    NewNote n;
    n.index = "17-1";
    n.subject = "Final minutes";
    n.scope = AddresseeScope::kList;
    n.addressees = {"KAZ", "IND"};
    n.languages = {"en"};
    n.texts = {{"en", {{NoteBlockRole::kText, "The Secretariat presents its compliments."}}}};
    auto created = CreateNote(deps_, kOfficer, n);
    EXPECT_TRUE(created) << created.error().message;
    auto registered = RegisterNote(deps_, kOfficer, created->id);
    EXPECT_TRUE(registered) << registered.error().message;
    return created->id;
  }

  storage::MemoryStore store_;
  testing::FakeClock clock_;
  testing::FakeDigest digest_;
  testing::FakePasswordHasher hasher_;
  testing::FakeRandom random_;
  testing::FixedOffsetZone zone_;
  testing::IsoDateFormatter formatter_;
  FakeRenderer renderer_;
  FakeInspector inspector_{renderer_};
  Deps deps_;
  FakeMail mail_;
};

TEST_F(Dispatch, AddressesAreTheSecretariatsAndMustBeAddresses) {
  EXPECT_EQ(SetAddresses(deps_, kIndia, "IND", {"a@mea.gov.in"}).error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(GetAddresses(deps_, kIndia, "IND").error().code, ErrorCode::kPermissionDenied);
  auto bad = SetAddresses(deps_, kOfficer, "IND", {"a@mea.gov.in", "not an address"});
  EXPECT_EQ(bad.error().field, "addresses[1]");
  EXPECT_EQ(SetAddresses(deps_, kOfficer, "IND", {"a@mea.gov.in", "A@MEA.gov.in"}).error().field, "addresses[1]");
  EXPECT_EQ(SetAddresses(deps_, kOfficer, "XXX", {"a@x.org"}).error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(SetAddresses(deps_, kOfficer, "IND", {"b@mea.gov.in", "a@mea.gov.in"}));
  EXPECT_EQ(*GetAddresses(deps_, kOfficer, "IND"), (std::vector<std::string>{"b@mea.gov.in", "a@mea.gov.in"}));
}

TEST_F(Dispatch, OnlyARegisteredNoteWhoseAddresseesAllHaveAddressesIsDispatched) {
  const auto id = Registered();
  ASSERT_TRUE(SetAddresses(deps_, kOfficer, "KAZ", {"nv@mfa.kz"}));
  auto refused = DispatchNote(deps_, kOfficer, id);
  EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(refused.error().message, "no registered address for IND");
  EXPECT_EQ(GetNote(deps_, kOfficer, id)->status, NoteStatus::kRegistered);
  EXPECT_TRUE(ListDeliveries(deps_, kOfficer, id)->empty());

  ASSERT_TRUE(SetAddresses(deps_, kOfficer, "IND", {"cica@mea.gov.in", "desk@mea.gov.in"}));
  EXPECT_EQ(DispatchNote(deps_, kIndia, id).error().code, ErrorCode::kPermissionDenied);
  auto queued = DispatchNote(deps_, kOfficer, id);
  ASSERT_TRUE(queued) << queued.error().message;
  ASSERT_EQ(queued->size(), 3u);
  EXPECT_EQ((*queued)[0].address, "nv@mfa.kz");
  EXPECT_EQ((*queued)[2].participant_id, "IND");
  EXPECT_EQ((*queued)[2].address, "desk@mea.gov.in");
  EXPECT_EQ((*queued)[1].status, DeliveryStatus::kQueued);
  EXPECT_EQ(*(*queued)[1].next_attempt_at, kStart);
  auto note = GetNote(deps_, kOfficer, id);
  EXPECT_EQ(note->status, NoteStatus::kDispatched);
  EXPECT_EQ(*note->dispatched_at, kStart);
  EXPECT_EQ(DispatchNote(deps_, kOfficer, id).error().code, ErrorCode::kFailedPrecondition);
  // A delegate sees their own state's rows of the log, not Kazakhstan's address.
  auto india = ListDeliveries(deps_, kIndia, id);
  ASSERT_TRUE(india) << india.error().message;
  ASSERT_EQ(india->size(), 2u);
  EXPECT_EQ((*india)[0].address, "cica@mea.gov.in");
  EXPECT_EQ((*india)[1].address, "desk@mea.gov.in");
  for (const auto& d : *india) EXPECT_EQ(d.participant_id, "IND");
}

TEST_F(Dispatch, ADelegateSeesNoLogOfANoteNotAddressedToTheirState) {
  const auto id = Registered();
  ASSERT_TRUE(SetAddresses(deps_, kOfficer, "KAZ", {"nv@mfa.kz"}));
  ASSERT_TRUE(SetAddresses(deps_, kOfficer, "IND", {"cica@mea.gov.in"}));
  ASSERT_TRUE(DispatchNote(deps_, kOfficer, id));
  const Actor kuwait{6, "delegate.kwt", Role::kMemberDelegate, "KWT"};
  EXPECT_EQ(ListDeliveries(deps_, kuwait, id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(ListDeliveries(deps_, kOfficer, id)->size(), 2u);
  // A draft's (empty) log is hidden from delegates like the draft itself.
  NewNote n;
  n.index = "17-1";
  n.subject = "Draft";
  n.scope = AddresseeScope::kList;
  n.addressees = {"IND"};
  n.languages = {"en"};
  auto draft = CreateNote(deps_, kOfficer, n);
  ASSERT_TRUE(draft);
  EXPECT_EQ(ListDeliveries(deps_, kIndia, draft->id).error().code, ErrorCode::kNotFound);
}

TEST_F(Dispatch, ASentAndAFailedForGoodDeliveryAreAuditedOnceEachBySystem) {
  const auto id = Registered();
  ASSERT_TRUE(SetAddresses(deps_, kOfficer, "KAZ", {"nv@mfa.kz"}));
  ASSERT_TRUE(SetAddresses(deps_, kOfficer, "IND", {"cica@mea.gov.in"}));
  ASSERT_TRUE(DispatchNote(deps_, kOfficer, id));
  auto audit = [&](std::string_view prefix) {
    auto tx = store_.Begin(TxMode::kRead);
    auto all = (*tx)->Audit().List(0, 1000);
    std::vector<AuditRecord> out;
    for (auto& r : *all) {
      if (r.action.rfind(prefix, 0) == 0) out.push_back(std::move(r));
    }
    return out;
  };
  // Kazakhstan's goes out at once; India's server refuses every attempt (3 allowed).
  RetryPolicy policy;
  policy.max_attempts = 3;
  policy.base_delay = seconds{10};  // due again within the minute each round advances
  for (int attempt = 0; attempt < 3; ++attempt) {
    for (;;) {
      auto claimed = ClaimDueDelivery(deps_, policy);
      ASSERT_TRUE(claimed);
      if (!*claimed) break;
      const bool india = (*claimed)->participant_id == "IND";
      ASSERT_TRUE(RecordDeliveryOutcome(deps_, policy, (*claimed)->id,
                                        india ? std::optional<std::string>("550 mailbox unavailable") : std::nullopt));
    }
    // Retries are not outcomes: nothing audited for India until the last attempt.
    EXPECT_EQ(audit("note.delivery_failed").size(), attempt < 2 ? 0u : 1u) << attempt;
    clock_.Advance(minutes{1});
  }
  const auto sent = audit("note.delivery_sent");
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].actor, "system");
  EXPECT_EQ(sent[0].object_kind, "delivery");
  EXPECT_EQ(sent[0].object_id, "17-1/1 KAZ nv@mfa.kz");
  const auto failed = audit("note.delivery_failed");
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].actor, "system");
  EXPECT_EQ(failed[0].object_id, "17-1/1 IND cica@mea.gov.in");
  EXPECT_NE(failed[0].before_digest, failed[0].after_digest);
  // Nothing more happens to either, and nothing more is recorded.
  EXPECT_EQ(*SendDueDeliveries(deps_, mail_), 0);
  EXPECT_EQ(audit("note.delivery").size(), 2u);
}

TEST_F(Dispatch, ADueDeliveryIsClaimedByOneWorkerOnly) {
  const auto id = Registered();
  ASSERT_TRUE(SetAddresses(deps_, kOfficer, "KAZ", {"nv@mfa.kz"}));
  ASSERT_TRUE(SetAddresses(deps_, kOfficer, "IND", {"cica@mea.gov.in"}));
  ASSERT_TRUE(DispatchNote(deps_, kOfficer, id));
  RetryPolicy policy;
  policy.claim_for = minutes{5};
  // Two workers (two servers over one store) look at the same moment.
  Deps other = deps_.With(store_);
  auto first = ClaimDueDelivery(deps_, policy);
  auto second = ClaimDueDelivery(other, policy);
  auto third = ClaimDueDelivery(deps_, policy);
  ASSERT_TRUE(*first && *second);
  EXPECT_NE((*first)->id, (*second)->id);
  EXPECT_FALSE(third->has_value());
  EXPECT_EQ((*first)->attempts, 1);
  // Neither reported back (both died): due again when the claims end, not before.
  clock_.Advance(minutes{5} - milliseconds{1});
  EXPECT_FALSE(ClaimDueDelivery(deps_, policy)->has_value());
  clock_.Advance(milliseconds{1});
  auto again = ClaimDueDelivery(deps_, policy);
  ASSERT_TRUE(again->has_value());
  EXPECT_EQ((*again)->attempts, 2);
}

TEST_F(Dispatch, FailedAttemptsBackOffAndTheNoteKeepsItsNumber) {
  const auto id = Registered();
  ASSERT_TRUE(SetAddresses(deps_, kOfficer, "KAZ", {"nv@mfa.kz"}));
  ASSERT_TRUE(SetAddresses(deps_, kOfficer, "IND", {"cica@mea.gov.in"}));
  ASSERT_TRUE(DispatchNote(deps_, kOfficer, id));
  mail_.down = true;
  EXPECT_EQ(*SendDueDeliveries(deps_, mail_), 2);
  auto log = *ListDeliveries(deps_, kOfficer, id);
  EXPECT_EQ(log[0].status, DeliveryStatus::kQueued);
  EXPECT_EQ(log[0].attempts, 1);
  EXPECT_EQ(log[0].last_error, "Couldn't connect to server");
  EXPECT_EQ(*log[0].next_attempt_at, kStart + seconds{10});
  EXPECT_EQ(*NextDeliveryAttempt(deps_), kStart + seconds{10});
  EXPECT_EQ(*SendDueDeliveries(deps_, mail_), 0);  // nothing due before the back-off ends
  clock_.Advance(seconds{10});
  EXPECT_EQ(*SendDueDeliveries(deps_, mail_), 2);
  EXPECT_EQ(*ListDeliveries(deps_, kOfficer, id)->front().next_attempt_at, kStart + seconds{30});
  auto note = GetNote(deps_, kOfficer, id);
  EXPECT_EQ(Format(*note->number), "17-1/1");
  EXPECT_EQ(note->status, NoteStatus::kDispatched);

  mail_.down = false;
  clock_.Advance(seconds{20});
  EXPECT_EQ(*SendDueDeliveries(deps_, mail_), 2);
  log = *ListDeliveries(deps_, kOfficer, id);
  EXPECT_EQ(log[1].status, DeliveryStatus::kSent);
  EXPECT_EQ(log[1].attempts, 3);
  EXPECT_EQ(*log[1].sent_at, kStart + seconds{30});
  ASSERT_EQ(mail_.sent.size(), 2u);
  EXPECT_EQ(mail_.sent[0].from, "nv@cica.example");
  EXPECT_EQ(mail_.sent[0].to, "nv@mfa.kz");
  EXPECT_EQ(mail_.sent[0].subject, "Note Verbale № 17-1/1 — Final minutes");
  EXPECT_EQ(*NextDeliveryAttempt(deps_), std::nullopt);
}

TEST_F(Dispatch, TheLastAllowedAttemptFailsTheDeliveryForGood) {
  const auto id = Registered();
  ASSERT_TRUE(SetAddresses(deps_, kOfficer, "KAZ", {"nv@mfa.kz"}));
  ASSERT_TRUE(SetAddresses(deps_, kOfficer, "IND", {"cica@mea.gov.in"}));
  ASSERT_TRUE(DispatchNote(deps_, kOfficer, id));
  mail_.down = true;
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(*SendDueDeliveries(deps_, mail_), 2);
    clock_.Advance(minutes{1});
  }
  auto log = *ListDeliveries(deps_, kOfficer, id);
  EXPECT_EQ(log[0].status, DeliveryStatus::kFailed);
  EXPECT_EQ(log[0].attempts, 3);
  EXPECT_EQ(*SendDueDeliveries(deps_, mail_), 0);
  EXPECT_EQ(GetNote(deps_, kOfficer, id)->status, NoteStatus::kDispatched);
}

TEST_F(Dispatch, SettingsAreChecked) {
  EXPECT_EQ(SetSetting(deps_, Actor::System(), kDispatchMaxAttempts, "0").error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(SetSetting(deps_, Actor::System(), kDispatchRetryBaseMs, "soon").error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(SetSetting(deps_, Actor::System(), kSmtpFrom, "Secretariat").error().code, ErrorCode::kInvalidArgument);
  auto s = LoadDispatchSettings(deps_);
  EXPECT_EQ(s->retry.max_attempts, 3);
  EXPECT_EQ(s->retry.base_delay, milliseconds{10000});
  EXPECT_EQ(s->from, "nv@cica.example");
}

// A note in en and ru enclosing the minutes (only in English) and an uploaded scan.
class DispatchAttachments : public Dispatch {
 protected:
  std::int64_t NoteWithEnclosures() {
    NewDocument d;
    d.symbol = "SOC/2021-I/Minutes";
    d.reason = "final";
    d.languages = {{{"en", "Minutes", {{"p1", ParagraphStyle::kText, "The meeting opened."}}}, TranslationStatus::kOriginal}};
    auto doc = CreateDocument(deps_, kOfficer, d);
    EXPECT_TRUE(doc) << doc.error().message;
    auto scan = UploadFile(deps_, kOfficer, "application/pdf", "%PDF-scan of the letter");
    EXPECT_TRUE(scan) << scan.error().message;
    file_id_ = scan->id;
    NewNote n;
    n.index = "17-1";
    n.subject = "Final minutes";
    n.scope = AddresseeScope::kList;
    n.addressees = {"KAZ", "IND"};
    n.languages = {"en", "ru"};
    n.enclosures = {{"Minutes", doc->id}, {"Letter", std::nullopt, std::nullopt, 0, scan->id}};
    n.texts = {{"en", {{NoteBlockRole::kText, "Enclosure: as stated, on {{pages}} p."}}},
               {"ru", {{NoteBlockRole::kText, "Приложение: упомянутое, на {{pages}} л."}}}};
    auto created = CreateNote(deps_, kOfficer, n);
    EXPECT_TRUE(created) << created.error().message;
    auto registered = RegisterNote(deps_, kOfficer, created->id);
    EXPECT_TRUE(registered) << registered.error().message;
    EXPECT_TRUE(SetAddresses(deps_, kOfficer, "KAZ", {"nv@mfa.kz"}));
    EXPECT_TRUE(SetAddresses(deps_, kOfficer, "IND", {"cica@mea.gov.in"}));
    EXPECT_TRUE(DispatchNote(deps_, kOfficer, created->id));
    return created->id;
  }
  std::int64_t file_id_ = 0;
};

TEST_F(DispatchAttachments, RegistrationFreezesTheEnclosuresAndTheTextCountsTheirPages) {
  const auto id = NoteWithEnclosures();
  auto note = *GetNote(deps_, kOfficer, id);
  EXPECT_EQ(note.enclosures[0].version, 1);  // "latest" became the version counted
  EXPECT_EQ(note.enclosures[0].pages, 4);
  EXPECT_EQ(note.enclosures[0].pages_by_lang, (std::vector<EnclosurePages>{{"en", 4}, {"ru", 4}}));
  EXPECT_EQ(note.enclosures[1].pages, 3);  // the file's, read when it was uploaded
  EXPECT_EQ(note.texts[0].blocks[0].text, "Enclosure: as stated, on 7 p.");
  EXPECT_EQ(note.texts[1].blocks[0].text, "Приложение: упомянутое, на 7 л.");
}

TEST_F(DispatchAttachments, EachAddresseeGetsTheNoteAsPdfPerLanguageAndEachEnclosureAsPdf) {
  const auto id = NoteWithEnclosures();
  EXPECT_EQ(*SendDueDeliveries(deps_, mail_), 2);
  ASSERT_EQ(mail_.sent.size(), 2u);
  for (const auto& m : mail_.sent) {
    EXPECT_EQ(m.body, "Enclosure: as stated, on 7 p.\n\n\nПриложение: упомянутое, на 7 л.\n");
    ASSERT_EQ(m.attachments.size(), 4u) << m.to;
    EXPECT_EQ(m.attachments[0].filename, "NV-17-1-1-2021-en.pdf");
    EXPECT_EQ(m.attachments[0].content, "%PDF-note en:Enclosure: as stated, on 7 p.");
    EXPECT_EQ(m.attachments[1].filename, "NV-17-1-1-2021-ru.pdf");
    EXPECT_EQ(m.attachments[1].content, "%PDF-note ru:Приложение: упомянутое, на 7 л.");
    // The minutes have no Russian text: enclosed once, in their original English.
    EXPECT_EQ(m.attachments[2].filename, "NV-17-1-1-2021-enclosure-1-en.pdf");
    EXPECT_EQ(m.attachments[2].content, "%PDF-doc SOC/2021-I/Minutes en");
    EXPECT_EQ(m.attachments[3].filename, "NV-17-1-1-2021-enclosure-2.pdf");
    EXPECT_EQ(m.attachments[3].content, "%PDF-scan of the letter");
    for (const auto& a : m.attachments) EXPECT_EQ(a.media_type, "application/pdf") << a.filename;
  }
  EXPECT_EQ(mail_.sent[0].to, "nv@mfa.kz");
  EXPECT_EQ(mail_.sent[1].to, "cica@mea.gov.in");
  EXPECT_EQ(ListDeliveries(deps_, kOfficer, id)->back().status, DeliveryStatus::kSent);
}

TEST_F(DispatchAttachments, ARenderingThatNoLongerMatchesTheStatedPagesIsAFailedAttemptAndTheNoteStays) {
  const auto id = NoteWithEnclosures();
  renderer_.pages = 5;  // the layout changed since registration
  EXPECT_EQ(*SendDueDeliveries(deps_, mail_), 2);
  EXPECT_TRUE(mail_.sent.empty());
  auto log = *ListDeliveries(deps_, kOfficer, id);
  EXPECT_EQ(log[0].status, DeliveryStatus::kQueued);
  EXPECT_EQ(log[0].last_error,
            "note 17-1/1 could not be rendered: enclosure 1 (SOC-2021-I-Minutes-v1-en) renders on 5 pages; "
            "the en text of the note states 4");
  renderer_.pages = 4;
  renderer_.fail_notes = true;
  clock_.Advance(seconds{10});
  EXPECT_EQ(*SendDueDeliveries(deps_, mail_), 2);
  log = *ListDeliveries(deps_, kOfficer, id);
  EXPECT_EQ(log[1].last_error,
            "note 17-1/1 could not be rendered: rendering the en text as PDF: the font Noto Serif is not installed");
  EXPECT_EQ(log[1].attempts, 2);
  renderer_.fail_notes = false;
  clock_.Advance(seconds{20});
  EXPECT_EQ(*SendDueDeliveries(deps_, mail_), 2);
  EXPECT_EQ(mail_.sent.size(), 2u);
  auto note = GetNote(deps_, kOfficer, id);
  EXPECT_EQ(Format(*note->number), "17-1/1");
}

TEST_F(DispatchAttachments, UploadsAreTheSecretariatsAndOnlyReadablePdfsUnderTheLimitAreKept) {
  EXPECT_EQ(UploadFile(deps_, kIndia, "application/pdf", "%PDF-scan").error().code, ErrorCode::kPermissionDenied);
  auto wrong_type = UploadFile(deps_, kOfficer, "image/png", "%PDF-scan");
  EXPECT_EQ(wrong_type.error().field, "Content-Type");
  auto not_pdf = UploadFile(deps_, kOfficer, "application/pdf", "GIF89a");
  EXPECT_EQ(not_pdf.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(not_pdf.error().field, "body");
  EXPECT_EQ(not_pdf.error().message, "the file is not a PDF: it does not begin with %PDF-");
  ASSERT_TRUE(SetSetting(deps_, Actor::System(), kFilesMaxBytes, "1024"));
  auto large = UploadFile(deps_, kOfficer, "application/pdf", "%PDF-scan" + std::string(1100, ' '));
  EXPECT_EQ(large.error().message, "the file is 1109 bytes; the limit (setting files.max_bytes) is 1024");
  EXPECT_EQ(SetSetting(deps_, Actor::System(), kFilesMaxBytes, "100").error().code, ErrorCode::kInvalidArgument);
  // Nothing refused was stored: the first file accepted is file 1.
  auto ok = UploadFile(deps_, kOfficer, "Application/PDF; name=x.pdf", "%PDF-scan");
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->id, 1);
  EXPECT_EQ(ok->pages, 3);
  EXPECT_EQ(ok->size, 9);
}

TEST_F(DispatchAttachments, AFileIsDownloadedByTheSecretariatAndTheAddresseesOfARegisteredNoteEnclosingIt) {
  auto scan = UploadFile(deps_, kOfficer, "application/pdf", "%PDF-scan");
  ASSERT_TRUE(scan);
  EXPECT_EQ(DownloadFile(deps_, kOfficer, scan->id)->bytes, "%PDF-scan");
  EXPECT_EQ(DownloadFile(deps_, kIndia, scan->id).error().code, ErrorCode::kNotFound);  // enclosed by no note
  NewNote n;
  n.index = "17-1";
  n.subject = "Letter";
  n.scope = AddresseeScope::kOne;
  n.addressees = {"IND"};
  n.languages = {"en"};
  n.enclosures = {{"Letter", std::nullopt, std::nullopt, 0, scan->id}};
  n.texts = {{"en", {{NoteBlockRole::kText, "Enclosed."}}}};
  auto created = CreateNote(deps_, kOfficer, n);
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(DownloadFile(deps_, kIndia, scan->id).error().code, ErrorCode::kNotFound);  // a draft's
  ASSERT_TRUE(RegisterNote(deps_, kOfficer, created->id));
  EXPECT_EQ(DownloadFile(deps_, kIndia, scan->id)->bytes, "%PDF-scan");
  const Actor kazakhstan{5, "delegate.kaz", Role::kMemberDelegate, "KAZ"};
  EXPECT_EQ(DownloadFile(deps_, kazakhstan, scan->id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(DownloadFile(deps_, kOfficer, 99).error().code, ErrorCode::kNotFound);
  // A typed page count that is not the file's is refused.
  n.enclosures[0].pages = 5;
  EXPECT_EQ(CreateNote(deps_, kOfficer, n).error().field, "enclosures[0].pages");
}

}  // namespace
}  // namespace chancery::core
