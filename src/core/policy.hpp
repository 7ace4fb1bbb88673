#pragma once
// The one policy function: every "may this actor do this to that?" in chancery is answered by
// Decide, and nowhere else. Default deny. An object the actor may not even know about is
// kHide, which the API answers with 404 so that its existence does not leak; an object the
// actor may see but not change is kDeny (403).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/document.hpp"
#include "core/model/user.hpp"

namespace chancery::core {

enum class Action { kRead, kList, kCreate, kUpdate, kDelete };
enum class ObjectKind {
  kParticipant,
  kUser,
  kAuditLog,
  kSettings,
  kBody,
  kChairmanship,
  kMeeting,
  kAgendaItem,
  kSilenceProcedure,
  kSilenceResponse,
  kDocument,
  kComment,
  kNote,          // an outgoing Note Verbale
  kIncomingNote,  // the incoming register
  kFile,          // an uploaded file (a PDF enclosed with notes)
  kNoteTemplate,  // the wording of notes of one purpose in one language
  kDelivery,      // a row of a note's delivery log: one addressee, one address
};

inline constexpr Action kAllActions[] = {Action::kRead, Action::kList, Action::kCreate,
                                         Action::kUpdate, Action::kDelete};
inline constexpr ObjectKind kAllObjectKinds[] = {
    ObjectKind::kParticipant, ObjectKind::kUser,         ObjectKind::kAuditLog,
    ObjectKind::kSettings,    ObjectKind::kBody,         ObjectKind::kChairmanship,
    ObjectKind::kMeeting,     ObjectKind::kAgendaItem,   ObjectKind::kSilenceProcedure,
    ObjectKind::kSilenceResponse, ObjectKind::kDocument,     ObjectKind::kComment,
    ObjectKind::kNote,        ObjectKind::kIncomingNote, ObjectKind::kFile,
    ObjectKind::kNoteTemplate, ObjectKind::kDelivery};

std::string_view ToString(Action action);
std::string_view ToString(ObjectKind kind);

// What is acted on. Fields beyond `kind` are the facts the rules look at; a collection
// (kList, kCreate) leaves them empty.
struct ObjectRef {
  ObjectKind kind;
  std::optional<std::int64_t> user_id;  // kUser: which user
  // kAgendaItem: closed to observers (RoP 12.4). What is said, decided or mandated under an
  // item is asked about as that item, so it can never be more visible than the item.
  bool closed_to_observers = false;
  // kSilenceResponse, kComment: the participant on whose behalf it is made. A delegate acts only for
  // their own state; the Secretariat registers correspondence from anyone.
  std::optional<std::string> participant_id = std::nullopt;
  // kDocument: its access category; a collection leaves it empty. What a paragraph of minutes
  // says under an item is asked about as that item.
  std::optional<AccessCategory> access = std::nullopt;
  // kNote: still a draft (the Secretariat's work in progress), and whom it is addressed to.
  // kFile: the addressees of the registered notes that enclose it (drafts do not count).
  // kNote, kDelivery: still a draft (the Secretariat's work in progress), and whom it is
  // addressed to. kDelivery also sets participant_id: the addressee the row was sent to; the
  // whole log of a note (kList) leaves it empty.
  bool draft = false;
  std::vector<std::string> addressees = {};
};

enum class Verdict { kAllow, kDeny, kHide };
std::string_view ToString(Verdict verdict);

Verdict Decide(const Actor& actor, Action action, const ObjectRef& object);

// The policy's verdict as an error for a use case to return: nullopt when allowed,
// kNotFound (with `what` as the message) when hidden, kPermissionDenied when denied.
std::optional<Error> Check(const Actor& actor, Action action, const ObjectRef& object,
                           std::string_view what);

}  // namespace chancery::core
