#include "codec/dataset.hpp"

#include "codec/json_reader.hpp"
#include "codec/model_json.hpp"

namespace chancery::codec {

core::Result<Dataset> ParseDataset(std::string_view json_text) {
  auto doc = ParseObject(json_text);
  if (!doc) return doc.error();
  ObjectReader r(*doc);
  if (auto k = r.OnlyKnown({"dataset", "title", "organisation", "chairmanships", "participants"}); !k) return k.error();
  Dataset out;
  auto id = r.String("dataset");
  if (!id) return id.error();
  out.id = *id;
  auto title = r.StringOr("title", "");
  if (!title) return title.error();
  out.title = *title;

  auto org = r.Object("organisation");
  if (!org) return org.error();
  ObjectReader o(**org, "organisation");
  if (auto k = o.OnlyKnown({"name", "acronym", "time_zone"}); !k) return k.error();
  auto zone = o.String("time_zone");
  if (!zone) return zone.error();
  out.settings.emplace_back("time_zone", *zone);
  for (std::string_view group : {"name", "acronym"}) {
    auto names = o.Object(group);
    if (!names) return names.error();
    ObjectReader n(**names, o.Path(group));
    if (auto k = n.OnlyKnown({"en", "ru", "kk"}); !k) return k.error();
    for (std::string_view lang : core::kLanguages) {
      auto text = n.String(lang);
      if (!text) return text.error();
      out.settings.emplace_back("organisation." + std::string(group) + "." + std::string(lang), *text);
    }
  }

  auto terms = r.Array("chairmanships");
  if (!terms) return terms.error();
  for (std::size_t i = 0; i < (*terms)->size(); ++i) {
    const auto& item = (**terms)[i];
    const std::string at = r.Path("chairmanships", i);
    if (!item.is_object()) return core::Error::InvalidArgument("must be an object", at);
    ObjectReader t(item.as_object(), at);
    if (auto k = t.OnlyKnown({"participant_id", "from", "until", "basis"}); !k) return k.error();
    auto participant = t.String("participant_id");
    if (!participant) return participant.error();
    auto from = t.Date("from");
    if (!from) return from.error();
    auto until = t.OptionalDate("until");
    if (!until) return until.error();
    auto basis = t.StringOr("basis", "");
    if (!basis) return basis.error();
    out.chairmanships.push_back({*participant, *from, *until, *basis});
  }

  auto participants = r.Array("participants");
  if (!participants) return participants.error();
  for (std::size_t i = 0; i < (*participants)->size(); ++i) {
    const auto& item = (**participants)[i];
    if (!item.is_object()) return core::Error::InvalidArgument("must be an object", r.Path("participants", i));
    auto p = ParticipantFromJson(item.as_object(), r.Path("participants", i));
    if (!p) return p.error();
    out.participants.push_back(std::move(*p));
  }
  return out;
}

}  // namespace chancery::codec
