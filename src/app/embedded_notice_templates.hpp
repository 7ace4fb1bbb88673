#pragma once
// The notice templates port (core/ports/notice_templates.hpp) over the wordings built into the
// binary (default_notice_templates.hpp).
#include <map>
#include <string>
#include <utility>

#include "core/ports/notice_templates.hpp"

namespace chancery::app {

class EmbeddedNoticeTemplates : public core::NoticeTemplates {
 public:
  // Reads every built-in text once and checks that each wording exists in every language: a
  // missing or malformed one is an error at start-up, not when an event is planned.
  static core::Result<EmbeddedNoticeTemplates> Load();
  core::Result<std::optional<core::NoticeWording>> Wording(std::string_view wording,
                                                          std::string_view lang) const override;

 private:
  std::map<std::pair<std::string, std::string>, core::NoticeWording> wordings_;
};

}  // namespace chancery::app
