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

TEST(NoteMail, BodyAndAttachmentsFollowTheNotesLanguageOrder) {
  auto m = ComposeNoteMail(Note435(), "nv@cica.example", "mfa@mfa.kz");
  EXPECT_EQ(m.from, "nv@cica.example");
  EXPECT_EQ(m.to, "mfa@mfa.kz");
  EXPECT_EQ(m.body,
            "№ 17-1/435\n\nСекретариат\nсвидетельствует.\n\n\n"
            "No. 17-1/435\n\nThe Secretariat presents.\n");
  ASSERT_EQ(m.attachments.size(), 2u);
  EXPECT_EQ(m.attachments[0].filename, "NV-17-1-435-2021-ru.txt");
  EXPECT_EQ(m.attachments[0].media_type, "text/plain; charset=utf-8");
  EXPECT_EQ(m.attachments[0].content, "№ 17-1/435\n\nСекретариат\nсвидетельствует.\n");
  EXPECT_EQ(m.attachments[1].filename, "NV-17-1-435-2021-en.txt");
  EXPECT_EQ(m.attachments[1].content, "No. 17-1/435\n\nThe Secretariat presents.\n");
}

}  // namespace
}  // namespace chancery::core
