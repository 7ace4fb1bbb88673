#include "core/model/note_template.hpp"

#include <algorithm>
#include <utility>

#include "core/model/participant.hpp"

namespace chancery::core {
namespace {

constexpr NoteBlockRole kRoles[] = {NoteBlockRole::kLetterhead, NoteBlockRole::kNumber,    NoteBlockRole::kText,
                                    NoteBlockRole::kEnclosure,  NoteBlockRole::kPlaceDate, NoteBlockRole::kAddressee};

// Lower-case ASCII letters, digits and '_', starting with a letter: names that read the same
// in every template language and cannot be mistaken for wording.
bool IsIdentifier(std::string_view text) {
  if (text.empty() || text.front() < 'a' || text.front() > 'z') return false;
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

// A piece of a text: wording as it stands, or a placeholder.
struct Segment {
  std::string_view literal;
  std::optional<Placeholder> placeholder;
};

std::string Shown(const Placeholder& p) { return "{{" + p.name + (p.form.empty() ? "" : ":" + p.form) + "}}"; }

// Splits `text` into wording and placeholders. Every brace must belong to a placeholder: a
// template has no use for literal braces, and a stray one is almost always a typing slip that
// would otherwise be printed in a note.
Result<std::vector<Segment>> Scan(std::string_view text, const std::string& field) {
  std::vector<Segment> out;
  std::size_t start = 0;  // of the current literal
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '}') {
      return Error::InvalidArgument("\"}\" without \"{{\" before it: \"" + std::string(text.substr(start, i + 1 - start)) +
                                        "\"",
                                    field);
    }
    if (c != '{') {
      ++i;
      continue;
    }
    if (i + 1 >= text.size() || text[i + 1] != '{') {
      return Error::InvalidArgument("a single \"{\": placeholders are written {{name}} or {{name:form}}", field);
    }
    const std::size_t close = text.find("}}", i + 2);
    if (close == std::string_view::npos) {
      return Error::InvalidArgument("\"{{\" without \"}}\": \"" + std::string(text.substr(i, 40)) + "\"", field);
    }
    const std::string_view inner = text.substr(i + 2, close - i - 2);
    const std::size_t colon = inner.find(':');
    Placeholder p{std::string(inner.substr(0, colon)),
                  colon == std::string_view::npos ? std::string() : std::string(inner.substr(colon + 1))};
    if (!IsIdentifier(p.name) || (colon != std::string_view::npos && !IsIdentifier(p.form))) {
      return Error::InvalidArgument("\"{{" + std::string(inner) +
                                        "}}\" is not a placeholder: a name, and a form after ':', of lower-case "
                                        "letters, digits and '_'",
                                    field);
    }
    if (i > start) out.push_back({text.substr(start, i - start), std::nullopt});
    out.push_back({{}, std::move(p)});
    i = close + 2;
    start = i;
  }
  if (start < text.size()) out.push_back({text.substr(start), std::nullopt});
  return out;
}

std::string BlockField(std::size_t index) { return "blocks[" + std::to_string(index) + "].text"; }

// Calls `visit(field, text)` for the title and each block's text, stopping at the first error.
template <class Visit>
Result<void> ForEachText(const NoteTemplate& note, Visit visit) {
  if (!note.title.empty()) {
    if (auto r = visit(std::string("title"), note.title); !r) return r.error();
  }
  for (std::size_t i = 0; i < note.blocks.size(); ++i) {
    if (auto r = visit(BlockField(i), note.blocks[i].text); !r) return r.error();
  }
  return Ok();
}

Result<std::string> Expand(std::string_view text, const std::string& field, const NoteLookup& lookup) {
  auto segments = Scan(text, field);
  if (!segments) return segments.error();
  std::string out;
  for (const Segment& s : *segments) {
    if (!s.placeholder) {
      out += s.literal;
      continue;
    }
    auto value = lookup(s.placeholder->name, s.placeholder->form);
    if (!value) {
      Error e = value.error();
      e.message = Shown(*s.placeholder) + ": " + e.message;
      e.field = field;
      return e;
    }
    out += *value;
  }
  return out;
}

}  // namespace

std::string_view ToString(NoteBlockRole role) {
  switch (role) {
    case NoteBlockRole::kLetterhead: return "letterhead";
    case NoteBlockRole::kNumber: return "number";
    case NoteBlockRole::kText: return "text";
    case NoteBlockRole::kEnclosure: return "enclosure";
    case NoteBlockRole::kPlaceDate: return "place_date";
    case NoteBlockRole::kAddressee: return "addressee";
  }
  return "text";
}

std::optional<NoteBlockRole> ParseNoteBlockRole(std::string_view text) {
  for (NoteBlockRole role : kRoles) {
    if (ToString(role) == text) return role;
  }
  return std::nullopt;
}

Result<void> ValidateNoteTemplate(const NoteTemplate& note) {
  if (!IsIdentifier(note.purpose)) {
    return Error::InvalidArgument("must be lower-case letters, digits and '_', starting with a letter", "purpose");
  }
  if (!IsSupportedLanguage(note.lang)) return Error::InvalidArgument("must be one of en, ru, kk", "lang");
  if (note.blocks.empty()) return Error::InvalidArgument("a note needs blocks", "blocks");
  for (std::size_t i = 0; i < note.blocks.size(); ++i) {
    if (note.blocks[i].text.empty()) return Error::InvalidArgument("must not be empty", BlockField(i));
  }
  auto well_formed = ForEachText(note, [](const std::string& field, const std::string& text) -> Result<void> {
    auto segments = Scan(text, field);
    if (!segments) return segments.error();
    return Ok();
  });
  if (!well_formed) return well_formed.error();

  auto count = [&](NoteBlockRole role) {
    return std::count_if(note.blocks.begin(), note.blocks.end(), [role](const NoteBlock& b) { return b.role == role; });
  };
  if (count(NoteBlockRole::kNumber) != 1) {
    return Error::InvalidArgument("a note has exactly one number block (R18)", "blocks");
  }
  if (count(NoteBlockRole::kPlaceDate) != 1) {
    return Error::InvalidArgument("a note has exactly one place_date block (R19)", "blocks");
  }
  if (count(NoteBlockRole::kText) == 0) return Error::InvalidArgument("a note needs a text block", "blocks");
  if (count(NoteBlockRole::kAddressee) == 0) return Error::InvalidArgument("a note needs an addressee block", "blocks");
  return Ok();
}

Result<std::vector<Placeholder>> Placeholders(const NoteTemplate& note) {
  std::vector<Placeholder> out;
  auto scanned = ForEachText(note, [&out](const std::string& field, const std::string& text) -> Result<void> {
    auto segments = Scan(text, field);
    if (!segments) return segments.error();
    for (const Segment& s : *segments) {
      if (s.placeholder && std::find(out.begin(), out.end(), *s.placeholder) == out.end()) {
        out.push_back(*s.placeholder);
      }
    }
    return Ok();
  });
  if (!scanned) return scanned.error();
  return out;
}

Result<ExpandedNote> ExpandNote(const NoteTemplate& note, const NoteLookup& lookup) {
  if (auto valid = ValidateNoteTemplate(note); !valid) return valid.error();
  ExpandedNote out{note.purpose, note.lang, {}, {}};
  if (!note.title.empty()) {
    auto title = Expand(note.title, "title", lookup);
    if (!title) return title.error();
    out.title = std::move(*title);
  }
  for (std::size_t i = 0; i < note.blocks.size(); ++i) {
    auto text = Expand(note.blocks[i].text, BlockField(i), lookup);
    if (!text) return text.error();
    out.blocks.push_back({note.blocks[i].role, std::move(*text)});
  }
  return out;
}

Result<std::vector<NoteBlock>> ExpandNoteBlocks(const std::vector<NoteBlock>& blocks, const NoteLookup& lookup) {
  std::vector<NoteBlock> out;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    auto text = Expand(blocks[i].text, BlockField(i), lookup);
    if (!text) return text.error();
    out.push_back({blocks[i].role, std::move(*text)});
  }
  return out;
}

}  // namespace chancery::core
