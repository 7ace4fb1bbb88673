#pragma once
// Sending e-mail. Adapter: src/mail (SMTP through libcurl). Core composes the message; the
// adapter only encodes and delivers it.
#include <string>
#include <vector>

#include "core/result.hpp"

namespace chancery::core {

struct MailAttachment {
  std::string filename;    // ASCII: "NV-17-1-435-2021-en.pdf"
  std::string media_type;  // "application/pdf"
  std::string content;
};

struct MailMessage {
  std::string from;     // addresses alone, as core::IsMailAddress accepts them
  std::string to;
  std::string subject;  // UTF-8
  std::string body;     // UTF-8 plain text
  std::vector<MailAttachment> attachments;
};

class MailSender {
 public:
  virtual ~MailSender() = default;
  // Success once the server accepted the message. A refusal or an unreachable server is
  // kUnavailable with the reason, which the delivery log keeps.
  virtual Result<void> Send(const MailMessage& message) = 0;
};

}  // namespace chancery::core
