#include "core/services/search.hpp"

#include "core/local_time.hpp"
#include "core/policy.hpp"

namespace chancery::core {

Result<void> IndexVersion(Transaction& tx, const Document& d, const DocumentVersion& v, const TimeZone& zone) {
  const Date day = LocalDate(v.created_at, zone);
  for (const auto& l : v.languages) {
    for (const auto& p : l.content.paragraphs) {
      if (p.text.empty()) continue;
      SearchEntry e{d.id, v.number, l.content.lang, p.id, p.item_number, p.closed_to_observers, d.access, d.kind,
                    d.body, day, p.text};
      if (auto r = tx.Search().Add(e); !r) return r;
    }
  }
  return Ok();
}

Result<SearchPage> SearchDocuments(Deps& deps, const Actor& actor, SearchRequest in) {
  if (auto denied = Check(actor, Action::kList, {ObjectKind::kDocument, {}}, "documents")) return *denied;
  if (in.lang && !IsSupportedLanguage(*in.lang)) return Error::InvalidArgument("lang must be en, ru or kk", "lang");
  SearchQuery q;
  q.text = std::move(in.text);
  q.lang = in.lang;
  q.kind = in.kind;
  q.body = in.body;
  q.from = in.from;
  q.to = in.to;
  q.latest_only = in.latest_only;
  q.limit = in.limit;
  q.offset = in.offset;
  q.rank_within = kSearchRankWithin;
  // The one policy function decides what the index may return for this reader.
  for (auto access : {AccessCategory::kPublic, AccessCategory::kMembersAndObservers, AccessCategory::kMemberStatesOnly,
                      AccessCategory::kSecretariatOnly}) {
    if (Decide(actor, Action::kRead, {ObjectKind::kDocument, {}, false, std::nullopt, access}) == Verdict::kAllow) {
      q.readable.push_back(access);
    }
  }
  q.closed_visible = Decide(actor, Action::kRead, {ObjectKind::kAgendaItem, {}, true}) == Verdict::kAllow;
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  auto result = (*tx)->Search().Query(q);
  if (!result) return result.error();
  SearchPage page{result->total, result->ranked, {}};
  for (auto& hit : result->hits) {
    SearchMatch m{std::move(hit), "", ""};
    auto label = (*tx)->Documents().Label(m.hit.document_id, m.hit.version, m.hit.lang);
    if (!label) return label.error();
    if (*label) {
      m.symbol = std::move((*label)->symbol);
      m.title = std::move((*label)->title);
    }
    page.matches.push_back(std::move(m));
  }
  return page;
}

}  // namespace chancery::core
