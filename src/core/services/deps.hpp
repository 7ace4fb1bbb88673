#pragma once
// What every use case may use: the ports, wired once by the composition root.
#include <chrono>
#include <memory>

#include "core/ports/clock.hpp"
#include "core/ports/crypto.hpp"
#include "core/ports/date_format.hpp"
#include "core/ports/note_templates.hpp"
#include "core/ports/notice_templates.hpp"
#include "core/ports/pdf_inspector.hpp"
#include "core/ports/renderer.hpp"
#include "core/ports/store.hpp"
#include "core/ports/time_zone.hpp"
#include "core/services/participant_cache.hpp"

namespace chancery::core {

struct AuthSettings {
  std::chrono::seconds cookie_session_ttl = std::chrono::hours{12};
  std::chrono::seconds bearer_token_ttl = std::chrono::hours{24 * 30};
  // Sign-in throttling: this many failures per key (username, client address) within the
  // window block further attempts for that key until the window has passed.
  int max_failures = 5;
  std::chrono::seconds failure_window = std::chrono::minutes{15};
};

struct Deps {
  Store& store;
  const Clock& clock;
  const Digest& digest;
  const PasswordHasher& hasher;
  RandomSource& random;
  const TimeZone& zone;  // the organisation's zone: "today" is a date there
  const DateFormatter& formatter;
  AuthSettings auth;
  // Process-wide read cache of the registry; see participant_cache.hpp.
  std::shared_ptr<ParticipantCache> participants = std::make_shared<ParticipantCache>();
  // Files from documents (PDF, DOCX, Akoma Ntoso, text); null where nothing renders (core tests).
  const DocumentRenderer* renderer = nullptr;
  // The wording of notes verbales; null where no note is composed (core tests of other things).
  const NoteTemplates* note_templates = nullptr;
  // The wording of notices to users; null where none is planned (core tests of other things,
  // and the demo's replay of 2021, which must not mail anyone about history).
  const NoticeTemplates* notice_templates = nullptr;
  // Reads uploaded PDFs; null where nothing is uploaded (core tests of other things).
  const PdfInspector* pdf_inspector = nullptr;

  // The same dependencies over another store (a request's read snapshot): one place that
  // copies every member, so that none is dropped on the way.
  Deps With(Store& other) const {
    return Deps{other, clock,        digest,   hasher,         random,           zone,         formatter,
                auth,  participants, renderer, note_templates, notice_templates, pdf_inspector};
  }
};

// Today's date in the organisation's zone.
Date Today(const Deps& deps);

}  // namespace chancery::core
