#pragma once
// The JSON shapes of documents: the registry entry with its stages and version summaries, a
// version with its language versions and paragraphs, the paragraph diff (and its HTML form),
// and the strict readers of what clients send.
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "codec/json_writer.hpp"
#include "core/model/document.hpp"
#include "core/model/document_diff.hpp"
#include "core/result.hpp"
#include "core/services/comment_rounds.hpp"
#include "core/services/documents.hpp"

namespace chancery::codec {

// The registry entry: symbols, kind, body, access, stages and a summary of each version
// (number, created_at, author, reason, and per language lang/status/title), no paragraphs.
void WriteJson(JsonWriter& out, const core::Document& document);
std::string ToJsonText(const core::Document& document);
// A version with its languages' full content.
void WriteJson(JsonWriter& out, const core::DocumentVersion& version);
std::string ToJsonText(const core::DocumentVersion& version);
std::string DiffToJsonText(const std::vector<core::ParagraphDiff>& diff, int from, int to, std::string_view lang);
// A small standalone HTML page: each paragraph with <del>/<ins> around what changed.
std::string DiffToHtml(const std::vector<core::ParagraphDiff>& diff, std::string_view title, int from, int to);

core::Result<core::NewDocument> NewDocumentFromJson(const boost::json::object& o);
core::Result<core::NewVersion> NewVersionFromJson(const boost::json::object& o);
struct StageRequest {
  core::DocumentStage stage;
  std::optional<std::string> new_symbol;
};
core::Result<StageRequest> StageFromJson(const boost::json::object& o);

void WriteJson(JsonWriter& out, const core::CommentRound& round);
void WriteJson(JsonWriter& out, const core::Comment& comment);
core::Result<core::NewCommentRound> NewCommentRoundFromJson(const boost::json::object& o);
core::Result<core::NewComment> NewCommentFromJson(const boost::json::object& o);
struct ConsolidationRequest {
  std::string reason;
  std::vector<core::CommentDecision> decisions;
  core::VersionStatus status = core::VersionStatus::kDraft;
};
core::Result<ConsolidationRequest> ConsolidationFromJson(const boost::json::object& o);

}  // namespace chancery::codec
