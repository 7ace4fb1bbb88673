#pragma once
// The wordings of notices to users (data/templates/notices), built into the binary like the
// note templates, so that a fresh installation has them without files beside it.
#include <map>
#include <string>
#include <utility>

namespace chancery::app {

// data/templates/notices/<wording>.<lang>.txt, by (wording, language).
const std::map<std::pair<std::string, std::string>, std::string>& DefaultNoticeTemplates();

}  // namespace chancery::app
