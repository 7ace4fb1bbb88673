#include "core/services/request_store.hpp"

namespace chancery::core {
namespace {

// A view of the request's read transaction. Committing a read changes nothing, so Commit only
// reports success; the shared transaction ends when the RequestStore does.
class BorrowedTransaction : public Transaction {
 public:
  explicit BorrowedTransaction(std::shared_ptr<Transaction> tx) : owner_(std::move(tx)), tx_(*owner_) {}
  ParticipantRepository& Participants() override { return tx_.Participants(); }
  UserRepository& Users() override { return tx_.Users(); }
  SessionRepository& Sessions() override { return tx_.Sessions(); }
  LoginAttemptRepository& LoginAttempts() override { return tx_.LoginAttempts(); }
  AuditLog& Audit() override { return tx_.Audit(); }
  SettingsRepository& Settings() override { return tx_.Settings(); }
  ChairmanshipRepository& Chairmanships() override { return tx_.Chairmanships(); }
  MeetingRepository& Meetings() override { return tx_.Meetings(); }
  DecisionRepository& Decisions() override { return tx_.Decisions(); }
  SilenceRepository& SilenceProcedures() override { return tx_.SilenceProcedures(); }
  MandateRepository& Mandates() override { return tx_.Mandates(); }
  DocumentRepository& Documents() override { return tx_.Documents(); }
  CommentRoundRepository& CommentRounds() override { return tx_.CommentRounds(); }
  SearchIndex& Search() override { return tx_.Search(); }
  NoteRepository& Notes() override { return tx_.Notes(); }
  AddressBook& Addresses() override { return tx_.Addresses(); }
  DeliveryLog& Deliveries() override { return tx_.Deliveries(); }
  NoticeOutbox& Notices() override { return tx_.Notices(); }
  FileRepository& Files() override { return tx_.Files(); }
  NoteTemplateRepository& Templates() override { return tx_.Templates(); }
  Result<void> Commit() override { return Ok(); }

 private:
  std::shared_ptr<Transaction> owner_;
  Transaction& tx_;
};

}  // namespace

Result<std::unique_ptr<Transaction>> RequestStore::Begin(TxMode mode) {
  if (mode == TxMode::kWrite) {
    read_.reset();  // later reads must see what this write commits
    return inner_.Begin(mode);
  }
  if (!read_) {
    auto tx = inner_.Begin(TxMode::kRead);
    if (!tx) return tx.error();
    read_ = std::shared_ptr<Transaction>(std::move(*tx));
  }
  return std::unique_ptr<Transaction>(std::make_unique<BorrowedTransaction>(read_));
}

}  // namespace chancery::core
