#include "codec/note_json.hpp"

#include <cstdint>

#include "codec/json_fields.hpp"
#include "codec/json_reader.hpp"

namespace chancery::codec {
namespace {

using namespace fields;  // NOLINT: the shared helpers of json_fields.hpp
using core::Error;

void WriteLink(JsonWriter& out, const std::optional<core::NoteLink>& link) {
  if (!link) {
    out.Null();
    return;
  }
  out.BeginObject();
  out.Key("kind").String(core::ToString(link->kind)).Key("id").Int(link->id);
  out.EndObject();
}

core::Result<std::optional<core::NoteLink>> LinkFromJson(const boost::json::object& o, const ObjectReader& r,
                                                         std::string_view key) {
  if (!Present(o, key)) return std::optional<core::NoteLink>{};
  auto object = r.Object(key);
  if (!object) return object.error();
  ObjectReader lr(**object, r.Path(key));
  if (auto k = lr.OnlyKnown({"kind", "id"}); !k) return k.error();
  auto kind = Choice<core::LinkKind>(
      lr, "kind", [](std::string_view t) { return core::ParseLinkKind(t); },
      "meeting, silence_procedure, comment_round, document");
  if (!kind) return kind.error();
  auto id = Integer(**object, lr, "id", 1, INT64_MAX);
  if (!id) return id.error();
  return std::optional<core::NoteLink>(core::NoteLink{*kind, *id});
}

core::Result<core::Enclosure> EnclosureFromJson(const boost::json::object& o, std::size_t, const std::string& path) {
  ObjectReader r(o, path);
  if (auto k = r.OnlyKnown({"description", "document_id", "version", "pages", "file_id"}); !k) return k.error();
  core::Enclosure e;
  auto description = r.StringOr("description", "");
  if (!description) return description.error();
  e.description = std::move(*description);
  auto document = OptionalInteger(o, r, "document_id", 1, INT64_MAX);
  if (!document) return document.error();
  e.document_id = *document;
  auto version = OptionalInteger(o, r, "version", 0, 100000);
  if (!version) return version.error();
  if (*version) e.version = static_cast<int>(**version);
  auto pages = OptionalInteger(o, r, "pages", 0, 100000);
  if (!pages) return pages.error();
  e.pages = static_cast<int>(pages->value_or(0));
  auto file = OptionalInteger(o, r, "file_id", 1, INT64_MAX);
  if (!file) return file.error();
  e.file_id = *file;
  return e;
}

core::Result<core::NoteBlock> BlockFromJson(const boost::json::object& o, std::size_t, const std::string& path) {
  ObjectReader r(o, path);
  if (auto k = r.OnlyKnown({"role", "text"}); !k) return k.error();
  auto role = Choice<core::NoteBlockRole>(
      r, "role", [](std::string_view t) { return core::ParseNoteBlockRole(t); },
      "letterhead, number, text, enclosure, place_date, addressee");
  if (!role) return role.error();
  auto text = r.String("text");
  if (!text) return text.error();
  return core::NoteBlock{*role, std::move(*text)};
}

core::Result<core::NoteText> TextFromJson(const boost::json::object& o, std::size_t, const std::string& path) {
  ObjectReader r(o, path);
  if (auto k = r.OnlyKnown({"lang", "blocks"}); !k) return k.error();
  auto lang = r.String("lang");
  if (!lang) return lang.error();
  auto blocks = ObjectList<core::NoteBlock>(o, r, "blocks", true, BlockFromJson);
  if (!blocks) return blocks.error();
  return core::NoteText{std::move(*lang), std::move(*blocks)};
}

}  // namespace

void WriteJson(JsonWriter& out, const core::OutgoingNote& n) {
  out.BeginObject();
  out.Key("id").Int(n.id).Key("purpose").String(core::ToString(n.purpose)).Key("index").String(n.index);
  out.Key("number");
  if (n.number) {
    out.String(core::Format(*n.number));
  } else {
    out.Null();
  }
  out.Key("year");
  OptionalInt(out, n.number ? std::optional<std::int64_t>(n.number->year) : std::nullopt);
  out.Key("date");
  OptionalDate(out, n.date);
  out.Key("imported").Bool(n.imported).Key("status").String(core::ToString(n.status));
  out.Key("scope").String(core::ToString(n.scope)).Key("addressees");
  Strings(out, n.addressees);
  out.Key("subject").String(n.subject).Key("languages");
  Strings(out, n.languages);
  out.Key("enclosures").BeginArray();
  for (const auto& e : n.enclosures) {
    out.BeginObject();
    out.Key("description").String(e.description).Key("document_id");
    OptionalInt(out, e.document_id);
    out.Key("version");
    OptionalInt(out, e.version ? std::optional<std::int64_t>(*e.version) : std::nullopt);
    out.Key("pages").Int(e.pages);
    out.Key("file_id");
    OptionalInt(out, e.file_id);
    // A document enclosure's pages in each language of the note, counted at registration.
    out.Key("pages_by_language").BeginObject();
    for (const auto& p : e.pages_by_lang) out.Key(p.lang).Int(p.pages);
    out.EndObject();
    out.EndObject();
  }
  out.EndArray();
  out.Key("about");
  WriteLink(out, n.about);
  out.Key("texts").BeginArray();
  for (const auto& t : n.texts) {
    out.BeginObject();
    out.Key("lang").String(t.lang).Key("blocks").BeginArray();
    for (const auto& b : t.blocks) {
      out.BeginObject();
      out.Key("role").String(core::ToString(b.role)).Key("text").String(b.text);
      out.EndObject();
    }
    out.EndArray().EndObject();
  }
  out.EndArray();
  out.Key("created_at").String(core::FormatInstant(n.created_at)).Key("registered_at");
  OptionalInstant(out, n.registered_at);
  out.Key("dispatched_at");
  OptionalInstant(out, n.dispatched_at);
  out.EndObject();
}

std::string ToJsonText(const core::OutgoingNote& note) {
  std::string text;
  JsonWriter out(text);
  WriteJson(out, note);
  return text;
}

void WriteJson(JsonWriter& out, const core::IncomingNote& n) {
  out.BeginObject();
  out.Key("id").Int(n.id).Key("number").String(core::FormatIncomingNumber(n)).Key("year").Int(n.year);
  out.Key("serial").Int(n.serial).Key("received_at").String(core::FormatInstant(n.received_at));
  out.Key("sender").String(n.sender).Key("sender_number").String(n.sender_number).Key("sender_date");
  OptionalDate(out, n.sender_date);
  out.Key("subject").String(n.subject).Key("deadline");
  OptionalDate(out, n.deadline);
  out.Key("assignee");
  OptionalInt(out, n.assignee);
  out.Key("acts_on");
  WriteLink(out, n.acts_on);
  out.Key("objection").Bool(n.objection).Key("effect").String(core::ToString(n.effect));
  out.Key("effect_reason").String(n.effect_reason).Key("reply");
  OptionalInt(out, n.reply);
  out.EndObject();
}

std::string ToJsonText(const core::IncomingNote& note) {
  std::string text;
  JsonWriter out(text);
  WriteJson(out, note);
  return text;
}

core::Result<core::NewNote> NewNoteFromJson(const boost::json::object& o) {
  ObjectReader r(o);
  if (auto k = r.OnlyKnown({"purpose", "index", "scope", "addressees", "subject", "languages", "enclosures", "about",
                            "texts"});
      !k) {
    return k.error();
  }
  core::NewNote n;
  auto purpose = Choice<core::NotePurpose>(
      r, "purpose", [](std::string_view t) { return core::ParseNotePurpose(t); },
      "forward_final_minutes, circulate_draft_minutes, launch_silence_procedure, silence_outcome, silence_broken, "
      "invite_to_meeting, "
      "circulate_meeting_documents, other");
  if (!purpose) return purpose.error();
  n.purpose = *purpose;
  auto index = r.String("index");
  if (!index) return index.error();
  n.index = std::move(*index);
  auto scope = Choice<core::AddresseeScope>(
      r, "scope", [](std::string_view t) { return core::ParseAddresseeScope(t); }, "all_member_states, list, one",
      core::AddresseeScope::kAllMemberStates);
  if (!scope) return scope.error();
  n.scope = *scope;
  auto addressees = StringList(o, r, "addressees", false);
  if (!addressees) return addressees.error();
  n.addressees = std::move(*addressees);
  auto subject = r.String("subject");
  if (!subject) return subject.error();
  n.subject = std::move(*subject);
  if (Present(o, "languages")) {
    auto languages = StringList(o, r, "languages", true);
    if (!languages) return languages.error();
    n.languages = std::move(*languages);
  }
  auto enclosures = ObjectList<core::Enclosure>(o, r, "enclosures", false, EnclosureFromJson);
  if (!enclosures) return enclosures.error();
  n.enclosures = std::move(*enclosures);
  auto about = LinkFromJson(o, r, "about");
  if (!about) return about.error();
  n.about = *about;
  auto texts = ObjectList<core::NoteText>(o, r, "texts", false, TextFromJson);
  if (!texts) return texts.error();
  n.texts = std::move(*texts);
  return n;
}

core::Result<std::optional<core::ImportedNumber>> RegistrationFromJson(const boost::json::object& o) {
  ObjectReader r(o);
  if (auto k = r.OnlyKnown({"number", "date"}); !k) return k.error();
  if (!Present(o, "number") && !Present(o, "date")) return std::optional<core::ImportedNumber>{};
  auto number = r.String("number");
  if (!number) return number.error();
  auto date = r.Date("date");
  if (!date) return date.error();
  auto parsed = core::ParseNoteNumber(*number, static_cast<int>(date->year()));
  if (!parsed) return Error::InvalidArgument("a number is an index and a serial: \"17-1/435\"", "number");
  return std::optional<core::ImportedNumber>(core::ImportedNumber{*parsed, *date});
}

core::Result<core::NewIncomingNote> NewIncomingNoteFromJson(const boost::json::object& o) {
  ObjectReader r(o);
  if (auto k = r.OnlyKnown({"sender", "sender_number", "sender_date", "subject", "deadline", "assignee", "acts_on",
                            "objection"});
      !k) {
    return k.error();
  }
  core::NewIncomingNote n;
  auto sender = r.String("sender");
  if (!sender) return sender.error();
  n.sender = std::move(*sender);
  auto number = r.StringOr("sender_number", "");
  if (!number) return number.error();
  n.sender_number = std::move(*number);
  auto sender_date = r.OptionalDate("sender_date");
  if (!sender_date) return sender_date.error();
  n.sender_date = *sender_date;
  auto subject = r.String("subject");
  if (!subject) return subject.error();
  n.subject = std::move(*subject);
  auto deadline = r.OptionalDate("deadline");
  if (!deadline) return deadline.error();
  n.deadline = *deadline;
  auto assignee = OptionalInteger(o, r, "assignee", 1, INT64_MAX);
  if (!assignee) return assignee.error();
  n.assignee = *assignee;
  auto acts_on = LinkFromJson(o, r, "acts_on");
  if (!acts_on) return acts_on.error();
  n.acts_on = *acts_on;
  auto objection = BoolOr(o, r, "objection", false);
  if (!objection) return objection.error();
  n.objection = *objection;
  return n;
}

}  // namespace chancery::codec
