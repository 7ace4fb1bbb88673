#pragma once
// Dispatching registered Notes Verbales by e-mail (issue 5, part 5): registered addresses per
// participant, one queued delivery per addressee per address, and the worker's steps — claim a
// due delivery in a write transaction, send it outside any transaction, record the outcome.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/delivery.hpp"
#include "core/model/user.hpp"
#include "core/ports/mail.hpp"
#include "core/services/deps.hpp"

namespace chancery::core {

// Settings read by the worker on every pass, so that an administrator's change takes effect
// without a restart.
inline constexpr char kSmtpFrom[] = "smtp.from";
inline constexpr char kSmtpUrl[] = "smtp.url";  // read by serve at start; --smtp-url overrides it
inline constexpr char kDispatchMaxAttempts[] = "dispatch.max_attempts";
inline constexpr char kDispatchRetryBaseMs[] = "dispatch.retry_base_ms";
inline constexpr char kDefaultSmtpFrom[] = "secretariat@chancery.invalid";

struct DispatchSettings {
  std::string from = kDefaultSmtpFrom;
  RetryPolicy retry;
};
Result<DispatchSettings> LoadDispatchSettings(Deps& deps);
// kInvalidArgument unless `value` suits the dispatch setting `key`; true if `key` is one.
Result<bool> CheckDispatchSetting(std::string_view key, std::string_view value);

// Secretariat only, both ways: addresses are contact details, not for delegates to browse.
Result<std::vector<std::string>> GetAddresses(Deps& deps, const Actor& actor, const std::string& participant_id);
Result<std::vector<std::string>> SetAddresses(Deps& deps, const Actor& actor, const std::string& participant_id,
                                              std::vector<std::string> addresses);

// Registered → dispatched, with the deliveries queued in the same transaction (due now).
// kFailedPrecondition unless registered, or when an addressee has no registered address
// (naming them): a note is never marked dispatched while someone could not be sent it.
Result<std::vector<Delivery>> DispatchNote(Deps& deps, const Actor& actor, std::int64_t note_id);
// The note's delivery log as `actor` may see it (core::Decide, kDelivery): all of it for the
// Secretariat; for a delegate, of a registered note addressed to their state, their state's
// rows only; kNotFound for a note they may not read.
Result<std::vector<Delivery>> ListDeliveries(Deps& deps, const Actor& actor, std::int64_t note_id);

// The worker's steps. Claim: the earliest due delivery, counted and held (see Claim), in one
// write transaction; nullopt if none is due.
Result<std::optional<Delivery>> ClaimDueDelivery(Deps& deps, const RetryPolicy& policy);
// Records the outcome of the claimed attempt: sent when `error` is nullopt. A delivery sent, or
// failed for good, is audited (actor system; "note.delivery_sent" / "note.delivery_failed",
// object "delivery" named by note number, participant and address).
Result<Delivery> RecordDeliveryOutcome(Deps& deps, const RetryPolicy& policy, std::int64_t id,
                                       std::optional<std::string> error);
// What the e-mail of registered note `note` attaches (model/note_mail.hpp's plan): each
// language version rendered as PDF from its frozen text; each enclosed document version
// rendered as PDF in each of the note's languages (once in its original when untranslated),
// refused (kFailedPrecondition) when its pages are not those the text states; each uploaded
// file as uploaded. Reads in one read transaction, renders outside it.
Result<std::vector<MailAttachment>> RenderNoteAttachments(Deps& deps, const OutgoingNote& note);
// Claims, sends and records due deliveries until none is due; how many attempts it made.
Result<int> SendDueDeliveries(Deps& deps, MailSender& mail);
Result<std::optional<Instant>> NextDeliveryAttempt(Deps& deps);

}  // namespace chancery::core
