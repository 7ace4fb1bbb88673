#include "app/runtime.hpp"

#include <cstdlib>
#include <filesystem>

namespace chancery::app {

std::string DatabasePath(const std::string& data_dir) {
  return (std::filesystem::path(data_dir) / "chancery.sqlite").string();
}

core::Result<std::unique_ptr<Runtime>> OpenRuntime(const std::string& data_dir, DataDir mode) {
  if (auto r = platform::InitSodium(); !r) return r.error();
  std::error_code ec;
  if (mode == DataDir::kCreate) {
    std::filesystem::create_directories(data_dir, ec);
    if (ec) return core::Error::InvalidArgument("cannot create data directory " + data_dir + ": " + ec.message());
  } else if (!std::filesystem::is_directory(data_dir, ec)) {
    return core::Error::NotFound("no data directory at " + data_dir + " (run 'chancery init --data " + data_dir + "')");
  }
  auto rt = std::make_unique<Runtime>();
  auto store = storage::SqliteStore::Open(
      DatabasePath(data_dir), mode == DataDir::kCreate ? storage::SqliteStore::OpenMode::kCreate : storage::SqliteStore::OpenMode::kExisting);
  if (!store) return store.error();
  rt->store = std::move(*store);

  if (const char* now = std::getenv("CHANCERY_NOW"); now && *now) {
    auto instant = core::ParseInstant(now);
    if (!instant) return core::Error::InvalidArgument(std::string("CHANCERY_NOW is not an RFC 3339 instant: ") + now);
    rt->clock = std::make_unique<platform::FixedClock>(*instant);
  } else {
    rt->clock = std::make_unique<platform::SystemClock>();
  }

  std::string zone_name = kDefaultTimeZone;
  {
    auto tx = rt->store->Begin(core::TxMode::kRead);
    if (!tx) return tx.error();
    auto setting = (*tx)->Settings().Get("time_zone");
    if (!setting) return setting.error();
    if (*setting) zone_name = **setting;
  }
  auto zone = platform::TzTimeZone::Locate(zone_name);
  if (!zone) return zone.error();
  rt->zone = std::move(*zone);
  rt->deps.reset(new core::Deps{*rt->store, *rt->clock, rt->digest, rt->hasher, rt->random, *rt->zone,
                                rt->formatter, {}});
  rt->deps->renderer = &rt->renderer;
  rt->deps->pdf_inspector = &rt->pdf_inspector;
  auto templates = EmbeddedNoteTemplates::Load();
  if (!templates) return templates.error();
  rt->note_templates = std::make_unique<EmbeddedNoteTemplates>(std::move(*templates));
  rt->deps->note_templates = rt->note_templates.get();
  auto notices = EmbeddedNoticeTemplates::Load();
  if (!notices) return notices.error();
  rt->notice_templates = std::make_unique<EmbeddedNoticeTemplates>(std::move(*notices));
  rt->deps->notice_templates = rt->notice_templates.get();
  return rt;
}

}  // namespace chancery::app
