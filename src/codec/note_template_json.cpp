#include "codec/note_template_json.hpp"

#include <utility>

#include "codec/json_fields.hpp"
#include "codec/json_reader.hpp"
#include "core/model/participant.hpp"

namespace chancery::codec {
namespace {

using namespace fields;  // NOLINT: the shared helpers of json_fields.hpp

constexpr std::string_view kRoleChoices = "letterhead, number, text, enclosure, place_date, addressee";

core::Result<core::NoteBlock> BlockFromJson(const boost::json::object& o, std::size_t, const std::string& path) {
  ObjectReader r(o, path);
  if (auto k = r.OnlyKnown({"role", "text"}); !k) return k.error();
  auto role = Choice<core::NoteBlockRole>(
      r, "role", [](std::string_view t) { return core::ParseNoteBlockRole(t); }, kRoleChoices);
  if (!role) return role.error();
  auto text = r.String("text");
  if (!text) return text.error();
  return core::NoteBlock{*role, std::move(*text)};
}

// A form's name: "" or what may follow the colon of a placeholder.
bool IsFormName(std::string_view name) {
  if (name.empty()) return true;
  if (name.front() < 'a' || name.front() > 'z') return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

core::Result<core::NoteAddressee> AddresseeFromJson(const boost::json::object& o, std::size_t,
                                                    const std::string& path) {
  ObjectReader r(o, path);
  if (auto k = r.OnlyKnown({"id", "lang", "forms"}); !k) return k.error();
  core::NoteAddressee a;
  auto id = r.String("id");
  if (!id) return id.error();
  a.id = std::move(*id);
  auto lang = r.String("lang");
  if (!lang) return lang.error();
  if (!core::IsSupportedLanguage(*lang)) return core::Error::InvalidArgument("must be one of en, ru, kk", r.Path("lang"));
  a.lang = std::move(*lang);
  auto forms = r.Object("forms");
  if (!forms) return forms.error();
  if ((*forms)->empty()) return core::Error::InvalidArgument("must name at least one form", r.Path("forms"));
  for (const auto& member : **forms) {
    const std::string field = r.Path("forms") + "." + std::string(member.key());
    if (!IsFormName(member.key())) {
      return core::Error::InvalidArgument("a form is \"\" or lower-case letters, digits and '_'", field);
    }
    if (!member.value().is_string() || member.value().as_string().empty()) {
      return core::Error::InvalidArgument("must be a non-empty string", field);
    }
    a.forms.emplace(std::string(member.key()), std::string(member.value().as_string()));
  }
  return a;
}

}  // namespace

void WriteJson(JsonWriter& out, const core::NoteTemplate& note) {
  out.BeginObject();
  out.Key("purpose").String(note.purpose).Key("lang").String(note.lang).Key("title").String(note.title);
  out.Key("blocks").BeginArray();
  for (const core::NoteBlock& b : note.blocks) {
    out.BeginObject().Key("role").String(core::ToString(b.role)).Key("text").String(b.text).EndObject();
  }
  out.EndArray();
  out.EndObject();
}

std::string ToJsonText(const core::NoteTemplate& note) {
  std::string text;
  JsonWriter out(text);
  WriteJson(out, note);
  return text;
}

core::Result<core::NoteTemplate> NoteTemplateFromJson(const boost::json::object& o) {
  ObjectReader r(o);
  if (auto k = r.OnlyKnown({"purpose", "lang", "title", "blocks"}); !k) return k.error();
  core::NoteTemplate note;
  auto purpose = r.String("purpose");
  if (!purpose) return purpose.error();
  note.purpose = std::move(*purpose);
  auto lang = r.String("lang");
  if (!lang) return lang.error();
  note.lang = std::move(*lang);
  auto title = r.StringOr("title", "");
  if (!title) return title.error();
  note.title = std::move(*title);
  auto blocks = ObjectList<core::NoteBlock>(o, r, "blocks", true, BlockFromJson);
  if (!blocks) return blocks.error();
  note.blocks = std::move(*blocks);
  if (auto valid = core::ValidateNoteTemplate(note); !valid) return valid.error();
  return note;
}

core::Result<core::NoteTemplate> NoteTemplateFromJsonText(std::string_view text) {
  auto object = ParseObject(text);
  if (!object) return object.error();
  return NoteTemplateFromJson(*object);
}

core::Result<std::vector<core::NoteAddressee>> NoteAddresseesFromJsonText(std::string_view text) {
  auto object = ParseObject(text);
  if (!object) return object.error();
  ObjectReader r(*object);
  if (auto k = r.OnlyKnown({"addressees"}); !k) return k.error();
  auto list = ObjectList<core::NoteAddressee>(*object, r, "addressees", true, AddresseeFromJson);
  if (!list) return list.error();
  for (std::size_t i = 0; i < list->size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if ((*list)[i].id == (*list)[j].id && (*list)[i].lang == (*list)[j].lang) {
        return core::Error::InvalidArgument("'" + (*list)[i].id + "' in '" + (*list)[i].lang + "' is listed twice",
                                            r.Path("addressees", i));
      }
    }
  }
  return list;
}

void WriteJson(JsonWriter& out, const core::NoteTemplateView& view, bool with_template) {
  out.BeginObject();
  out.Key("purpose").String(view.note.purpose).Key("lang").String(view.note.lang);
  out.Key("source").String(view.edited ? "edited" : "default");
  out.Key("edited_by");
  if (view.edited) {
    out.String(view.edited_by);
  } else {
    out.Null();
  }
  out.Key("edited_at");
  if (view.edited_at) {
    out.String(core::FormatInstant(*view.edited_at));
  } else {
    out.Null();
  }
  if (with_template) {
    out.Key("template");
    WriteJson(out, view.note);
  }
  out.EndObject();
}

std::string ToJsonText(const core::NoteTemplateView& view) {
  std::string text;
  JsonWriter out(text);
  WriteJson(out, view, true);
  return text;
}

std::string ToJsonText(const std::vector<core::NoteTemplateView>& views) {
  std::string text;
  JsonWriter out(text);
  out.BeginObject().Key("items").BeginArray();
  for (const auto& v : views) WriteJson(out, v, false);
  out.EndArray().EndObject();
  return text;
}

}  // namespace chancery::codec
