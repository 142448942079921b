// Naming a command that does not exist, with the ones that do, before the
// argument parser gives its own less helpful message.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace cinplan::cli {

// When the first word of the command line (after --profiles-dir and its
// value) is not a command of `app`, or the word after a command that takes
// commands of its own (`profile`) is not one of those, what to say:
// "there is no command "frobnicate"; the commands are profiles, profile, ...".
// A command line with no command at all gets the list too.
std::optional<std::string> unknown_command(const CLI::App& app, int argc, char** argv);

}  // namespace cinplan::cli
