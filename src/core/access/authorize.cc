// authorize(): the one decision every request goes through. Deny by default;
// every refusal is a sentence a person can act on, in plain role words.
#include <algorithm>
#include <string>

#include "core/access/permissions.h"

namespace cinplan::access {
namespace {

// "A social worker", "An independent reviewing officer".
std::string a_role(std::string_view role) {
  const std::string words(role_words(role));
  const bool vowel =
      !words.empty() && std::string_view("aeiou").find(words[0]) != std::string::npos;
  return (vowel ? "An " : "A ") + words;
}

Decision refuse(std::string reason) {
  return {false, std::move(reason)};
}

// Scope none on a case action: what the role may do instead, where that is
// the useful answer.
Decision refuse_none(const Action& action, const Caller& caller) {
  if (action.on_case && caller.role == "administrator") {
    return refuse(action.writes
                      ? "Administrators manage accounts and may not change a child's record."
                      : "Administrators manage accounts and may not read a child's record.");
  }
  if (action.on_case && caller.role == "partner_professional") {
    return refuse(action.writes
                      ? "A partner professional may add only a written update and a scaling "
                        "score, to the plan of a family who consented to share with their agency."
                      : "A partner professional may see only the plans of families who consented "
                        "to share with their agency.");
  }
  return refuse(a_role(caller.role) + " may not " + action.summary + ".");
}

bool has_part(const Caller& caller, const CaseAccess& target) {
  return !caller.username.empty() &&
         (caller.username == target.worker || caller.username == target.iro);
}

bool shared_with_agency(const Caller& caller, const CaseAccess& target) {
  return !caller.agency.empty() && std::find(target.shared_with.begin(), target.shared_with.end(),
                                             caller.agency) != target.shared_with.end();
}

Decision refuse_scope(Scope scope, const Action& action, const Caller& caller) {
  const std::string who = a_role(caller.role);
  const std::string may = who + " may " + action.summary;
  switch (scope) {
    case Scope::kOwn:
      return refuse(may + " only on a case allocated to them.");
    case Scope::kTeam:
      if (caller.team.empty()) {
        return refuse(may +
                      " only on a case allocated to them or to their team, and this account has "
                      "no team: an administrator can set it.");
      }
      return refuse(may + " only on a case allocated to them or to their team.");
    case Scope::kConsentedAgency: {
      const std::string base =
          action.writes
              ? may + " only for a family who consented to share with their agency"
              : who +
                    " may see only the plans of families who consented to share with their agency";
      if (caller.agency.empty()) {
        return refuse(base + ", and this account names no agency: an administrator can set it.");
      }
      return refuse(base + ".");
    }
    case Scope::kGranted:
      return refuse(may + " only on a case they have been granted access to.");
    case Scope::kNone:
    case Scope::kAuthority:
      break;
  }
  return refuse_none(action, caller);
}

}  // namespace

Decision authorize(const PermissionTable& table, const Caller& caller, std::string_view action_id,
                   const CaseAccess* target) {
  const Action* action = table.find(action_id);
  if (action == nullptr) {
    return refuse("\"" + std::string(action_id) +
                  "\" is not an action in the permission table, so it is refused.");
  }
  if (caller.role.empty()) {
    return refuse(
        "This account has no role, so it may do nothing: an administrator can give it "
        "one.");
  }
  if (role_words(caller.role).empty()) {
    return refuse("This account's role \"" + caller.role +
                  "\" is not one cinplan knows, so it may do nothing: an administrator can "
                  "correct it.");
  }
  const Scope scope = table.scope(action_id, caller.role);
  if (scope == Scope::kNone) return refuse_none(*action, caller);
  if (!action->on_case) return {true, std::string(to_string(scope))};
  if (target == nullptr) {
    return refuse("To " + action->summary + ", the case must be named.");
  }
  if (target->restricted && !target->granted) {
    return refuse("This record is restricted: only people granted access may see it.");
  }
  bool allowed = false;
  switch (scope) {
    case Scope::kOwn:
      allowed = has_part(caller, *target);
      break;
    case Scope::kTeam:
      allowed = has_part(caller, *target) || (!caller.team.empty() && caller.team == target->team);
      break;
    case Scope::kAuthority:
      allowed = true;
      break;
    case Scope::kConsentedAgency:
      allowed = shared_with_agency(caller, *target);
      break;
    case Scope::kGranted:
      allowed = target->granted;
      break;
    case Scope::kNone:
      break;
  }
  if (allowed) return {true, std::string(to_string(scope))};
  return refuse_scope(scope, *action, caller);
}

}  // namespace cinplan::access
