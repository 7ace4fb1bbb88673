// RenderNoteText: a note in the seed's plain layout, so that it can be compared paragraph by
// paragraph with the seed's Note Verbale № 17-1/435.
#include <string>

#include "render/common.hpp"
#include "render/note_render.hpp"

namespace chancery::render {

core::Result<std::string> RenderNoteText(const std::vector<core::ExpandedNote>& versions) {
  if (auto valid = internal::ValidateNoteVersions(versions); !valid) return valid.error();
  std::string out;
  for (std::size_t v = 0; v < versions.size(); ++v) {
    if (v > 0) out += "\n\n";  // with the last block's blank line: three, as between the seed's pages
    for (const core::NoteBlock& block : versions[v].blocks) out += block.text + "\n\n";
  }
  out.pop_back();  // one newline at the end, not a blank line
  return out;
}

}  // namespace chancery::render
