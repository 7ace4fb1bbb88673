#pragma once
// The e-mail that carries a registered Note Verbale to one address: the subject names the note
// in its first language, the body holds every language version as text (for mail clients that
// show no attachments), and the attachments are what the addressee files: each language
// version as a PDF of its own, then each enclosure as a PDF.
#include <cstddef>
#include <string>
#include <vector>

#include "core/model/note_verbale.hpp"
#include "core/ports/mail.hpp"

namespace chancery::core {

// "Note Verbale № 17-1/435 — Calendar of events" (or "Вербальная нота", "Вербалдық нота"
// when the note's first language is ru or kk). The note must be registered.
std::string NoteMailSubject(const OutgoingNote& note);

// One language version as plain text: its blocks in order, separated by a blank line.
std::string NoteTextPlain(const NoteText& text);

// "NV-17-1-435-2021-en.pdf": the number without '/', safe as a file name everywhere.
std::string NoteAttachmentName(const OutgoingNote& note, const std::string& lang);
// "NV-17-1-435-2021-enclosure-1-ru.pdf" (a document rendered in ru) or
// "NV-17-1-435-2021-enclosure-2.pdf" (an uploaded file): `index` counts from 1, as the note
// lists its enclosures.
std::string EnclosureAttachmentName(const OutgoingNote& note, std::size_t index, const std::string& lang = {});

// What the e-mail of a note attaches, in order: one PDF per language version, in the order
// of the note's languages (each is an authentic text the addressee may file or forward on its
// own); then, for each enclosure in order, a document version rendered in each of the note's
// languages (each language version of the note counts the pages of its own) or an uploaded
// file as uploaded. A described enclosure with neither (sent on paper) attaches nothing.
enum class AttachmentKind { kNote, kDocument, kFile };
struct AttachmentPlan {
  AttachmentKind kind = AttachmentKind::kNote;
  std::string lang;          // kNote, kDocument
  std::size_t enclosure = 0;  // kDocument, kFile: index into note.enclosures
};
std::vector<AttachmentPlan> PlanNoteAttachments(const OutgoingNote& note);

// The whole message with the attachments given (rendered from the plan, all application/pdf).
MailMessage ComposeNoteMail(const OutgoingNote& note, const std::string& from, const std::string& to,
                            std::vector<MailAttachment> attachments);

}  // namespace chancery::core
