#include "mail/curl_mail_sender.hpp"

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace chancery::mail {
namespace {

std::string Base64(std::string_view bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += {kAlphabet[(v >> 18) & 63], kAlphabet[(v >> 12) & 63], kAlphabet[(v >> 6) & 63], kAlphabet[v & 63]};
  }
  if (const auto rest = bytes.size() - i; rest > 0) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (rest == 2) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += rest == 2 ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

bool IsAsciiLine(const std::string& text) {
  for (unsigned char c : text) {
    if (c >= 127 || c < ' ') return false;
  }
  return true;
}

// libcurl's global state, set up once per process before any handle (it is not thread-safe).
void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct CurlFree {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
  void operator()(curl_mime* m) const { curl_mime_free(m); }
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

}  // namespace

std::string EncodeHeaderWords(const std::string& text) {
  if (IsAsciiLine(text)) return text;
  // 45 bytes give 60 base64 characters, within the 75 of an encoded word with its 12 of framing.
  constexpr std::size_t kChunk = 45;
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = std::min(start + kChunk, text.size());
    // Back up to the first byte of a UTF-8 character: a word must hold whole characters.
    while (end < text.size() && end > start && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + Base64(std::string_view(text).substr(start, end - start)) + "?=";
    start = end;
  }
  return out;
}

CurlMailSender::CurlMailSender(std::string url, std::chrono::seconds timeout) : url_(std::move(url)), timeout_(timeout) {
  GlobalInit();
}

core::Result<void> CurlMailSender::Send(const core::MailMessage& message) {
  std::unique_ptr<CURL, CurlFree> curl(curl_easy_init());
  if (!curl) return core::Error::Internal("curl_easy_init failed");
  CURL* c = curl.get();
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_URL, url_.c_str());
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // worker threads: no SIGALRM for timeouts
  curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(timeout_.count()));
  const std::string from = "<" + message.from + ">";
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
  std::unique_ptr<curl_slist, CurlFree> rcpt(curl_slist_append(nullptr, ("<" + message.to + ">").c_str()));
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());

  curl_slist* headers = nullptr;
  for (const std::string& h : {"From: " + message.from, "To: " + message.to,
                               "Subject: " + EncodeHeaderWords(message.subject)}) {
    headers = curl_slist_append(headers, h.c_str());
  }
  std::unique_ptr<curl_slist, CurlFree> header_list(headers);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);

  std::unique_ptr<curl_mime, CurlFree> mime(curl_mime_init(c));
  curl_mimepart* body = curl_mime_addpart(mime.get());
  curl_mime_data(body, message.body.data(), message.body.size());
  curl_mime_type(body, "text/plain; charset=utf-8");
  curl_mime_encoder(body, "quoted-printable");
  for (const auto& a : message.attachments) {
    curl_mimepart* part = curl_mime_addpart(mime.get());
    curl_mime_data(part, a.content.data(), a.content.size());
    curl_mime_type(part, a.media_type.c_str());
    curl_mime_filename(part, a.filename.c_str());
    curl_mime_encoder(part, "base64");
  }
  curl_easy_setopt(c, CURLOPT_MIMEPOST, mime.get());

  const CURLcode rc = curl_easy_perform(c);
  if (rc != CURLE_OK) {
    std::string why = error[0] ? error : curl_easy_strerror(rc);
    long response = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response);
    if (response != 0) why += " (SMTP " + std::to_string(response) + ")";
    return core::Error::Unavailable(why);
  }
  return core::Ok();
}

}  // namespace chancery::mail
