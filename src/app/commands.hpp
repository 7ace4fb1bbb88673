#pragma once
// The subcommands of the chancery binary. Each takes its parsed arguments and returns an exit
// code (cli/command_line.hpp); errors are printed as one line on stderr.
#include <string>
#include <vector>

#include "cli/command_line.hpp"

namespace chancery::app {

const std::vector<cli::CommandSpec>& CommandSpecs();
int RunCommand(const cli::CommandSpec& spec, const cli::Arguments& args);

int Init(const cli::Arguments& args);
int Serve(const cli::Arguments& args);
int UserAdd(const cli::Arguments& args);
int UserList(const cli::Arguments& args);
int UserSet(const cli::Arguments& args);
int Backup(const cli::Arguments& args);
int AuditVerify(const cli::Arguments& args);
int RenderMinutes(const cli::Arguments& args);
int RenderNote(const cli::Arguments& args);
int ImportMinutes(const cli::Arguments& args);
int TemplateExport(const cli::Arguments& args);
int TemplateImport(const cli::Arguments& args);

// Prints "chancery: <message>" on stderr and returns the exit code for `error`.
int Fail(const core::Error& error);

// The datasets built into the binary (data/demo/*.json), by name.
const std::string* EmbeddedDataset(const std::string& name);
// The scenario a built-in dataset's demo replays (data/demo/soc-2021-06-23.json for cica-2021).
const std::string* EmbeddedScenario(const std::string& dataset);

}  // namespace chancery::app
