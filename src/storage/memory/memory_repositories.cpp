#include "storage/memory/memory_repositories.hpp"

#include <algorithm>
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

}  // namespace chancery::storage
