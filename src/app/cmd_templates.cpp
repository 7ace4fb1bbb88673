// chancery template export / import: the Secretariat's note templates as files, so that an
// edited wording can be kept under review outside the database and loaded again. Both go
// through the same use cases as the API, as the system actor.
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/commands.hpp"
#include "app/runtime.hpp"
#include "codec/note_template_json.hpp"
#include "core/services/note_template_editing.hpp"

namespace chancery::app {

int TemplateExport(const cli::Arguments& args) {
  // "invite_to_meeting.ru": the files' own naming (data/templates/notes/<purpose>.<lang>.json).
  const std::string name = *args.Get("template");
  const auto dot = name.rfind('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == name.size()) {
    return Fail(core::Error::InvalidArgument("a template is named purpose.lang: invite_to_meeting.ru", "TEMPLATE"));
  }
  auto rt = OpenRuntime(*args.Get("data"), DataDir::kExisting);
  if (!rt) return Fail(rt.error());
  auto view = core::GetNoteTemplate(*(*rt)->deps, core::Actor::System(), name.substr(0, dot), name.substr(dot + 1));
  if (!view) return Fail(view.error());
  std::cout << codec::ToJsonText(view->note) << "\n";
  return cli::kExitOk;
}

int TemplateImport(const cli::Arguments& args) {
  const std::string path = *args.Get("file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(core::Error::NotFound("cannot read " + path));
  std::stringstream text;
  text << in.rdbuf();
  auto note = codec::NoteTemplateFromJsonText(text.str());
  if (!note) return Fail(note.error());
  auto rt = OpenRuntime(*args.Get("data"), DataDir::kExisting);
  if (!rt) return Fail(rt.error());
  auto view = core::PutNoteTemplate(*(*rt)->deps, core::Actor::System(), std::move(*note));
  if (!view) return Fail(view.error());
  std::cout << "Stored " << view->note.purpose << "." << view->note.lang << ": it takes the place of the default "
            << "for notes registered from now on\n";
  return cli::kExitOk;
}

}  // namespace chancery::app
