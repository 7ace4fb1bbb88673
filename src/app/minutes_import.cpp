#include "app/minutes_import.hpp"

#include <string>

#include "codec/minutes_text.hpp"

namespace chancery::app {

core::Result<ImportedMinutes> ImportMinutesText(core::Deps& deps, const core::Actor& actor, std::string_view text,
                                                std::ostream& progress) {
  auto parsed = codec::ParseMinutesText(text);
  if (!parsed) return parsed.error();
  progress << "read " << parsed->content.paragraphs.size() << " paragraphs; recording…" << std::endl;
  const auto& f = parsed->facts;
  core::MinutesToImport in{parsed->content, f.body, f.starts_on, f.ends_on, f.format, f.venue, f.chair_person,
                           f.agenda_symbol};
  auto report = core::ImportMinutes(deps, actor, in, [&](const core::ImportProgress& p) {
    auto count = [](int n, const char* noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); };
    progress << "recorded item " << p.item << " of " << p.items << ": " << count(p.statements, "statement") << ", "
             << count(p.mandates, "mandate") << std::endl;
  });
  if (!report) return report.error();
  ImportedMinutes out{*report, {}};
  for (const auto& u : parsed->unrecognised) {
    out.unrecognised.push_back("line " + std::to_string(u.line_number) + ": " + u.text + " (" + u.why + ")");
  }
  for (const auto& n : report->not_recorded) out.unrecognised.push_back("paragraph " + n);
  return out;
}

}  // namespace chancery::app
