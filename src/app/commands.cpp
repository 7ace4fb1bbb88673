#include "app/commands.hpp"

#include <iostream>

namespace chancery::app {

const std::vector<cli::CommandSpec>& CommandSpecs() {
  static const std::vector<cli::CommandSpec> specs = {
      {{"init"},
       "Create a data directory with an empty database, or with a demo dataset and demo users.",
       {{"data", "DIR", "data directory to create (must not hold a database yet)", true},
        {"demo", "NAME",
         "load a built-in dataset, create one demo user per role and replay its scenario: cica-2021 (the SOC "
         "meeting of 23 June 2021)",
         false},
        {"registry-only", "", "with --demo: load settings, Chairmanship and participants only, no scenario", false},
        {"zone", "TZ", "the organisation's IANA time zone (default Asia/Almaty; a dataset may set it)", false}},
       {"chancery init --data ./data --demo cica-2021"}},
      {{"serve"},
       "Serve the HTTP API until SIGINT or SIGTERM.",
       {{"data", "DIR", "data directory made by 'chancery init'", true},
        {"listen", "ADDR:PORT", "address to listen on (default 127.0.0.1:8080; port 0 picks a free one)", false},
        {"threads", "N", "I/O threads (default: number of cores)", false},
        {"workers", "N", "threads for password hashing (default 2)", false},
        {"smtp-url", "URL", "SMTP server for dispatching notes, e.g. smtp://127.0.0.1:2525 (default: the smtp.url setting)", false},
        {"secure-cookies", "", "mark the session cookie Secure (when served behind TLS)", false}},
       {"chancery serve --data ./data --listen 127.0.0.1:8080"}},
      {{"user", "add"},
       "Create a user account; prints the generated password unless one is given.",
       {{"data", "DIR", "data directory", true},
        {"username", "NAME", "login name: 3-64 of a-z 0-9 . _ -", true},
        {"role", "ROLE", "administrator, officer, chairmanship, member_delegate or observer_delegate", true},
        {"participant", "ID", "participant the account acts for (chairmanship and delegates)", false},
        {"display-name", "TEXT", "name shown to others (default: the username)", false},
        {"email", "ADDRESS", "where the user's e-mail notices go (default: none, so no notices)", false},
        {"language", "LANG", "language of the user's notices: en (default), ru or kk", false},
        {"password-stdin", "", "read the password from the first line of standard input", false}},
       {"chancery user add --data ./data --username delegate.jpn --role observer_delegate --participant JPN"}},
      {{"user", "set"},
       "Change a user's e-mail address or notice language.",
       {{"data", "DIR", "data directory", true},
        {"username", "NAME", "the account to change", true},
        {"email", "ADDRESS", "where the user's e-mail notices go", false},
        {"no-email", "", "remove the address: the user gets no notices", false},
        {"language", "LANG", "language of the user's notices: en, ru or kk", false}},
       {"chancery user set --data ./data --username delegate.kaz --email delegate@mfa.kz --language kk"}},
      {{"user", "list"}, "List user accounts.", {{"data", "DIR", "data directory", true}}, {}},
      {{"backup"},
       "Copy the database to FILE while the server may be running (SQLite online backup).",
       {{"data", "DIR", "data directory", true}, {"o", "FILE", "backup file to create (must not exist)", true}},
       {"chancery backup --data ./data -o chancery-2026-11-27.sqlite"}},
      {{"render", "minutes"},
       "Render a meeting's minutes (or any document, by symbol) as PDF, DOCX, Akoma Ntoso XML or text.",
       {{"data", "DIR", "data directory", true},
        {"lang", "LANG", "en (default), ru or kk", false},
        {"format", "FORMAT", "pdf (default), docx, akn or txt", false},
        {"version", "N", "the version to render (default: the latest)", false},
        {"o", "FILE", "file to write (must not exist)", true}},
       {"chancery render minutes SOC/2021-I/Minutes --format pdf --data ./data -o minutes.pdf"},
       {"SYMBOL"}},
      {{"render", "note"},
       "Render a registered Note Verbale, by year/serial, as PDF (on the letterhead), DOCX or text.",
       {{"data", "DIR", "data directory", true},
        {"lang", "LANG", "en, ru, kk or all (default: every language it is issued in)", false},
        {"format", "FORMAT", "pdf (default), docx or txt", false},
        {"o", "FILE", "file to write (must not exist)", true}},
       {"chancery render note 2021/435 --lang all --format pdf --data ./data -o nv-17-1-435.pdf"},
       {"NUMBER"}},
      {{"import", "minutes"},
       "Import minutes in the layout of the seed (plain text or its Markdown) as a meeting record and its "
       "minutes; prints the symbol given to the minutes and every line it did not recognise.",
       {{"data", "DIR", "data directory", true}},
       {"chancery import minutes minutes-2021-06-23.txt --data ./data"},
       {"FILE"}},
      {{"template", "export"},
       "Print the note template in force for a purpose and language (the edited one, else the default) as JSON, "
       "the shape 'template import' reads.",
       {{"data", "DIR", "data directory", true}},
       {"chancery template export invite_to_meeting.ru --data ./data > invite_to_meeting.ru.json"},
       {"TEMPLATE"}},
      {{"template", "import"},
       "Store an edited note template from a JSON file (as 'template export' prints it, or data/templates/notes "
       "holds them), after the checks the API makes; audited as the system.",
       {{"data", "DIR", "data directory", true}},
       {"chancery template import invite_to_meeting.ru.json --data ./data"},
       {"FILE"}},
      {{"audit", "verify"},
       "Check the hash-chained audit log; exit 3 if a record was altered, removed or reordered.",
       {{"data", "DIR", "data directory", true}},
       {}},
  };
  return specs;
}

int RunCommand(const cli::CommandSpec& spec, const cli::Arguments& args) {
  const auto& w = spec.words;
  if (w[0] == "init") return Init(args);
  if (w[0] == "serve") return Serve(args);
  if (w[0] == "backup") return Backup(args);
  if (w[0] == "user" && w[1] == "add") return UserAdd(args);
  if (w[0] == "user" && w[1] == "list") return UserList(args);
  if (w[0] == "user" && w[1] == "set") return UserSet(args);
  if (w[0] == "audit" && w[1] == "verify") return AuditVerify(args);
  if (w[0] == "render" && w[1] == "minutes") return RenderMinutes(args);
  if (w[0] == "render" && w[1] == "note") return RenderNote(args);
  if (w[0] == "import" && w[1] == "minutes") return ImportMinutes(args);
  if (w[0] == "template" && w[1] == "export") return TemplateExport(args);
  if (w[0] == "template" && w[1] == "import") return TemplateImport(args);
  return cli::kExitUsage;
}

int Fail(const core::Error& error) {
  std::cerr << "chancery: " << (error.field.empty() ? "" : error.field + ": ") << error.message << "\n";
  return error.code == core::ErrorCode::kInvalidArgument ? cli::kExitUsage : cli::kExitFailure;
}

}  // namespace chancery::app
