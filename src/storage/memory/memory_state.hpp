#pragma once
// The data a MemoryStore holds, and the view one transaction has of it. Internal to memory/.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/ports/store.hpp"

namespace chancery::storage {

struct MemoryState {
  std::map<std::string, core::Participant, std::less<>> participants;
  std::int64_t participants_version = 0;  // bumped by every participant write
  std::map<std::int64_t, core::User> users;
  std::int64_t last_user_id = 0;  // ids are never reused, like SQLite's AUTOINCREMENT
  std::map<std::string, core::Session, std::less<>> sessions;
  std::multimap<std::string, core::Instant, std::less<>> login_failures;
  std::vector<core::AuditRecord> audit;  // in seq order, seq == index + 1
  core::AuditHead audit_head;
  std::map<std::string, std::string, std::less<>> settings;
  // Governance records. Ids are never reused, as above.
  std::map<core::Date, core::ChairmanshipTerm> chairmanships;  // by `from`, the unique key
  std::map<std::int64_t, core::Meeting> meetings;
  std::int64_t last_meeting_id = 0;
  std::map<std::int64_t, core::Decision> decisions;
  std::int64_t last_decision_id = 0;
  std::map<std::int64_t, core::SilenceRecord> silence_procedures;
  std::int64_t last_silence_id = 0;
  std::map<std::int64_t, core::Mandate> mandates;
  std::int64_t last_mandate_id = 0;
  std::map<std::int64_t, core::Document> documents;  // versions in number order, never changed
  std::int64_t last_document_id = 0;
  std::map<std::int64_t, core::CommentRound> comment_rounds;  // comments in the order given
  std::int64_t last_comment_round_id = 0;
  std::vector<core::SearchEntry> search_entries;  // in the order added
  // The registers of Notes Verbales, by id; ids never reused, as above.
  std::map<std::int64_t, core::OutgoingNote> outgoing_notes;
  std::int64_t last_outgoing_note_id = 0;
  std::map<std::int64_t, core::IncomingNote> incoming_notes;
  std::int64_t last_incoming_note_id = 0;
  std::map<std::string, std::vector<std::string>> addresses;  // by participant id
  std::map<std::int64_t, core::Delivery> deliveries;
  std::map<std::pair<std::string, std::string>, core::EditedNoteTemplate> note_templates;  // by purpose, lang
  std::int64_t last_delivery_id = 0;
  std::map<std::int64_t, core::Notice> notices;  // the outbox, by id
  std::int64_t last_notice_id = 0;
  // Uploaded files. The bytes are shared, never copied: a write transaction copies the state,
  // and an upload may be megabytes.
  struct FileRow {
    core::StoredFile file;
    std::shared_ptr<const std::string> content;
  };
  std::map<std::int64_t, FileRow> files;
  std::int64_t last_file_id = 0;
};

// A read transaction shares an immutable snapshot; a write transaction owns a private copy.
// Both refuse use once the transaction has finished, and a read one refuses writes, so that
// misuse shows up in tests of core rather than only against SQLite.
class MemoryTxView {
 public:
  explicit MemoryTxView(std::shared_ptr<const MemoryState> snapshot) : snapshot_(std::move(snapshot)) {}
  explicit MemoryTxView(std::shared_ptr<MemoryState> working)
      : snapshot_(working), working_(std::move(working)) {}

  core::Result<const MemoryState*> Read() const {
    if (finished_) return FinishedError();
    return snapshot_.get();
  }
  core::Result<MemoryState*> Write() {
    if (finished_) return FinishedError();
    if (!working_) return core::Error::FailedPrecondition("a read transaction cannot write");
    return working_.get();
  }
  void Finish() { finished_ = true; }
  bool finished() const { return finished_; }
  const std::shared_ptr<MemoryState>& working() const { return working_; }

 private:
  static core::Error FinishedError() {
    return core::Error::FailedPrecondition("the transaction has already been committed");
  }

  std::shared_ptr<const MemoryState> snapshot_;
  std::shared_ptr<MemoryState> working_;  // null for a read transaction
  bool finished_ = false;
};

}  // namespace chancery::storage
