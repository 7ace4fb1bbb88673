#pragma once
// Whether an actor may see what was said, decided or mandated under an agenda item: exactly
// when the policy lets them read the item itself. Loads each meeting at most once, and none
// at all for actors who see every item.
#include <cstdint>
#include <map>
#include <optional>

#include "core/model/meeting.hpp"
#include "core/model/user.hpp"
#include "core/policy.hpp"
#include "core/ports/store.hpp"

namespace chancery::core {

inline ObjectRef ItemRef(const AgendaItem& item) {
  return ObjectRef{ObjectKind::kAgendaItem, {}, item.closed_to_observers, std::nullopt};
}

inline bool MaySee(const Actor& actor, const AgendaItem& item) {
  return Decide(actor, Action::kRead, ItemRef(item)) == Verdict::kAllow;
}

class ItemVisibility {
 public:
  ItemVisibility(Transaction& tx, const Actor& actor)
      : tx_(tx), actor_(actor),
        sees_all_(Decide(actor, Action::kRead, {ObjectKind::kAgendaItem, {}, true, std::nullopt}) == Verdict::kAllow) {}

  // An item of no meeting, or of a meeting or item that does not exist, counts as closed.
  Result<bool> MaySeeItem(std::optional<std::int64_t> meeting_id, int item_number) {
    if (sees_all_) return true;
    if (!meeting_id) return false;
    auto it = meetings_.find(*meeting_id);
    if (it == meetings_.end()) {
      auto found = tx_.Meetings().Find(*meeting_id);
      if (!found) return found.error();
      it = meetings_.emplace(*meeting_id, std::move(*found)).first;
    }
    if (!it->second) return false;
    const AgendaItem* item = FindItem(*it->second, item_number);
    return item != nullptr && MaySee(actor_, *item);
  }

 private:
  Transaction& tx_;
  const Actor& actor_;
  bool sees_all_;
  std::map<std::int64_t, std::optional<Meeting>> meetings_;
};

}  // namespace chancery::core
