#pragma once
// The document registry: documents with parallel language versions and immutable versions,
// their stages through the bodies, and the paragraph diff between versions. Every read goes
// through the policy: the document's access category decides whether the actor may know it
// exists, and paragraphs under an agenda item closed to observers are left out for them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/document.hpp"
#include "core/model/document_diff.hpp"
#include "core/model/user.hpp"
#include "core/ports/store.hpp"
#include "core/services/deps.hpp"

namespace chancery::core {

struct NewDocument {
  std::string symbol = {};
  DocumentKind kind = DocumentKind::kNote;
  BodyCode body = BodyCode::kSoc;
  AccessCategory access = AccessCategory::kMemberStatesOnly;
  std::optional<std::int64_t> meeting_id = {};
  std::string reason = {};                    // of version 1: "draft", "as circulated"
  std::vector<LanguageVersion> languages = {};  // exactly one kOriginal: its language is the original
};

struct NewVersion {
  std::string reason = {};
  std::vector<LanguageVersion> languages = {};
  VersionStatus status = VersionStatus::kDraft;  // kFinal issues the text; then only kCorrigendum
};

// Checks a version's languages: at least one, each valid (ValidateContent), no language twice,
// exactly one kOriginal and in `original_language`. kInvalidArgument naming "languages[i]…".
Result<void> ValidateLanguages(const std::vector<LanguageVersion>& languages, std::string_view original_language);

Result<Document> CreateDocument(Deps& deps, const Actor& actor, NewDocument document);
// Documents the actor may know of, each with its latest version's content as they may read it.
Result<std::vector<Document>> ListDocuments(Deps& deps, const Actor& actor, const DocumentFilter& filter);
Result<Document> GetDocument(Deps& deps, const Actor& actor, std::int64_t id);
Result<Document> GetDocumentBySymbol(Deps& deps, const Actor& actor, std::string_view symbol);
// kFailedPrecondition for a draft or a second final text after the final one, or a corrigendum
// before it (CheckNextVersionStatus).
Result<DocumentVersion> AddDocumentVersion(Deps& deps, const Actor& actor, std::int64_t id, NewVersion version);

// Version `number` as the actor may read it; `lang` (if given) keeps that language only.
Result<DocumentVersion> GetDocumentVersion(Deps& deps, const Actor& actor, std::int64_t id, int number,
                                           std::optional<std::string> lang);

// Versions `from` and `to` in `lang`, compared paragraph by paragraph.
Result<std::vector<ParagraphDiff>> DiffDocumentVersions(Deps& deps, const Actor& actor, std::int64_t id, int from,
                                                        int to, std::string_view lang);

// A step through the bodies: the meeting (and decision) must exist and be of `stage.body`.
// `new_symbol` (an adoption giving the final symbol) moves the current one to former_symbols.
Result<Document> AddDocumentStage(Deps& deps, const Actor& actor, std::int64_t id, DocumentStage stage,
                                  std::optional<std::string> new_symbol);

// Version `number` of the document in `lang`, as the actor may read it, rendered as a file.
// kUnavailable when no renderer is wired.
struct RenderedFile {
  std::string bytes;
  std::string media_type;
  std::string file_name;  // "SOC-2021-I-Minutes-v1-en.pdf"
};
// What a rendered file of version `v` shows besides its text, in `lang`: one heading for every
// file made of it (its PDF, and its page count as a note's enclosure).
RenderHeading VersionHeading(const Deps& deps, const Document& d, const DocumentVersion& v, std::string_view lang);
Result<RenderedFile> RenderDocumentVersion(Deps& deps, const Actor& actor, std::int64_t id, int number,
                                           std::string_view lang, RenderFormat format);

// Draft minutes of a meeting from its record (model/minutes.hpp), registered as the document
// "<meeting>/Minutes" (kind minutes, Member States and Observers, paragraphs of closed items
// marked), version 1 "draft minutes": English, the original, and a Russian version in progress
// when a statement of the record is in Russian. kAlreadyExists if the meeting's minutes exist.
Result<Document> DraftMeetingMinutes(Deps& deps, const Actor& actor, std::int64_t meeting_id);

// The document and its versions as `actor` may read them: paragraphs under items closed to
// observers removed for those who may not see such items.
Document VisibleDocument(const Actor& actor, Document document);

}  // namespace chancery::core
