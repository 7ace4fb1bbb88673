#include "core/model/notice.hpp"

#include <algorithm>

namespace chancery::core {

std::string_view ToString(NoticeKind kind) {
  switch (kind) {
    case NoticeKind::kSilenceLaunched: return "silence_launched";
    case NoticeKind::kSilenceOutcome: return "silence_outcome";
    case NoticeKind::kCommentRoundOpened: return "comment_round_opened";
    case NoticeKind::kCommentRoundClosing: return "comment_round_closing";
    case NoticeKind::kMeetingConvened: return "meeting_convened";
  }
  return "silence_launched";
}

std::optional<NoticeKind> ParseNoticeKind(std::string_view text) {
  for (NoticeKind k : kAllNoticeKinds) {
    if (ToString(k) == text) return k;
  }
  return std::nullopt;
}

bool NoticeChoices::Wants(NoticeKind kind) const { return std::find(off.begin(), off.end(), kind) == off.end(); }

void NoticeChoices::Set(NoticeKind kind, bool on) {
  std::vector<NoticeKind> next;
  for (NoticeKind k : kAllNoticeKinds) {
    const bool is_off = k == kind ? !on : !Wants(k);
    if (is_off) next.push_back(k);
  }
  off = std::move(next);
}

std::string FormatNoticesOff(const NoticeChoices& choices) {
  std::string out;
  for (NoticeKind k : choices.off) {
    if (!out.empty()) out += ',';
    out += ToString(k);
  }
  return out;
}

std::optional<NoticeChoices> ParseNoticesOff(std::string_view text) {
  NoticeChoices out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const auto word = text.substr(0, comma);
    auto kind = ParseNoticeKind(word);
    if (!kind) return std::nullopt;
    out.Set(*kind, false);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
  }
  return out;
}

std::string NoticeEventKey(NoticeKind kind, std::int64_t object_id) {
  const std::string id = std::to_string(object_id);
  switch (kind) {
    case NoticeKind::kSilenceLaunched: return "silence:" + id + ":launched";
    case NoticeKind::kSilenceOutcome: return "silence:" + id + ":outcome";
    case NoticeKind::kCommentRoundOpened: return "comment_round:" + id + ":opened";
    case NoticeKind::kCommentRoundClosing: return "comment_round:" + id + ":closing";
    case NoticeKind::kMeetingConvened: return "meeting:" + id + ":convened";
  }
  return "unknown:" + id;
}

Result<NoticeWording> ParseNoticeWording(std::string_view text) {
  const auto end = text.find('\n');
  if (end == std::string_view::npos || end == 0) {
    return Error::InvalidArgument("a notice template starts with its subject line, then a blank line");
  }
  NoticeWording out;
  out.subject = std::string(text.substr(0, end));
  auto rest = text.substr(end + 1);
  if (rest.empty() || rest.front() != '\n') {
    return Error::InvalidArgument("a blank line must follow the subject of a notice template");
  }
  rest.remove_prefix(1);
  while (!rest.empty() && rest.back() == '\n') rest.remove_suffix(1);
  if (rest.empty()) return Error::InvalidArgument("a notice template needs a body");
  out.body = std::string(rest) + "\n";
  return out;
}

Result<std::string> ExpandNotice(std::string_view text, const std::map<std::string, std::string>& values) {
  std::string out;
  for (std::size_t at = 0;;) {
    const auto open = text.find("{{", at);
    if (open == std::string_view::npos) {
      out.append(text.substr(at));
      return out;
    }
    const auto close = text.find("}}", open + 2);
    if (close == std::string_view::npos) return Error::InvalidArgument("unclosed {{ in a notice template");
    out.append(text.substr(at, open - at));
    const std::string name(text.substr(open + 2, close - open - 2));
    auto value = values.find(name);
    if (value == values.end()) return Error::InvalidArgument("no value for {{" + name + "}} in a notice template");
    out += value->second;
    at = close + 2;
  }
}

}  // namespace chancery::core
