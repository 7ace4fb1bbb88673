#include "core/model/note_mail.hpp"

namespace chancery::core {
namespace {

std::string_view NoteVerbaleIn(std::string_view lang) {
  if (lang == "ru") return "Вербальная нота";
  if (lang == "kk") return "Вербалдық нота";
  return "Note Verbale";
}

}  // namespace

std::string NoteMailSubject(const OutgoingNote& note) {
  const std::string lang = note.languages.empty() ? "en" : note.languages.front();
  std::string out(NoteVerbaleIn(lang));
  if (note.number) out += " № " + Format(*note.number);
  if (!note.subject.empty()) out += " — " + note.subject;
  return out;
}

std::string NoteTextPlain(const NoteText& text) {
  std::string out;
  for (const auto& block : text.blocks) {
    if (!out.empty()) out += "\n\n";
    out += block.text;
  }
  out += "\n";
  return out;
}

std::string NoteAttachmentName(const OutgoingNote& note, const std::string& lang) {
  std::string name = "NV";
  if (note.number) {
    name += "-" + note.number->index + "-" + std::to_string(note.number->serial) + "-" + std::to_string(note.number->year);
  } else {
    name += "-draft-" + std::to_string(note.id);
  }
  return name + "-" + lang + ".txt";
}

MailMessage ComposeNoteMail(const OutgoingNote& note, const std::string& from, const std::string& to) {
  MailMessage m;
  m.from = from;
  m.to = to;
  m.subject = NoteMailSubject(note);
  // The language versions in the order the note lists its languages, as the seed prints them.
  for (const auto& lang : note.languages) {
    for (const auto& text : note.texts) {
      if (text.lang != lang) continue;
      const std::string plain = NoteTextPlain(text);
      if (!m.body.empty()) m.body += "\n\n";
      m.body += plain;
      m.attachments.push_back({NoteAttachmentName(note, lang), "text/plain; charset=utf-8", plain});
    }
  }
  return m;
}

}  // namespace chancery::core
