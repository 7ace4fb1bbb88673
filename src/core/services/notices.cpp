#include "core/services/notices.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "core/local_time.hpp"
#include "core/model/body.hpp"
#include "core/services/audit_trail.hpp"
#include "core/services/dispatch.hpp"

namespace chancery::core {
namespace {

using Values = std::map<std::string, std::string>;

// Comment rounds are read as a Member-States-only document is (comment_rounds.cpp), besides
// the document itself.
const ObjectRef kRoundRef{ObjectKind::kDocument, {}, false, std::nullopt, AccessCategory::kMemberStatesOnly};
const ObjectRef kSilenceRef{ObjectKind::kSilenceProcedure, {}};
const ObjectRef kMeetingRef{ObjectKind::kMeeting, {}};

std::optional<int> Hours(std::string_view text, int min, int max) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) return std::nullopt;
  return value;
}

std::string BodyName(BodyCode code, std::string_view lang) {
  const Body& b = BodyOf(code);
  if (lang == "ru") return b.name_ru;
  if (lang == "kk") return b.name_kk;
  return b.name_en;
}

// An instant as a reader expects it: a deadline at the end of a local day (R29's default, the
// comment period's) is "7 December 2026, 24:00", not the next day's 00:00, which reads as a day
// later than meant.
std::string WrittenInstant(const Deps& deps, Instant at, const std::string& lang) {
  const auto local = at + deps.zone.OffsetAt(at);
  const auto day = std::chrono::floor<std::chrono::days>(local);
  if (local != day) return deps.formatter.LocalDateTime(at, deps.zone, lang);
  const Date previous{std::chrono::sys_days{day.time_since_epoch()} - std::chrono::days{1}};
  return deps.formatter.WrittenDate(previous, lang, DateForm::kText) + ", 24:00";
}

// The event lies within the lookback: older events were history before notices could be sent.
Result<bool> Recent(const Deps& deps, Transaction& tx, Instant event_at) {
  auto settings = LoadNoticeSettings(tx);
  if (!settings) return settings.error();
  return event_at + settings->lookback >= deps.clock.Now();
}

// Plans one notice of `kind` about object `object_id` for each recipient, worded by `wording`
// in the recipient's language with `values(lang)`. A user who already has it is skipped by the
// outbox's key.
template <class ValuesFor>
Result<int> Plan(const Deps& deps, Transaction& tx, NoticeKind kind, std::string_view wording, std::int64_t object_id,
                 const std::vector<std::string>& concerned, const std::vector<ObjectRef>& objects,
                 std::optional<Instant> stale_after, ValuesFor values) {
  if (!deps.notice_templates) return 0;
  auto users = tx.Users().List();
  if (!users) return users.error();
  int planned = 0;
  const Instant now = deps.clock.Now();
  for (const User& user : NoticeRecipients(*users, concerned, kind, objects)) {
    auto text = deps.notice_templates->Wording(wording, user.language);
    if (!text) return text.error();
    if (!*text) return Error::Internal("no notice wording " + std::string(wording) + " in " + user.language);
    const Values v = values(user.language);
    auto subject = ExpandNotice((*text)->subject, v);
    if (!subject) return subject.error();
    auto body = ExpandNotice((*text)->body, v);
    if (!body) return body.error();
    Notice n;
    n.user_id = user.id;
    n.event_key = NoticeEventKey(kind, object_id);
    n.kind = kind;
    n.address = *user.email;
    n.lang = user.language;
    n.subject = std::move(*subject);
    n.body = std::move(*body);
    n.created_at = now;
    n.stale_after = stale_after;
    n.next_attempt_at = now;
    auto id = tx.Notices().Enqueue(n);
    if (!id) return id.error();
    if (*id) ++planned;
  }
  return planned;
}

std::string DocumentTitle(const Document& d, int version, std::string_view lang) {
  for (const auto& v : d.versions) {
    if (v.number != version) continue;
    const DocumentContent* fallback = nullptr;
    for (const auto& l : v.languages) {
      if (l.content.lang == lang) return l.content.title;
      if (l.status == TranslationStatus::kOriginal) fallback = &l.content;
    }
    if (fallback) return fallback->title;
  }
  return d.symbol;
}

Values RoundValues(const Deps& deps, const CommentRound& round, const Document& d, const std::string& lang) {
  return {{"symbol", d.symbol},
          {"title", DocumentTitle(d, round.version, lang)},
          {"version", std::to_string(round.version)},
          {"deadline", WrittenInstant(deps, round.deadline, lang)}};
}

// A round in the reminder window with someone still to remind: the round, its document, and
// the addressees that have not commented.
struct RoundToRemind {
  CommentRound round;
  Document document;
  std::vector<std::string> silent;
};
Result<std::vector<RoundToRemind>> RoundsToRemind(const Deps& deps, Transaction& tx) {
  auto settings = LoadNoticeSettings(tx);
  if (!settings) return settings.error();
  const Instant now = deps.clock.Now();
  auto rounds = tx.CommentRounds().ClosingBetween(now, now + settings->reminder);
  if (!rounds) return rounds.error();
  std::vector<RoundToRemind> out;
  if (rounds->empty()) return out;
  auto users = tx.Users().List();
  if (!users) return users.error();
  for (auto& round : *rounds) {
    if (round.opened_at >= round.deadline - settings->reminder) continue;
    // Those who answered are not reminded: a state that commented at all has taken part.
    std::vector<std::string> silent;
    for (const auto& p : round.addressees) {
      const bool answered = std::any_of(round.comments.begin(), round.comments.end(),
                                        [&](const Comment& c) { return c.participant_id == p; });
      if (!answered) silent.push_back(p);
    }
    // Cheap first, since most passes find everyone reminded already: the document (every
    // version's text) is read only when someone is still without the reminder.
    const std::string key = NoticeEventKey(NoticeKind::kCommentRoundClosing, round.id);
    bool pending = false;
    for (const User& user : NoticeRecipients(*users, silent, NoticeKind::kCommentRoundClosing, {kRoundRef})) {
      auto has = tx.Notices().Has(user.id, key);
      if (!has) return has.error();
      if (!*has) {
        pending = true;
        break;
      }
    }
    if (!pending) continue;
    auto d = tx.Documents().Find(round.document_id);
    if (!d) return d.error();
    if (!*d) continue;
    out.push_back({std::move(round), std::move(**d), std::move(silent)});
  }
  return out;
}

// The notice as failed without an attempt: it is no longer to be sent.
void Drop(Notice& n, std::string why) {
  n.status = DeliveryStatus::kFailed;
  n.next_attempt_at = std::nullopt;
  n.last_error = std::move(why);
}

// The procedure as a notice in `lang` names it: English keeps the temporary title with its
// "(under silence procedure)" (R7); Russian and Kazakh take the proposal's title in that
// language where one was given, and the English title otherwise.
std::string SilenceTitle(const SilenceProcedure& procedure, const std::string& lang) {
  if (lang == "en") return procedure.title;
  return ProposalTitle(procedure, lang).value_or(procedure.title);
}

}  // namespace

Result<NoticeSettings> LoadNoticeSettings(Transaction& tx) {
  NoticeSettings out;
  auto reminder = tx.Settings().Get(kNoticeReminderHours);
  if (!reminder) return reminder.error();
  // Stored values were checked when set (CheckNoticeSetting).
  if (*reminder) {
    if (auto h = Hours(**reminder, 1, 720)) out.reminder = std::chrono::hours{*h};
  }
  auto lookback = tx.Settings().Get(kNoticeLookbackHours);
  if (!lookback) return lookback.error();
  if (*lookback) {
    if (auto h = Hours(**lookback, 1, 8760)) out.lookback = std::chrono::hours{*h};
  }
  return out;
}

Result<bool> CheckNoticeSetting(std::string_view key, std::string_view value) {
  if (key == kNoticeReminderHours) {
    if (!Hours(value, 1, 720)) return Error::InvalidArgument("must be whole hours from 1 to 720", std::string(key));
    return true;
  }
  if (key == kNoticeLookbackHours) {
    if (!Hours(value, 1, 8760)) return Error::InvalidArgument("must be whole hours from 1 to 8760", std::string(key));
    return true;
  }
  return false;
}

std::vector<User> NoticeRecipients(const std::vector<User>& users, const std::vector<std::string>& concerned,
                                   NoticeKind kind, const std::vector<ObjectRef>& objects) {
  std::vector<User> out;
  for (const User& u : users) {
    if (!u.active || !u.email || !u.participant_id || !u.notices.Wants(kind)) continue;
    if (std::find(concerned.begin(), concerned.end(), *u.participant_id) == concerned.end()) continue;
    const Actor actor = Actor::Of(u);
    const bool visible = std::all_of(objects.begin(), objects.end(),
                                     [&](const ObjectRef& o) { return Decide(actor, Action::kRead, o) == Verdict::kAllow; });
    if (visible) out.push_back(u);
  }
  return out;
}

Result<int> PlanSilenceLaunched(const Deps& deps, Transaction& tx, const SilenceRecord& record) {
  auto recent = Recent(deps, tx, record.procedure.opened_at);
  if (!recent || !*recent) return recent ? 0 : Result<int>(recent.error());
  return Plan(deps, tx, NoticeKind::kSilenceLaunched, "silence_launched", record.id, record.addressees, {kSilenceRef},
              record.procedure.expires_at, [&](const std::string& lang) {
                return Values{{"title", SilenceTitle(record.procedure, lang)},
                              {"body", BodyName(record.body, lang)},
                              {"expires", WrittenInstant(deps, record.procedure.expires_at, lang)}};
              });
}

Result<int> PlanSilenceOutcome(const Deps& deps, Transaction& tx, const SilenceRecord& record) {
  if (record.state == SilenceState::kRunning || !record.decided_at) return 0;
  auto recent = Recent(deps, tx, *record.decided_at);
  if (!recent || !*recent) return recent ? 0 : Result<int>(recent.error());
  const bool adopted = record.state == SilenceState::kAdopted;
  return Plan(deps, tx, NoticeKind::kSilenceOutcome, adopted ? "silence_adopted" : "silence_not_adopted", record.id,
              record.addressees, {kSilenceRef}, std::nullopt, [&](const std::string& lang) {
                return Values{{"title", SilenceTitle(record.procedure, lang)},
                              {"body", BodyName(record.body, lang)},
                              {"decided", WrittenInstant(deps, *record.decided_at, lang)}};
              });
}

Result<int> PlanCommentRoundOpened(const Deps& deps, Transaction& tx, const CommentRound& round,
                                   const Document& document) {
  auto recent = Recent(deps, tx, round.opened_at);
  if (!recent || !*recent) return recent ? 0 : Result<int>(recent.error());
  return Plan(deps, tx, NoticeKind::kCommentRoundOpened, "comment_round_opened", round.id, round.addressees,
              {kRoundRef, {ObjectKind::kDocument, {}, false, std::nullopt, document.access}}, round.deadline,
              [&](const std::string& lang) { return RoundValues(deps, round, document, lang); });
}

Result<int> PlanMeetingConvened(const Deps& deps, Transaction& tx, const Meeting& meeting) {
  // A meeting entered after it took place (the record of history) is nothing to be told of.
  if (meeting.ends_on < Today(deps)) return 0;
  auto registry = deps.participants->Get(tx);
  if (!registry) return registry.error();
  // The Member States on its first day, and the observers invited to an item open to them.
  std::vector<std::string> concerned;
  for (const auto& p : **registry) {
    if (IsMemberStateOn(p, meeting.starts_on)) concerned.push_back(p.id);
  }
  for (const auto& item : meeting.agenda) {
    if (item.closed_to_observers) continue;
    for (const auto& id : item.invited_observers) {
      if (std::find(concerned.begin(), concerned.end(), id) == concerned.end()) concerned.push_back(id);
    }
  }
  const auto stale = EndOfLocalDay(meeting.ends_on, deps.zone);
  if (!stale) return stale.error();
  return Plan(deps, tx, NoticeKind::kMeetingConvened, "meeting_convened", meeting.id, concerned, {kMeetingRef}, *stale,
              [&](const std::string& lang) {
                return Values{{"meeting", MeetingCode(meeting.body, meeting.session)},
                              {"body", BodyName(meeting.body, lang)},
                              {"starts", deps.formatter.WrittenDate(meeting.starts_on, lang, DateForm::kText)},
                              {"ends", deps.formatter.WrittenDate(meeting.ends_on, lang, DateForm::kText)},
                              {"venue", meeting.venue}};
              });
}

Result<int> PlanCommentReminders(Deps& deps) {
  if (!deps.notice_templates) return 0;
  {
    // Most passes find nothing new: they read, and leave the writer slot to others.
    auto tx = deps.store.Begin(TxMode::kRead);
    if (!tx) return tx.error();
    auto due = RoundsToRemind(deps, **tx);
    if (!due) return due.error();
    if (due->empty()) return 0;
  }
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto due = RoundsToRemind(deps, **tx);
  if (!due) return due.error();
  int planned = 0;
  for (const auto& [round, document, silent] : *due) {
    auto added = Plan(deps, **tx, NoticeKind::kCommentRoundClosing, "comment_round_closing", round.id, silent,
                      {kRoundRef, {ObjectKind::kDocument, {}, false, std::nullopt, document.access}}, round.deadline,
                      [&](const std::string& lang) { return RoundValues(deps, round, document, lang); });
    if (!added) return added.error();
    planned += *added;
  }
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return planned;
}

Result<int> SendDueNotices(Deps& deps, MailSender& mail) {
  auto settings = LoadDispatchSettings(deps);
  if (!settings) return settings.error();
  int attempts = 0;
  for (;;) {
    std::optional<Notice> claimed;
    {
      auto tx = deps.store.Begin(TxMode::kWrite);
      if (!tx) return tx.error();
      const Instant now = deps.clock.Now();
      auto due = (*tx)->Notices().Due(now, 1);
      if (!due) return due.error();
      if (due->empty()) return attempts;
      Notice n = std::move(due->front());
      // What changed since it was planned decides too: a user who has since turned the kind
      // off, lost the address or left is not written to.
      auto user = (*tx)->Users().Find(n.user_id);
      if (!user) return user.error();
      const bool unwanted = !*user || !(*user)->active || !(*user)->email || !(*user)->notices.Wants(n.kind);
      const bool late = n.stale_after && now > *n.stale_after;
      if (unwanted) {
        Drop(n, "not sent: the user no longer receives it");
      } else if (late) {
        Drop(n, "not sent: no longer timely at " + FormatInstant(now));
      } else {
        Claim(n, settings->retry, now);
      }
      if (auto r = (*tx)->Notices().Update(n); !r) return r.error();
      if (auto r = (*tx)->Commit(); !r) return r.error();
      if (unwanted || late) continue;
      claimed = std::move(n);
    }
    ++attempts;
    // Sent outside any transaction, as deliveries are.
    std::optional<std::string> error;
    if (auto sent = mail.Send({settings->from, claimed->address, claimed->subject, claimed->body, {}}); !sent) {
      error = sent.error().message;
    }
    auto tx = deps.store.Begin(TxMode::kWrite);
    if (!tx) return tx.error();
    auto found = (*tx)->Notices().Find(claimed->id);
    if (!found) return found.error();
    if (!*found) return Error::NotFound("notice " + std::to_string(claimed->id) + " not found");
    Notice n = std::move(**found);
    const Instant now = deps.clock.Now();
    if (error) {
      MarkAttemptFailed(n, settings->retry, now, std::move(*error));
    } else {
      MarkSent(n, now);
    }
    if (auto r = (*tx)->Notices().Update(n); !r) return r.error();
    if (auto r = (*tx)->Commit(); !r) return r.error();
  }
}

Result<std::optional<Instant>> NextNoticeAttempt(Deps& deps) {
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  return (*tx)->Notices().NextAttempt();
}

Result<User> GetOwnNoticeSettings(Deps& deps, const Actor& actor) {
  if (auto denied = Check(actor, Action::kRead, {ObjectKind::kUser, actor.user_id}, "user")) return *denied;
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  auto found = (*tx)->Users().Find(actor.user_id);
  if (!found) return found.error();
  if (!*found) return Error::NotFound("user not found");
  return std::move(**found);
}

Result<User> SetOwnNoticeSettings(Deps& deps, const Actor& actor, NoticePreferences change) {
  if (auto denied = Check(actor, Action::kUpdate, {ObjectKind::kUser, actor.user_id}, "user")) return *denied;
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto found = (*tx)->Users().Find(actor.user_id);
  if (!found) return found.error();
  if (!*found) return Error::NotFound("user not found");
  User user = std::move(**found);
  const std::string before = Canonical(user);
  if (change.language) user.language = *change.language;
  for (const auto& [kind, on] : change.kinds) user.notices.Set(kind, on);
  if (auto r = ValidateUserShape(user); !r) return r.error();
  if (auto r = (*tx)->Users().Update(user); !r) return r.error();
  if (auto r = Record(deps, **tx, actor, {"user.notices", "user", std::to_string(user.id), before, Canonical(user)});
      !r) {
    return r.error();
  }
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return user;
}

}  // namespace chancery::core
