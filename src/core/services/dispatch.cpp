#include "core/services/dispatch.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <set>

#include "core/model/note_mail.hpp"
#include "core/policy.hpp"
#include "core/services/audit_trail.hpp"
#include "core/services/canonical.hpp"
#include "core/services/note_composition.hpp"
#include "core/services/notes.hpp"

namespace chancery::core {
namespace {

const ObjectRef kParticipants{ObjectKind::kParticipant, {}};

ObjectRef NoteRef(const OutgoingNote& n) {
  return {ObjectKind::kNote, {}, false, std::nullopt, std::nullopt, n.status == NoteStatus::kDraft, n.addressees};
}

std::optional<std::int64_t> WholeNumber(std::string_view text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string CanonicalAddresses(const std::string& participant_id, const std::vector<std::string>& addresses) {
  std::string out;
  Put(out, "participant", participant_id);
  for (const auto& a : addresses) Put(out, "address", a);
  return out;
}

std::string CanonicalDispatch(const OutgoingNote& n, const std::vector<Delivery>& deliveries) {
  std::string out;
  Put(out, "note", std::to_string(n.id));
  Put(out, "status", ToString(n.status));
  for (const auto& d : deliveries) Put(out, "delivery", d.participant_id + " " + d.address);
  return out;
}

// What the audit record of a delivery's outcome names: the note's number, the addressee and
// the address ("7-1/397 IND mfa@example.in"), readable in the log without the delivery table.
std::string DeliveryAuditId(const std::string& number, const Delivery& d) {
  return number + " " + d.participant_id + " " + d.address;
}

std::string CanonicalDelivery(const std::string& number, DeliveryStatus status, const std::string& error) {
  std::string out;
  Put(out, "note", number);
  Put(out, "status", ToString(status));
  Put(out, "last_error", error);
  return out;
}

// The Secretariat's view of a note: kNotFound when the policy hides it, kPermissionDenied when
// the actor may read the note but not act on its dispatch.
Result<OutgoingNote> NoteForSecretariat(Transaction& tx, const Actor& actor, std::int64_t id) {
  auto found = tx.Notes().Find(id);
  if (!found) return found.error();
  const std::string what = "note " + std::to_string(id);
  if (!*found) return Error::NotFound(what + " not found");
  if (auto denied = Check(actor, Action::kUpdate, NoteRef(**found), what)) return *denied;
  return std::move(**found);
}

}  // namespace

Result<bool> CheckDispatchSetting(std::string_view key, std::string_view value) {
  if (key == kSmtpFrom) {
    if (!IsMailAddress(value)) return Error::InvalidArgument("smtp.from must be an e-mail address", std::string(key));
    return true;
  }
  if (key == kSmtpUrl) {
    if (value.rfind("smtp://", 0) != 0 && value.rfind("smtps://", 0) != 0) {
      return Error::InvalidArgument("smtp.url must be smtp://HOST:PORT or smtps://HOST:PORT", std::string(key));
    }
    return true;
  }
  if (key == kDispatchMaxAttempts) {
    auto n = WholeNumber(value);
    if (!n || *n < 1 || *n > 100) return Error::InvalidArgument("must be a whole number from 1 to 100", std::string(key));
    return true;
  }
  if (key == kDispatchRetryBaseMs) {
    auto n = WholeNumber(value);
    if (!n || *n < 100 || *n > 86'400'000) {
      return Error::InvalidArgument("must be milliseconds from 100 to 86400000", std::string(key));
    }
    return true;
  }
  return false;
}

Result<DispatchSettings> LoadDispatchSettings(Deps& deps) {
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  DispatchSettings out;
  auto& settings = (*tx)->Settings();
  auto from = settings.Get(kSmtpFrom);
  if (!from) return from.error();
  if (*from) out.from = **from;
  // Stored values were checked when set (CheckDispatchSetting).
  auto attempts = settings.Get(kDispatchMaxAttempts);
  if (!attempts) return attempts.error();
  if (*attempts) {
    if (auto n = WholeNumber(**attempts)) out.retry.max_attempts = static_cast<int>(*n);
  }
  auto base = settings.Get(kDispatchRetryBaseMs);
  if (!base) return base.error();
  if (*base) {
    if (auto n = WholeNumber(**base)) out.retry.base_delay = std::chrono::milliseconds{*n};
  }
  return out;
}

Result<std::vector<std::string>> GetAddresses(Deps& deps, const Actor& actor, const std::string& participant_id) {
  if (auto denied = Check(actor, Action::kUpdate, kParticipants, "addresses")) return *denied;
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  auto p = (*tx)->Participants().Find(participant_id);
  if (!p) return p.error();
  if (!*p) return Error::NotFound("participant " + participant_id + " not found");
  return (*tx)->Addresses().Addresses(participant_id);
}

Result<std::vector<std::string>> SetAddresses(Deps& deps, const Actor& actor, const std::string& participant_id,
                                              std::vector<std::string> addresses) {
  if (auto denied = Check(actor, Action::kUpdate, kParticipants, "addresses")) return *denied;
  if (addresses.size() > 20) return Error::InvalidArgument("at most 20 addresses", "addresses");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < addresses.size(); ++i) {
    const std::string at = "addresses[" + std::to_string(i) + "]";
    if (!IsMailAddress(addresses[i])) return Error::InvalidArgument("not an e-mail address", at);
    std::string folded = addresses[i];
    std::transform(folded.begin(), folded.end(), folded.begin(), [](unsigned char c) { return std::tolower(c); });
    if (!seen.insert(folded).second) return Error::InvalidArgument(addresses[i] + " twice", at);
  }
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto p = (*tx)->Participants().Find(participant_id);
  if (!p) return p.error();
  if (!*p) return Error::NotFound("participant " + participant_id + " not found");
  auto before = (*tx)->Addresses().Addresses(participant_id);
  if (!before) return before.error();
  if (auto r = (*tx)->Addresses().SetAddresses(participant_id, addresses); !r) return r.error();
  if (auto r = Record(deps, **tx, actor,
                      {"participant.addresses", "participant", participant_id,
                       CanonicalAddresses(participant_id, *before), CanonicalAddresses(participant_id, addresses)});
      !r) {
    return r.error();
  }
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return addresses;
}

Result<std::vector<Delivery>> DispatchNote(Deps& deps, const Actor& actor, std::int64_t note_id) {
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto n = NoteForSecretariat(**tx, actor, note_id);
  if (!n) return n.error();
  if (n->status != NoteStatus::kRegistered) {
    return Error::FailedPrecondition(n->status == NoteStatus::kDraft
                                         ? "note " + std::to_string(note_id) + " is a draft; register it first"
                                         : "note " + Format(*n->number) + " has already been dispatched");
  }
  const Instant now = deps.clock.Now();
  std::vector<Delivery> queued;
  std::string without;
  for (const auto& participant : n->addressees) {
    auto addresses = (*tx)->Addresses().Addresses(participant);
    if (!addresses) return addresses.error();
    if (addresses->empty()) without += (without.empty() ? "" : ", ") + participant;
    for (const auto& address : *addresses) {
      Delivery d;
      d.note_id = note_id;
      d.participant_id = participant;
      d.address = address;
      d.next_attempt_at = now;
      queued.push_back(std::move(d));
    }
  }
  if (!without.empty()) {
    return Error::FailedPrecondition("no registered address for " + without, "addressees");
  }
  for (auto& d : queued) {
    auto id = (*tx)->Deliveries().Insert(d);
    if (!id) return id.error();
    d.id = *id;
  }
  const std::string before = CanonicalDispatch(*n, {});
  n->status = NoteStatus::kDispatched;
  n->dispatched_at = now;
  if (auto r = (*tx)->Notes().Update(*n); !r) return r.error();
  if (auto r = Record(deps, **tx, actor,
                      {"note.dispatch", "note", std::to_string(note_id), before, CanonicalDispatch(*n, queued)});
      !r) {
    return r.error();
  }
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return queued;
}

Result<std::vector<Delivery>> ListDeliveries(Deps& deps, const Actor& actor, std::int64_t note_id) {
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  auto found = (*tx)->Notes().Find(note_id);
  if (!found) return found.error();
  const std::string what = "note " + std::to_string(note_id);
  if (!*found) return Error::NotFound(what + " not found");
  const OutgoingNote& n = **found;
  ObjectRef log = NoteRef(n);
  log.kind = ObjectKind::kDelivery;
  if (auto denied = Check(actor, Action::kList, log, what)) return *denied;
  auto rows = (*tx)->Deliveries().ListForNote(note_id);
  if (!rows) return rows.error();
  // Row by row: a delegate keeps only their own state's rows, never another's addresses.
  std::vector<Delivery> out;
  for (auto& d : *rows) {
    ObjectRef row = log;
    row.participant_id = d.participant_id;
    if (Decide(actor, Action::kRead, row) == Verdict::kAllow) out.push_back(std::move(d));
  }
  return out;
}

Result<std::optional<Delivery>> ClaimDueDelivery(Deps& deps, const RetryPolicy& policy) {
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  const Instant now = deps.clock.Now();
  auto due = (*tx)->Deliveries().Due(now, 1);
  if (!due) return due.error();
  if (due->empty()) return std::optional<Delivery>();
  Delivery d = std::move(due->front());
  Claim(d, policy, now);
  if (auto r = (*tx)->Deliveries().Update(d); !r) return r.error();
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return std::optional<Delivery>(std::move(d));
}

Result<Delivery> RecordDeliveryOutcome(Deps& deps, const RetryPolicy& policy, std::int64_t id,
                                       std::optional<std::string> error) {
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto found = (*tx)->Deliveries().Find(id);
  if (!found) return found.error();
  if (!*found) return Error::NotFound("delivery " + std::to_string(id) + " not found");
  Delivery d = std::move(**found);
  const DeliveryStatus was = d.status;
  const Instant now = deps.clock.Now();
  if (error) {
    MarkAttemptFailed(d, policy, now, std::move(*error));
  } else {
    MarkSent(d, now);
  }
  if (auto r = (*tx)->Deliveries().Update(d); !r) return r.error();
  // The outcome that ends a delivery goes into the audit log once, in the same transaction:
  // sent, or failed for good (a retry still to come is not an outcome).
  if (was == DeliveryStatus::kQueued && d.status != DeliveryStatus::kQueued) {
    auto note = (*tx)->Notes().Find(d.note_id);
    if (!note) return note.error();
    const std::string number = *note && (*note)->number ? Format(*(*note)->number) : std::to_string(d.note_id);
    const bool sent = d.status == DeliveryStatus::kSent;
    if (auto r = Record(deps, **tx, Actor::System(),
                        {sent ? "note.delivery_sent" : "note.delivery_failed", "delivery",
                         DeliveryAuditId(number, d), CanonicalDelivery(number, was, d.last_error),
                         CanonicalDelivery(number, d.status, d.last_error)});
        !r) {
      return r.error();
    }
  }
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return d;
}

Result<std::vector<MailAttachment>> RenderNoteAttachments(Deps& deps, const OutgoingNote& note) {
  if (!deps.renderer) return Error::Unavailable("this server renders no notes");
  if (!note.date) return Error::FailedPrecondition("note " + std::to_string(note.id) + " has no date");
  const auto plan = PlanNoteAttachments(note);
  // Everything the attachments are made of is read in one snapshot, then rendered with no
  // transaction open: rendering takes time and must hold neither the writer slot nor a snapshot.
  std::vector<std::optional<EnclosureRendering>> documents(plan.size());
  std::vector<std::optional<std::string>> files(plan.size());
  std::vector<std::optional<StoredFile>> file_records(plan.size());
  {
    auto tx = deps.store.Begin(TxMode::kRead);
    if (!tx) return tx.error();
    for (std::size_t i = 0; i < plan.size(); ++i) {
      const std::string at = "enclosure " + std::to_string(plan[i].enclosure + 1);
      if (plan[i].kind == AttachmentKind::kDocument) {
        auto r = ResolveEnclosure(deps, **tx, note.enclosures[plan[i].enclosure], plan[i].lang, at);
        if (!r) return r.error();
        documents[i] = std::move(*r);
      } else if (plan[i].kind == AttachmentKind::kFile) {
        const auto id = *note.enclosures[plan[i].enclosure].file_id;
        auto f = (*tx)->Files().Find(id);
        if (!f) return f.error();
        auto bytes = (*tx)->Files().Content(id);
        if (!bytes) return bytes.error();
        if (!*f || !*bytes) return Error::FailedPrecondition(at + ": file " + std::to_string(id) + " is missing");
        file_records[i] = std::move(*f);
        files[i] = std::move(*bytes);
      }
    }
  }
  std::vector<MailAttachment> out;
  std::set<std::string> names;
  for (std::size_t i = 0; i < plan.size(); ++i) {
    const AttachmentPlan& p = plan[i];
    const Enclosure* e = p.kind == AttachmentKind::kNote ? nullptr : &note.enclosures[p.enclosure];
    const std::string at = "enclosure " + std::to_string(p.enclosure + 1);
    switch (p.kind) {
      case AttachmentKind::kNote: {
        auto versions = NoteVersionsToRender(deps, note, p.lang);
        if (!versions) return versions.error();
        auto pdf = deps.renderer->RenderNote(*versions, RenderFormat::kPdf, *note.date);
        if (!pdf) return Error{pdf.error().code, "rendering the " + p.lang + " text as PDF: " + pdf.error().message, {}};
        out.push_back({NoteAttachmentName(note, p.lang), kPdfMediaType, std::move(*pdf)});
        break;
      }
      case AttachmentKind::kDocument: {
        const EnclosureRendering& r = *documents[i];
        // A version not translated into this language is enclosed once, in its original.
        const std::string name = EnclosureAttachmentName(note, p.enclosure + 1, r.content.lang);
        if (!names.insert(name).second) break;
        auto pdf = deps.renderer->Render(r.content, RenderFormat::kPdf, r.heading);
        if (!pdf) return Error{pdf.error().code, "rendering " + at + " (" + r.name + "): " + pdf.error().message, {}};
        // The text states the pages counted at registration: a rendering that has since
        // changed (fonts, layout) would make the note say something false, so it is not sent.
        const auto stated = PagesIn(*e, p.lang);
        if (stated) {
          auto pages = deps.pdf_inspector ? deps.pdf_inspector->Pages(*pdf) : deps.renderer->PdfPages(r.content, r.heading);
          if (!pages) return Error{pages.error().code, "counting the pages of " + at + ": " + pages.error().message, {}};
          if (*pages != *stated) {
            return Error::FailedPrecondition(at + " (" + r.name + ") renders on " + std::to_string(*pages) +
                                             " pages; the " + p.lang + " text of the note states " +
                                             std::to_string(*stated));
          }
        }
        out.push_back({name, kPdfMediaType, std::move(*pdf)});
        break;
      }
      case AttachmentKind::kFile: {
        // As uploaded, byte for byte: the digest taken then must still match.
        if (deps.digest.Sha256Hex(*files[i]) != file_records[i]->sha256) {
          return Error::Internal(at + ": file " + std::to_string(file_records[i]->id) + " no longer matches its digest");
        }
        out.push_back({EnclosureAttachmentName(note, p.enclosure + 1), kPdfMediaType, std::move(*files[i])});
        break;
      }
    }
  }
  return out;
}

Result<int> SendDueDeliveries(Deps& deps, MailSender& mail) {
  auto settings = LoadDispatchSettings(deps);
  if (!settings) return settings.error();
  int attempts = 0;
  std::map<std::int64_t, Result<std::vector<MailAttachment>>> rendered;
  for (;;) {
    auto claimed = ClaimDueDelivery(deps, settings->retry);
    if (!claimed) return claimed.error();
    if (!*claimed) return attempts;
    ++attempts;
    const Delivery& d = **claimed;
    std::optional<OutgoingNote> note;
    {
      auto tx = deps.store.Begin(TxMode::kRead);
      if (!tx) return tx.error();
      auto found = (*tx)->Notes().Find(d.note_id);
      if (!found) return found.error();
      note = std::move(*found);
    }
    // Sent outside any transaction: an SMTP exchange must hold neither the writer slot nor a
    // snapshot.
    std::optional<std::string> error;
    if (!note) {
      error = "note " + std::to_string(d.note_id) + " not found";
    } else {
      // Rendered once per note in a pass, however many addresses it goes to; a rendering that
      // fails is a failed attempt with its reason in the log, retried like a refused server.
      auto cached = rendered.find(d.note_id);
      if (cached == rendered.end()) cached = rendered.emplace(d.note_id, RenderNoteAttachments(deps, *note)).first;
      if (!cached->second) {
        error = "note " + (note->number ? Format(*note->number) : std::to_string(note->id)) +
                " could not be rendered: " + cached->second.error().message;
      } else if (auto sent = mail.Send(ComposeNoteMail(*note, settings->from, d.address, *cached->second)); !sent) {
        error = sent.error().message;
      }
    }
    if (auto r = RecordDeliveryOutcome(deps, settings->retry, d.id, std::move(error)); !r) return r.error();
  }
}

Result<std::optional<Instant>> NextDeliveryAttempt(Deps& deps) {
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  return (*tx)->Deliveries().NextAttempt();
}

}  // namespace chancery::core
