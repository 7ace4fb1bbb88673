// The Secretariat's note templates: the one in force per purpose and language (edited, or the
// built-in default), replaced with PUT and brought back to the default with DELETE. The body
// of a PUT is read by the strict template codec; the use case refuses anyone else and checks
// what every default passes.
#include "api/call.hpp"
#include "api/problem.hpp"
#include "codec/note_template_json.hpp"
#include "core/services/note_template_editing.hpp"

namespace chancery::api::handlers {

Response ListNoteTemplates(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  auto list = core::ListNoteTemplates(ctx.deps, call.actor());
  if (!list) return ProblemFrom(list.error());
  return JsonText(200, codec::ToJsonText(*list));
}

Response GetNoteTemplate(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  auto view = core::GetNoteTemplate(ctx.deps, call.actor(), call.params.Get("purpose"), call.params.Get("lang"));
  if (!view) return ProblemFrom(view.error());
  return JsonText(200, codec::ToJsonText(*view));
}

// The body is the template itself, as data/templates/notes holds them; its purpose and
// language must be the path's, so that a copy pasted into the wrong place is not stored there.
Response PutNoteTemplate(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  boost::json::object body;
  if (auto bad = ReadJsonBody(call, body)) return std::move(*bad);
  auto note = codec::NoteTemplateFromJson(body);
  if (!note) return ProblemFrom(note.error());
  const std::string_view purpose = call.params.Get("purpose");
  const std::string_view lang = call.params.Get("lang");
  if (note->purpose != purpose) {
    return Problem(problems::kValidation, "the template's purpose is not the path's (" + std::string(purpose) + ")",
                   "purpose");
  }
  if (note->lang != lang) {
    return Problem(problems::kValidation, "the template's language is not the path's (" + std::string(lang) + ")",
                   "lang");
  }
  auto view = core::PutNoteTemplate(ctx.deps, call.actor(), std::move(*note));
  if (!view) return ProblemFrom(view.error());
  return JsonText(200, codec::ToJsonText(*view));
}

Response ResetNoteTemplate(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  auto view = core::ResetNoteTemplate(ctx.deps, call.actor(), call.params.Get("purpose"), call.params.Get("lang"));
  if (!view) return ProblemFrom(view.error());
  return JsonText(200, codec::ToJsonText(*view));
}

}  // namespace chancery::api::handlers
