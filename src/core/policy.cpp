#include "core/policy.hpp"

#include <algorithm>

namespace chancery::core {
namespace {

bool IsSecretariat(Role r) { return r == Role::kAdministrator || r == Role::kOfficer; }

// The registry of states and organisations is common knowledge among participants; the
// Secretariat keeps it.
Verdict OnParticipant(const Actor& a, Action action) {
  switch (action) {
    case Action::kRead:
    case Action::kList: return Verdict::kAllow;
    case Action::kCreate:
    case Action::kUpdate: return IsSecretariat(a.role) ? Verdict::kAllow : Verdict::kDeny;
    case Action::kDelete: return Verdict::kDeny;  // history is never deleted, only amended
  }
  return Verdict::kDeny;
}

// Accounts are the administrator's business; everyone may see and update their own.
Verdict OnUser(const Actor& a, Action action, const ObjectRef& o) {
  if (a.role == Role::kAdministrator) return Verdict::kAllow;
  bool self = o.user_id && *o.user_id == a.user_id;
  switch (action) {
    case Action::kRead:
    case Action::kUpdate: return self ? Verdict::kAllow : Verdict::kHide;
    case Action::kDelete: return self ? Verdict::kDeny : Verdict::kHide;
    case Action::kList:
    case Action::kCreate: return Verdict::kDeny;
  }
  return Verdict::kDeny;
}

// The audit log names every object, closed ones included: administrators only. It is
// append-only; nobody edits or deletes it through any interface.
Verdict OnAuditLog(const Actor& a, Action action) {
  bool admin = a.role == Role::kAdministrator;
  switch (action) {
    case Action::kList: return admin ? Verdict::kAllow : Verdict::kDeny;
    case Action::kRead: return admin ? Verdict::kAllow : Verdict::kHide;
    case Action::kCreate:
    case Action::kUpdate:
    case Action::kDelete: return admin ? Verdict::kDeny : Verdict::kHide;
  }
  return Verdict::kDeny;
}

// Meetings and their agendas are run by the Secretariat and the Chairmanship; delegates follow
// them. An observer delegate may not know that an item closed to observers exists at all.
Verdict OnMeetingRecord(const Actor& a, Action action, const ObjectRef& o) {
  if (a.role == Role::kObserverDelegate && o.kind == ObjectKind::kAgendaItem && o.closed_to_observers) {
    return Verdict::kHide;
  }
  switch (action) {
    case Action::kRead:
    case Action::kList: return Verdict::kAllow;
    case Action::kCreate:
    case Action::kUpdate:
      return IsSecretariat(a.role) || a.role == Role::kChairmanship ? Verdict::kAllow : Verdict::kDeny;
    case Action::kDelete: return Verdict::kDeny;  // records are amended, never deleted
  }
  return Verdict::kDeny;
}

// The organisation's structure is compiled in (body.hpp): everyone may read it, nobody edits it.
Verdict OnBody(Action action) {
  return action == Action::kRead || action == Action::kList ? Verdict::kAllow : Verdict::kDeny;
}

// Chairmanship terms are public record; the Secretariat enters them.
Verdict OnChairmanship(const Actor& a, Action action) {
  switch (action) {
    case Action::kRead:
    case Action::kList: return Verdict::kAllow;
    case Action::kCreate:
    case Action::kUpdate: return IsSecretariat(a.role) ? Verdict::kAllow : Verdict::kDeny;
    case Action::kDelete: return Verdict::kDeny;
  }
  return Verdict::kDeny;
}

// A silence procedure is decision-making among Member States (R3): observer delegates may not
// know of it. The Chairmanship opens it (or the Secretariat on its behalf).
Verdict OnSilenceProcedure(const Actor& a, Action action) {
  if (a.role == Role::kObserverDelegate) return Verdict::kHide;
  switch (action) {
    case Action::kRead:
    case Action::kList: return Verdict::kAllow;
    case Action::kCreate:
    case Action::kUpdate:
      return IsSecretariat(a.role) || a.role == Role::kChairmanship ? Verdict::kAllow : Verdict::kDeny;
    case Action::kDelete: return Verdict::kDeny;
  }
  return Verdict::kDeny;
}

// Responses to a silence procedure and comments on a circulated text are correspondence among
// Member States: the Secretariat registers what arrives from anyone; a delegate (or the
// Chairmanship's officials) may write only for their own state; observer delegates know
// nothing of it. Nothing registered is ever changed or removed.
Verdict OnCorrespondence(const Actor& a, Action action, const ObjectRef& o) {
  if (a.role == Role::kObserverDelegate) return Verdict::kHide;
  switch (action) {
    case Action::kRead:
    case Action::kList: return Verdict::kAllow;
    case Action::kCreate:
      if (IsSecretariat(a.role)) return Verdict::kAllow;
      return o.participant_id && a.participant_id && *o.participant_id == *a.participant_id ? Verdict::kAllow
                                                                                          : Verdict::kDeny;
    case Action::kUpdate:
    case Action::kDelete: return Verdict::kDeny;
  }
  return Verdict::kDeny;
}

// Documents by access category: public and "Member States and Observers" for every signed-in
// role; "Member States only" hidden from observer delegates; "Secretariat only" hidden from all
// but the Secretariat. The Secretariat and the Chairmanship prepare and revise them (a draft
// may come from the Chairmanship); nothing is ever deleted, only superseded by a new version.
Verdict OnDocument(const Actor& a, Action action, const ObjectRef& o) {
  const bool secretariat = IsSecretariat(a.role);
  if (o.access) {
    switch (*o.access) {
      case AccessCategory::kPublic:
      case AccessCategory::kMembersAndObservers: break;
      case AccessCategory::kMemberStatesOnly:
        if (a.role == Role::kObserverDelegate) return Verdict::kHide;
        break;
      case AccessCategory::kSecretariatOnly:
        if (!secretariat) return Verdict::kHide;
        break;
    }
  }
  switch (action) {
    case Action::kRead:
    case Action::kList: return Verdict::kAllow;
    case Action::kCreate:
    case Action::kUpdate: return secretariat || a.role == Role::kChairmanship ? Verdict::kAllow : Verdict::kDeny;
    case Action::kDelete: return Verdict::kDeny;
  }
  return Verdict::kDeny;
}

// Outgoing notes: the Secretariat drafts, registers and dispatches them; nothing registered is
// ever deleted. Anyone else reads a note once it is registered, and only if it is addressed to
// their own participant: a delegate never learns of notes to other states, nor of drafts.
Verdict OnNote(const Actor& a, Action action, const ObjectRef& o) {
  if (IsSecretariat(a.role)) return action == Action::kDelete ? Verdict::kDeny : Verdict::kAllow;
  const bool collection = !o.draft && o.addressees.empty();
  if (collection) return action == Action::kList ? Verdict::kAllow : Verdict::kDeny;
  bool addressed = false;
  for (const auto& id : o.addressees) addressed = addressed || (a.participant_id && id == *a.participant_id);
  if (o.draft || !addressed) return Verdict::kHide;
  return action == Action::kRead || action == Action::kList ? Verdict::kAllow : Verdict::kDeny;
}

// Uploaded files: the Secretariat uploads them and may read any; they are never changed or
// removed (a registered note's enclosure must stay what it was). Anyone else may download a
// file only once a registered note addressed to their participant encloses it, and otherwise
// may not learn that it exists.
Verdict OnFile(const Actor& a, Action action, const ObjectRef& o) {
  if (IsSecretariat(a.role)) {
    return action == Action::kUpdate || action == Action::kDelete ? Verdict::kDeny : Verdict::kAllow;
  }
  // The collection (uploading, listing) is refused openly; a file that no note sent to them
  // encloses is hidden.
  if (action == Action::kList || action == Action::kCreate) return Verdict::kDeny;
  if (o.addressees.empty()) return Verdict::kHide;
  bool addressed = false;
  for (const auto& id : o.addressees) addressed = addressed || (a.participant_id && id == *a.participant_id);
  if (!addressed) return Verdict::kHide;
  return action == Action::kRead ? Verdict::kAllow : Verdict::kDeny;
}

// A note's delivery log: the Secretariat sees every row. A delegate sees, of a registered note
// addressed to their state, only the rows of their own state (which addresses their state was
// sent to, and whether it arrived); another state's rows and addresses stay hidden, as do the
// logs of notes the delegate may not read. Nobody edits the log by hand: the worker writes it.
Verdict OnDelivery(const Actor& a, Action action, const ObjectRef& o) {
  if (action != Action::kRead && action != Action::kList) return Verdict::kDeny;
  if (IsSecretariat(a.role)) return Verdict::kAllow;
  if (o.draft || !a.participant_id) return Verdict::kHide;
  const bool addressed = std::find(o.addressees.begin(), o.addressees.end(), *a.participant_id) != o.addressees.end();
  if (!addressed) return Verdict::kHide;
  if (!o.participant_id) return action == Action::kList ? Verdict::kAllow : Verdict::kHide;
  return *o.participant_id == *a.participant_id ? Verdict::kAllow : Verdict::kHide;
}

// Note templates are the Secretariat's wording: officers draft and register notes and so keep
// their wording, administrators as well. Their existence is no secret (the purposes are
// public in the API), so anyone else is refused rather than kept unaware.
Verdict OnNoteTemplate(const Actor& a) { return IsSecretariat(a.role) ? Verdict::kAllow : Verdict::kDeny; }

// The incoming register is the Secretariat's own record of what arrived.
Verdict OnIncomingNote(const Actor& a, Action action) {
  if (!IsSecretariat(a.role)) return Verdict::kHide;
  return action == Action::kDelete ? Verdict::kDeny : Verdict::kAllow;
}

Verdict OnSettings(const Actor& a, Action action) {
  switch (action) {
    case Action::kRead:
    case Action::kList: return Verdict::kAllow;  // time zone, names: every screen needs them
    case Action::kUpdate: return a.role == Role::kAdministrator ? Verdict::kAllow : Verdict::kDeny;
    case Action::kCreate:
    case Action::kDelete: return Verdict::kDeny;
  }
  return Verdict::kDeny;
}

}  // namespace

std::string_view ToString(Action action) {
  switch (action) {
    case Action::kRead: return "read";
    case Action::kList: return "list";
    case Action::kCreate: return "create";
    case Action::kUpdate: return "update";
    case Action::kDelete: return "delete";
  }
  return "read";
}

std::string_view ToString(ObjectKind kind) {
  switch (kind) {
    case ObjectKind::kParticipant: return "participant";
    case ObjectKind::kUser: return "user";
    case ObjectKind::kAuditLog: return "audit_log";
    case ObjectKind::kSettings: return "settings";
    case ObjectKind::kBody: return "body";
    case ObjectKind::kChairmanship: return "chairmanship";
    case ObjectKind::kMeeting: return "meeting";
    case ObjectKind::kAgendaItem: return "agenda_item";
    case ObjectKind::kSilenceProcedure: return "silence_procedure";
    case ObjectKind::kSilenceResponse: return "silence_response";
    case ObjectKind::kComment: return "comment";
    case ObjectKind::kDocument: return "document";
    case ObjectKind::kNote: return "note";
    case ObjectKind::kIncomingNote: return "incoming_note";
    case ObjectKind::kFile: return "file";
    case ObjectKind::kNoteTemplate: return "note_template";
    case ObjectKind::kDelivery: return "delivery";
  }
  return "participant";
}

std::string_view ToString(Verdict verdict) {
  switch (verdict) {
    case Verdict::kAllow: return "allow";
    case Verdict::kDeny: return "deny";
    case Verdict::kHide: return "hide";
  }
  return "deny";
}

Verdict Decide(const Actor& actor, Action action, const ObjectRef& object) {
  // Delegates must be bound to a participant; an account that is not is treated as nobody.
  if (RoleNeedsParticipant(actor.role) && !actor.participant_id) return Verdict::kHide;
  switch (object.kind) {
    case ObjectKind::kParticipant: return OnParticipant(actor, action);
    case ObjectKind::kUser: return OnUser(actor, action, object);
    case ObjectKind::kAuditLog: return OnAuditLog(actor, action);
    case ObjectKind::kSettings: return OnSettings(actor, action);
    case ObjectKind::kBody: return OnBody(action);
    case ObjectKind::kChairmanship: return OnChairmanship(actor, action);
    case ObjectKind::kMeeting:
    case ObjectKind::kAgendaItem: return OnMeetingRecord(actor, action, object);
    case ObjectKind::kSilenceProcedure: return OnSilenceProcedure(actor, action);
    case ObjectKind::kSilenceResponse:
    case ObjectKind::kComment: return OnCorrespondence(actor, action, object);
    case ObjectKind::kDocument: return OnDocument(actor, action, object);
    case ObjectKind::kNote: return OnNote(actor, action, object);
    case ObjectKind::kIncomingNote: return OnIncomingNote(actor, action);
    case ObjectKind::kFile: return OnFile(actor, action, object);
    case ObjectKind::kNoteTemplate: return OnNoteTemplate(actor);
    case ObjectKind::kDelivery: return OnDelivery(actor, action, object);
  }
  return Verdict::kHide;
}

std::optional<Error> Check(const Actor& actor, Action action, const ObjectRef& object,
                           std::string_view what) {
  switch (Decide(actor, action, object)) {
    case Verdict::kAllow: return std::nullopt;
    case Verdict::kHide: return Error::NotFound(std::string(what) + " not found");
    case Verdict::kDeny:
      return Error::PermissionDenied(std::string("not allowed to ") + std::string(ToString(action)) +
                                     " " + std::string(what));
  }
  return Error::PermissionDenied("not allowed");
}

}  // namespace chancery::core
