// What the administrators' commands (cinplan user, cinplan audit) share: who
// is running them, reading a password from standard input, opening the
// account tables, and writing each account change to the access log.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/error.h"
#include "store/accounts.h"

namespace cinplan::cli {

// Where the access log says a command-line change came from, and the role
// it records for whoever ran it.
inline constexpr std::string_view kCommandLine = "command line";
inline constexpr std::string_view kAdministratorRole = "administrator";

// $CINPLAN_USER, else the login name of the running user.
std::string administrator();

// The first line of standard input (without its line ending), for a
// password; on a terminal, asked for on standard error with echo off.
// kBadInput when standard input is empty. Never an argument, so never in a
// process listing or a shell history.
Result<std::string> read_password(std::string_view for_whom);

// Opens the account tables for writing. With `create`, a database that does
// not exist is made, unless `needs` is not empty: then its absence is
// reported as the absence of what `needs` names ("the team north"), since a
// new database has none.
Result<std::unique_ptr<store::AccountStore>> open_accounts(const std::string& db, bool create,
                                                           const std::string& needs = {});
// Opens them for reading only; a missing database is kNotFound.
Result<std::unique_ptr<store::AccountStore>> open_accounts_to_read(const std::string& db);

// Writes an account change to the access log: `action` ("account.add"), by
// administrator(), from the command line, about `case_id` (or none), with
// `detail`. The change itself is already made: a failure here says so.
Result<void> log_change(store::AccountStore& accounts, std::string action, std::string case_id,
                        std::string detail);

}  // namespace cinplan::cli
