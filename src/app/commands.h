// The CIN process as commands (DESIGN.md section 12): each command turns a
// request into events, checks them against the case, the authority's profile
// and the law, and appends them in one transaction with the version the
// caller read. A refused command writes nothing and says what is wrong and
// which rule requires it, quoting the sentence where a procedure says it.
//
// The table (command_specs.cc) lists every command: its name, the permission
// it needs, the event types it writes and how it builds them from the
// request. command_rules.cc holds the checks that are not the profile's
// constraints.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/attachments.h"
#include "app/records.h"
#include "core/access/permissions.h"
#include "core/calendar/date.h"
#include "core/error.h"
#include "core/procedure/profile.h"

namespace cinplan::app {

// What a refusal of a meeting held against a `must` constraint adds: the
// way to record it as it happened (the command's `departure_reason`). A form
// that finds these words in a refusal asks for the reason.
inline constexpr std::string_view kDepartureAsk =
    "If the meeting was held so, say why the procedure was not followed, and it is recorded as "
    "it happened, with the reason";

class Service;

struct CommandRequest {
  std::string case_id;  // empty only for register_child
  // The version the caller read; required for every command on an existing
  // case (kBadInput "send the version you read" when missing).
  std::optional<std::int64_t> expected_version;
  nlohmann::ordered_json body = nlohmann::ordered_json::object();
  // Check only: every check runs and the result says what would be flagged,
  // but nothing is written (the version stays the one read).
  bool check_only = false;
  // Files sent with the request (an attachment); only a command that takes
  // files (CommandSpec::takes_files) accepts any.
  std::vector<Upload> uploads = {};
};

struct CommandResult {
  std::string case_id;
  std::int64_t version = 0;           // the case's version after the append
  std::vector<std::string> written;   // the event types written, in order
  std::vector<std::string> warnings;  // allowed but flagged (late, a "should" not met)
  nlohmann::ordered_json info = nlohmann::ordered_json::object();  // e.g. the team routed to
};

// What a builder sees.
struct CommandContext {
  const access::Caller& caller;
  const CaseRecord* record;  // null for register_child
  const Profile& profile;
  Date today;
  Service& service;
  // The request's files, examined (attachments.h), in the order sent.
  std::span<const AttachmentFile> files = {};
};

using Events = std::vector<nlohmann::ordered_json>;

struct CommandSpec {
  std::string_view name;     // e.g. "record_visit"
  std::string_view action;   // the permission table's key
  std::string_view summary;  // for the API description
  std::string_view event;    // the main event type (its fields are the request's)
  // Builds the events from the request; null: one `event` from the body.
  Result<Events> (*build)(const CommandContext&, const nlohmann::ordered_json& body) = nullptr;
  // Checks beyond the registry, the law and the profile's constraints, on
  // the case as it would be (`history`, the new events from `first_new`);
  // may add warnings and info to `result`.
  Result<void> (*check)(const CommandContext&, const CaseHistory& history, std::size_t first_new,
                        CommandResult& result) = nullptr;
  // Fields the request may carry beyond the event's own (lists of the other
  // events the command writes, e.g. a plan's "outcomes" and "actions").
  std::span<const std::string_view> extra_fields = {};
  // The event's fields the command fills in itself (who records it, from
  // the caller or the account named): not to be sent.
  std::span<const std::string_view> filled = {};
  // Whether the request may carry files, kept in the store with the events.
  bool takes_files = false;
};

std::span<const CommandSpec> command_specs();
const CommandSpec* find_command(std::string_view name);

// One event of `type` from `body`: every field must be one of the type's
// (kBadInput naming an unknown field and listing the known ones); the date
// defaults to `today`; the type is set.
Result<nlohmann::ordered_json> event_from(std::string_view type, const nlohmann::ordered_json& body,
                                          Date today, std::span<const std::string_view> extra = {});

// Runs the command as `caller` (already authorized for spec.action by the
// caller of this function).
Result<CommandResult> run_command(Service& service, const access::Caller& caller,
                                  const CommandSpec& spec, const CommandRequest& request);

}  // namespace cinplan::app
