#pragma once
// core::Transaction over one pooled connection: BEGIN IMMEDIATE for writes (SQLite serialises
// writers; waiting past the busy timeout is kUnavailable), BEGIN for reads, with the snapshot
// taken at once (WAL lets readers run beside the writer).
#include <memory>

#include "core/ports/store.hpp"
#include "storage/sqlite/connection_pool.hpp"
#include "storage/sqlite/repositories.hpp"
#include "storage/sqlite/tx_context.hpp"

namespace chancery::storage::sqlite {

class SqliteTransaction : public core::Transaction {
 public:
  static core::Result<std::unique_ptr<SqliteTransaction>> Begin(PooledConnection connection, core::TxMode mode);
  ~SqliteTransaction() override;  // ROLLBACK unless committed

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

  // On failure the transaction has been rolled back and is finished.
  core::Result<void> Commit() override;

 private:
  SqliteTransaction(PooledConnection connection, core::TxMode mode)
      : connection_(std::move(connection)), context_(*connection_, mode) {}

  PooledConnection connection_;
  TxContext context_;
  ParticipantRepository participants_{context_};
  UserRepository users_{context_};
  SessionRepository sessions_{context_};
  LoginAttemptRepository login_attempts_{context_};
  AuditLog audit_{context_};
  SettingsRepository settings_{context_};
  ChairmanshipRepository chairmanships_{context_};
  MeetingRepository meetings_{context_};
  DecisionRepository decisions_{context_};
  SilenceRepository silence_procedures_{context_};
  MandateRepository mandates_{context_};
  DocumentRepository documents_{context_};
  CommentRoundRepository comment_rounds_{context_};
  SearchIndex search_{context_};
  NoteRepository notes_{context_};
  AddressBook addresses_{context_};
  DeliveryLog deliveries_{context_};
  NoticeOutbox notices_{context_};
  FileRepository files_{context_};
  NoteTemplateRepository templates_{context_};
};

}  // namespace chancery::storage::sqlite
