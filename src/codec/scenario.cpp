#include "codec/scenario.hpp"

#include <boost/json/serialize.hpp>

#include "codec/json_reader.hpp"

namespace chancery::codec {
namespace {

// Replaces every `open`name`close` with the saved value, unquoted when `unquote` is set.
core::Result<std::string> Fill(std::string_view text, const std::map<std::string, std::string, std::less<>>& saved,
                               std::string_view open, std::string_view close, bool unquote) {
  std::string out;
  std::size_t at = 0;
  for (;;) {
    const std::size_t start = text.find(open, at);
    if (start == std::string_view::npos) break;
    const std::size_t end = text.find(close, start + open.size());
    if (end == std::string_view::npos) break;
    const std::string_view name = text.substr(start + open.size(), end - start - open.size());
    auto value = saved.find(name);
    if (value == saved.end()) return core::Error::InvalidArgument("nothing saved as " + std::string(name));
    std::string_view v = value->second;
    if (unquote && v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
    out.append(text.substr(at, start - at)).append(v);
    at = end + close.size();
  }
  out.append(text.substr(at));
  return out;
}

}  // namespace

core::Result<Scenario> ParseScenario(std::string_view json_text) {
  auto doc = ParseObject(json_text);
  if (!doc) return doc.error();
  ObjectReader r(*doc);
  if (auto k = r.OnlyKnown({"scenario", "title", "source", "phases"}); !k) return k.error();
  Scenario out;
  auto id = r.String("scenario");
  if (!id) return id.error();
  out.id = *id;
  auto title = r.StringOr("title", "");
  if (!title) return title.error();
  out.title = *title;
  auto source = r.StringOr("source", "");
  if (!source) return source.error();
  out.source = *source;
  auto phases = r.Array("phases");
  if (!phases) return phases.error();
  for (std::size_t i = 0; i < (*phases)->size(); ++i) {
    const std::string at = r.Path("phases", i);
    if (!(**phases)[i].is_object()) return core::Error::InvalidArgument("must be an object", at);
    ObjectReader p((**phases)[i].as_object(), at);
    if (auto k = p.OnlyKnown({"at", "note", "steps"}); !k) return k.error();
    ScenarioPhase phase;
    auto when = p.String("at");
    if (!when) return when.error();
    auto instant = core::ParseInstant(*when);
    if (!instant) return core::Error::InvalidArgument("must be an RFC 3339 instant", p.Path("at"));
    if (!out.phases.empty() && *instant < out.phases.back().at) {
      return core::Error::InvalidArgument("phases must be in time order", p.Path("at"));
    }
    phase.at = *instant;
    auto note = p.StringOr("note", "");
    if (!note) return note.error();
    phase.note = *note;
    auto steps = p.Array("steps");
    if (!steps) return steps.error();
    for (std::size_t j = 0; j < (*steps)->size(); ++j) {
      const std::string sat = p.Path("steps", j);
      if (!(**steps)[j].is_object()) return core::Error::InvalidArgument("must be an object", sat);
      const auto& obj = (**steps)[j].as_object();
      ObjectReader s(obj, sat);
      if (auto k = s.OnlyKnown({"as", "method", "path", "body", "expect", "save", "note"}); !k) return k.error();
      ScenarioStep step;
      auto as = s.String("as");
      if (!as) return as.error();
      auto method = s.String("method");
      if (!method) return method.error();
      auto path = s.String("path");
      if (!path) return path.error();
      step.as = *as;
      step.method = *method;
      step.path = *path;
      if (auto body = obj.if_contains("body")) step.body = boost::json::serialize(*body);
      if (auto expect = obj.if_contains("expect")) {
        if (!expect->is_int64()) return core::Error::InvalidArgument("must be an HTTP status", s.Path("expect"));
        step.expect = static_cast<int>(expect->as_int64());
      }
      if (auto save = obj.if_contains("save")) {
        if (!save->is_object()) return core::Error::InvalidArgument("must be an object", s.Path("save"));
        for (const auto& [name, field] : save->as_object()) {
          if (!field.is_string()) return core::Error::InvalidArgument("must name a response field", s.Path("save"));
          step.save.emplace_back(std::string(name), std::string(field.as_string()));
        }
      }
      phase.steps.push_back(std::move(step));
    }
    out.phases.push_back(std::move(phase));
  }
  return out;
}

core::Result<std::string> FillBody(std::string_view body, const std::map<std::string, std::string, std::less<>>& saved) {
  return Fill(body, saved, "\"{{", "}}\"", false);
}

core::Result<std::string> FillPath(std::string_view path, const std::map<std::string, std::string, std::less<>>& saved) {
  return Fill(path, saved, "{{", "}}", true);
}

}  // namespace chancery::codec
