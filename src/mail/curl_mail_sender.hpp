#pragma once
// core::MailSender over SMTP through libcurl: one connection per message, a multipart/mixed
// message (the text body, then each attachment base64-encoded), the subject encoded as
// RFC 2047 UTF-8 words so that "№" and Cyrillic survive any server.
#include <chrono>
#include <string>

#include "core/ports/mail.hpp"

namespace chancery::mail {

class CurlMailSender : public core::MailSender {
 public:
  // `url`: "smtp://127.0.0.1:2525" (or smtps://…). `timeout` bounds one whole exchange, and
  // must stay below the delivery log's claim (core::RetryPolicy::claim_for).
  explicit CurlMailSender(std::string url, std::chrono::seconds timeout = std::chrono::seconds{60});
  core::Result<void> Send(const core::MailMessage& message) override;

 private:
  std::string url_;
  std::chrono::seconds timeout_;
};

// "=?UTF-8?B?…?=" words of at most 75 characters, folded with CRLF SP; cut only between UTF-8
// characters. ASCII-only text comes back unchanged.
std::string EncodeHeaderWords(const std::string& text);

}  // namespace chancery::mail
