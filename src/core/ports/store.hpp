#pragma once
// Storage ports. A use case opens one Transaction, works through its repositories and
// commits; dropping an uncommitted Transaction rolls it back. Adapters: storage/sqlite (the
// embedded default), storage/memory (tests); a PostgreSQL adapter implements the same ports.
//
// Every method may fail with kUnavailable (busy, disk trouble) or kInternal; the ones that
// write also name their domain failures below.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model/audit.hpp"
#include "core/model/chairmanship.hpp"
#include "core/model/comment_round.hpp"
#include "core/model/decision.hpp"
#include "core/model/delivery.hpp"
#include "core/model/document.hpp"
#include "core/model/mandate.hpp"
#include "core/model/meeting.hpp"
#include "core/model/notice.hpp"
#include "core/model/note_template.hpp"
#include "core/model/note_verbale.hpp"
#include "core/model/participant.hpp"
#include "core/model/silence_procedure.hpp"
#include "core/model/stored_file.hpp"
#include "core/model/session.hpp"
#include "core/model/user.hpp"
#include "core/result.hpp"

namespace chancery::core {

class ParticipantRepository {
 public:
  virtual ~ParticipantRepository() = default;
  virtual Result<std::optional<Participant>> Find(std::string_view id) = 0;
  virtual Result<std::vector<Participant>> List() = 0;  // ordered by id
  virtual Result<void> Insert(const Participant& p) = 0;  // kAlreadyExists if the id is taken
  virtual Result<void> Update(const Participant& p) = 0;  // kNotFound if absent
  // A number that changes whenever any participant, name or status is written, and only then;
  // lets a reader keep a snapshot of the registry until the registry changes.
  virtual Result<std::int64_t> Version() = 0;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  virtual Result<std::optional<User>> Find(std::int64_t id) = 0;
  virtual Result<std::optional<User>> FindByUsername(std::string_view username) = 0;
  virtual Result<std::vector<User>> List() = 0;  // ordered by id
  // Assigns and returns the id; kAlreadyExists if the username is taken.
  virtual Result<std::int64_t> Insert(const User& user) = 0;
  virtual Result<void> Update(const User& user) = 0;  // kNotFound if absent
};

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  virtual Result<void> Insert(const Session& session) = 0;
  virtual Result<std::optional<Session>> Find(std::string_view token_digest) = 0;
  virtual Result<bool> Delete(std::string_view token_digest) = 0;  // false if there was none
  virtual Result<std::int64_t> DeleteExpired(Instant now) = 0;     // how many were removed
};

// Failed sign-ins, counted per key (username and client address) over a sliding window. In
// storage, not in process memory, so that several servers agree on the count.
class LoginAttemptRepository {
 public:
  virtual ~LoginAttemptRepository() = default;
  virtual Result<void> RecordFailure(std::string_view key, Instant at) = 0;
  virtual Result<std::int64_t> CountFailuresSince(std::string_view key, Instant since) = 0;
  virtual Result<void> Clear(std::string_view key) = 0;
  // Forgets failures older than `before` (all keys); returns how many. Keeps the table small.
  virtual Result<std::int64_t> DeleteBefore(Instant before) = 0;
};

struct AuditHead {
  std::int64_t seq = 0;
  std::string hash = kGenesisHash;
};

class AuditLog {
 public:
  virtual ~AuditLog() = default;
  // Appends a sealed record and moves the head to it, in the same transaction.
  virtual Result<void> Append(const AuditRecord& record) = 0;
  virtual Result<std::optional<AuditRecord>> Last() = 0;
  virtual Result<AuditHead> Head() = 0;
  // Records with seq > after_seq in seq order, at most `limit`.
  virtual Result<std::vector<AuditRecord>> List(std::int64_t after_seq, std::int64_t limit) = 0;
};

// Organisation-wide settings as text: "time_zone", "organisation.name.en", …
class SettingsRepository {
 public:
  virtual ~SettingsRepository() = default;
  virtual Result<std::optional<std::string>> Get(std::string_view key) = 0;
  virtual Result<void> Set(std::string_view key, std::string_view value) = 0;
  virtual Result<std::vector<std::pair<std::string, std::string>>> List() = 0;  // by key
};

// Governance records. Each repository stores whole aggregates: Update replaces the stored
// aggregate, children included. Use cases filter by policy and paginate, so lists return
// every match in a stable order.

class ChairmanshipRepository {
 public:
  virtual ~ChairmanshipRepository() = default;
  virtual Result<std::vector<ChairmanshipTerm>> List() = 0;  // by `from`
  virtual Result<void> Insert(const ChairmanshipTerm& term) = 0;  // kAlreadyExists if `from` is taken
};

struct MeetingFilter {
  std::optional<BodyCode> body = std::nullopt;
  std::optional<Date> from = std::nullopt;  // meetings ending on or after
  std::optional<Date> to = std::nullopt;  // meetings starting on or before
};

class MeetingRepository {
 public:
  virtual ~MeetingRepository() = default;
  virtual Result<std::optional<Meeting>> Find(std::int64_t id) = 0;
  virtual Result<std::optional<Meeting>> FindBySession(BodyCode body, SessionCode session) = 0;
  virtual Result<std::vector<Meeting>> List(const MeetingFilter& filter) = 0;  // by starts_on, then id
  // Assigns and returns the id; kAlreadyExists if the body already has that session.
  virtual Result<std::int64_t> Insert(const Meeting& meeting) = 0;
  virtual Result<void> Update(const Meeting& meeting) = 0;  // kNotFound if absent
};

struct DecisionFilter {
  std::optional<BodyCode> body = std::nullopt;
  std::optional<std::int64_t> meeting_id = std::nullopt;
  std::optional<Date> from = std::nullopt;  // recorded on or after
  std::optional<Date> to = std::nullopt;  // recorded on or before
};

class DecisionRepository {
 public:
  virtual ~DecisionRepository() = default;
  virtual Result<std::optional<Decision>> Find(std::int64_t id) = 0;
  virtual Result<std::optional<Decision>> FindBySymbol(const DecisionSymbol& symbol) = 0;  // numbered only
  // By recorded_on, then body, year, session, number.
  virtual Result<std::vector<Decision>> List(const DecisionFilter& filter) = 0;
  // Assigns and returns the id; kAlreadyExists if the symbol was ever used (R24). Unnumbered
  // decisions (number 0, see decision.hpp) never conflict.
  virtual Result<std::int64_t> Insert(const Decision& decision) = 0;
};

struct SilenceFilter {
  std::optional<BodyCode> body = std::nullopt;
  std::optional<SilenceState> state = std::nullopt;
  std::optional<Instant> opened_from = std::nullopt;  // opened at or after
  std::optional<Instant> opened_before = std::nullopt;  // opened before
};

class SilenceRepository {
 public:
  virtual ~SilenceRepository() = default;
  virtual Result<std::optional<SilenceRecord>> Find(std::int64_t id) = 0;
  virtual Result<std::vector<SilenceRecord>> List(const SilenceFilter& filter) = 0;  // by id
  virtual Result<std::int64_t> Insert(const SilenceRecord& record) = 0;  // assigns the id
  virtual Result<void> Update(const SilenceRecord& record) = 0;         // kNotFound if absent
  // Ids of running procedures whose expiry instant is at or before `now`, by expiry.
  virtual Result<std::vector<std::int64_t>> DueAt(Instant now) = 0;
  // The earliest expiry among running procedures, for the scheduler's next wake-up.
  virtual Result<std::optional<Instant>> NextExpiry() = 0;
};

struct MandateFilter {
  std::optional<BodyCode> assignee = std::nullopt;
  std::optional<MandateStatus> status = std::nullopt;
  std::optional<std::int64_t> meeting_id = std::nullopt;  // given at this meeting
  std::optional<BodyCode> given_by = std::nullopt;
  std::optional<Date> from = std::nullopt;  // given on or after
  std::optional<Date> to = std::nullopt;  // given on or before
};

class MandateRepository {
 public:
  virtual ~MandateRepository() = default;
  virtual Result<std::optional<Mandate>> Find(std::int64_t id) = 0;
  virtual Result<std::vector<Mandate>> List(const MandateFilter& filter) = 0;  // by id
  virtual Result<std::int64_t> Insert(const Mandate& mandate) = 0;           // assigns the id
  virtual Result<void> Update(const Mandate& mandate) = 0;                  // kNotFound if absent
};

struct DocumentFilter {
  std::optional<DocumentKind> kind = std::nullopt;
  std::optional<BodyCode> body = std::nullopt;
  std::optional<std::int64_t> meeting_id = std::nullopt;
};

// What a search hit shows of its document.
struct DocumentLabel {
  std::string symbol;  // the current one
  std::string title;   // of the version in the language asked; "" if it has no such text
};

// Documents and their versions. A stored version is never changed or removed: AddVersion
// appends, and Update writes only what may change (symbols, access, stages).
class DocumentRepository {
 public:
  virtual ~DocumentRepository() = default;
  virtual Result<std::optional<Document>> Find(std::int64_t id) = 0;  // with every version
  // By its current symbol or a former one.
  virtual Result<std::optional<Document>> FindBySymbol(std::string_view symbol) = 0;
  // The symbol and the title of `version` in `lang`, without reading any paragraph (a search
  // page labels 20 hits; Find would read every version's text). nullopt if no such document.
  virtual Result<std::optional<DocumentLabel>> Label(std::int64_t id, int version, std::string_view lang) = 0;
  // Matching documents by id, each with its versions' metadata but only the latest version's
  // content (lists show what is current; a version's content is read with Find).
  virtual Result<std::vector<Document>> List(const DocumentFilter& filter) = 0;
  // Assigns the id; stores the versions given (normally version 1), which must be numbered
  // 1, 2, … (else kConflict). kAlreadyExists if the symbol, current or former, is another
  // document's symbol, or a version holds two texts in one language.
  virtual Result<std::int64_t> Insert(const Document& document) = 0;
  // Symbol, former symbols, access and stages. kNotFound if absent; kAlreadyExists if the new
  // symbol is another document's.
  virtual Result<void> Update(const Document& document) = 0;
  // Appends a version; kConflict unless its number is the latest + 1; kNotFound if absent;
  // kAlreadyExists if it holds two texts in one language.
  virtual Result<void> AddVersion(std::int64_t document_id, const DocumentVersion& version) = 0;
};

// Comment rounds on document versions; Update replaces the round, comments included.
class CommentRoundRepository {
 public:
  virtual ~CommentRoundRepository() = default;
  virtual Result<std::optional<CommentRound>> Find(std::int64_t id) = 0;
  virtual Result<std::vector<CommentRound>> ListForDocument(std::int64_t document_id) = 0;  // by id
  virtual Result<std::int64_t> Insert(const CommentRound& round) = 0;  // assigns the id
  virtual Result<void> Update(const CommentRound& round) = 0;         // kNotFound if absent
  // Rounds not yet consolidated whose deadline is after `from` and at or before `to`, by
  // deadline then id: those a reminder pass looks at.
  virtual Result<std::vector<CommentRound>> ClosingBetween(Instant from, Instant to) = 0;
};

// The registers of Notes Verbales (model/note_verbale.hpp). Serials are unique per year and
// register; a write transaction that asks NextSerial and inserts or updates with it holds the
// serial alone (writes are serialised), so registering notes at the same time gives distinct
// serials without gaps.
struct NoteFilter {
  std::optional<int> year = std::nullopt;  // registered in that year (drafts have none)
  std::optional<NoteStatus> status = std::nullopt;
  std::optional<NoteLink> about = std::nullopt;
};

class NoteRepository {
 public:
  virtual ~NoteRepository() = default;
  virtual Result<std::optional<OutgoingNote>> Find(std::int64_t id) = 0;
  virtual Result<std::optional<OutgoingNote>> FindByNumber(int year, int serial) = 0;
  virtual Result<std::vector<OutgoingNote>> List(const NoteFilter& filter) = 0;  // ordered by id
  // Assigns the id. kAlreadyExists if the note's number (year, serial) is another note's.
  virtual Result<std::int64_t> Insert(const OutgoingNote& note) = 0;
  // Rewrites the note with its addressees, enclosures and texts. kNotFound if absent;
  // kAlreadyExists if its number is another note's.
  virtual Result<void> Update(const OutgoingNote& note) = 0;
  // One more than the highest serial of `year` in the outgoing register (1 for a new year).
  virtual Result<int> NextSerial(int year) = 0;

  virtual Result<std::optional<IncomingNote>> FindIncoming(std::int64_t id) = 0;
  virtual Result<std::vector<IncomingNote>> ListIncoming(std::optional<int> year) = 0;  // by id
  // Assigns the id. kAlreadyExists if (year, serial) is taken in the incoming register.
  virtual Result<std::int64_t> InsertIncoming(const IncomingNote& note) = 0;
  // kNotFound if absent; kAlreadyExists if (year, serial) is another incoming note's.
  virtual Result<void> UpdateIncoming(const IncomingNote& note) = 0;
  virtual Result<int> NextIncomingSerial(int year) = 0;
};

// Registered e-mail addresses per participant (where its notes are sent), in the order given.
class AddressBook {
 public:
  virtual ~AddressBook() = default;
  virtual Result<std::vector<std::string>> Addresses(std::string_view participant_id) = 0;  // none: empty
  // Replaces the participant's addresses; kAlreadyExists if one is listed twice.
  virtual Result<void> SetAddresses(std::string_view participant_id, const std::vector<std::string>& addresses) = 0;
};

// The log of e-mail deliveries of notes (model/delivery.hpp). Claiming happens in the caller's
// write transaction: Due then Update in one transaction, so two servers never claim one delivery.
class DeliveryLog {
 public:
  virtual ~DeliveryLog() = default;
  virtual Result<std::int64_t> Insert(const Delivery& delivery) = 0;  // assigns the id
  virtual Result<std::optional<Delivery>> Find(std::int64_t id) = 0;
  virtual Result<std::vector<Delivery>> ListForNote(std::int64_t note_id) = 0;  // by id
  // Queued deliveries whose next attempt is at or before `now`, by that time then id; at most `limit`.
  virtual Result<std::vector<Delivery>> Due(Instant now, std::int64_t limit) = 0;
  // The earliest next attempt among queued deliveries, for the worker's next wake-up.
  virtual Result<std::optional<Instant>> NextAttempt() = 0;
  virtual Result<void> Update(const Delivery& delivery) = 0;  // kNotFound if absent
};

// The outbox of notices to users (model/notice.hpp), one per (user, event) for ever: Enqueue of
// a pair already there adds nothing, however many passes or servers plan it. Claimed like the
// delivery log: Due then Update in one write transaction.
class NoticeOutbox {
 public:
  virtual ~NoticeOutbox() = default;
  // Assigns the id and returns it; nullopt, and nothing stored, if the user already has a
  // notice of that event.
  virtual Result<std::optional<std::int64_t>> Enqueue(const Notice& notice) = 0;
  virtual Result<bool> Has(std::int64_t user_id, std::string_view event_key) = 0;
  virtual Result<std::optional<Notice>> Find(std::int64_t id) = 0;
  virtual Result<std::vector<Notice>> ListForUser(std::int64_t user_id) = 0;  // by id
  // Queued notices whose next attempt is at or before `now`, by that time then id; at most `limit`.
  virtual Result<std::vector<Notice>> Due(Instant now, std::int64_t limit) = 0;
  virtual Result<std::optional<Instant>> NextAttempt() = 0;
  virtual Result<void> Update(const Notice& notice) = 0;  // kNotFound if absent
};

// Uploaded files (model/stored_file.hpp): written once, never changed or removed, so that what
// a registered note enclosed stays what it enclosed.
class FileRepository {
 public:
  virtual ~FileRepository() = default;
  // Assigns the id; `file.size` must be `content.size()`.
  virtual Result<std::int64_t> Insert(const StoredFile& file, std::string_view content) = 0;
  virtual Result<std::optional<StoredFile>> Find(std::int64_t id) = 0;
  virtual Result<std::optional<std::string>> Content(std::int64_t id) = 0;  // the bytes as uploaded
  // The outgoing notes (drafts included) that enclose the file, by id: whose addressees may
  // download it.
  virtual Result<std::vector<std::int64_t>> EnclosedBy(std::int64_t id) = 0;
};

// The note templates the Secretariat edited (model/note_template.hpp), one per purpose and
// language; the built-in defaults are not stored here.
class NoteTemplateRepository {
 public:
  virtual ~NoteTemplateRepository() = default;
  virtual Result<std::optional<EditedNoteTemplate>> Find(std::string_view purpose, std::string_view lang) = 0;
  virtual Result<std::vector<EditedNoteTemplate>> List() = 0;  // by purpose, then lang
  // Inserts, or replaces the one of the same purpose and language.
  virtual Result<void> Put(const EditedNoteTemplate& edited) = 0;
  virtual Result<bool> Delete(std::string_view purpose, std::string_view lang) = 0;  // false if none
};

// Full-text search over every paragraph of every version in every language. An entry is
// added when a version is stored and never changed, except that a document's access category
// is rewritten on all its entries when it changes, and that adding a higher version of a
// document makes its earlier entries no longer "latest".
struct SearchEntry {
  std::int64_t document_id = 0;
  int version = 0;
  std::string lang;  // en, ru, kk: chooses the stemmer (Snowball for en and ru; kk tokenised only)
  std::string paragraph_id;
  int item_number = 0;
  bool closed_to_observers = false;
  AccessCategory access = AccessCategory::kMemberStatesOnly;
  DocumentKind kind = DocumentKind::kNote;
  BodyCode body = BodyCode::kSoc;
  Date date;  // the version's date in the organisation's zone
  std::string text;
};

struct SearchQuery {
  std::string text;  // words; every word must match (after stemming in the entry's language)
  std::optional<std::string> lang = std::nullopt;
  std::optional<DocumentKind> kind = std::nullopt;
  std::optional<BodyCode> body = std::nullopt;
  std::optional<Date> from = std::nullopt;  // version date on or after
  std::optional<Date> to = std::nullopt;    // on or before
  // What the reader may see, decided by the policy before the query: only entries whose access
  // is listed, and closed paragraphs only when `closed_visible`. Counts obey the same filter.
  std::vector<AccessCategory> readable;
  bool closed_visible = false;
  bool latest_only = false;  // only each document's latest version
  std::int64_t limit = 20;
  std::int64_t offset = 0;
  // Ranking by relevance costs time in proportion to the matches ranked, so when more than
  // `rank_within` matches are visible only the newest `rank_within` of them (the last indexed)
  // are ranked: they come first, best first, then the older ones, newest first. 0: rank all.
  std::int64_t rank_within = 0;
};

struct SearchHit {
  std::int64_t document_id = 0;
  int version = 0;
  std::string lang;
  std::string paragraph_id;
  int item_number = 0;
  std::string snippet;  // the matching words between [ and ], "…" where text is cut
  double rank = 0;      // smaller is better (bm25); 0 for an older match that was not ranked
};

struct SearchResult {
  std::int64_t total = 0;  // every match the reader may see, not only this page
  // How many of them were ranked by relevance: `total`, or `rank_within` when there were more.
  std::int64_t ranked = 0;
  std::vector<SearchHit> hits;
};

class SearchIndex {
 public:
  virtual ~SearchIndex() = default;
  virtual Result<void> Add(const SearchEntry& entry) = 0;
  virtual Result<void> SetAccess(std::int64_t document_id, AccessCategory access) = 0;
  // kInvalidArgument when the text holds no word.
  virtual Result<SearchResult> Query(const SearchQuery& query) = 0;
};

class Transaction {
 public:
  virtual ~Transaction() = default;  // rolls back unless committed
  virtual ParticipantRepository& Participants() = 0;
  virtual UserRepository& Users() = 0;
  virtual SessionRepository& Sessions() = 0;
  virtual LoginAttemptRepository& LoginAttempts() = 0;
  virtual AuditLog& Audit() = 0;
  virtual SettingsRepository& Settings() = 0;
  virtual ChairmanshipRepository& Chairmanships() = 0;
  virtual MeetingRepository& Meetings() = 0;
  virtual DecisionRepository& Decisions() = 0;
  virtual SilenceRepository& SilenceProcedures() = 0;
  virtual MandateRepository& Mandates() = 0;
  virtual DocumentRepository& Documents() = 0;
  virtual CommentRoundRepository& CommentRounds() = 0;
  virtual SearchIndex& Search() = 0;
  virtual NoteRepository& Notes() = 0;
  virtual AddressBook& Addresses() = 0;
  virtual DeliveryLog& Deliveries() = 0;
  virtual NoticeOutbox& Notices() = 0;
  virtual FileRepository& Files() = 0;
  virtual NoteTemplateRepository& Templates() = 0;
  // Durable when it returns success: a write acknowledged to a client is on disk.
  virtual Result<void> Commit() = 0;
};

enum class TxMode { kRead, kWrite };

class Store {
 public:
  virtual ~Store() = default;
  // Writes are serialised; a write transaction that cannot start in time fails kUnavailable.
  virtual Result<std::unique_ptr<Transaction>> Begin(TxMode mode) = 0;
};

}  // namespace chancery::core
