#include "codec/model_json.hpp"

#include "codec/json_reader.hpp"

namespace chancery::codec {
namespace {

boost::json::value OrNull(const std::optional<std::string>& s) {
  return s ? boost::json::value(*s) : boost::json::value(nullptr);
}

}  // namespace

void WriteJson(JsonWriter& out, const core::Participant& p, core::Date on, std::string_view lang) {
  auto optional = [&](const std::optional<std::string>& v) -> JsonWriter& { return v ? out.String(*v) : out.Null(); };
  out.BeginObject();
  out.Key("id").String(p.id);
  out.Key("kind").String(core::ToString(p.kind));
  out.Key("iso_alpha2");
  optional(p.iso_alpha2);
  out.Key("iso_alpha3");
  optional(p.iso_alpha3);
  if (const auto* n = core::NameOn(p, lang, on)) {
    out.Key("name").BeginObject();
    out.Key("lang").String(n->lang).Key("short").String(n->short_name).Key("full").String(n->full_name);
    out.EndObject();
  }
  out.Key("status_on").BeginObject();
  out.Key("date").String(core::FormatDate(on)).Key("status").String(core::ToString(core::StatusOn(p, on)));
  // The act the status rests on that day ("decision SOC/2021-I/DEC/1"); null before any.
  const core::StatusChange* in_force = nullptr;
  for (const auto& s : p.statuses) {
    if (!(on < s.from)) in_force = &s;
  }
  out.Key("basis");
  in_force ? out.String(in_force->basis) : out.Null();
  out.EndObject();
  out.Key("names").BeginArray();
  for (const auto& n : p.names) {
    out.BeginObject();
    out.Key("lang").String(n.lang).Key("short").String(n.short_name).Key("full").String(n.full_name);
    out.Key("from");
    n.from ? out.String(core::FormatDate(*n.from)) : out.Null();
    out.EndObject();
  }
  out.EndArray();
  out.Key("statuses").BeginArray();
  for (const auto& s : p.statuses) {
    out.BeginObject();
    out.Key("from").String(core::FormatDate(s.from));
    out.Key("status").String(core::ToString(s.status));
    out.Key("precision").String(core::ToString(s.precision));
    out.Key("basis").String(s.basis).Key("source").String(s.source).Key("confidence").String(s.confidence);
    out.EndObject();
  }
  out.EndArray();
  out.EndObject();
}

std::string ToJsonText(const core::Participant& p, core::Date on, std::string_view lang) {
  std::string text;
  JsonWriter out(text);
  WriteJson(out, p, on, lang);
  return text;
}

core::Result<core::NameVersion> NameFromJson(const boost::json::object& o, std::string path) {
  ObjectReader r(o, std::move(path));
  if (auto k = r.OnlyKnown({"lang", "short", "full", "from"}); !k) return k.error();
  auto lang = r.String("lang");
  if (!lang) return lang.error();
  auto short_name = r.String("short");
  if (!short_name) return short_name.error();
  auto full_name = r.String("full");
  if (!full_name) return full_name.error();
  auto from = r.OptionalDate("from");
  if (!from) return from.error();
  return core::NameVersion{*lang, *short_name, *full_name, *from};
}

core::Result<core::StatusChange> StatusChangeFromJson(const boost::json::object& o, std::string path) {
  ObjectReader r(o, std::move(path));
  if (auto k = r.OnlyKnown({"from", "status", "precision", "basis", "source", "confidence"}); !k) return k.error();
  core::StatusChange c;
  auto from = r.Date("from");
  if (!from) return from.error();
  c.from = *from;
  auto status = r.String("status");
  if (!status) return status.error();
  auto parsed = core::ParseParticipantStatus(*status);
  if (!parsed) {
    return core::Error::InvalidArgument(
        "must be one of member, observer_state, observer_organisation, partner, none", r.Path("status"));
  }
  c.status = *parsed;
  auto precision = r.StringOr("precision", "day");
  if (!precision) return precision.error();
  auto p = core::ParseDatePrecision(*precision);
  if (!p) return core::Error::InvalidArgument("must be one of day, year, by", r.Path("precision"));
  c.precision = *p;
  auto basis = r.String("basis");
  if (!basis) return basis.error();
  c.basis = *basis;
  auto source = r.StringOr("source", "");
  if (!source) return source.error();
  c.source = *source;
  auto confidence = r.StringOr("confidence", "");
  if (!confidence) return confidence.error();
  if (!confidence->empty() && *confidence != "C" && *confidence != "R" && *confidence != "F" && *confidence != "I") {
    return core::Error::InvalidArgument("must be one of C, R, F, I", r.Path("confidence"));
  }
  c.confidence = *confidence;
  return c;
}

core::Result<core::Participant> ParticipantFromJson(const boost::json::object& o, std::string path) {
  ObjectReader r(o, std::move(path));
  if (auto k = r.OnlyKnown({"id", "kind", "iso_alpha2", "iso_alpha3", "names", "statuses"}); !k) return k.error();
  core::Participant p;
  auto id = r.String("id");
  if (!id) return id.error();
  p.id = *id;
  auto kind = r.String("kind");
  if (!kind) return kind.error();
  auto parsed_kind = core::ParseParticipantKind(*kind);
  if (!parsed_kind) return core::Error::InvalidArgument("must be state or organisation", r.Path("kind"));
  p.kind = *parsed_kind;
  auto a2 = r.OptionalString("iso_alpha2");
  if (!a2) return a2.error();
  p.iso_alpha2 = *a2;
  auto a3 = r.OptionalString("iso_alpha3");
  if (!a3) return a3.error();
  p.iso_alpha3 = *a3;
  auto names = r.Array("names");
  if (!names) return names.error();
  for (std::size_t i = 0; i < (*names)->size(); ++i) {
    const auto& item = (**names)[i];
    if (!item.is_object()) return core::Error::InvalidArgument("must be an object", r.Path("names", i));
    auto n = NameFromJson(item.as_object(), r.Path("names", i));
    if (!n) return n.error();
    p.names.push_back(std::move(*n));
  }
  if (o.contains("statuses")) {
    auto statuses = r.Array("statuses");
    if (!statuses) return statuses.error();
    for (std::size_t i = 0; i < (*statuses)->size(); ++i) {
      const auto& item = (**statuses)[i];
      if (!item.is_object()) return core::Error::InvalidArgument("must be an object", r.Path("statuses", i));
      auto c = StatusChangeFromJson(item.as_object(), r.Path("statuses", i));
      if (!c) return c.error();
      p.statuses.push_back(std::move(*c));
    }
  }
  return p;
}

boost::json::object ToJson(const core::User& u) {
  return {{"id", u.id},
          {"username", u.username},
          {"display_name", u.display_name},
          {"role", core::ToString(u.role)},
          {"participant_id", OrNull(u.participant_id)},
          {"active", u.active},
          {"created_at", core::FormatInstant(u.created_at)},
          {"email", OrNull(u.email)},
          {"language", u.language},
          {"notices", NoticeKindsToJson(u.notices)}};
}

boost::json::object NoticeKindsToJson(const core::NoticeChoices& choices) {
  boost::json::object out;
  for (core::NoticeKind k : core::kAllNoticeKinds) out[core::ToString(k)] = choices.Wants(k);
  return out;
}

core::Result<std::vector<std::pair<core::NoticeKind, bool>>> NoticeKindsFromJson(const boost::json::object& o,
                                                                               const std::string& path) {
  std::vector<std::pair<core::NoticeKind, bool>> out;
  for (const auto& [key, value] : o) {
    const std::string at = path + "." + std::string(key);
    auto kind = core::ParseNoticeKind(key);
    if (!kind) {
      return core::Error::InvalidArgument(
          "not a notice kind: silence_launched, silence_outcome, comment_round_opened, comment_round_closing or "
          "meeting_convened",
          at);
    }
    if (!value.is_bool()) return core::Error::InvalidArgument("must be true or false", at);
    out.emplace_back(*kind, value.as_bool());
  }
  return out;
}

boost::json::object ToJson(const core::AuditRecord& r) {
  return {{"seq", r.seq},
          {"at", core::FormatInstant(r.at)},
          {"actor", r.actor},
          {"action", r.action},
          {"object_kind", r.object_kind},
          {"object_id", r.object_id},
          {"before_digest", r.before_digest},
          {"after_digest", r.after_digest},
          {"prev_hash", r.prev_hash},
          {"hash", r.hash}};
}

}  // namespace chancery::codec
