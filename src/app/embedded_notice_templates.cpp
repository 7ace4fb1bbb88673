#include "app/embedded_notice_templates.hpp"

#include "app/default_notice_templates.hpp"
#include "core/model/participant.hpp"

namespace chancery::app {

core::Result<EmbeddedNoticeTemplates> EmbeddedNoticeTemplates::Load() {
  EmbeddedNoticeTemplates out;
  for (const auto& [key, text] : DefaultNoticeTemplates()) {
    auto wording = core::ParseNoticeWording(text);
    if (!wording) {
      return core::Error::Internal("built-in notice " + key.first + "." + key.second + ": " + wording.error().message);
    }
    out.wordings_.emplace(key, std::move(*wording));
  }
  for (std::string_view wording : core::kNoticeWordings) {
    for (std::string_view lang : core::kLanguages) {
      if (!out.wordings_.contains({std::string(wording), std::string(lang)})) {
        return core::Error::Internal("no built-in notice " + std::string(wording) + "." + std::string(lang));
      }
    }
  }
  return out;
}

core::Result<std::optional<core::NoticeWording>> EmbeddedNoticeTemplates::Wording(std::string_view wording,
                                                                                  std::string_view lang) const {
  auto found = wordings_.find({std::string(wording), std::string(lang)});
  if (found == wordings_.end()) return std::optional<core::NoticeWording>{};
  return std::optional<core::NoticeWording>{found->second};
}

}  // namespace chancery::app
