// chancery render minutes / render note / import minutes: documents on the command line. The operator with
// the data directory acts as the system (an administrator); the use cases are the API's.
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/commands.hpp"
#include "app/minutes_import.hpp"
#include "app/runtime.hpp"
#include "core/services/documents.hpp"
#include "core/services/notes.hpp"

namespace chancery::app {
namespace {

core::Result<void> WriteNewFile(const std::string& path, const std::string& bytes) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return core::Error::AlreadyExists(path + " already exists", "-o");
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return core::Error::Unavailable("cannot write " + path);
  return core::Ok();
}

}  // namespace

int RenderMinutes(const cli::Arguments& args) {
  const std::string lang = args.GetOr("lang", "en");
  if (!core::IsSupportedLanguage(lang)) return Fail(core::Error::InvalidArgument("must be en, ru or kk", "--lang"));
  auto format = core::ParseRenderFormat(args.GetOr("format", "pdf"));
  if (!format) return Fail(core::Error::InvalidArgument("must be pdf, docx, akn or txt", "--format"));
  int version = 0;
  if (auto v = args.Get("version")) {
    auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), version);
    if (ec != std::errc() || end != v->data() + v->size() || version < 1) {
      return Fail(core::Error::InvalidArgument("must be a version number from 1", "--version"));
    }
  }
  auto rt = OpenRuntime(*args.Get("data"), DataDir::kExisting);
  if (!rt) return Fail(rt.error());
  auto& deps = *(*rt)->deps;
  const auto system = core::Actor::System();
  auto d = core::GetDocumentBySymbol(deps, system, *args.Get("symbol"));
  if (!d) return Fail(d.error());
  if (version == 0) version = d->versions.back().number;
  auto file = core::RenderDocumentVersion(deps, system, d->id, version, lang, *format);
  if (!file) return Fail(file.error());
  if (auto r = WriteNewFile(*args.Get("o"), file->bytes); !r) return Fail(r.error());
  std::cout << "Wrote " << *args.Get("o") << ": " << d->symbol << " version " << version << " (" << lang << ", "
            << core::ToString(*format) << ", " << file->bytes.size() << " bytes)\n";
  return cli::kExitOk;
}

int RenderNote(const cli::Arguments& args) {
  // "2021/435": the serial is unique in its year, so year and serial name the note; its file
  // index ("17-1/435") is printed, not needed.
  const std::string number = *args.Get("number");
  int year = 0, serial = 0;
  const auto slash = number.find('/');
  auto whole = [](std::string_view t, int& out) {
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), out);
    return ec == std::errc() && end == t.data() + t.size() && !t.empty();
  };
  if (slash == std::string::npos || !whole(std::string_view(number).substr(0, slash), year) ||
      !whole(std::string_view(number).substr(slash + 1), serial) || year < 1900 || serial < 1) {
    return Fail(core::Error::InvalidArgument("a note is named by year/serial: 2021/435", "NUMBER"));
  }
  const std::string lang = args.GetOr("lang", "all");
  if (lang != "all" && !core::IsSupportedLanguage(lang)) {
    return Fail(core::Error::InvalidArgument("must be en, ru, kk or all", "--lang"));
  }
  auto format = core::ParseRenderFormat(args.GetOr("format", "pdf"));
  if (!format || *format == core::RenderFormat::kAkomaNtoso) {
    return Fail(core::Error::InvalidArgument("must be pdf, docx or txt", "--format"));
  }
  auto rt = OpenRuntime(*args.Get("data"), DataDir::kExisting);
  if (!rt) return Fail(rt.error());
  auto& deps = *(*rt)->deps;
  const auto system = core::Actor::System();
  auto note = core::GetNoteByNumber(deps, system, year, serial);
  if (!note) return Fail(note.error());
  auto file = core::RenderNote(deps, system, note->id, lang, *format);
  if (!file) return Fail(file.error());
  if (auto r = WriteNewFile(*args.Get("o"), file->bytes); !r) return Fail(r.error());
  std::cout << "Wrote " << *args.Get("o") << ": note " << core::Format(*note->number) << " of "
            << core::FormatDate(*note->date) << " (" << lang << ", " << core::ToString(*format) << ", "
            << file->bytes.size() << " bytes)\n";
  return cli::kExitOk;
}

int ImportMinutes(const cli::Arguments& args) {
  const std::string path = *args.Get("file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(core::Error::NotFound("cannot read " + path));
  std::stringstream text;
  text << in.rdbuf();
  auto rt = OpenRuntime(*args.Get("data"), DataDir::kExisting);
  if (!rt) return Fail(rt.error());
  auto imported = ImportMinutesText(*(*rt)->deps, core::Actor::System(), text.str(), std::cerr);
  if (!imported) return Fail(imported.error());
  for (const auto& line : imported->unrecognised) std::cout << "not recognised: " << line << "\n";
  std::cout << "Imported " << imported->meeting_code << ": " << imported->items << " items, " << imported->statements
            << " statements, " << imported->decisions << " decisions, " << imported->mandates << " mandates\n"
            << "Minutes: " << imported->symbol << "\n";
  return cli::kExitOk;
}

}  // namespace chancery::app
