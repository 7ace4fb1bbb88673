#pragma once
// The e-mail that carries a registered Note Verbale to one address: the subject names the note
// in its first language, the body holds every language version as text, and each language
// version is attached as a file of its own.
#include <string>

#include "core/model/note_verbale.hpp"
#include "core/ports/mail.hpp"

namespace chancery::core {

// "Note Verbale № 17-1/435 — Calendar of events" (or "Вербальная нота", "Вербалдық нота"
// when the note's first language is ru or kk). The note must be registered.
std::string NoteMailSubject(const OutgoingNote& note);

// One language version as plain text: its blocks in order, separated by a blank line.
std::string NoteTextPlain(const NoteText& text);

// "NV-17-1-435-2021-en.txt": the number without '/', safe as a file name everywhere.
std::string NoteAttachmentName(const OutgoingNote& note, const std::string& lang);

// The whole message. Attachments: each language version as text/plain.
MailMessage ComposeNoteMail(const OutgoingNote& note, const std::string& from, const std::string& to);

}  // namespace chancery::core
