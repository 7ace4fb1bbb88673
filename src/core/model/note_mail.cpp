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

namespace {

std::string NumberStem(const OutgoingNote& note) {
  std::string name = "NV";
  if (note.number) {
    name += "-" + note.number->index + "-" + std::to_string(note.number->serial) + "-" + std::to_string(note.number->year);
  } else {
    name += "-draft-" + std::to_string(note.id);
  }
  return name;
}

}  // namespace

std::string NoteAttachmentName(const OutgoingNote& note, const std::string& lang) {
  return NumberStem(note) + "-" + lang + ".pdf";
}

std::string EnclosureAttachmentName(const OutgoingNote& note, std::size_t index, const std::string& lang) {
  return NumberStem(note) + "-enclosure-" + std::to_string(index) + (lang.empty() ? "" : "-" + lang) + ".pdf";
}

std::vector<AttachmentPlan> PlanNoteAttachments(const OutgoingNote& note) {
  std::vector<AttachmentPlan> out;
  for (const auto& lang : note.languages) {
    for (const auto& text : note.texts) {
      if (text.lang == lang) out.push_back({AttachmentKind::kNote, lang, 0});
    }
  }
  for (std::size_t i = 0; i < note.enclosures.size(); ++i) {
    const auto& e = note.enclosures[i];
    if (e.file_id) {
      out.push_back({AttachmentKind::kFile, {}, i});
    } else if (e.document_id) {
      for (const auto& lang : note.languages) out.push_back({AttachmentKind::kDocument, lang, i});
    }
  }
  return out;
}

MailMessage ComposeNoteMail(const OutgoingNote& note, const std::string& from, const std::string& to,
                            std::vector<MailAttachment> attachments) {
  MailMessage m;
  m.from = from;
  m.to = to;
  m.subject = NoteMailSubject(note);
  // The language versions in the order the note lists its languages, as the seed prints them.
  for (const auto& lang : note.languages) {
    for (const auto& text : note.texts) {
      if (text.lang != lang) continue;
      if (!m.body.empty()) m.body += "\n\n";
      m.body += NoteTextPlain(text);
    }
  }
  m.attachments = std::move(attachments);
  return m;
}

}  // namespace chancery::core
