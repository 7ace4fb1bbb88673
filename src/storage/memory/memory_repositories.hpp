#pragma once
// The repositories of a memory transaction. They enforce what the SQLite schema enforces
// (unique keys, references, the audit chain) with the same error codes, so that tests of core
// against MemoryStore mean the same as against SQLite.
#include "core/ports/store.hpp"
#include "storage/memory/memory_state.hpp"

namespace chancery::storage {

class MemoryParticipants : public core::ParticipantRepository {
 public:
  explicit MemoryParticipants(MemoryTxView& view) : view_(view) {}
  core::Result<std::optional<core::Participant>> Find(std::string_view id) override;
  core::Result<std::vector<core::Participant>> List() override;
  core::Result<std::int64_t> Version() override;
  core::Result<void> Insert(const core::Participant& p) override;
  core::Result<void> Update(const core::Participant& p) override;

 private:
  MemoryTxView& view_;
};

class MemoryUsers : public core::UserRepository {
 public:
  explicit MemoryUsers(MemoryTxView& view) : view_(view) {}
  core::Result<std::optional<core::User>> Find(std::int64_t id) override;
  core::Result<std::optional<core::User>> FindByUsername(std::string_view username) override;
  core::Result<std::vector<core::User>> List() override;
  core::Result<std::int64_t> Insert(const core::User& user) override;
  core::Result<void> Update(const core::User& user) override;

 private:
  MemoryTxView& view_;
};

class MemorySessions : public core::SessionRepository {
 public:
  explicit MemorySessions(MemoryTxView& view) : view_(view) {}
  core::Result<void> Insert(const core::Session& session) override;
  core::Result<std::optional<core::Session>> Find(std::string_view token_digest) override;
  core::Result<bool> Delete(std::string_view token_digest) override;
  core::Result<std::int64_t> DeleteExpired(core::Instant now) override;

 private:
  MemoryTxView& view_;
};

class MemoryLoginAttempts : public core::LoginAttemptRepository {
 public:
  explicit MemoryLoginAttempts(MemoryTxView& view) : view_(view) {}
  core::Result<void> RecordFailure(std::string_view key, core::Instant at) override;
  core::Result<std::int64_t> CountFailuresSince(std::string_view key, core::Instant since) override;
  core::Result<void> Clear(std::string_view key) override;
  core::Result<std::int64_t> DeleteBefore(core::Instant before) override;

 private:
  MemoryTxView& view_;
};

class MemoryAuditLog : public core::AuditLog {
 public:
  explicit MemoryAuditLog(MemoryTxView& view) : view_(view) {}
  core::Result<void> Append(const core::AuditRecord& record) override;
  core::Result<std::optional<core::AuditRecord>> Last() override;
  core::Result<core::AuditHead> Head() override;
  core::Result<std::vector<core::AuditRecord>> List(std::int64_t after_seq, std::int64_t limit) override;

 private:
  MemoryTxView& view_;
};

class MemorySettings : public core::SettingsRepository {
 public:
  explicit MemorySettings(MemoryTxView& view) : view_(view) {}
  core::Result<std::optional<std::string>> Get(std::string_view key) override;
  core::Result<void> Set(std::string_view key, std::string_view value) override;
  core::Result<std::vector<std::pair<std::string, std::string>>> List() override;

 private:
  MemoryTxView& view_;
};

class MemoryChairmanships : public core::ChairmanshipRepository {
 public:
  explicit MemoryChairmanships(MemoryTxView& view) : view_(view) {}
  core::Result<std::vector<core::ChairmanshipTerm>> List() override;
  core::Result<void> Insert(const core::ChairmanshipTerm& term) override;

 private:
  MemoryTxView& view_;
};

class MemoryMeetings : public core::MeetingRepository {
 public:
  explicit MemoryMeetings(MemoryTxView& view) : view_(view) {}
  core::Result<std::optional<core::Meeting>> Find(std::int64_t id) override;
  core::Result<std::optional<core::Meeting>> FindBySession(core::BodyCode body, core::SessionCode session) override;
  core::Result<std::vector<core::Meeting>> List(const core::MeetingFilter& filter) override;
  core::Result<std::int64_t> Insert(const core::Meeting& meeting) override;
  core::Result<void> Update(const core::Meeting& meeting) override;

 private:
  MemoryTxView& view_;
};

class MemoryDecisions : public core::DecisionRepository {
 public:
  explicit MemoryDecisions(MemoryTxView& view) : view_(view) {}
  core::Result<std::optional<core::Decision>> Find(std::int64_t id) override;
  core::Result<std::optional<core::Decision>> FindBySymbol(const core::DecisionSymbol& symbol) override;
  core::Result<std::vector<core::Decision>> List(const core::DecisionFilter& filter) override;
  core::Result<std::int64_t> Insert(const core::Decision& decision) override;

 private:
  MemoryTxView& view_;
};

class MemorySilenceProcedures : public core::SilenceRepository {
 public:
  explicit MemorySilenceProcedures(MemoryTxView& view) : view_(view) {}
  core::Result<std::optional<core::SilenceRecord>> Find(std::int64_t id) override;
  core::Result<std::vector<core::SilenceRecord>> List(const core::SilenceFilter& filter) override;
  core::Result<std::int64_t> Insert(const core::SilenceRecord& record) override;
  core::Result<void> Update(const core::SilenceRecord& record) override;
  core::Result<std::vector<std::int64_t>> DueAt(core::Instant now) override;
  core::Result<std::optional<core::Instant>> NextExpiry() override;

 private:
  MemoryTxView& view_;
};

class MemoryMandates : public core::MandateRepository {
 public:
  explicit MemoryMandates(MemoryTxView& view) : view_(view) {}
  core::Result<std::optional<core::Mandate>> Find(std::int64_t id) override;
  core::Result<std::vector<core::Mandate>> List(const core::MandateFilter& filter) override;
  core::Result<std::int64_t> Insert(const core::Mandate& mandate) override;
  core::Result<void> Update(const core::Mandate& mandate) override;

 private:
  MemoryTxView& view_;
};

class MemoryDocuments : public core::DocumentRepository {
 public:
  explicit MemoryDocuments(MemoryTxView& view) : view_(view) {}
  core::Result<std::optional<core::Document>> Find(std::int64_t id) override;
  core::Result<std::optional<core::Document>> FindBySymbol(std::string_view symbol) override;
  core::Result<std::optional<core::DocumentLabel>> Label(std::int64_t id, int version, std::string_view lang) override;
  core::Result<std::vector<core::Document>> List(const core::DocumentFilter& filter) override;
  core::Result<std::int64_t> Insert(const core::Document& document) override;
  core::Result<void> Update(const core::Document& document) override;
  core::Result<void> AddVersion(std::int64_t document_id, const core::DocumentVersion& version) override;

 private:
  MemoryTxView& view_;
};

class MemoryCommentRounds : public core::CommentRoundRepository {
 public:
  explicit MemoryCommentRounds(MemoryTxView& view) : view_(view) {}
  core::Result<std::optional<core::CommentRound>> Find(std::int64_t id) override;
  core::Result<std::vector<core::CommentRound>> ListForDocument(std::int64_t document_id) override;
  core::Result<std::int64_t> Insert(const core::CommentRound& round) override;
  core::Result<void> Update(const core::CommentRound& round) override;
  core::Result<std::vector<core::CommentRound>> ClosingBetween(core::Instant from, core::Instant to) override;

 private:
  MemoryTxView& view_;
};

// Both registers of Notes Verbales (memory_notes.cpp).
class MemoryNotes : public core::NoteRepository {
 public:
  explicit MemoryNotes(MemoryTxView& view) : view_(view) {}
  core::Result<std::optional<core::OutgoingNote>> Find(std::int64_t id) override;
  core::Result<std::optional<core::OutgoingNote>> FindByNumber(int year, int serial) override;
  core::Result<std::vector<core::OutgoingNote>> List(const core::NoteFilter& filter) override;
  core::Result<std::int64_t> Insert(const core::OutgoingNote& note) override;
  core::Result<void> Update(const core::OutgoingNote& note) override;
  core::Result<int> NextSerial(int year) override;

  core::Result<std::optional<core::IncomingNote>> FindIncoming(std::int64_t id) override;
  core::Result<std::vector<core::IncomingNote>> ListIncoming(std::optional<int> year) override;
  core::Result<std::int64_t> InsertIncoming(const core::IncomingNote& note) override;
  core::Result<void> UpdateIncoming(const core::IncomingNote& note) override;
  core::Result<int> NextIncomingSerial(int year) override;

 private:
  MemoryTxView& view_;
};

// Registered addresses and the delivery log (memory_dispatch.cpp).
class MemoryAddressBook : public core::AddressBook {
 public:
  explicit MemoryAddressBook(MemoryTxView& view) : view_(view) {}
  core::Result<std::vector<std::string>> Addresses(std::string_view participant_id) override;
  core::Result<void> SetAddresses(std::string_view participant_id, const std::vector<std::string>& addresses) override;

 private:
  MemoryTxView& view_;
};

class MemoryDeliveryLog : public core::DeliveryLog {
 public:
  explicit MemoryDeliveryLog(MemoryTxView& view) : view_(view) {}
  core::Result<std::int64_t> Insert(const core::Delivery& delivery) override;
  core::Result<std::optional<core::Delivery>> Find(std::int64_t id) override;
  core::Result<std::vector<core::Delivery>> ListForNote(std::int64_t note_id) override;
  core::Result<std::vector<core::Delivery>> Due(core::Instant now, std::int64_t limit) override;
  core::Result<std::optional<core::Instant>> NextAttempt() override;
  core::Result<void> Update(const core::Delivery& delivery) override;

 private:
  MemoryTxView& view_;
};

// The outbox of notices (memory_notices.cpp), holding it to migration 10's keys: one notice per
// user and event, of existing users.
class MemoryNoticeOutbox : public core::NoticeOutbox {
 public:
  explicit MemoryNoticeOutbox(MemoryTxView& view) : view_(view) {}
  core::Result<std::optional<std::int64_t>> Enqueue(const core::Notice& notice) override;
  core::Result<bool> Has(std::int64_t user_id, std::string_view event_key) override;
  core::Result<std::optional<core::Notice>> Find(std::int64_t id) override;
  core::Result<std::vector<core::Notice>> ListForUser(std::int64_t user_id) override;
  core::Result<std::vector<core::Notice>> Due(core::Instant now, std::int64_t limit) override;
  core::Result<std::optional<core::Instant>> NextAttempt() override;
  core::Result<void> Update(const core::Notice& notice) override;

 private:
  MemoryTxView& view_;
};

// The Secretariat's edited note templates (memory_note_templates.cpp).
class MemoryNoteTemplates : public core::NoteTemplateRepository {
 public:
  explicit MemoryNoteTemplates(MemoryTxView& view) : view_(view) {}
  core::Result<std::optional<core::EditedNoteTemplate>> Find(std::string_view purpose, std::string_view lang) override;
  core::Result<std::vector<core::EditedNoteTemplate>> List() override;
  core::Result<void> Put(const core::EditedNoteTemplate& edited) override;
  core::Result<bool> Delete(std::string_view purpose, std::string_view lang) override;

 private:
  MemoryTxView& view_;
};

// Entries in a vector, queried by a scan. A query word matches a word of the text when the two
// are equal after lower-casing ASCII and Cyrillic (Kazakh letters included). The memory adapter
// does NOT stem: "решение" does not find "решения" here, only in SQLite. rank is 0 for every hit,
// hits come in the order added, and the snippet is the whole text with the matching words in [ ].
class MemorySearchIndex : public core::SearchIndex {
 public:
  explicit MemorySearchIndex(MemoryTxView& view) : view_(view) {}
  core::Result<void> Add(const core::SearchEntry& entry) override;
  core::Result<void> SetAccess(std::int64_t document_id, core::AccessCategory access) override;
  core::Result<core::SearchResult> Query(const core::SearchQuery& query) override;

 private:
  MemoryTxView& view_;
};

class MemoryFiles : public core::FileRepository {
 public:
  explicit MemoryFiles(MemoryTxView& view) : view_(view) {}
  core::Result<std::int64_t> Insert(const core::StoredFile& file, std::string_view content) override;
  core::Result<std::optional<core::StoredFile>> Find(std::int64_t id) override;
  core::Result<std::optional<std::string>> Content(std::int64_t id) override;
  core::Result<std::vector<std::int64_t>> EnclosedBy(std::int64_t id) override;

 private:
  MemoryTxView& view_;
};

}  // namespace chancery::storage
