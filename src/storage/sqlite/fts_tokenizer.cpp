#include "storage/sqlite/fts_tokenizer.hpp"

#include <libstemmer.h>
#include <sqlite3.h>

#include <string>
#include <string_view>
#include <vector>

#include "storage/sqlite/fts_api.hpp"

namespace chancery::storage::sqlite {
namespace {

// One instance per FTS5 table per connection; a connection is used by one thread at a time, so
// the (not thread-safe) stemmer needs no lock.
struct Snowball {
  fts5_tokenizer base{};                 // unicode61's methods
  Fts5Tokenizer* base_instance = nullptr;
  sb_stemmer* stemmer = nullptr;         // null: tokens pass unstemmed (kk)
};

struct TokenContext {
  Snowball* self;
  void* caller_context;
  int (*emit)(void*, int, const char*, int, int, int);
};

const char* StemmerFor(std::string_view lang) {
  if (lang == "en" || lang == "english") return "english";
  if (lang == "ru" || lang == "russian") return "russian";
  return nullptr;
}

int Create(void* api_context, const char** args, int count, Fts5Tokenizer** out) {
  auto* api = static_cast<fts5_api*>(api_context);
  if (count < 1) return SQLITE_ERROR;  // the language is required
  const std::string_view lang = args[0];
  const char* algorithm = StemmerFor(lang);
  if (algorithm == nullptr && lang != "kk" && lang != "none") return SQLITE_ERROR;
  auto* self = new Snowball;
  void* base_context = nullptr;
  int rc = api->xFindTokenizer(api, "unicode61", &base_context, &self->base);
  if (rc == SQLITE_OK) {
    std::vector<const char*> base_args = {"remove_diacritics", "0"};
    for (int i = 1; i < count; ++i) base_args.push_back(args[i]);
    rc = self->base.xCreate(base_context, base_args.data(), static_cast<int>(base_args.size()),
                            &self->base_instance);
  }
  if (rc == SQLITE_OK && algorithm != nullptr) {
    self->stemmer = sb_stemmer_new(algorithm, "UTF_8");
    if (self->stemmer == nullptr) rc = SQLITE_NOMEM;
  }
  if (rc != SQLITE_OK) {
    if (self->base_instance != nullptr) self->base.xDelete(self->base_instance);
    delete self;
    return rc;
  }
  *out = reinterpret_cast<Fts5Tokenizer*>(self);
  return SQLITE_OK;
}

void Delete(Fts5Tokenizer* tokenizer) {
  auto* self = reinterpret_cast<Snowball*>(tokenizer);
  if (self->stemmer != nullptr) sb_stemmer_delete(self->stemmer);
  self->base.xDelete(self->base_instance);
  delete self;
}

// A token holding an ASCII digit is a symbol, number or year ("a0", "75", "2021", "g20"):
// stemming would only mangle it ("1990s" → "1990"), and the search index's filter tokens
// (search_index.cpp) must come out exactly as written.
bool HasDigit(const char* token, int size) {
  for (int i = 0; i < size; ++i) {
    if (token[i] >= '0' && token[i] <= '9') return true;
  }
  return false;
}

int OnToken(void* context, int flags, const char* token, int size, int start, int end) {
  auto* c = static_cast<TokenContext*>(context);
  if (c->self->stemmer == nullptr || HasDigit(token, size)) {
    return c->emit(c->caller_context, flags, token, size, start, end);
  }
  const sb_symbol* stem =
      sb_stemmer_stem(c->self->stemmer, reinterpret_cast<const sb_symbol*>(token), size);
  if (stem == nullptr) return SQLITE_NOMEM;
  return c->emit(c->caller_context, flags, reinterpret_cast<const char*>(stem),
                 sb_stemmer_length(c->self->stemmer), start, end);
}

int Tokenize(Fts5Tokenizer* tokenizer, void* caller_context, int flags, const char* text, int size,
             int (*emit)(void*, int, const char*, int, int, int)) {
  auto* self = reinterpret_cast<Snowball*>(tokenizer);
  TokenContext context{self, caller_context, emit};
  return self->base.xTokenize(self->base_instance, &context, flags, text, size, OnToken);
}

}  // namespace

core::Result<void> RegisterSnowballTokenizer(sqlite3* db) {
  auto found = Fts5Api(db);
  if (!found) return found.error();
  fts5_api* api = *found;
  fts5_tokenizer methods{Create, Delete, Tokenize};
  if (int rc = api->xCreateTokenizer(api, "snowball", api, &methods, nullptr); rc != SQLITE_OK) {
    return core::Error::Internal(std::string("cannot register the snowball tokenizer: ") + sqlite3_errstr(rc));
  }
  return core::Ok();
}

}  // namespace chancery::storage::sqlite
