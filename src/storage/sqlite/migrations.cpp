#include "storage/sqlite/migrations.hpp"

#include <array>
#include <string>

namespace chancery::storage::sqlite {
namespace {

// Never edit a migration that has been released: databases in the field have applied it and
// will not apply it again. Change the schema by appending a new migration.
//
// STRICT tables make SQLite refuse a value of the wrong type instead of converting it, so a
// binding mistake fails loudly rather than round-tripping inexactly.
constexpr std::string_view kMigration1 = R"sql(
CREATE TABLE participants (
  id TEXT NOT NULL PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('state', 'organisation')),
  iso_alpha2 TEXT,
  iso_alpha3 TEXT
) STRICT;

-- position keeps the names in the order the model gave them.
CREATE TABLE participant_names (
  participant_id TEXT NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  lang TEXT NOT NULL,
  short_name TEXT NOT NULL,
  full_name TEXT NOT NULL,
  valid_from TEXT CHECK (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  PRIMARY KEY (participant_id, position)
) STRICT;

-- No ON DELETE CASCADE: a participant with a status history is not deleted by accident.
CREATE TABLE participant_statuses (
  participant_id TEXT NOT NULL REFERENCES participants (id),
  position INTEGER NOT NULL CHECK (position >= 0),
  valid_from TEXT NOT NULL CHECK (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  status TEXT NOT NULL
    CHECK (status IN ('member', 'observer_state', 'observer_organisation', 'partner', 'none')),
  precision TEXT NOT NULL CHECK (precision IN ('day', 'year', 'by')),
  basis TEXT NOT NULL,
  source TEXT NOT NULL,
  confidence TEXT NOT NULL,
  PRIMARY KEY (participant_id, position),
  UNIQUE (participant_id, valid_from)
) STRICT;

-- AUTOINCREMENT: an id is never handed out twice, even after the newest user is deleted.
CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('administrator', 'officer', 'chairmanship',
                                     'member_delegate', 'observer_delegate')),
  participant_id TEXT REFERENCES participants (id),
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  active INTEGER NOT NULL CHECK (active IN (0, 1))
) STRICT;
CREATE INDEX users_participant_id ON users (participant_id);

CREATE TABLE sessions (
  token_digest TEXT NOT NULL PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('cookie', 'bearer')),
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX sessions_expires_at ON sessions (expires_at);
CREATE INDEX sessions_user_id ON sessions (user_id);

CREATE TABLE login_failures (
  key TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX login_failures_key_at ON login_failures (key, at);

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY CHECK (seq > 0),
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  object_kind TEXT NOT NULL,
  object_id TEXT NOT NULL,
  before_digest TEXT NOT NULL,
  after_digest TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;

-- The chain head, kept apart from the records so that removing the newest records is
-- detected (see core::Verify). Exactly one row.
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL CHECK (seq >= 0),
  hash TEXT NOT NULL
) STRICT;
INSERT INTO audit_head (id, seq, hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE settings (
  key TEXT NOT NULL PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
)sql";

// 2: a version number for the participants registry, bumped by triggers on every write to it,
// so that readers can keep a snapshot until the registry changes (core/services/participant_cache).
constexpr std::string_view kMigration2 = R"sql(
CREATE TABLE registry_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
) STRICT;
INSERT INTO registry_version (id, version) VALUES (1, 0);
CREATE TRIGGER participants_ai AFTER INSERT ON participants BEGIN UPDATE registry_version SET version = version + 1; END;
CREATE TRIGGER participants_au AFTER UPDATE ON participants BEGIN UPDATE registry_version SET version = version + 1; END;
CREATE TRIGGER participants_ad AFTER DELETE ON participants BEGIN UPDATE registry_version SET version = version + 1; END;
CREATE TRIGGER participant_names_ai AFTER INSERT ON participant_names BEGIN UPDATE registry_version SET version = version + 1; END;
CREATE TRIGGER participant_names_au AFTER UPDATE ON participant_names BEGIN UPDATE registry_version SET version = version + 1; END;
CREATE TRIGGER participant_names_ad AFTER DELETE ON participant_names BEGIN UPDATE registry_version SET version = version + 1; END;
CREATE TRIGGER participant_statuses_ai AFTER INSERT ON participant_statuses BEGIN UPDATE registry_version SET version = version + 1; END;
CREATE TRIGGER participant_statuses_au AFTER UPDATE ON participant_statuses BEGIN UPDATE registry_version SET version = version + 1; END;
CREATE TRIGGER participant_statuses_ad AFTER DELETE ON participant_statuses BEGIN UPDATE registry_version SET version = version + 1; END;
)sql";

// 3: governance records (core/ports/store.hpp): chairmanship terms, meetings with their agendas
// and statements, decisions, silence procedures and mandates. Each aggregate is a parent row
// and child tables keyed by (parent, position) with ON DELETE CASCADE, so that Update replaces
// the children by deleting and re-inserting them. References between aggregates (a decision's
// meeting, a silence procedure's decision) and to participants and users are plain columns,
// not foreign keys: core keeps them consistent, and records may be loaded in any order.
constexpr std::string_view kMigration3 = R"sql(
CREATE TABLE chairmanship_terms (
  valid_from TEXT NOT NULL PRIMARY KEY
    CHECK (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  participant_id TEXT NOT NULL,
  valid_until TEXT CHECK (valid_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  basis TEXT NOT NULL,
  recommended_by_silence_procedure INTEGER
) STRICT;

CREATE TABLE meetings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  body TEXT NOT NULL CHECK (body IN ('SOC', 'SWG', 'MM', 'MC', 'SUMMIT', 'CEP', 'TTF', 'EXPERTS')),
  session_year INTEGER NOT NULL,
  session_number INTEGER NOT NULL,
  starts_on TEXT NOT NULL CHECK (starts_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  ends_on TEXT NOT NULL CHECK (ends_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  format TEXT NOT NULL CHECK (format IN ('in_person', 'online', 'hybrid')),
  venue TEXT NOT NULL,
  chair_participant_id TEXT NOT NULL,
  chair_person TEXT NOT NULL,
  agenda_status TEXT NOT NULL CHECK (agenda_status IN ('draft', 'adopted')),
  agenda_symbol TEXT NOT NULL,
  agenda_adopted_at INTEGER,
  UNIQUE (body, session_year, session_number)
) STRICT;
CREATE INDEX meetings_starts_on ON meetings (starts_on, id);

CREATE TABLE agenda_items (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  number INTEGER NOT NULL,
  title TEXT NOT NULL,
  closed_to_observers INTEGER NOT NULL CHECK (closed_to_observers IN (0, 1)),
  any_other_business INTEGER NOT NULL CHECK (any_other_business IN (0, 1)),
  PRIMARY KEY (meeting_id, position)
) STRICT;

-- Observers invited to an item, and who attended it (R13), under the item's position.
CREATE TABLE agenda_item_invitations (
  meeting_id INTEGER NOT NULL,
  item_position INTEGER NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  participant_id TEXT NOT NULL,
  PRIMARY KEY (meeting_id, item_position, position),
  FOREIGN KEY (meeting_id, item_position) REFERENCES agenda_items (meeting_id, position) ON DELETE CASCADE
) STRICT;

CREATE TABLE agenda_item_attendance (
  meeting_id INTEGER NOT NULL,
  item_position INTEGER NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  participant_id TEXT NOT NULL,
  PRIMARY KEY (meeting_id, item_position, position),
  FOREIGN KEY (meeting_id, item_position) REFERENCES agenda_items (meeting_id, position) ON DELETE CASCADE
) STRICT;

CREATE TABLE agenda_amendments (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  item_number INTEGER NOT NULL,
  proposed_by TEXT NOT NULL,
  previous_title TEXT NOT NULL,
  title TEXT NOT NULL,
  PRIMARY KEY (meeting_id, position)
) STRICT;

CREATE TABLE statements (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  seq INTEGER NOT NULL,
  item_number INTEGER NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('participant', 'chair', 'secretariat', 'guest')),
  participant_id TEXT NOT NULL,
  speaker TEXT NOT NULL,
  language TEXT NOT NULL,
  text TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, position)
) STRICT;

-- A decision symbol is unique forever (R24): decisions are never deleted. Number 0 is a
-- decision recorded only in the minutes, without a symbol, so it is left out of the index.
CREATE TABLE decisions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  body TEXT NOT NULL CHECK (body IN ('SOC', 'SWG', 'MM', 'MC', 'SUMMIT', 'CEP', 'TTF', 'EXPERTS')),
  year INTEGER NOT NULL,
  session INTEGER NOT NULL,
  number INTEGER NOT NULL CHECK (number >= 0),
  meeting_id INTEGER NOT NULL,
  item_number INTEGER NOT NULL,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('at_meeting', 'silence_procedure')),
  adopted_at INTEGER NOT NULL,
  recorded_on TEXT NOT NULL CHECK (recorded_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  silence_procedure_id INTEGER,
  recommended_to TEXT CHECK (recommended_to IN ('SOC', 'SWG', 'MM', 'MC', 'SUMMIT', 'CEP', 'TTF', 'EXPERTS'))
) STRICT;
CREATE UNIQUE INDEX decisions_symbol ON decisions (body, year, session, number) WHERE number > 0;
CREATE INDEX decisions_recorded_on ON decisions (recorded_on, body, year, session, number);
CREATE INDEX decisions_meeting_id ON decisions (meeting_id);

CREATE TABLE decision_attachments (
  decision_id INTEGER NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  participant_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('objection', 'interpretative_statement', 'reservation')),
  text TEXT NOT NULL,
  PRIMARY KEY (decision_id, position)
) STRICT;

CREATE TABLE decision_status_grants (
  decision_id INTEGER NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  participant_id TEXT NOT NULL,
  status TEXT NOT NULL
    CHECK (status IN ('member', 'observer_state', 'observer_organisation', 'partner', 'none')),
  valid_from TEXT NOT NULL CHECK (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  PRIMARY KEY (decision_id, position)
) STRICT;

CREATE TABLE decision_documents (
  decision_id INTEGER NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  symbol TEXT NOT NULL,
  PRIMARY KEY (decision_id, position)
) STRICT;

CREATE TABLE silence_procedures (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  body TEXT NOT NULL CHECK (body IN ('SOC', 'SWG', 'MM', 'MC', 'SUMMIT', 'CEP', 'TTF', 'EXPERTS')),
  title TEXT NOT NULL,
  opened_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  expiry_wording TEXT NOT NULL,
  text TEXT NOT NULL,
  initiator TEXT NOT NULL CHECK (initiator IN ('chairmanship', 'meeting')),
  meeting_id INTEGER,
  amendments_break_silence INTEGER NOT NULL CHECK (amendments_break_silence IN (0, 1)),
  state TEXT NOT NULL CHECK (state IN ('running', 'adopted', 'not_adopted')),
  decided_at INTEGER,
  concluded_at INTEGER,
  broken_by INTEGER,
  decision_id INTEGER
) STRICT;
-- The scheduler's queries: running procedures by expiry.
CREATE INDEX silence_procedures_state_expires_at ON silence_procedures (state, expires_at, id);

CREATE TABLE silence_addressees (
  procedure_id INTEGER NOT NULL REFERENCES silence_procedures (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  participant_id TEXT NOT NULL,
  PRIMARY KEY (procedure_id, position)
) STRICT;

CREATE TABLE silence_responses (
  procedure_id INTEGER NOT NULL REFERENCES silence_procedures (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  seq INTEGER NOT NULL,
  participant_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('objection', 'amendment', 'comment')),
  received_at INTEGER NOT NULL,
  text TEXT NOT NULL,
  reference TEXT NOT NULL,
  registered_at INTEGER NOT NULL,
  registered_by INTEGER NOT NULL,
  PRIMARY KEY (procedure_id, position)
) STRICT;

CREATE TABLE silence_notices (
  procedure_id INTEGER NOT NULL REFERENCES silence_procedures (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  participant_id TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('running', 'adopted', 'not_adopted')),
  generated_at INTEGER NOT NULL,
  PRIMARY KEY (procedure_id, position)
) STRICT;

-- Exactly one of due_by and due_before_next_meeting_of is core's rule (ValidateMandate), not
-- the schema's.
CREATE TABLE mandates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  meeting_id INTEGER,
  item_number INTEGER NOT NULL,
  subject TEXT NOT NULL,
  given_by TEXT NOT NULL CHECK (given_by IN ('SOC', 'SWG', 'MM', 'MC', 'SUMMIT', 'CEP', 'TTF', 'EXPERTS')),
  given_on TEXT NOT NULL CHECK (given_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  assignee TEXT NOT NULL CHECK (assignee IN ('SOC', 'SWG', 'MM', 'MC', 'SUMMIT', 'CEP', 'TTF', 'EXPERTS')),
  due_by TEXT CHECK (due_by GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  due_before_next_meeting_of TEXT
    CHECK (due_before_next_meeting_of IN ('SOC', 'SWG', 'MM', 'MC', 'SUMMIT', 'CEP', 'TTF', 'EXPERTS')),
  status TEXT NOT NULL CHECK (status IN ('open', 'fulfilled', 'withdrawn'))
) STRICT;
CREATE INDEX mandates_assignee ON mandates (assignee, status);
CREATE INDEX mandates_meeting_id ON mandates (meeting_id);
)sql";

// 4: documents (core/model/document.hpp). A document is a parent row with its former symbols
// and stages as children keyed by (document, position), rewritten by Update like the
// governance records' children. Its versions, their language texts and their paragraphs are
// written once by Insert or AddVersion and never changed: triggers refuse any UPDATE or DELETE
// of those rows, so a document that has versions cannot be deleted either (the cascade would
// delete them). document_symbol_index holds every symbol of every document, current and
// former, once: its key makes a symbol one document's only.
constexpr std::string_view kMigration4 = R"sql(
CREATE TABLE documents (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  symbol TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('draft_regulation', 'decision', 'agenda', 'minutes', 'list_of_participants',
                                     'report', 'note')),
  body TEXT NOT NULL CHECK (body IN ('SOC', 'SWG', 'MM', 'MC', 'SUMMIT', 'CEP', 'TTF', 'EXPERTS')),
  access TEXT NOT NULL
    CHECK (access IN ('public', 'members_and_observers', 'member_states_only', 'secretariat_only')),
  original_language TEXT NOT NULL,
  meeting_id INTEGER
) STRICT;
CREATE INDEX documents_meeting_id ON documents (meeting_id);

-- Former symbols, in the order given.
CREATE TABLE document_symbols (
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  symbol TEXT NOT NULL,
  PRIMARY KEY (document_id, position)
) STRICT;

CREATE TABLE document_symbol_index (
  symbol TEXT NOT NULL PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE
) STRICT;
CREATE INDEX document_symbol_index_document_id ON document_symbol_index (document_id);

CREATE TABLE document_stages (
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  body TEXT NOT NULL CHECK (body IN ('SOC', 'SWG', 'MM', 'MC', 'SUMMIT', 'CEP', 'TTF', 'EXPERTS')),
  kind TEXT NOT NULL CHECK (kind IN ('submitted', 'consensus_reached', 'approved', 'recommended', 'adopted')),
  taken_on TEXT NOT NULL CHECK (taken_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  meeting_id INTEGER,
  decision_id INTEGER,
  recommended_to TEXT CHECK (recommended_to IN ('SOC', 'SWG', 'MM', 'MC', 'SUMMIT', 'CEP', 'TTF', 'EXPERTS')),
  PRIMARY KEY (document_id, position)
) STRICT;

CREATE TABLE document_versions (
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  number INTEGER NOT NULL CHECK (number >= 1),
  created_at INTEGER NOT NULL,
  author_id INTEGER NOT NULL,
  author TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (document_id, number)
) STRICT;

-- At most one text per language; position keeps the languages in the order given.
CREATE TABLE document_languages (
  document_id INTEGER NOT NULL,
  number INTEGER NOT NULL,
  lang TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  status TEXT NOT NULL CHECK (status IN ('original', 'in_progress', 'translated', 'verified')),
  title TEXT NOT NULL,
  PRIMARY KEY (document_id, number, lang),
  UNIQUE (document_id, number, position),
  FOREIGN KEY (document_id, number) REFERENCES document_versions (document_id, number) ON DELETE CASCADE
) STRICT;

CREATE TABLE document_paragraphs (
  document_id INTEGER NOT NULL,
  number INTEGER NOT NULL,
  lang TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  paragraph_id TEXT NOT NULL,
  style TEXT NOT NULL CHECK (style IN ('title', 'text', 'item_heading', 'subheading', 'list_item')),
  text TEXT NOT NULL,
  item_number INTEGER NOT NULL,
  closed_to_observers INTEGER NOT NULL CHECK (closed_to_observers IN (0, 1)),
  PRIMARY KEY (document_id, number, lang, position),
  FOREIGN KEY (document_id, number, lang) REFERENCES document_languages (document_id, number, lang)
    ON DELETE CASCADE
) STRICT;

CREATE TRIGGER document_versions_bu BEFORE UPDATE ON document_versions
  BEGIN SELECT RAISE(ABORT, 'document versions are immutable'); END;
CREATE TRIGGER document_versions_bd BEFORE DELETE ON document_versions
  BEGIN SELECT RAISE(ABORT, 'document versions are immutable'); END;
CREATE TRIGGER document_languages_bu BEFORE UPDATE ON document_languages
  BEGIN SELECT RAISE(ABORT, 'document versions are immutable'); END;
CREATE TRIGGER document_languages_bd BEFORE DELETE ON document_languages
  BEGIN SELECT RAISE(ABORT, 'document versions are immutable'); END;
CREATE TRIGGER document_paragraphs_bu BEFORE UPDATE ON document_paragraphs
  BEGIN SELECT RAISE(ABORT, 'document versions are immutable'); END;
CREATE TRIGGER document_paragraphs_bd BEFORE DELETE ON document_paragraphs
  BEGIN SELECT RAISE(ABORT, 'document versions are immutable'); END;
)sql";

// 5: comment rounds on document versions (core/model/comment_round.hpp), an aggregate like the
// governance records: a parent row, addressees keyed by (round, position) and comments keyed by
// (round, seq), rewritten by Update. The document is a plain column, as references between
// aggregates are (see 3).
constexpr std::string_view kMigration5 = R"sql(
CREATE TABLE comment_rounds (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id INTEGER NOT NULL,
  version INTEGER NOT NULL,
  opened_at INTEGER NOT NULL,
  deadline INTEGER NOT NULL,
  consolidated_into INTEGER
) STRICT;
CREATE INDEX comment_rounds_document_id ON comment_rounds (document_id);

CREATE TABLE comment_round_addressees (
  round_id INTEGER NOT NULL REFERENCES comment_rounds (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  participant_id TEXT NOT NULL,
  PRIMARY KEY (round_id, position)
) STRICT;

CREATE TABLE comments (
  round_id INTEGER NOT NULL REFERENCES comment_rounds (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  participant_id TEXT NOT NULL,
  paragraph_id TEXT NOT NULL,
  lang TEXT NOT NULL,
  text TEXT NOT NULL,
  proposed_text TEXT,
  submitted_at INTEGER NOT NULL,
  submitted_by INTEGER NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'accepted', 'accepted_with_changes', 'not_accepted')),
  reason TEXT NOT NULL,
  applied_text TEXT,
  PRIMARY KEY (round_id, seq)
) STRICT;
)sql";

// 6: the search index (core::SearchIndex): one row per paragraph of every version and language,
// with what the reader filters need, and one FTS5 table per language over its text and its
// `tags`: the filters as tokens ("a2 c0 k3 b0 l1", search_tags.hpp), so that a query filters
// inside the index instead of joining every match to search_entries. The FTS5 tables are
// external-content (content = search_entries, rowid = search_entries.id): text and tags are
// stored once, snippet() reads the text from there. Entries are never deleted and their text
// never changes; when their tags change (SetAccess, a newer version making them not `latest`)
// the adapter removes the FTS5 entry with the old values and inserts the new ones, so no
// triggers are needed. The CHECK on `tags` guarantees every row exactly one access, one closed
// and one latest token: queries exclude what the reader may not see (NOT a3 …), which is only
// exact under that guarantee. The tokenizer "snowball" is registered on each connection
// (fts_tokenizer.hpp): en and ru are stemmed, kk is only tokenised, tokens with a digit never.
constexpr std::string_view kMigration6 = R"sql(
CREATE TABLE search_entries (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL,
  version INTEGER NOT NULL,
  lang TEXT NOT NULL CHECK (lang IN ('en', 'ru', 'kk')),
  paragraph_id TEXT NOT NULL,
  item_number INTEGER NOT NULL,
  closed INTEGER NOT NULL CHECK (closed IN (0, 1)),
  access TEXT NOT NULL
    CHECK (access IN ('public', 'members_and_observers', 'member_states_only', 'secretariat_only')),
  kind TEXT NOT NULL CHECK (kind IN ('draft_regulation', 'decision', 'agenda', 'minutes', 'list_of_participants',
                                     'report', 'note')),
  body TEXT NOT NULL CHECK (body IN ('SOC', 'SWG', 'MM', 'MC', 'SUMMIT', 'CEP', 'TTF', 'EXPERTS')),
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  latest INTEGER NOT NULL CHECK (latest IN (0, 1)),
  text TEXT NOT NULL,
  tags TEXT NOT NULL CHECK (tags GLOB 'a[0-3] c[01] k[0-6] b[0-7] l[01]'
                            AND substr(tags, 5, 1) = CAST(closed AS TEXT)
                            AND substr(tags, 14, 1) = CAST(latest AS TEXT))
) STRICT;
CREATE INDEX search_entries_document_version ON search_entries (document_id, version);

CREATE VIRTUAL TABLE search_en USING fts5(text, tags, content = 'search_entries', content_rowid = 'id',
                                          tokenize = 'snowball en');
CREATE VIRTUAL TABLE search_ru USING fts5(text, tags, content = 'search_entries', content_rowid = 'id',
                                          tokenize = 'snowball ru');
CREATE VIRTUAL TABLE search_kk USING fts5(text, tags, content = 'search_entries', content_rowid = 'id',
                                          tokenize = 'snowball kk');
)sql";

// 7: where a version stands in the document's issue (core::VersionStatus). Versions stored
// before it were all drafts: nothing was issued final before the status existed.
constexpr std::string_view kMigration7 = R"sql(
ALTER TABLE document_versions ADD COLUMN status TEXT NOT NULL DEFAULT 'draft'
  CHECK (status IN ('draft', 'final', 'corrigendum'));
)sql";

// 8: the registers of Notes Verbales (core/model/note_verbale.hpp), aggregates like the governance
// records: a parent row and children keyed by (note, position), rewritten by Update. An outgoing
// note's number is three columns, all NULL for a draft (UNIQUE lets NULLs repeat) and all set
// from registration on; UNIQUE (year, serial) makes a serial one note's in its year, and its index
// serves NextSerial's max() and the year filter. A text is one row per language (its position
// keeps the languages in order, and a language with no blocks still comes back) with its blocks
// under (lang, position). Links to other aggregates are a kind and an id, both or neither; they,
// like participants, users and replies, are plain columns (see 3).
constexpr std::string_view kMigration8 = R"sql(
CREATE TABLE outgoing_notes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  purpose TEXT NOT NULL CHECK (purpose IN ('forward_final_minutes', 'circulate_draft_minutes',
                                           'launch_silence_procedure', 'silence_outcome', 'silence_broken',
                                           'invite_to_meeting',
                                           'circulate_meeting_documents', 'other')),
  file_index TEXT NOT NULL,
  number_index TEXT,
  serial INTEGER,
  year INTEGER,
  date TEXT CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  imported INTEGER NOT NULL CHECK (imported IN (0, 1)),
  scope TEXT NOT NULL CHECK (scope IN ('all_member_states', 'list', 'one')),
  subject TEXT NOT NULL,
  about_kind TEXT CHECK (about_kind IN ('meeting', 'silence_procedure', 'comment_round', 'document')),
  about_id INTEGER,
  status TEXT NOT NULL CHECK (status IN ('draft', 'registered', 'dispatched')),
  created_at INTEGER NOT NULL,
  created_by INTEGER NOT NULL,
  registered_at INTEGER,
  dispatched_at INTEGER,
  CHECK ((number_index IS NULL) = (serial IS NULL) AND (serial IS NULL) = (year IS NULL)),
  CHECK ((about_kind IS NULL) = (about_id IS NULL)),
  UNIQUE (year, serial)
) STRICT;
CREATE INDEX outgoing_notes_status ON outgoing_notes (status);
CREATE INDEX outgoing_notes_about ON outgoing_notes (about_kind, about_id);

CREATE TABLE outgoing_note_addressees (
  note_id INTEGER NOT NULL REFERENCES outgoing_notes (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  participant_id TEXT NOT NULL,
  PRIMARY KEY (note_id, position)
) STRICT;

CREATE TABLE outgoing_note_languages (
  note_id INTEGER NOT NULL REFERENCES outgoing_notes (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  lang TEXT NOT NULL,
  PRIMARY KEY (note_id, position)
) STRICT;

-- version: NULL and 0 both mean the document's latest, and each comes back as given.
CREATE TABLE outgoing_note_enclosures (
  note_id INTEGER NOT NULL REFERENCES outgoing_notes (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  description TEXT NOT NULL,
  document_id INTEGER,
  version INTEGER,
  pages INTEGER NOT NULL,
  PRIMARY KEY (note_id, position)
) STRICT;

CREATE TABLE outgoing_note_texts (
  note_id INTEGER NOT NULL REFERENCES outgoing_notes (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  lang TEXT NOT NULL,
  PRIMARY KEY (note_id, position),
  UNIQUE (note_id, lang)
) STRICT;

CREATE TABLE outgoing_note_blocks (
  note_id INTEGER NOT NULL,
  lang TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  role TEXT NOT NULL CHECK (role IN ('letterhead', 'number', 'text', 'enclosure', 'place_date', 'addressee')),
  text TEXT NOT NULL,
  PRIMARY KEY (note_id, lang, position),
  FOREIGN KEY (note_id, lang) REFERENCES outgoing_note_texts (note_id, lang) ON DELETE CASCADE
) STRICT;

CREATE TABLE incoming_notes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  serial INTEGER NOT NULL,
  year INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  sender TEXT NOT NULL,
  sender_number TEXT NOT NULL,
  sender_date TEXT CHECK (sender_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  subject TEXT NOT NULL,
  deadline TEXT CHECK (deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  assignee INTEGER,
  acts_on_kind TEXT CHECK (acts_on_kind IN ('meeting', 'silence_procedure', 'comment_round', 'document')),
  acts_on_id INTEGER,
  objection INTEGER NOT NULL CHECK (objection IN (0, 1)),
  effect TEXT NOT NULL CHECK (effect IN ('none', 'objection_breaks_silence', 'kept_without_effect', 'linked')),
  effect_reason TEXT NOT NULL,
  reply INTEGER,
  registered_by INTEGER NOT NULL,
  CHECK ((acts_on_kind IS NULL) = (acts_on_id IS NULL)),
  UNIQUE (year, serial)
) STRICT;
)sql";

// 9: dispatch by e-mail. Registered addresses per participant, in the order given; the
// delivery log, one row per note, addressee and address. Queued rows carry the time of their
// next attempt (also the end of a claim), which the worker's due query reads through the
// partial index; sent and failed rows have none.
constexpr std::string_view kMigration9 = R"sql(
CREATE TABLE participant_addresses (
  participant_id TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  address TEXT NOT NULL,
  PRIMARY KEY (participant_id, position),
  UNIQUE (participant_id, address)
) STRICT;

CREATE TABLE note_deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  note_id INTEGER NOT NULL REFERENCES outgoing_notes (id),
  participant_id TEXT NOT NULL,
  address TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
  attempts INTEGER NOT NULL CHECK (attempts >= 0),
  last_error TEXT NOT NULL,
  next_attempt_at INTEGER,
  sent_at INTEGER,
  CHECK ((status = 'queued') = (next_attempt_at IS NOT NULL)),
  CHECK ((status = 'sent') = (sent_at IS NOT NULL))
) STRICT;
CREATE INDEX note_deliveries_note ON note_deliveries (note_id);
CREATE INDEX note_deliveries_due ON note_deliveries (next_attempt_at) WHERE status = 'queued';
)sql";

// 10: notices to users (core/model/notice.hpp). Each user's address, language and the notice
// kinds they turned off (comma-separated names, "" = every kind on); the outbox, one row per
// user and event for ever (UNIQUE), so that planning an event twice, from any server, sends
// nothing twice. Queued rows carry their next attempt, as note_deliveries does.
constexpr std::string_view kMigration10 = R"sql(
ALTER TABLE users ADD COLUMN email TEXT;
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'ru', 'kk'));
ALTER TABLE users ADD COLUMN notices_off TEXT NOT NULL DEFAULT '';

CREATE TABLE notices (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER NOT NULL REFERENCES users (id),
  event_key TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('silence_launched', 'silence_outcome', 'comment_round_opened',
                                     'comment_round_closing', 'meeting_convened')),
  address TEXT NOT NULL,
  lang TEXT NOT NULL CHECK (lang IN ('en', 'ru', 'kk')),
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  stale_after INTEGER,
  status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
  attempts INTEGER NOT NULL CHECK (attempts >= 0),
  last_error TEXT NOT NULL,
  next_attempt_at INTEGER,
  sent_at INTEGER,
  CHECK ((status = 'queued') = (next_attempt_at IS NOT NULL)),
  CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
  UNIQUE (user_id, event_key)
) STRICT;
CREATE INDEX notices_due ON notices (next_attempt_at) WHERE status = 'queued';
)sql";

// 11: uploaded files and what a note's enclosures are. Files hold their bytes as uploaded and are
// never changed. An enclosure may be an uploaded file; a document enclosure keeps, from its
// note's registration, its page count in each of the note's languages, in the note's order.
constexpr std::string_view kMigration11 = R"sql(
CREATE TABLE files (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  media_type TEXT NOT NULL,
  size INTEGER NOT NULL CHECK (size >= 0),
  pages INTEGER NOT NULL CHECK (pages >= 0),
  sha256 TEXT NOT NULL,
  uploaded_at INTEGER NOT NULL,
  uploaded_by INTEGER NOT NULL,
  content BLOB NOT NULL,
  CHECK (size = length(content))
) STRICT;

ALTER TABLE outgoing_note_enclosures ADD COLUMN file_id INTEGER;
CREATE INDEX outgoing_note_enclosures_file ON outgoing_note_enclosures (file_id) WHERE file_id IS NOT NULL;

CREATE TABLE outgoing_note_enclosure_pages (
  note_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  ord INTEGER NOT NULL CHECK (ord >= 0),
  lang TEXT NOT NULL,
  pages INTEGER NOT NULL CHECK (pages >= 0),
  PRIMARY KEY (note_id, position, ord),
  UNIQUE (note_id, position, lang),
  FOREIGN KEY (note_id, position) REFERENCES outgoing_note_enclosures (note_id, position) ON DELETE CASCADE
) STRICT;
)sql";


// 12: what issue 5 left over. The Secretariat's edited note templates, one per purpose and
// language, their blocks in order (the built-in defaults are not stored: a missing row means
// the default); the proposal's title of a silence procedure in Russian and Kazakh ('' when not
// given: a note in that language then fails naming {{proposal}}); the date by which a
// meeting's invitees are asked to reply.
constexpr std::string_view kMigration12 = R"sql(
CREATE TABLE note_templates (
  purpose TEXT NOT NULL,
  lang TEXT NOT NULL CHECK (lang IN ('en', 'ru', 'kk')),
  title TEXT NOT NULL,
  edited_by TEXT NOT NULL,
  edited_at INTEGER NOT NULL,
  PRIMARY KEY (purpose, lang)
) STRICT;

CREATE TABLE note_template_blocks (
  purpose TEXT NOT NULL,
  lang TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  role TEXT NOT NULL CHECK (role IN ('letterhead', 'number', 'text', 'enclosure', 'place_date', 'addressee')),
  text TEXT NOT NULL,
  PRIMARY KEY (purpose, lang, position),
  FOREIGN KEY (purpose, lang) REFERENCES note_templates (purpose, lang) ON DELETE CASCADE
) STRICT;

ALTER TABLE silence_procedures ADD COLUMN title_ru TEXT NOT NULL DEFAULT '';
ALTER TABLE silence_procedures ADD COLUMN title_kk TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN reply_by TEXT CHECK (reply_by GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
)sql";

constexpr std::array<std::string_view, 12> kMigrations = {kMigration1,  kMigration2,  kMigration3, kMigration4,
                                                          kMigration5,  kMigration6,  kMigration7, kMigration8,
                                                          kMigration9,  kMigration10, kMigration11, kMigration12};

constexpr char kUserVersion[] = "PRAGMA user_version";
constexpr char kCountSchemaObjects[] = "SELECT count(*) FROM sqlite_schema";
constexpr char kBeginImmediate[] = "BEGIN IMMEDIATE";
constexpr char kCommit[] = "COMMIT";
constexpr char kRollback[] = "ROLLBACK";

core::Error Refuse(const Connection& connection, const std::string& why) {
  return core::Error::FailedPrecondition("cannot use " + connection.path() + ": " + why);
}

// Inside a write transaction: checks the version and applies the next migration if one is
// due. Sets `done` when the database is current.
core::Result<void> Step(Connection& connection, bool& done) {
  auto version = connection.QueryInt(kUserVersion);
  if (!version) return version.error();
  const auto latest = LatestSchemaVersion();
  if (*version > latest) {
    return Refuse(connection, "its schema version is " + std::to_string(*version) + ", newer than " +
                                  std::to_string(latest) + " which this chancery knows; upgrade chancery");
  }
  if (*version < 0) return Refuse(connection, "its schema version is negative");
  if (*version == latest) {
    done = true;
    return core::Ok();
  }
  if (*version == 0) {
    auto objects = connection.QueryInt(kCountSchemaObjects);
    if (!objects) return objects.error();
    if (*objects != 0) return Refuse(connection, "it is a SQLite database of some other program");
  }
  const std::int64_t next = *version + 1;
  if (auto r = connection.Exec(std::string(kMigrations[*version])); !r) {
    return core::Error{r.error().code, "migration " + std::to_string(next) + " failed: " + r.error().message, {}};
  }
  // PRAGMA takes no bound parameters; `next` is our own integer, not outside input.
  return connection.Exec("PRAGMA user_version = " + std::to_string(next));
}

}  // namespace

std::span<const std::string_view> Migrations() { return kMigrations; }

core::Result<void> Migrate(Connection& connection) {
  // The version is re-read inside each write transaction: two processes opening one file at
  // once apply each migration once.
  for (bool done = false; !done;) {
    if (auto r = connection.Exec(kBeginImmediate); !r) return r;
    if (auto r = Step(connection, done); !r) {
      if (connection.InTransaction()) (void)connection.Exec(kRollback);
      return r;
    }
    if (auto r = connection.Exec(kCommit); !r) {
      if (connection.InTransaction()) (void)connection.Exec(kRollback);
      return r;
    }
  }
  return core::Ok();
}

}  // namespace chancery::storage::sqlite
