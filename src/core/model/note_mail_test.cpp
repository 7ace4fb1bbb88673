#include "core/model/note_mail.hpp"

#include <gtest/gtest.h>

namespace chancery::core {
namespace {

OutgoingNote Note435() {
  OutgoingNote n;
  n.id = 7;
  n.number = NoteNumber{"17-1", 435, 2021};
  n.subject = "Final minutes of the SOC meeting";
  n.languages = {"ru", "en"};
  n.texts = {{"en", {{NoteBlockRole::kNumber, "No. 17-1/435"}, {NoteBlockRole::kText, "The Secretariat presents."}}},
             {"ru", {{NoteBlockRole::kNumber, "№ 17-1/435"}, {NoteBlockRole::kText, "Секретариат\nсвидетельствует."}}}};
  return n;
}

TEST(NoteMail, SubjectNamesTheNoteInItsFirstLanguage) {
  auto n = Note435();
  EXPECT_EQ(NoteMailSubject(n), "Вербальная нота № 17-1/435 — Final minutes of the SOC meeting");
  n.languages = {"kk"};
  EXPECT_EQ(NoteMailSubject(n), "Вербалдық нота № 17-1/435 — Final minutes of the SOC meeting");
  n.languages = {"en", "ru"};
  EXPECT_EQ(NoteMailSubject(n), "Note Verbale № 17-1/435 — Final minutes of the SOC meeting");
}

TEST(NoteMail, BodyHoldsEveryLanguageAsTextAndCarriesTheAttachmentsGiven) {
  auto m = ComposeNoteMail(Note435(), "nv@cica.example", "mfa@mfa.kz",
                           {{"NV-17-1-435-2021-ru.pdf", "application/pdf", "%PDF-ru"}});
  EXPECT_EQ(m.from, "nv@cica.example");
  EXPECT_EQ(m.to, "mfa@mfa.kz");
  EXPECT_EQ(m.body,
            "№ 17-1/435\n\nСекретариат\nсвидетельствует.\n\n\n"
            "No. 17-1/435\n\nThe Secretariat presents.\n");
  ASSERT_EQ(m.attachments.size(), 1u);
  EXPECT_EQ(m.attachments[0].filename, "NV-17-1-435-2021-ru.pdf");
  EXPECT_EQ(m.attachments[0].content, "%PDF-ru");
}

TEST(NoteMail, AttachmentNamesCarryTheNumberTheEnclosureAndTheLanguage) {
  const auto n = Note435();
  EXPECT_EQ(NoteAttachmentName(n, "kk"), "NV-17-1-435-2021-kk.pdf");
  EXPECT_EQ(EnclosureAttachmentName(n, 1, "ru"), "NV-17-1-435-2021-enclosure-1-ru.pdf");
  EXPECT_EQ(EnclosureAttachmentName(n, 2), "NV-17-1-435-2021-enclosure-2.pdf");
  auto draft = n;
  draft.number.reset();
  EXPECT_EQ(NoteAttachmentName(draft, "en"), "NV-draft-7-en.pdf");
}

TEST(NoteMail, PlanAttachesEachLanguageVersionThenEachDocumentPerLanguageThenEachFile) {
  auto n = Note435();
  n.enclosures = {{"Final minutes", 12, 2, 8, std::nullopt, {{"ru", 8}, {"en", 8}}},
                  {"Scanned letter", std::nullopt, std::nullopt, 3, 41},
                  {"Printed brochure, by post", std::nullopt, std::nullopt, 20}};
  const auto plan = PlanNoteAttachments(n);
  ASSERT_EQ(plan.size(), 5u);
  EXPECT_EQ(plan[0].kind, AttachmentKind::kNote);
  EXPECT_EQ(plan[0].lang, "ru");  // the note's order of languages, not its texts'
  EXPECT_EQ(plan[1].kind, AttachmentKind::kNote);
  EXPECT_EQ(plan[1].lang, "en");
  EXPECT_EQ(plan[2].kind, AttachmentKind::kDocument);
  EXPECT_EQ(plan[2].enclosure, 0u);
  EXPECT_EQ(plan[2].lang, "ru");
  EXPECT_EQ(plan[3].lang, "en");
  EXPECT_EQ(plan[4].kind, AttachmentKind::kFile);
  EXPECT_EQ(plan[4].enclosure, 1u);
  // The brochure sent by post is neither rendered nor uploaded: nothing to attach.
  for (const auto& p : plan) EXPECT_NE(p.enclosure, 2u);
  // A language the note has no text in gets no PDF of its own.
  n.languages = {"ru", "en", "kk"};
  EXPECT_EQ(PlanNoteAttachments(n)[2].kind, AttachmentKind::kDocument);
}

}  // namespace
}  // namespace chancery::core
