#include "storage/memory/memory_store.hpp"

#include <utility>

#include "storage/memory/memory_repositories.hpp"
#include "storage/memory/memory_state.hpp"

namespace chancery::storage {

class MemoryTransaction : public core::Transaction {
 public:
  // Read transaction: a shared snapshot.
  MemoryTransaction(MemoryStore& store, std::shared_ptr<const MemoryState> snapshot)
      : store_(store), view_(std::move(snapshot)) {}
  // Write transaction: a private copy; the store's writer slot is held until destruction.
  MemoryTransaction(MemoryStore& store, std::shared_ptr<MemoryState> working)
      : store_(store), view_(std::move(working)), writer_(true) {}

  // Rollback is dropping the copy.
  ~MemoryTransaction() override {
    if (writer_) store_.ReleaseWriter();
  }
  MemoryTransaction(const MemoryTransaction&) = delete;
  MemoryTransaction& operator=(const MemoryTransaction&) = delete;

  core::ParticipantRepository& Participants() override { return participants_; }
  core::UserRepository& Users() override { return users_; }
  core::SessionRepository& Sessions() override { return sessions_; }
  core::LoginAttemptRepository& LoginAttempts() override { return login_attempts_; }
  core::AuditLog& Audit() override { return audit_; }
  core::SettingsRepository& Settings() override { return settings_; }
  core::ChairmanshipRepository& Chairmanships() override { return chairmanships_; }
  core::MeetingRepository& Meetings() override { return meetings_; }
  core::DecisionRepository& Decisions() override { return decisions_; }
  core::SilenceRepository& SilenceProcedures() override { return silence_procedures_; }
  core::MandateRepository& Mandates() override { return mandates_; }
  core::DocumentRepository& Documents() override { return documents_; }
  core::CommentRoundRepository& CommentRounds() override { return comment_rounds_; }
  core::SearchIndex& Search() override { return search_; }
  core::NoteRepository& Notes() override { return notes_; }
  core::AddressBook& Addresses() override { return addresses_; }
  core::DeliveryLog& Deliveries() override { return deliveries_; }
  core::NoticeOutbox& Notices() override { return notices_; }
  core::FileRepository& Files() override { return files_; }
  core::NoteTemplateRepository& Templates() override { return templates_; }

  core::Result<void> Commit() override {
    if (view_.finished()) return core::Error::FailedPrecondition("the transaction has already been committed");
    if (view_.working()) store_.Publish(view_.working());
    view_.Finish();
    return core::Ok();
  }

 private:
  MemoryStore& store_;
  MemoryTxView view_;
  const bool writer_ = false;
  MemoryParticipants participants_{view_};
  MemoryUsers users_{view_};
  MemorySessions sessions_{view_};
  MemoryLoginAttempts login_attempts_{view_};
  MemoryAuditLog audit_{view_};
  MemorySettings settings_{view_};
  MemoryChairmanships chairmanships_{view_};
  MemoryMeetings meetings_{view_};
  MemoryDecisions decisions_{view_};
  MemorySilenceProcedures silence_procedures_{view_};
  MemoryMandates mandates_{view_};
  MemoryDocuments documents_{view_};
  MemoryCommentRounds comment_rounds_{view_};
  MemorySearchIndex search_{view_};
  MemoryNotes notes_{view_};
  MemoryAddressBook addresses_{view_};
  MemoryDeliveryLog deliveries_{view_};
  MemoryNoticeOutbox notices_{view_};
  MemoryFiles files_{view_};
  MemoryNoteTemplates templates_{view_};
};

MemoryStore::MemoryStore(std::chrono::milliseconds write_timeout)
    : write_timeout_(write_timeout), committed_(std::make_shared<const MemoryState>()) {}

MemoryStore::~MemoryStore() = default;

core::Result<std::unique_ptr<core::Transaction>> MemoryStore::Begin(core::TxMode mode) {
  if (mode == core::TxMode::kRead) {
    return std::unique_ptr<core::Transaction>(std::make_unique<MemoryTransaction>(*this, Snapshot()));
  }
  {
    std::unique_lock lock(writer_mutex_);
    if (!writer_released_.wait_for(lock, write_timeout_, [this] { return !writer_active_; })) {
      return core::Error::Unavailable("the store is busy: another write transaction is still open");
    }
    writer_active_ = true;
  }
  // Copied only once the writer slot is ours, so the copy includes every earlier commit.
  auto working = std::make_shared<MemoryState>(*Snapshot());
  return std::unique_ptr<core::Transaction>(std::make_unique<MemoryTransaction>(*this, std::move(working)));
}

void MemoryStore::ReleaseWriter() {
  {
    std::lock_guard lock(writer_mutex_);
    writer_active_ = false;
  }
  writer_released_.notify_one();
}

std::shared_ptr<const MemoryState> MemoryStore::Snapshot() const {
  std::lock_guard lock(state_mutex_);
  return committed_;
}

void MemoryStore::Publish(std::shared_ptr<const MemoryState> state) {
  std::lock_guard lock(state_mutex_);
  committed_ = std::move(state);
}

}  // namespace chancery::storage
