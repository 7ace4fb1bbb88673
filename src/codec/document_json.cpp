#include "codec/document_json.hpp"

#include "codec/json_fields.hpp"
#include "codec/json_reader.hpp"

namespace chancery::codec {
namespace {

using namespace fields;  // NOLINT: the shared helpers of json_fields.hpp
using core::Error;

void WriteParagraph(JsonWriter& out, const core::Paragraph& p) {
  out.BeginObject();
  out.Key("id").String(p.id).Key("style").String(core::ToString(p.style)).Key("text").String(p.text);
  out.Key("item_number").Int(p.item_number).Key("closed_to_observers").Bool(p.closed_to_observers);
  out.EndObject();
}

void WriteVersion(JsonWriter& out, const core::DocumentVersion& v, bool with_paragraphs) {
  out.BeginObject();
  out.Key("number").Int(v.number).Key("created_at").String(core::FormatInstant(v.created_at));
  out.Key("author").String(v.author).Key("reason").String(v.reason).Key("status").String(core::ToString(v.status));
  out.Key("languages").BeginArray();
  for (const auto& l : v.languages) {
    out.BeginObject();
    out.Key("lang").String(l.content.lang).Key("status").String(core::ToString(l.status));
    out.Key("title").String(l.content.title);
    if (with_paragraphs) {
      out.Key("paragraphs").BeginArray();
      for (const auto& p : l.content.paragraphs) WriteParagraph(out, p);
      out.EndArray();
    }
    out.EndObject();
  }
  out.EndArray();
  out.EndObject();
}

std::string Escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

core::Result<core::Paragraph> ParagraphFromJson(const boost::json::object& o, std::size_t, const std::string& path) {
  ObjectReader r(o, path);
  if (auto k = r.OnlyKnown({"id", "style", "text", "item_number", "closed_to_observers"}); !k) return k.error();
  core::Paragraph p;
  auto id = r.String("id");
  if (!id) return id.error();
  p.id = std::move(*id);
  auto style = Choice<core::ParagraphStyle>(
      r, "style", [](std::string_view t) { return core::ParseParagraphStyle(t); },
      "title, text, item_heading, subheading, list_item", core::ParagraphStyle::kText);
  if (!style) return style.error();
  p.style = *style;
  auto text = r.StringOr("text", "");
  if (!text) return text.error();
  p.text = std::move(*text);
  auto item = OptionalInteger(o, r, "item_number", 0, kMaxItem);
  if (!item) return item.error();
  p.item_number = static_cast<int>(item->value_or(0));
  auto closed = BoolOr(o, r, "closed_to_observers", false);
  if (!closed) return closed.error();
  p.closed_to_observers = *closed;
  return p;
}

core::Result<core::LanguageVersion> LanguageFromJson(const boost::json::object& o, std::size_t,
                                                     const std::string& path) {
  ObjectReader r(o, path);
  if (auto k = r.OnlyKnown({"lang", "status", "title", "paragraphs"}); !k) return k.error();
  core::LanguageVersion l;
  auto lang = r.String("lang");
  if (!lang) return lang.error();
  l.content.lang = std::move(*lang);
  auto status = Choice<core::TranslationStatus>(
      r, "status", [](std::string_view t) { return core::ParseTranslationStatus(t); },
      "original, in_progress, translated, verified");
  if (!status) return status.error();
  l.status = *status;
  auto title = r.String("title");
  if (!title) return title.error();
  l.content.title = std::move(*title);
  auto paragraphs = ObjectList<core::Paragraph>(o, r, "paragraphs", true, ParagraphFromJson);
  if (!paragraphs) return paragraphs.error();
  l.content.paragraphs = std::move(*paragraphs);
  return l;
}

// "status" of a new version: "draft" when absent.
core::Result<core::VersionStatus> VersionStatusOf(const ObjectReader& r) {
  return Choice<core::VersionStatus>(
      r, "status", [](std::string_view t) { return core::ParseVersionStatus(t); }, "draft, final, corrigendum",
      core::VersionStatus::kDraft);
}

core::Result<std::vector<core::LanguageVersion>> Languages(const boost::json::object& o, const ObjectReader& r) {
  return ObjectList<core::LanguageVersion>(o, r, "languages", true, LanguageFromJson);
}

}  // namespace

void WriteJson(JsonWriter& out, const core::Document& d) {
  out.BeginObject();
  out.Key("id").Int(d.id).Key("symbol").String(d.symbol);
  out.Key("former_symbols");
  Strings(out, d.former_symbols);
  out.Key("kind").String(core::ToString(d.kind)).Key("body").String(core::ToString(d.body));
  out.Key("access").String(core::ToString(d.access)).Key("original_language").String(d.original_language);
  out.Key("meeting_id");
  OptionalInt(out, d.meeting_id);
  out.Key("stages").BeginArray();
  for (const auto& s : d.stages) {
    out.BeginObject();
    out.Key("body").String(core::ToString(s.body)).Key("kind").String(core::ToString(s.kind));
    out.Key("on").String(core::FormatDate(s.on));
    out.Key("meeting_id");
    OptionalInt(out, s.meeting_id);
    out.Key("decision_id");
    OptionalInt(out, s.decision_id);
    out.Key("recommended_to");
    if (s.recommended_to) {
      out.String(core::ToString(*s.recommended_to));
    } else {
      out.Null();
    }
    out.EndObject();
  }
  out.EndArray();
  out.Key("versions").BeginArray();
  for (const auto& v : d.versions) WriteVersion(out, v, false);
  out.EndArray();
  out.EndObject();
}

std::string ToJsonText(const core::Document& d) {
  std::string text;
  JsonWriter out(text);
  WriteJson(out, d);
  return text;
}

void WriteJson(JsonWriter& out, const core::DocumentVersion& v) { WriteVersion(out, v, true); }

std::string ToJsonText(const core::DocumentVersion& v) {
  std::string text;
  JsonWriter out(text);
  WriteJson(out, v);
  return text;
}

std::string DiffToJsonText(const std::vector<core::ParagraphDiff>& diff, int from, int to, std::string_view lang) {
  std::string text;
  JsonWriter out(text);
  out.BeginObject();
  out.Key("from").Int(from).Key("to").Int(to).Key("lang").String(lang);
  out.Key("paragraphs").BeginArray();
  for (const auto& d : diff) {
    out.BeginObject();
    out.Key("id").String(d.id).Key("change").String(core::ToString(d.change));
    out.Key("before");
    if (d.before) {
      WriteParagraph(out, *d.before);
    } else {
      out.Null();
    }
    out.Key("after");
    if (d.after) {
      WriteParagraph(out, *d.after);
    } else {
      out.Null();
    }
    out.Key("words").BeginArray();
    for (const auto& w : d.words) {
      out.BeginObject().Key("op").String(core::ToString(w.op)).Key("text").String(w.text).EndObject();
    }
    out.EndArray();
    out.EndObject();
  }
  out.EndArray();
  out.EndObject();
  return text;
}

std::string DiffToHtml(const std::vector<core::ParagraphDiff>& diff, std::string_view title, int from, int to) {
  std::string out = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + Escape(title) +
                    "</title>\n<style>del{background:#fdd;text-decoration:line-through}ins{background:#dfd;"
                    "text-decoration:none}p.removed{background:#fee}p.added{background:#efe}</style></head>\n<body>\n";
  out += "<h1>" + Escape(title) + "</h1>\n<p>Version " + std::to_string(from) + " → version " + std::to_string(to) +
         "</p>\n";
  for (const auto& d : diff) {
    out += "<p id=\"" + Escape(d.id) + "\" class=\"" + std::string(core::ToString(d.change)) + "\">";
    switch (d.change) {
      case core::ParagraphChange::kUnchanged: out += Escape(d.after->text); break;
      case core::ParagraphChange::kAdded: out += "<ins>" + Escape(d.after->text) + "</ins>"; break;
      case core::ParagraphChange::kRemoved: out += "<del>" + Escape(d.before->text) + "</del>"; break;
      case core::ParagraphChange::kChanged:
        for (const auto& w : d.words) {
          if (w.op == core::WordOp::kEqual) {
            out += Escape(w.text);
          } else {
            const char* tag = w.op == core::WordOp::kInsert ? "ins" : "del";
            out += std::string("<") + tag + ">" + Escape(w.text) + "</" + tag + ">";
          }
        }
        break;
    }
    out += "</p>\n";
  }
  out += "</body></html>\n";
  return out;
}

core::Result<core::NewDocument> NewDocumentFromJson(const boost::json::object& o) {
  ObjectReader r(o);
  if (auto k = r.OnlyKnown({"symbol", "kind", "body", "access", "meeting_id", "reason", "languages"}); !k) {
    return k.error();
  }
  core::NewDocument d;
  auto symbol = r.String("symbol");
  if (!symbol) return symbol.error();
  d.symbol = std::move(*symbol);
  auto kind = Choice<core::DocumentKind>(
      r, "kind", [](std::string_view t) { return core::ParseDocumentKind(t); },
      "draft_regulation, decision, agenda, minutes, list_of_participants, report, note");
  if (!kind) return kind.error();
  d.kind = *kind;
  auto body = Body(r, "body");
  if (!body) return body.error();
  d.body = *body;
  auto access = Choice<core::AccessCategory>(
      r, "access", [](std::string_view t) { return core::ParseAccessCategory(t); },
      "public, members_and_observers, member_states_only, secretariat_only");
  if (!access) return access.error();
  d.access = *access;
  auto meeting = OptionalInteger(o, r, "meeting_id", 1, kMaxId);
  if (!meeting) return meeting.error();
  d.meeting_id = *meeting;
  auto reason = r.StringOr("reason", "");
  if (!reason) return reason.error();
  d.reason = std::move(*reason);
  auto languages = Languages(o, r);
  if (!languages) return languages.error();
  d.languages = std::move(*languages);
  return d;
}

core::Result<core::NewVersion> NewVersionFromJson(const boost::json::object& o) {
  ObjectReader r(o);
  if (auto k = r.OnlyKnown({"reason", "languages", "status"}); !k) return k.error();
  core::NewVersion v;
  auto reason = r.String("reason");
  if (!reason) return reason.error();
  v.reason = std::move(*reason);
  auto status = VersionStatusOf(r);
  if (!status) return status.error();
  v.status = *status;
  auto languages = Languages(o, r);
  if (!languages) return languages.error();
  v.languages = std::move(*languages);
  return v;
}

core::Result<StageRequest> StageFromJson(const boost::json::object& o) {
  ObjectReader r(o);
  if (auto k = r.OnlyKnown({"body", "kind", "on", "meeting_id", "decision_id", "recommended_to", "new_symbol"}); !k) {
    return k.error();
  }
  StageRequest out;
  auto body = Body(r, "body");
  if (!body) return body.error();
  out.stage.body = *body;
  auto kind = Choice<core::StageKind>(
      r, "kind", [](std::string_view t) { return core::ParseStageKind(t); },
      "submitted, consensus_reached, approved, recommended, adopted");
  if (!kind) return kind.error();
  out.stage.kind = *kind;
  auto on = r.Date("on");
  if (!on) return on.error();
  out.stage.on = *on;
  auto meeting = OptionalInteger(o, r, "meeting_id", 1, kMaxId);
  if (!meeting) return meeting.error();
  out.stage.meeting_id = *meeting;
  auto decision = OptionalInteger(o, r, "decision_id", 1, kMaxId);
  if (!decision) return decision.error();
  out.stage.decision_id = *decision;
  if (Present(o, "recommended_to")) {
    auto to = Body(r, "recommended_to");
    if (!to) return to.error();
    out.stage.recommended_to = *to;
  }
  auto symbol = r.OptionalString("new_symbol");
  if (!symbol) return symbol.error();
  out.new_symbol = *symbol;
  return out;
}

void WriteJson(JsonWriter& out, const core::Comment& c) {
  out.BeginObject();
  out.Key("seq").Int(c.seq).Key("participant_id").String(c.participant_id).Key("paragraph_id").String(c.paragraph_id);
  out.Key("lang").String(c.lang).Key("text").String(c.text).Key("proposed_text");
  if (c.proposed_text) {
    out.String(*c.proposed_text);
  } else {
    out.Null();
  }
  out.Key("submitted_at").String(core::FormatInstant(c.submitted_at));
  out.Key("outcome").String(core::ToString(c.outcome)).Key("reason").String(c.reason).Key("applied_text");
  if (c.applied_text) {
    out.String(*c.applied_text);
  } else {
    out.Null();
  }
  out.EndObject();
}

void WriteJson(JsonWriter& out, const core::CommentRound& r) {
  out.BeginObject();
  out.Key("id").Int(r.id).Key("document_id").Int(r.document_id).Key("version").Int(r.version);
  out.Key("opened_at").String(core::FormatInstant(r.opened_at)).Key("deadline").String(core::FormatInstant(r.deadline));
  out.Key("addressees");
  Strings(out, r.addressees);
  out.Key("comments").BeginArray();
  for (const auto& c : r.comments) WriteJson(out, c);
  out.EndArray();
  out.Key("consolidated_into");
  if (r.consolidated_into) {
    out.Int(*r.consolidated_into);
  } else {
    out.Null();
  }
  out.EndObject();
}

core::Result<core::NewCommentRound> NewCommentRoundFromJson(const boost::json::object& o) {
  ObjectReader r(o);
  if (auto k = r.OnlyKnown({"version", "deadline", "addressees"}); !k) return k.error();
  core::NewCommentRound out;
  auto version = OptionalInteger(o, r, "version", 1, 100000);
  if (!version) return version.error();
  out.version = static_cast<int>(version->value_or(0));
  auto deadline = OptionalInstant(r, "deadline");
  if (!deadline) return deadline.error();
  out.deadline = *deadline;
  auto addressees = StringList(o, r, "addressees", false);
  if (!addressees) return addressees.error();
  out.addressees = std::move(*addressees);
  return out;
}

core::Result<core::NewComment> NewCommentFromJson(const boost::json::object& o) {
  ObjectReader r(o);
  if (auto k = r.OnlyKnown({"participant_id", "paragraph_id", "lang", "text", "proposed_text"}); !k) return k.error();
  core::NewComment out;
  auto participant = r.String("participant_id");
  if (!participant) return participant.error();
  out.participant_id = std::move(*participant);
  auto paragraph = r.String("paragraph_id");
  if (!paragraph) return paragraph.error();
  out.paragraph_id = std::move(*paragraph);
  auto lang = r.StringOr("lang", "en");
  if (!lang) return lang.error();
  out.lang = std::move(*lang);
  auto text = r.String("text");
  if (!text) return text.error();
  out.text = std::move(*text);
  auto proposed = r.OptionalString("proposed_text");
  if (!proposed) return proposed.error();
  out.proposed_text = *proposed;
  return out;
}

core::Result<ConsolidationRequest> ConsolidationFromJson(const boost::json::object& o) {
  ObjectReader r(o);
  if (auto k = r.OnlyKnown({"reason", "decisions", "status"}); !k) return k.error();
  ConsolidationRequest out;
  auto reason = r.String("reason");
  if (!reason) return reason.error();
  out.reason = std::move(*reason);
  auto status = VersionStatusOf(r);
  if (!status) return status.error();
  out.status = *status;
  auto decisions = ObjectList<core::CommentDecision>(
      o, r, "decisions", true,
      [](const boost::json::object& d, std::size_t, const std::string& path) -> core::Result<core::CommentDecision> {
        ObjectReader dr(d, path);
        if (auto k = dr.OnlyKnown({"seq", "outcome", "reason", "applied_text"}); !k) return k.error();
        core::CommentDecision decision;
        auto seq = Integer(d, dr, "seq", 1, 100000);
        if (!seq) return seq.error();
        decision.seq = static_cast<int>(*seq);
        auto outcome = Choice<core::CommentOutcome>(
            dr, "outcome", [](std::string_view t) { return core::ParseCommentOutcome(t); },
            "accepted, accepted_with_changes, not_accepted");
        if (!outcome) return outcome.error();
        decision.outcome = *outcome;
        auto why = dr.StringOr("reason", "");
        if (!why) return why.error();
        decision.reason = std::move(*why);
        auto applied = dr.OptionalString("applied_text");
        if (!applied) return applied.error();
        decision.applied_text = *applied;
        return decision;
      });
  if (!decisions) return decisions.error();
  out.decisions = std::move(*decisions);
  return out;
}

}  // namespace chancery::codec
