// The subject's RFC 2047 encoding (expected words from Python's base64) and a send to a port
// where nothing listens, which must come back kUnavailable with libcurl's reason.
#include "mail/curl_mail_sender.hpp"

#include <gtest/gtest.h>

namespace chancery::mail {
namespace {

TEST(EncodeHeaderWords, AsciiStaysAsItIs) {
  EXPECT_EQ(EncodeHeaderWords("Note Verbale 17-1/435"), "Note Verbale 17-1/435");
}

TEST(EncodeHeaderWords, Utf8BecomesBase64WordsCutBetweenCharacters) {
  EXPECT_EQ(EncodeHeaderWords("Вербальная нота № 17-1/435"),
            "=?UTF-8?B?0JLQtdGA0LHQsNC70YzQvdCw0Y8g0L3QvtGC0LAg4oSWIDE3LTEvNDM1?=");
  // 45 bytes a word at most, never half a Cyrillic letter or of the dash.
  EXPECT_EQ(EncodeHeaderWords("Вербальная нота № 17-1/435 — Окончательный протокол заседания"),
            "=?UTF-8?B?0JLQtdGA0LHQsNC70YzQvdCw0Y8g0L3QvtGC0LAg4oSWIDE3LTEvNDM1IA==?=\r\n"
            " =?UTF-8?B?4oCUINCe0LrQvtC90YfQsNGC0LXQu9GM0L3Ri9C5INC/0YDQvtGC0L7QutC+?=\r\n"
            " =?UTF-8?B?0Lsg0LfQsNGB0LXQtNCw0L3QuNGP?=");
}

TEST(CurlMailSender, AServerThatIsNotThereIsUnavailable) {
  CurlMailSender sender("smtp://127.0.0.1:1", std::chrono::seconds{5});
  auto sent = sender.Send({"nv@cica.example", "nv@mfa.kz", "Test", "Body", {}});
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, core::ErrorCode::kUnavailable);
  EXPECT_FALSE(sent.error().message.empty());
}

}  // namespace
}  // namespace chancery::mail
