#pragma once
// Where the wording of notices to users comes from (model/notice.hpp): a subject and a body per
// wording and language. Adapter: src/app over the texts built into the binary
// (data/templates/notices).
#include <optional>
#include <string_view>

#include "core/model/notice.hpp"
#include "core/result.hpp"

namespace chancery::core {

// The wordings: one per notice kind, except that the outcome of a silence procedure has two,
// "silence_adopted" and "silence_not_adopted".
inline constexpr std::string_view kNoticeWordings[] = {"silence_launched",     "silence_adopted",
                                                       "silence_not_adopted",  "comment_round_opened",
                                                       "comment_round_closing", "meeting_convened"};

class NoticeTemplates {
 public:
  virtual ~NoticeTemplates() = default;
  // nullopt if there is no such wording in that language.
  virtual Result<std::optional<NoticeWording>> Wording(std::string_view wording, std::string_view lang) const = 0;
};

}  // namespace chancery::core
