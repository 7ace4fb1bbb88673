#include "storage/memory/memory_repositories.hpp"

#include <algorithm>
#include <set>
#include <tuple>
#include <utility>

namespace chancery::storage {
namespace {

using core::Error;
using core::Result;

// Mirrors UNIQUE (participant_id, valid_from) on participant_statuses.
Result<void> CheckStatusDates(const core::Participant& p) {
  for (std::size_t i = 0; i < p.statuses.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (p.statuses[i].from == p.statuses[j].from) {
        return Error::AlreadyExists("participant " + p.id + " has two status changes on " +
                                    core::FormatDate(p.statuses[i].from));
      }
    }
  }
  return core::Ok();
}

// Mirrors the foreign key users.participant_id → participants.
Result<void> CheckParticipantExists(const MemoryState& state, const core::User& user) {
  if (user.participant_id && !state.participants.contains(*user.participant_id)) {
    return Error::FailedPrecondition("user " + user.username + " refers to participant " +
                                     *user.participant_id + ", which does not exist");
  }
  return core::Ok();
}

// Mirrors UNIQUE (username): another user than `self_id` holding `username`.
bool UsernameTaken(const MemoryState& state, const std::string& username, std::int64_t self_id) {
  return std::any_of(state.users.begin(), state.users.end(), [&](const auto& entry) {
    return entry.first != self_id && entry.second.username == username;
  });
}

// Mirrors UNIQUE (body, session_year, session_number) on meetings: another meeting than
// `self_id` holding the body's session.
bool SessionTaken(const MemoryState& state, const core::Meeting& meeting, std::int64_t self_id) {
  return std::any_of(state.meetings.begin(), state.meetings.end(), [&](const auto& entry) {
    return entry.first != self_id && entry.second.body == meeting.body && entry.second.session == meeting.session;
  });
}

// A document's symbols, current and former, each once: the rows it has in
// document_symbol_index. A document may list its own symbol twice (renamed back to a former
// one); only another document's symbol is taken.
std::set<std::string> SymbolsOf(const core::Document& d) {
  std::set<std::string> symbols(d.former_symbols.begin(), d.former_symbols.end());
  symbols.insert(d.symbol);
  return symbols;
}

// Mirrors document_symbol_index (symbol PRIMARY KEY): the first of the document's symbols,
// current or former, that a document other than `self_id` holds.
std::optional<std::string> SymbolTaken(const MemoryState& state, const core::Document& d, std::int64_t self_id) {
  for (const auto& symbol : SymbolsOf(d)) {
    for (const auto& [id, other] : state.documents) {
      if (id == self_id) continue;
      if (other.symbol == symbol ||
          std::find(other.former_symbols.begin(), other.former_symbols.end(), symbol) != other.former_symbols.end()) {
        return symbol;
      }
    }
  }
  return std::nullopt;
}

// The number a new version of `d` must have: versions are appended one by one from 1.
Result<void> CheckNextNumber(const core::Document& d, std::int64_t id, const core::DocumentVersion& v) {
  const int latest = d.versions.empty() ? 0 : d.versions.back().number;
  if (v.number != latest + 1) {
    return Error::Conflict("document " + std::to_string(id) + " is at version " + std::to_string(latest) +
                           "; the next is " + std::to_string(latest + 1) + ", not " + std::to_string(v.number));
  }
  return core::Ok();
}

// Mirrors PRIMARY KEY (document_id, number, lang) on document_languages.
Result<void> CheckLanguages(std::int64_t id, const core::DocumentVersion& v) {
  for (std::size_t i = 0; i < v.languages.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (v.languages[i].content.lang == v.languages[j].content.lang) {
        return Error::AlreadyExists("document " + std::to_string(id) + " version " + std::to_string(v.number) +
                                    " has two texts in '" + v.languages[i].content.lang + "'");
      }
    }
  }
  return core::Ok();
}

// What a list shows of a document: every version's metadata, the latest version's content.
core::Document Current(core::Document d) {
  for (std::size_t i = 0; i + 1 < d.versions.size(); ++i) d.versions[i].languages.clear();
  return d;
}

// Lists every stored value that matches, in key (id) order.
template <class Map, class Match>
auto Matching(const Map& map, Match match) {
  std::vector<typename Map::mapped_type> out;
  for (const auto& [key, value] : map) {
    if (match(value)) out.push_back(value);
  }
  return out;
}

template <class T>
Result<std::optional<T>> FindIn(const std::map<std::int64_t, T>& map, std::int64_t id) {
  auto it = map.find(id);
  if (it == map.end()) return std::optional<T>();
  return std::optional<T>(it->second);
}

// Mirrors PRIMARY KEY (round_id, seq) on comments, and their order on reading (by seq).
Result<core::CommentRound> WithCommentsBySeq(core::CommentRound round) {
  std::stable_sort(round.comments.begin(), round.comments.end(),
                   [](const core::Comment& a, const core::Comment& b) { return a.seq < b.seq; });
  for (std::size_t i = 1; i < round.comments.size(); ++i) {
    if (round.comments[i].seq == round.comments[i - 1].seq) {
      return Error::AlreadyExists("comment round " + std::to_string(round.id) + " has two comments numbered " +
                                  std::to_string(round.comments[i].seq));
    }
  }
  return round;
}

}  // namespace

// --- participants ---

Result<std::optional<core::Participant>> MemoryParticipants::Find(std::string_view id) {
  auto state = view_.Read();
  if (!state) return state.error();
  auto it = (*state)->participants.find(id);
  if (it == (*state)->participants.end()) return std::optional<core::Participant>();
  return std::optional<core::Participant>(it->second);
}

Result<std::vector<core::Participant>> MemoryParticipants::List() {
  auto state = view_.Read();
  if (!state) return state.error();
  std::vector<core::Participant> out;
  for (const auto& [id, p] : (*state)->participants) out.push_back(p);
  return out;
}

Result<void> MemoryParticipants::Insert(const core::Participant& p) {
  auto state = view_.Write();
  if (!state) return state.error();
  if ((*state)->participants.contains(p.id)) {
    return Error::AlreadyExists("participant " + p.id + " already exists");
  }
  if (auto r = CheckStatusDates(p); !r) return r;
  (*state)->participants.emplace(p.id, p);
  ++(*state)->participants_version;
  return core::Ok();
}

Result<void> MemoryParticipants::Update(const core::Participant& p) {
  auto state = view_.Write();
  if (!state) return state.error();
  auto it = (*state)->participants.find(p.id);
  if (it == (*state)->participants.end()) return Error::NotFound("no participant " + p.id);
  if (auto r = CheckStatusDates(p); !r) return r;
  it->second = p;
  ++(*state)->participants_version;
  return core::Ok();
}

Result<std::int64_t> MemoryParticipants::Version() {
  auto state = view_.Read();
  if (!state) return state.error();
  return (*state)->participants_version;
}

// --- users ---

Result<std::optional<core::User>> MemoryUsers::Find(std::int64_t id) {
  auto state = view_.Read();
  if (!state) return state.error();
  auto it = (*state)->users.find(id);
  if (it == (*state)->users.end()) return std::optional<core::User>();
  return std::optional<core::User>(it->second);
}

Result<std::optional<core::User>> MemoryUsers::FindByUsername(std::string_view username) {
  auto state = view_.Read();
  if (!state) return state.error();
  for (const auto& [id, user] : (*state)->users) {
    if (user.username == username) return std::optional<core::User>(user);
  }
  return std::optional<core::User>();
}

Result<std::vector<core::User>> MemoryUsers::List() {
  auto state = view_.Read();
  if (!state) return state.error();
  std::vector<core::User> out;
  for (const auto& [id, user] : (*state)->users) out.push_back(user);
  return out;
}

Result<std::int64_t> MemoryUsers::Insert(const core::User& user) {
  auto state = view_.Write();
  if (!state) return state.error();
  MemoryState& s = **state;
  if (UsernameTaken(s, user.username, 0)) return Error::AlreadyExists("username " + user.username + " is taken");
  if (auto r = CheckParticipantExists(s, user); !r) return r.error();
  core::User stored = user;
  stored.id = ++s.last_user_id;
  s.users.emplace(stored.id, std::move(stored));
  return s.last_user_id;
}

Result<void> MemoryUsers::Update(const core::User& user) {
  auto state = view_.Write();
  if (!state) return state.error();
  MemoryState& s = **state;
  auto it = s.users.find(user.id);
  if (it == s.users.end()) return Error::NotFound("no user with id " + std::to_string(user.id));
  if (UsernameTaken(s, user.username, user.id)) {
    return Error::AlreadyExists("username " + user.username + " is taken");
  }
  if (auto r = CheckParticipantExists(s, user); !r) return r;
  it->second = user;
  return core::Ok();
}

// --- sessions ---

Result<void> MemorySessions::Insert(const core::Session& session) {
  auto state = view_.Write();
  if (!state) return state.error();
  MemoryState& s = **state;
  if (s.sessions.contains(session.token_digest)) return Error::AlreadyExists("the session already exists");
  if (!s.users.contains(session.user_id)) {
    return Error::FailedPrecondition("a session refers to user " + std::to_string(session.user_id) +
                                     ", who does not exist");
  }
  s.sessions.emplace(session.token_digest, session);
  return core::Ok();
}

Result<std::optional<core::Session>> MemorySessions::Find(std::string_view token_digest) {
  auto state = view_.Read();
  if (!state) return state.error();
  auto it = (*state)->sessions.find(token_digest);
  if (it == (*state)->sessions.end()) return std::optional<core::Session>();
  return std::optional<core::Session>(it->second);
}

Result<bool> MemorySessions::Delete(std::string_view token_digest) {
  auto state = view_.Write();
  if (!state) return state.error();
  auto it = (*state)->sessions.find(token_digest);
  if (it == (*state)->sessions.end()) return false;
  (*state)->sessions.erase(it);
  return true;
}

Result<std::int64_t> MemorySessions::DeleteExpired(core::Instant now) {
  auto state = view_.Write();
  if (!state) return state.error();
  // A session is expired from its expires_at on, as Authenticate treats it.
  return static_cast<std::int64_t>(
      std::erase_if((*state)->sessions, [&](const auto& entry) { return entry.second.expires_at <= now; }));
}

// --- login attempts ---

Result<void> MemoryLoginAttempts::RecordFailure(std::string_view key, core::Instant at) {
  auto state = view_.Write();
  if (!state) return state.error();
  (*state)->login_failures.emplace(std::string(key), at);
  return core::Ok();
}

Result<std::int64_t> MemoryLoginAttempts::CountFailuresSince(std::string_view key, core::Instant since) {
  auto state = view_.Read();
  if (!state) return state.error();
  auto [first, last] = (*state)->login_failures.equal_range(key);
  return static_cast<std::int64_t>(
      std::count_if(first, last, [&](const auto& entry) { return entry.second >= since; }));
}

Result<void> MemoryLoginAttempts::Clear(std::string_view key) {
  auto state = view_.Write();
  if (!state) return state.error();
  auto [first, last] = (*state)->login_failures.equal_range(key);
  (*state)->login_failures.erase(first, last);
  return core::Ok();
}

Result<std::int64_t> MemoryLoginAttempts::DeleteBefore(core::Instant before) {
  auto state = view_.Write();
  if (!state) return state.error();
  return static_cast<std::int64_t>(
      std::erase_if((*state)->login_failures, [&](const auto& entry) { return entry.second < before; }));
}

// --- audit log ---

Result<void> MemoryAuditLog::Append(const core::AuditRecord& record) {
  auto state = view_.Write();
  if (!state) return state.error();
  MemoryState& s = **state;
  // The record must continue the chain from the stored head; otherwise it was sealed against
  // a stale head and appending it would fork the chain.
  if (record.seq != s.audit_head.seq + 1 || record.prev_hash != s.audit_head.hash) {
    return Error::Conflict("audit record " + std::to_string(record.seq) + " does not follow the head (record " +
                           std::to_string(s.audit_head.seq) + ")");
  }
  s.audit.push_back(record);
  s.audit_head = {record.seq, record.hash};
  return core::Ok();
}

Result<std::optional<core::AuditRecord>> MemoryAuditLog::Last() {
  auto state = view_.Read();
  if (!state) return state.error();
  if ((*state)->audit.empty()) return std::optional<core::AuditRecord>();
  return std::optional<core::AuditRecord>((*state)->audit.back());
}

Result<core::AuditHead> MemoryAuditLog::Head() {
  auto state = view_.Read();
  if (!state) return state.error();
  return (*state)->audit_head;
}

Result<std::vector<core::AuditRecord>> MemoryAuditLog::List(std::int64_t after_seq, std::int64_t limit) {
  auto state = view_.Read();
  if (!state) return state.error();
  std::vector<core::AuditRecord> out;
  for (const auto& record : (*state)->audit) {
    if (static_cast<std::int64_t>(out.size()) >= limit) break;
    if (record.seq > after_seq) out.push_back(record);
  }
  return out;
}

// --- settings ---

Result<std::optional<std::string>> MemorySettings::Get(std::string_view key) {
  auto state = view_.Read();
  if (!state) return state.error();
  auto it = (*state)->settings.find(key);
  if (it == (*state)->settings.end()) return std::optional<std::string>();
  return std::optional<std::string>(it->second);
}

Result<void> MemorySettings::Set(std::string_view key, std::string_view value) {
  auto state = view_.Write();
  if (!state) return state.error();
  (*state)->settings.insert_or_assign(std::string(key), std::string(value));
  return core::Ok();
}

Result<std::vector<std::pair<std::string, std::string>>> MemorySettings::List() {
  auto state = view_.Read();
  if (!state) return state.error();
  return std::vector<std::pair<std::string, std::string>>((*state)->settings.begin(), (*state)->settings.end());
}

// --- chairmanship terms ---

Result<std::vector<core::ChairmanshipTerm>> MemoryChairmanships::List() {
  auto state = view_.Read();
  if (!state) return state.error();
  return Matching((*state)->chairmanships, [](const auto&) { return true; });
}

Result<void> MemoryChairmanships::Insert(const core::ChairmanshipTerm& term) {
  auto state = view_.Write();
  if (!state) return state.error();
  if (!(*state)->chairmanships.emplace(term.from, term).second) {
    return Error::AlreadyExists("a chairmanship term from " + core::FormatDate(term.from) + " already exists");
  }
  return core::Ok();
}

// --- meetings ---

Result<std::optional<core::Meeting>> MemoryMeetings::Find(std::int64_t id) {
  auto state = view_.Read();
  if (!state) return state.error();
  return FindIn((*state)->meetings, id);
}

Result<std::optional<core::Meeting>> MemoryMeetings::FindBySession(core::BodyCode body, core::SessionCode session) {
  auto state = view_.Read();
  if (!state) return state.error();
  for (const auto& [id, meeting] : (*state)->meetings) {
    if (meeting.body == body && meeting.session == session) return std::optional<core::Meeting>(meeting);
  }
  return std::optional<core::Meeting>();
}

Result<std::vector<core::Meeting>> MemoryMeetings::List(const core::MeetingFilter& filter) {
  auto state = view_.Read();
  if (!state) return state.error();
  auto out = Matching((*state)->meetings, [&](const core::Meeting& m) {
    return (!filter.body || m.body == *filter.body) && (!filter.from || m.ends_on >= *filter.from) &&
           (!filter.to || m.starts_on <= *filter.to);
  });
  // Stable: meetings starting on one day stay in id order.
  std::stable_sort(out.begin(), out.end(),
                   [](const core::Meeting& a, const core::Meeting& b) { return a.starts_on < b.starts_on; });
  return out;
}

Result<std::int64_t> MemoryMeetings::Insert(const core::Meeting& meeting) {
  auto state = view_.Write();
  if (!state) return state.error();
  MemoryState& s = **state;
  if (SessionTaken(s, meeting, 0)) {
    return Error::AlreadyExists("meeting " + core::MeetingCode(meeting.body, meeting.session) + " already exists");
  }
  core::Meeting stored = meeting;
  stored.id = ++s.last_meeting_id;
  s.meetings.emplace(stored.id, std::move(stored));
  return s.last_meeting_id;
}

Result<void> MemoryMeetings::Update(const core::Meeting& meeting) {
  auto state = view_.Write();
  if (!state) return state.error();
  MemoryState& s = **state;
  auto it = s.meetings.find(meeting.id);
  if (it == s.meetings.end()) return Error::NotFound("no meeting with id " + std::to_string(meeting.id));
  if (SessionTaken(s, meeting, meeting.id)) {
    return Error::AlreadyExists("meeting " + core::MeetingCode(meeting.body, meeting.session) + " already exists");
  }
  it->second = meeting;
  return core::Ok();
}

// --- decisions ---

Result<std::optional<core::Decision>> MemoryDecisions::Find(std::int64_t id) {
  auto state = view_.Read();
  if (!state) return state.error();
  return FindIn((*state)->decisions, id);
}

Result<std::optional<core::Decision>> MemoryDecisions::FindBySymbol(const core::DecisionSymbol& symbol) {
  auto state = view_.Read();
  if (!state) return state.error();
  for (const auto& [id, decision] : (*state)->decisions) {
    if (core::IsNumbered(decision) && decision.symbol == symbol) return std::optional<core::Decision>(decision);
  }
  return std::optional<core::Decision>();
}

Result<std::vector<core::Decision>> MemoryDecisions::List(const core::DecisionFilter& filter) {
  auto state = view_.Read();
  if (!state) return state.error();
  auto out = Matching((*state)->decisions, [&](const core::Decision& d) {
    return (!filter.body || d.symbol.body == *filter.body) && (!filter.meeting_id || d.meeting_id == *filter.meeting_id) &&
           (!filter.from || d.recorded_on >= *filter.from) && (!filter.to || d.recorded_on <= *filter.to);
  });
  // The body by its code ("MM" < "SOC"), as SQLite orders the stored text.
  auto key = [](const core::Decision& d) {
    return std::make_tuple(d.recorded_on, core::ToString(d.symbol.body), d.symbol.year, d.symbol.session,
                           d.symbol.number);
  };
  std::stable_sort(out.begin(), out.end(), [&](const core::Decision& a, const core::Decision& b) { return key(a) < key(b); });
  return out;
}

Result<std::int64_t> MemoryDecisions::Insert(const core::Decision& decision) {
  auto state = view_.Write();
  if (!state) return state.error();
  MemoryState& s = **state;
  // Mirrors UNIQUE (body, year, session, number): decisions are never deleted, so a symbol
  // once stored stays taken (R24).
  const bool taken = std::any_of(s.decisions.begin(), s.decisions.end(),
                                 [&](const auto& entry) {
                                   return core::IsNumbered(decision) && entry.second.symbol == decision.symbol;
                                 });
  if (taken) return Error::AlreadyExists("decision " + core::Format(decision.symbol) + " already exists");
  core::Decision stored = decision;
  stored.id = ++s.last_decision_id;
  s.decisions.emplace(stored.id, std::move(stored));
  return s.last_decision_id;
}

// --- silence procedures ---

Result<std::optional<core::SilenceRecord>> MemorySilenceProcedures::Find(std::int64_t id) {
  auto state = view_.Read();
  if (!state) return state.error();
  return FindIn((*state)->silence_procedures, id);
}

Result<std::vector<core::SilenceRecord>> MemorySilenceProcedures::List(const core::SilenceFilter& filter) {
  auto state = view_.Read();
  if (!state) return state.error();
  return Matching((*state)->silence_procedures, [&](const core::SilenceRecord& r) {
    return (!filter.body || r.body == *filter.body) && (!filter.state || r.state == *filter.state) &&
           (!filter.opened_from || r.procedure.opened_at >= *filter.opened_from) &&
           (!filter.opened_before || r.procedure.opened_at < *filter.opened_before);
  });
}

Result<std::int64_t> MemorySilenceProcedures::Insert(const core::SilenceRecord& record) {
  auto state = view_.Write();
  if (!state) return state.error();
  MemoryState& s = **state;
  core::SilenceRecord stored = record;
  stored.id = ++s.last_silence_id;
  s.silence_procedures.emplace(stored.id, std::move(stored));
  return s.last_silence_id;
}

Result<void> MemorySilenceProcedures::Update(const core::SilenceRecord& record) {
  auto state = view_.Write();
  if (!state) return state.error();
  auto it = (*state)->silence_procedures.find(record.id);
  if (it == (*state)->silence_procedures.end()) {
    return Error::NotFound("no silence procedure with id " + std::to_string(record.id));
  }
  it->second = record;
  return core::Ok();
}

Result<std::vector<std::int64_t>> MemorySilenceProcedures::DueAt(core::Instant now) {
  auto state = view_.Read();
  if (!state) return state.error();
  auto due = Matching((*state)->silence_procedures, [&](const core::SilenceRecord& r) {
    return r.state == core::SilenceState::kRunning && r.procedure.expires_at <= now;
  });
  // Stable: procedures expiring at one instant stay in id order.
  std::stable_sort(due.begin(), due.end(), [](const core::SilenceRecord& a, const core::SilenceRecord& b) {
    return a.procedure.expires_at < b.procedure.expires_at;
  });
  std::vector<std::int64_t> ids;
  for (const auto& r : due) ids.push_back(r.id);
  return ids;
}

Result<std::optional<core::Instant>> MemorySilenceProcedures::NextExpiry() {
  auto state = view_.Read();
  if (!state) return state.error();
  std::optional<core::Instant> next;
  for (const auto& [id, r] : (*state)->silence_procedures) {
    if (r.state != core::SilenceState::kRunning) continue;
    if (!next || r.procedure.expires_at < *next) next = r.procedure.expires_at;
  }
  return next;
}

// --- mandates ---

Result<std::optional<core::Mandate>> MemoryMandates::Find(std::int64_t id) {
  auto state = view_.Read();
  if (!state) return state.error();
  return FindIn((*state)->mandates, id);
}

Result<std::vector<core::Mandate>> MemoryMandates::List(const core::MandateFilter& filter) {
  auto state = view_.Read();
  if (!state) return state.error();
  return Matching((*state)->mandates, [&](const core::Mandate& m) {
    return (!filter.assignee || m.assignee == *filter.assignee) && (!filter.status || m.status == *filter.status) &&
           (!filter.meeting_id || m.meeting_id == filter.meeting_id) &&
           (!filter.given_by || m.given_by == *filter.given_by) && (!filter.from || m.given_on >= *filter.from) &&
           (!filter.to || m.given_on <= *filter.to);
  });
}

Result<std::int64_t> MemoryMandates::Insert(const core::Mandate& mandate) {
  auto state = view_.Write();
  if (!state) return state.error();
  MemoryState& s = **state;
  core::Mandate stored = mandate;
  stored.id = ++s.last_mandate_id;
  s.mandates.emplace(stored.id, std::move(stored));
  return s.last_mandate_id;
}

Result<void> MemoryMandates::Update(const core::Mandate& mandate) {
  auto state = view_.Write();
  if (!state) return state.error();
  auto it = (*state)->mandates.find(mandate.id);
  if (it == (*state)->mandates.end()) return Error::NotFound("no mandate with id " + std::to_string(mandate.id));
  it->second = mandate;
  return core::Ok();
}

// --- documents ---

Result<std::optional<core::Document>> MemoryDocuments::Find(std::int64_t id) {
  auto state = view_.Read();
  if (!state) return state.error();
  return FindIn((*state)->documents, id);
}

Result<std::optional<core::Document>> MemoryDocuments::FindBySymbol(std::string_view symbol) {
  auto state = view_.Read();
  if (!state) return state.error();
  for (const auto& [id, d] : (*state)->documents) {
    if (d.symbol == symbol ||
        std::find(d.former_symbols.begin(), d.former_symbols.end(), symbol) != d.former_symbols.end()) {
      return std::optional<core::Document>(d);
    }
  }
  return std::optional<core::Document>();
}

Result<std::optional<core::DocumentLabel>> MemoryDocuments::Label(std::int64_t id, int version, std::string_view lang) {
  auto state = view_.Read();
  if (!state) return state.error();
  const auto found = (*state)->documents.find(id);
  if (found == (*state)->documents.end()) return std::optional<core::DocumentLabel>();
  core::DocumentLabel label{found->second.symbol, ""};
  for (const auto& v : found->second.versions) {
    if (v.number != version) continue;
    if (const auto* l = core::FindLanguage(v, lang)) label.title = l->content.title;
  }
  return std::optional<core::DocumentLabel>(std::move(label));
}

Result<std::vector<core::Document>> MemoryDocuments::List(const core::DocumentFilter& filter) {
  auto state = view_.Read();
  if (!state) return state.error();
  std::vector<core::Document> out;
  for (const auto& [id, d] : (*state)->documents) {
    if ((!filter.kind || d.kind == *filter.kind) && (!filter.body || d.body == *filter.body) &&
        (!filter.meeting_id || d.meeting_id == filter.meeting_id)) {
      out.push_back(Current(d));
    }
  }
  return out;
}

Result<std::int64_t> MemoryDocuments::Insert(const core::Document& document) {
  auto state = view_.Write();
  if (!state) return state.error();
  MemoryState& s = **state;
  if (auto taken = SymbolTaken(s, document, 0)) {
    return Error::AlreadyExists("document symbol " + *taken + " is already taken");
  }
  const std::int64_t id = s.last_document_id + 1;
  core::Document stored = document;
  stored.id = id;
  stored.versions.clear();
  for (const auto& v : document.versions) {
    if (auto r = CheckNextNumber(stored, id, v); !r) return r.error();
    if (auto r = CheckLanguages(id, v); !r) return r.error();
    stored.versions.push_back(v);
  }
  s.documents.emplace(id, std::move(stored));
  s.last_document_id = id;
  return id;
}

Result<void> MemoryDocuments::Update(const core::Document& document) {
  auto state = view_.Write();
  if (!state) return state.error();
  MemoryState& s = **state;
  auto it = s.documents.find(document.id);
  if (it == s.documents.end()) return Error::NotFound("no document with id " + std::to_string(document.id));
  if (auto taken = SymbolTaken(s, document, document.id)) {
    return Error::AlreadyExists("document symbol " + *taken + " is already taken");
  }
  // Only what may change; kind, body, language, meeting and the versions stay as stored.
  core::Document& stored = it->second;
  stored.symbol = document.symbol;
  stored.former_symbols = document.former_symbols;
  stored.access = document.access;
  stored.stages = document.stages;
  return core::Ok();
}

Result<void> MemoryDocuments::AddVersion(std::int64_t document_id, const core::DocumentVersion& version) {
  auto state = view_.Write();
  if (!state) return state.error();
  auto it = (*state)->documents.find(document_id);
  if (it == (*state)->documents.end()) return Error::NotFound("no document with id " + std::to_string(document_id));
  if (auto r = CheckNextNumber(it->second, document_id, version); !r) return r;
  if (auto r = CheckLanguages(document_id, version); !r) return r;
  it->second.versions.push_back(version);
  return core::Ok();
}

// --- comment rounds ---

Result<std::optional<core::CommentRound>> MemoryCommentRounds::Find(std::int64_t id) {
  auto state = view_.Read();
  if (!state) return state.error();
  return FindIn((*state)->comment_rounds, id);
}

Result<std::vector<core::CommentRound>> MemoryCommentRounds::ListForDocument(std::int64_t document_id) {
  auto state = view_.Read();
  if (!state) return state.error();
  return Matching((*state)->comment_rounds,
                  [&](const core::CommentRound& r) { return r.document_id == document_id; });
}

Result<std::int64_t> MemoryCommentRounds::Insert(const core::CommentRound& round) {
  auto state = view_.Write();
  if (!state) return state.error();
  MemoryState& s = **state;
  core::CommentRound given = round;
  given.id = s.last_comment_round_id + 1;
  auto stored = WithCommentsBySeq(std::move(given));
  if (!stored) return stored.error();
  s.comment_rounds.emplace(stored->id, std::move(*stored));
  return ++s.last_comment_round_id;
}

Result<void> MemoryCommentRounds::Update(const core::CommentRound& round) {
  auto state = view_.Write();
  if (!state) return state.error();
  auto it = (*state)->comment_rounds.find(round.id);
  if (it == (*state)->comment_rounds.end()) {
    return Error::NotFound("no comment round with id " + std::to_string(round.id));
  }
  auto stored = WithCommentsBySeq(round);
  if (!stored) return stored.error();
  it->second = std::move(*stored);
  return core::Ok();
}

Result<std::vector<core::CommentRound>> MemoryCommentRounds::ClosingBetween(core::Instant from, core::Instant to) {
  auto state = view_.Read();
  if (!state) return state.error();
  auto out = Matching((*state)->comment_rounds, [&](const core::CommentRound& r) {
    return !r.consolidated_into && r.deadline > from && r.deadline <= to;
  });
  std::stable_sort(out.begin(), out.end(),
                   [](const core::CommentRound& a, const core::CommentRound& b) { return a.deadline < b.deadline; });
  return out;
}

}  // namespace chancery::storage
