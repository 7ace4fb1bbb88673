#pragma once
// The repositories of a SqliteTransaction, one .cpp file each.
#include "core/ports/store.hpp"
#include "storage/sqlite/tx_context.hpp"

namespace chancery::storage::sqlite {

class ParticipantRepository : public core::ParticipantRepository {
 public:
  explicit ParticipantRepository(TxContext& tx) : tx_(tx) {}
  core::Result<std::optional<core::Participant>> Find(std::string_view id) override;
  core::Result<std::vector<core::Participant>> List() override;
  core::Result<void> Insert(const core::Participant& p) override;
  core::Result<void> Update(const core::Participant& p) override;
  core::Result<std::int64_t> Version() override;

 private:
  TxContext& tx_;
};

class UserRepository : public core::UserRepository {
 public:
  explicit UserRepository(TxContext& tx) : tx_(tx) {}
  core::Result<std::optional<core::User>> Find(std::int64_t id) override;
  core::Result<std::optional<core::User>> FindByUsername(std::string_view username) override;
  core::Result<std::vector<core::User>> List() override;
  core::Result<std::int64_t> Insert(const core::User& user) override;
  core::Result<void> Update(const core::User& user) override;

 private:
  TxContext& tx_;
};

class SessionRepository : public core::SessionRepository {
 public:
  explicit SessionRepository(TxContext& tx) : tx_(tx) {}
  core::Result<void> Insert(const core::Session& session) override;
  core::Result<std::optional<core::Session>> Find(std::string_view token_digest) override;
  core::Result<bool> Delete(std::string_view token_digest) override;
  core::Result<std::int64_t> DeleteExpired(core::Instant now) override;

 private:
  TxContext& tx_;
};

class LoginAttemptRepository : public core::LoginAttemptRepository {
 public:
  explicit LoginAttemptRepository(TxContext& tx) : tx_(tx) {}
  core::Result<void> RecordFailure(std::string_view key, core::Instant at) override;
  core::Result<std::int64_t> CountFailuresSince(std::string_view key, core::Instant since) override;
  core::Result<void> Clear(std::string_view key) override;
  core::Result<std::int64_t> DeleteBefore(core::Instant before) override;

 private:
  TxContext& tx_;
};

class AuditLog : public core::AuditLog {
 public:
  explicit AuditLog(TxContext& tx) : tx_(tx) {}
  core::Result<void> Append(const core::AuditRecord& record) override;
  core::Result<std::optional<core::AuditRecord>> Last() override;
  core::Result<core::AuditHead> Head() override;
  core::Result<std::vector<core::AuditRecord>> List(std::int64_t after_seq, std::int64_t limit) override;

 private:
  TxContext& tx_;
};

class SettingsRepository : public core::SettingsRepository {
 public:
  explicit SettingsRepository(TxContext& tx) : tx_(tx) {}
  core::Result<std::optional<std::string>> Get(std::string_view key) override;
  core::Result<void> Set(std::string_view key, std::string_view value) override;
  core::Result<std::vector<std::pair<std::string, std::string>>> List() override;

 private:
  TxContext& tx_;
};

class ChairmanshipRepository : public core::ChairmanshipRepository {
 public:
  explicit ChairmanshipRepository(TxContext& tx) : tx_(tx) {}
  core::Result<std::vector<core::ChairmanshipTerm>> List() override;
  core::Result<void> Insert(const core::ChairmanshipTerm& term) override;

 private:
  TxContext& tx_;
};

class MeetingRepository : public core::MeetingRepository {
 public:
  explicit MeetingRepository(TxContext& tx) : tx_(tx) {}
  core::Result<std::optional<core::Meeting>> Find(std::int64_t id) override;
  core::Result<std::optional<core::Meeting>> FindBySession(core::BodyCode body, core::SessionCode session) override;
  core::Result<std::vector<core::Meeting>> List(const core::MeetingFilter& filter) override;
  core::Result<std::int64_t> Insert(const core::Meeting& meeting) override;
  core::Result<void> Update(const core::Meeting& meeting) override;

 private:
  TxContext& tx_;
};

class DecisionRepository : public core::DecisionRepository {
 public:
  explicit DecisionRepository(TxContext& tx) : tx_(tx) {}
  core::Result<std::optional<core::Decision>> Find(std::int64_t id) override;
  core::Result<std::optional<core::Decision>> FindBySymbol(const core::DecisionSymbol& symbol) override;
  core::Result<std::vector<core::Decision>> List(const core::DecisionFilter& filter) override;
  core::Result<std::int64_t> Insert(const core::Decision& decision) override;

 private:
  TxContext& tx_;
};

class SilenceRepository : public core::SilenceRepository {
 public:
  explicit SilenceRepository(TxContext& tx) : tx_(tx) {}
  core::Result<std::optional<core::SilenceRecord>> Find(std::int64_t id) override;
  core::Result<std::vector<core::SilenceRecord>> List(const core::SilenceFilter& filter) override;
  core::Result<std::int64_t> Insert(const core::SilenceRecord& record) override;
  core::Result<void> Update(const core::SilenceRecord& record) override;
  core::Result<std::vector<std::int64_t>> DueAt(core::Instant now) override;
  core::Result<std::optional<core::Instant>> NextExpiry() override;

 private:
  TxContext& tx_;
};

class MandateRepository : public core::MandateRepository {
 public:
  explicit MandateRepository(TxContext& tx) : tx_(tx) {}
  core::Result<std::optional<core::Mandate>> Find(std::int64_t id) override;
  core::Result<std::vector<core::Mandate>> List(const core::MandateFilter& filter) override;
  core::Result<std::int64_t> Insert(const core::Mandate& mandate) override;
  core::Result<void> Update(const core::Mandate& mandate) override;

 private:
  TxContext& tx_;
};

class DocumentRepository : public core::DocumentRepository {
 public:
  explicit DocumentRepository(TxContext& tx) : tx_(tx) {}
  core::Result<std::optional<core::Document>> Find(std::int64_t id) override;
  core::Result<std::optional<core::Document>> FindBySymbol(std::string_view symbol) override;
  core::Result<std::optional<core::DocumentLabel>> Label(std::int64_t id, int version, std::string_view lang) override;
  core::Result<std::vector<core::Document>> List(const core::DocumentFilter& filter) override;
  core::Result<std::int64_t> Insert(const core::Document& document) override;
  core::Result<void> Update(const core::Document& document) override;
  core::Result<void> AddVersion(std::int64_t document_id, const core::DocumentVersion& version) override;

 private:
  TxContext& tx_;
};

class CommentRoundRepository : public core::CommentRoundRepository {
 public:
  explicit CommentRoundRepository(TxContext& tx) : tx_(tx) {}
  core::Result<std::optional<core::CommentRound>> Find(std::int64_t id) override;
  core::Result<std::vector<core::CommentRound>> ListForDocument(std::int64_t document_id) override;
  core::Result<std::int64_t> Insert(const core::CommentRound& round) override;
  core::Result<void> Update(const core::CommentRound& round) override;
  core::Result<std::vector<core::CommentRound>> ClosingBetween(core::Instant from, core::Instant to) override;

 private:
  TxContext& tx_;
};

// Both registers of Notes Verbales (migration 8): outgoing notes in note_repository.cpp,
// incoming ones in incoming_note_repository.cpp.
class NoteRepository : public core::NoteRepository {
 public:
  explicit NoteRepository(TxContext& tx) : tx_(tx) {}
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
  TxContext& tx_;
};

// Registered addresses (participant_addresses) and the delivery log (note_deliveries), migration 9.
class AddressBook : public core::AddressBook {
 public:
  explicit AddressBook(TxContext& tx) : tx_(tx) {}
  core::Result<std::vector<std::string>> Addresses(std::string_view participant_id) override;
  core::Result<void> SetAddresses(std::string_view participant_id, const std::vector<std::string>& addresses) override;

 private:
  TxContext& tx_;
};

// The Secretariat's edited note templates (note_templates, note_template_blocks), migration 12.
class NoteTemplateRepository : public core::NoteTemplateRepository {
 public:
  explicit NoteTemplateRepository(TxContext& tx) : tx_(tx) {}
  core::Result<std::optional<core::EditedNoteTemplate>> Find(std::string_view purpose, std::string_view lang) override;
  core::Result<std::vector<core::EditedNoteTemplate>> List() override;
  core::Result<void> Put(const core::EditedNoteTemplate& edited) override;
  core::Result<bool> Delete(std::string_view purpose, std::string_view lang) override;

 private:
  TxContext& tx_;
};

class DeliveryLog : public core::DeliveryLog {
 public:
  explicit DeliveryLog(TxContext& tx) : tx_(tx) {}
  core::Result<std::int64_t> Insert(const core::Delivery& delivery) override;
  core::Result<std::optional<core::Delivery>> Find(std::int64_t id) override;
  core::Result<std::vector<core::Delivery>> ListForNote(std::int64_t note_id) override;
  core::Result<std::vector<core::Delivery>> Due(core::Instant now, std::int64_t limit) override;
  core::Result<std::optional<core::Instant>> NextAttempt() override;
  core::Result<void> Update(const core::Delivery& delivery) override;

 private:
  TxContext& tx_;
};

// The outbox of notices to users (notices, migration 10).
class NoticeOutbox : public core::NoticeOutbox {
 public:
  explicit NoticeOutbox(TxContext& tx) : tx_(tx) {}
  core::Result<std::optional<std::int64_t>> Enqueue(const core::Notice& notice) override;
  core::Result<bool> Has(std::int64_t user_id, std::string_view event_key) override;
  core::Result<std::optional<core::Notice>> Find(std::int64_t id) override;
  core::Result<std::vector<core::Notice>> ListForUser(std::int64_t user_id) override;
  core::Result<std::vector<core::Notice>> Due(core::Instant now, std::int64_t limit) override;
  core::Result<std::optional<core::Instant>> NextAttempt() override;
  core::Result<void> Update(const core::Notice& notice) override;

 private:
  TxContext& tx_;
};

// Every paragraph of every version in search_entries, its text in the FTS5 table of its
// language (search_en, search_ru, search_kk; migration 6). Unknown languages: kInvalidArgument.
class SearchIndex : public core::SearchIndex {
 public:
  explicit SearchIndex(TxContext& tx) : tx_(tx) {}
  core::Result<void> Add(const core::SearchEntry& entry) override;
  core::Result<void> SetAccess(std::int64_t document_id, core::AccessCategory access) override;
  core::Result<core::SearchResult> Query(const core::SearchQuery& query) override;

 private:
  TxContext& tx_;
};

class FileRepository : public core::FileRepository {
 public:
  explicit FileRepository(TxContext& tx) : tx_(tx) {}
  core::Result<std::int64_t> Insert(const core::StoredFile& file, std::string_view content) override;
  core::Result<std::optional<core::StoredFile>> Find(std::int64_t id) override;
  core::Result<std::optional<std::string>> Content(std::int64_t id) override;
  core::Result<std::vector<std::int64_t>> EnclosedBy(std::int64_t id) override;

 private:
  TxContext& tx_;
};

}  // namespace chancery::storage::sqlite
