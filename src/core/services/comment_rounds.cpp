#include "core/services/comment_rounds.hpp"

#include <algorithm>

#include "core/local_time.hpp"
#include "core/model/silence_procedure.hpp"
#include "core/policy.hpp"
#include "core/services/audit_trail.hpp"
#include "core/services/canonical.hpp"
#include "core/services/documents.hpp"
#include "core/services/governance_settings.hpp"
#include "core/services/notices.hpp"
#include "core/services/search.hpp"

namespace chancery::core {
namespace {

// Rounds are read as a Member-States-only document is: hidden from observer delegates.
constexpr ObjectRef kRoundRef{ObjectKind::kDocument, {}, false, std::nullopt, AccessCategory::kMemberStatesOnly};

Error RoundNotFound(std::int64_t id) { return Error::NotFound("comment round " + std::to_string(id) + " not found"); }

std::string Canonical(const CommentRound& r) {
  std::string out;
  Put(out, "id", std::to_string(r.id));
  Put(out, "document_id", std::to_string(r.document_id));
  Put(out, "version", std::to_string(r.version));
  Put(out, "opened_at", FormatInstant(r.opened_at));
  Put(out, "deadline", FormatInstant(r.deadline));
  for (const auto& a : r.addressees) Put(out, "addressee", a);
  for (const auto& c : r.comments) {
    Put(out, "comment", std::to_string(c.seq) + " " + c.participant_id + " " + c.paragraph_id + " " + c.lang + " " +
                            std::string(ToString(c.outcome)));
    Put(out, "comment.text", c.text);
    Put(out, "comment.proposed", OrEmpty(c.proposed_text));
    Put(out, "comment.reason", c.reason);
    Put(out, "comment.applied", OrEmpty(c.applied_text));
  }
  Put(out, "consolidated_into", r.consolidated_into ? std::to_string(*r.consolidated_into) : std::string(kCanonicalNull));
  return out;
}

// The document of a round if the actor may read both, else kNotFound.
Result<Document> DocumentOf(Transaction& tx, const Actor& actor, std::int64_t document_id) {
  auto found = tx.Documents().Find(document_id);
  if (!found) return found.error();
  const bool readable = *found && Decide(actor, Action::kRead, {ObjectKind::kDocument, {}, false, std::nullopt,
                                                                (*found)->access}) == Verdict::kAllow;
  if (!readable || Decide(actor, Action::kRead, kRoundRef) != Verdict::kAllow) {
    return Error::NotFound("document " + std::to_string(document_id) + " not found");
  }
  return std::move(**found);
}

const DocumentVersion* VersionOf(const Document& d, int number) {
  for (const auto& v : d.versions) {
    if (v.number == number) return &v;
  }
  return nullptr;
}

}  // namespace

Result<CommentRound> OpenCommentRound(Deps& deps, const Actor& actor, std::int64_t document_id, NewCommentRound in) {
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto d = DocumentOf(**tx, actor, document_id);
  if (!d) return d.error();
  if (auto denied = Check(actor, Action::kUpdate, {ObjectKind::kDocument, {}, false, std::nullopt, d->access},
                          "document")) {
    return *denied;
  }
  if (auto issued = CheckNextVersionStatus(*d, VersionStatus::kDraft); !issued) {
    return Error::FailedPrecondition(issued.error().message + "; comments are no longer taken");
  }
  const int version = in.version == 0 ? d->versions.back().number : in.version;
  if (!VersionOf(*d, version)) return Error::InvalidArgument("the document has no version " + std::to_string(version), "version");
  auto settings = LoadGovernanceSettings(**tx);
  if (!settings) return settings.error();
  auto registry = deps.participants->Get(**tx);
  if (!registry) return registry.error();

  CommentRound round;
  round.document_id = document_id;
  round.version = version;
  round.opened_at = deps.clock.Now();
  const Date opened_on = LocalDate(round.opened_at, deps.zone);
  if (in.deadline) {
    round.deadline = *in.deadline;
  } else {
    auto end = EndOfLocalDay(Date{std::chrono::sys_days{opened_on} + settings->comment_period}, deps.zone);
    if (!end) return end.error();
    round.deadline = *end;
  }
  if (round.deadline <= round.opened_at) return Error::InvalidArgument("the deadline must come after the opening", "deadline");
  if (in.addressees.empty()) {
    for (const auto& p : **registry) {
      if (IsMemberStateOn(p, opened_on)) round.addressees.push_back(p.id);
    }
  } else {
    for (std::size_t i = 0; i < in.addressees.size(); ++i) {
      const Participant* p = FindById(**registry, in.addressees[i]);
      if (!p || !IsMemberStateOn(*p, opened_on)) {
        return Error::InvalidArgument(in.addressees[i] + " is not a Member State: a round addresses Member States (R22)",
                                      "addressees[" + std::to_string(i) + "]");
      }
    }
    round.addressees = std::move(in.addressees);
  }
  auto id = (*tx)->CommentRounds().Insert(round);
  if (!id) return id.error();
  round.id = *id;
  if (auto r = Record(deps, **tx, actor, {"comments.open", "comment_round", std::to_string(round.id), std::nullopt,
                                          Canonical(round)});
      !r) {
    return r.error();
  }
  if (auto r = PlanCommentRoundOpened(deps, **tx, round, *d); !r) return r.error();
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return round;
}

Result<std::vector<CommentRound>> ListCommentRounds(Deps& deps, const Actor& actor, std::int64_t document_id) {
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  if (auto d = DocumentOf(**tx, actor, document_id); !d) return d.error();
  return (*tx)->CommentRounds().ListForDocument(document_id);
}

Result<CommentRound> GetCommentRound(Deps& deps, const Actor& actor, std::int64_t id) {
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  auto round = (*tx)->CommentRounds().Find(id);
  if (!round) return round.error();
  if (!*round) return RoundNotFound(id);
  if (auto d = DocumentOf(**tx, actor, (*round)->document_id); !d) return RoundNotFound(id);
  return std::move(**round);
}

Result<Comment> SubmitComment(Deps& deps, const Actor& actor, std::int64_t round_id, NewComment in) {
  if (Decide(actor, Action::kRead, kRoundRef) != Verdict::kAllow) return RoundNotFound(round_id);
  if (auto denied = Check(actor, Action::kCreate, {ObjectKind::kComment, {}, false, in.participant_id}, "comment")) {
    return *denied;
  }
  if (in.text.empty()) return Error::InvalidArgument("a comment says something", "text");
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto found = (*tx)->CommentRounds().Find(round_id);
  if (!found) return found.error();
  if (!*found) return RoundNotFound(round_id);
  CommentRound round = std::move(**found);
  auto d = DocumentOf(**tx, actor, round.document_id);
  if (!d) return RoundNotFound(round_id);
  const Instant now = deps.clock.Now();
  if (round.consolidated_into) return Error::FailedPrecondition("the round is consolidated");
  if (now >= round.deadline) {
    return Error::FailedPrecondition("the round closed at " + deps.formatter.LocalDateTime(round.deadline, deps.zone, "en") +
                                     " (R22)");
  }
  auto registry = deps.participants->Get(**tx);
  if (!registry) return registry.error();
  const Participant* p = FindById(**registry, in.participant_id);
  if (!p) return Error::InvalidArgument("unknown participant " + in.participant_id, "participant_id");
  if (!IsMemberStateOn(*p, LocalDate(now, deps.zone))) {
    return Error::InvalidArgument(in.participant_id + " is not a Member State: only Member States comment (R22)",
                                  "participant_id");
  }
  if (std::find(round.addressees.begin(), round.addressees.end(), in.participant_id) == round.addressees.end()) {
    return Error::InvalidArgument("the round does not address " + in.participant_id, "participant_id");
  }
  const LanguageVersion* text = FindLanguage(*VersionOf(*d, round.version), in.lang);
  if (!text) return Error::InvalidArgument("the version has no " + in.lang + " text", "lang");
  const bool known = std::any_of(text->content.paragraphs.begin(), text->content.paragraphs.end(),
                                 [&](const Paragraph& q) { return q.id == in.paragraph_id; });
  if (!known) return Error::InvalidArgument("no paragraph " + in.paragraph_id + " in the version", "paragraph_id");
  const std::string before = Canonical(round);
  Comment c{static_cast<int>(round.comments.size()) + 1, in.participant_id, in.paragraph_id, in.lang, in.text,
            in.proposed_text, now, actor.user_id};
  round.comments.push_back(c);
  if (auto r = (*tx)->CommentRounds().Update(round); !r) return r.error();
  if (auto r = Record(deps, **tx, actor, {"comments.submit", "comment_round", std::to_string(round_id), before,
                                          Canonical(round)});
      !r) {
    return r.error();
  }
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return c;
}

Result<Consolidation> ConsolidateCommentRound(Deps& deps, const Actor& actor, std::int64_t round_id,
                                              std::vector<CommentDecision> decisions, std::string reason,
                                              VersionStatus status) {
  if (reason.empty()) return Error::InvalidArgument("the new version says why it was made", "reason");
  if (status == VersionStatus::kCorrigendum) {
    return Error::InvalidArgument("a comment round makes a draft or the final text, not a corrigendum", "status");
  }
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto found = (*tx)->CommentRounds().Find(round_id);
  if (!found) return found.error();
  if (!*found) return RoundNotFound(round_id);
  CommentRound round = std::move(**found);
  auto d = DocumentOf(**tx, actor, round.document_id);
  if (!d) return RoundNotFound(round_id);
  if (auto denied = Check(actor, Action::kUpdate, {ObjectKind::kDocument, {}, false, std::nullopt, d->access},
                          "document")) {
    return *denied;
  }
  if (round.consolidated_into) return Error::FailedPrecondition("the round is already consolidated");
  if (auto r = CheckNextVersionStatus(*d, status); !r) return r.error();
  if (deps.clock.Now() < round.deadline) {
    return Error::FailedPrecondition("the round is open until " +
                                     deps.formatter.LocalDateTime(round.deadline, deps.zone, "en"));
  }
  const std::string before = Canonical(round);
  // Every comment decided once.
  for (std::size_t i = 0; i < decisions.size(); ++i) {
    const auto& decision = decisions[i];
    const std::string at = "decisions[" + std::to_string(i) + "]";
    auto c = std::find_if(round.comments.begin(), round.comments.end(), [&](const Comment& x) { return x.seq == decision.seq; });
    if (c == round.comments.end()) return Error::InvalidArgument("no comment " + std::to_string(decision.seq), at + ".seq");
    if (c->outcome != CommentOutcome::kPending) {
      return Error::InvalidArgument("comment " + std::to_string(decision.seq) + " is decided twice", at + ".seq");
    }
    switch (decision.outcome) {
      case CommentOutcome::kPending: return Error::InvalidArgument("decide the comment", at + ".outcome");
      case CommentOutcome::kAccepted:
        if (!c->proposed_text) {
          return Error::InvalidArgument("the comment proposes no text: accept it with changes", at + ".outcome");
        }
        c->applied_text = c->proposed_text;
        break;
      case CommentOutcome::kAcceptedWithChanges:
        if (!decision.applied_text || decision.applied_text->empty()) {
          return Error::InvalidArgument("give the text as applied", at + ".applied_text");
        }
        c->applied_text = decision.applied_text;
        break;
      case CommentOutcome::kNotAccepted:
        if (decision.reason.empty()) return Error::InvalidArgument("say why it is not accepted", at + ".reason");
        break;
    }
    c->outcome = decision.outcome;
    c->reason = decision.reason;
  }
  for (const auto& c : round.comments) {
    if (c.outcome == CommentOutcome::kPending) {
      return Error::InvalidArgument("comment " + std::to_string(c.seq) + " has no decision", "decisions");
    }
  }
  // The circulated version with the accepted texts applied, in their languages.
  DocumentVersion next = *VersionOf(*d, round.version);
  for (const auto& c : round.comments) {
    if (!c.applied_text) continue;
    for (auto& l : next.languages) {
      if (l.content.lang != c.lang) continue;
      for (auto& p : l.content.paragraphs) {
        if (p.id == c.paragraph_id) p.text = *c.applied_text;
      }
    }
  }
  next.number = d->versions.back().number + 1;
  next.created_at = deps.clock.Now();
  next.author_id = actor.user_id;
  next.author = actor.username;
  next.reason = std::move(reason);
  next.status = status;
  if (auto r = ValidateLanguages(next.languages, d->original_language); !r) return r.error();
  if (auto r = (*tx)->Documents().AddVersion(d->id, next); !r) return r.error();
  if (auto r = IndexVersion(**tx, *d, next, deps.zone); !r) return r.error();
  round.consolidated_into = next.number;
  if (auto r = (*tx)->CommentRounds().Update(round); !r) return r.error();
  if (auto r = Record(deps, **tx, actor, {"comments.consolidate", "comment_round", std::to_string(round_id), before,
                                          Canonical(round)});
      !r) {
    return r.error();
  }
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return Consolidation{std::move(round), std::move(next)};
}

}  // namespace chancery::core
