#pragma once
// The composition root's one wiring: concrete adapters for every core port, built from a data
// directory. Only src/app names concrete adapters.
#include <memory>
#include <string>

#include "app/embedded_note_templates.hpp"
#include "app/embedded_notice_templates.hpp"
#include "core/services/deps.hpp"
#include "platform/icu_format.hpp"
#include "platform/sodium_crypto.hpp"
#include "platform/system_clock.hpp"
#include "platform/tz_time_zone.hpp"
#include "render/document_renderer.hpp"
#include "render/poppler_pdf_inspector.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace chancery::app {

inline constexpr const char* kDefaultTimeZone = "Asia/Almaty";

// DIR/chancery.sqlite
std::string DatabasePath(const std::string& data_dir);

struct Runtime {
  std::unique_ptr<storage::SqliteStore> store;
  std::unique_ptr<core::Clock> clock;
  platform::SodiumDigest digest;
  platform::SodiumPasswordHasher hasher;
  platform::SodiumRandom random;
  std::unique_ptr<platform::TzTimeZone> zone;
  platform::IcuDateFormatter formatter;
  render::DocumentRenderer renderer;
  render::PopplerPdfInspector pdf_inspector;
  std::unique_ptr<EmbeddedNoteTemplates> note_templates;
  std::unique_ptr<EmbeddedNoticeTemplates> notice_templates;
  std::unique_ptr<core::Deps> deps;
};

enum class DataDir { kCreate, kExisting };

// Opens (or creates) the database in `data_dir` and wires the ports. The zone comes from the
// stored "time_zone" setting; "now" from the system clock, or from CHANCERY_NOW (an RFC 3339
// instant) when set, so that end-to-end tests control it.
core::Result<std::unique_ptr<Runtime>> OpenRuntime(const std::string& data_dir, DataDir mode);

}  // namespace chancery::app
