// The checks of the commands that are not a profile's constraints: what the
// law, the registry or every procedure asks alike (an action has an owner,
// a date and a reason; an exclusion is endorsed by a manager; closure is
// endorsed; a transfer has consent or a recorded reason to go ahead without
// it). Each refusal names the rule; where the authority's own document says
// it, its sentence is quoted. Used by command_specs.cc.
#pragma once

#include "app/commands.h"

namespace cinplan::app::rules {

// A manager role: first-line manager and above.
bool is_manager(std::string_view role);

// The quote of the first rule or constraint of the profile whose citation
// contains `words` (case-sensitive), as "profile: \"...\"", else empty.
std::string quote_containing(const Profile& profile, std::string_view words);

Result<void> check_visit(const CommandContext&, const CaseHistory&, std::size_t, CommandResult&);
Result<void> check_meeting(const CommandContext&, const CaseHistory&, std::size_t, CommandResult&);
Result<void> check_plan(const CommandContext&, const CaseHistory&, std::size_t, CommandResult&);
Result<void> check_plan_signed(const CommandContext&, const CaseHistory&, std::size_t,
                               CommandResult&);
Result<void> check_action_completed(const CommandContext&, const CaseHistory&, std::size_t,
                                    CommandResult&);
// A manager who disagrees with the IRO's recommendations says why (reason):
// the IRO and the manager discuss the disagreement next.
Result<void> check_iro_response(const CommandContext&, const CaseHistory&, std::size_t,
                                CommandResult&);
Result<void> check_escalation(const CommandContext&, const CaseHistory&, std::size_t,
                              CommandResult&);
Result<void> check_transfer_out(const CommandContext&, const CaseHistory&, std::size_t,
                                CommandResult&);
Result<void> check_closure(const CommandContext&, const CaseHistory&, std::size_t, CommandResult&);
Result<void> check_consent(const CommandContext&, const CaseHistory&, std::size_t, CommandResult&);
Result<void> check_referral(const CommandContext&, const CaseHistory&, std::size_t, CommandResult&);
// A meeting cancelled was arranged for that day, is not held, and is not
// cancelled already.
Result<void> check_cancelled(const CommandContext&, const CaseHistory&, std::size_t,
                             CommandResult&);
// Invitations carry the distribution list (refused without), and invitations
// later than the profile's notice before that kind of meeting are flagged
// (short_notice).
Result<void> check_invitations(const CommandContext&, const CaseHistory&, std::size_t,
                               CommandResult&);
// "Short notice: invitations sent on ... asks for them 3 weeks before, by
// ...: <the sentence>", or none when the notice is enough, or the profile
// sets none for the meeting the invitations are for.
std::optional<std::string> short_notice(const Profile& profile, const CaseHistory& history,
                                        const Event& invitations);
// A correction is made by someone who may make the event it corrects: a
// worker cannot strike out a manager's decision.
Result<void> check_correction(const CommandContext&, const CaseHistory&, std::size_t,
                              CommandResult&);
Result<void> check_service_manager(const CommandContext&, const CaseHistory&, std::size_t,
                                   CommandResult&);

}  // namespace cinplan::app::rules
