// Who may do what (DESIGN.md sections 6 and 12): the permission table, read
// from a data file (config/permissions.toml), and the one authorize() every
// request goes through. Deny by default: a role not named for an action, an
// action not in the table, an unknown role, all mean "no".
//
// Pure but for PermissionTable::load, which reads the one file it is named
// (as a profile's text is read before it is parsed).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace cinplan::access {

// How far a role's permission for an action reaches.
enum class Scope : std::uint8_t {
  kNone,             // never
  kOwn,              // cases the caller has a part in: allocated worker or allocated IRO
  kTeam,             // own, and the cases of the caller's team (line managers)
  kAuthority,        // any case of the authority (restricted ones still need a grant)
  kConsentedAgency,  // cases whose family consented to share with the caller's agency
  kGranted,          // only cases the caller holds an explicit grant to
};

// The words the data file uses: "none", "own", "team", "authority",
// "consented-agency", "granted".
std::string_view to_string(Scope scope);
std::optional<Scope> parse_scope(std::string_view text);  // nullopt for any other text

// A role id in plain words, without article: "social worker", "first-line
// manager", "independent reviewing officer". Empty for an unknown role.
std::string_view role_words(std::string_view role);

struct Action {
  std::string id;       // e.g. "visit.record": the route table's key
  std::string summary;  // "record a visit to the child"
  bool on_case = true;  // concerns one child's record (audited as such)
  bool writes = false;  // changes something
  std::map<std::string, Scope, std::less<>> scopes;  // role id -> scope; absent: kNone
};

class PermissionTable {
 public:
  // Parses and checks the TOML text: one [actions."<id>"] table per action
  // (an id of lower-case words joined by "." or "_"), each with `summary`
  // (text), `on_case` and `writes` (true or false) and one key per role
  // given a scope; no other keys. Every role a role id of the registry
  // (role_values()), every scope known, a non-case action only with scopes
  // none / own / team / authority, at least one action. The first problem
  // found is kBadInput naming the file and line, the action and the role
  // ("config/permissions.toml:12: action \"visit.record\": unknown role
  // \"social_workr\" ..."); nothing is half-loaded. An action given twice is
  // refused by the TOML parser itself (a table defined twice).
  static Result<PermissionTable> parse(std::string_view toml, std::string_view source_name);
  // Reads `path` (at most 1 MiB; kNotFound when there is no such file,
  // kUnavailable when it cannot be read) and parses it, naming it in errors.
  static Result<PermissionTable> load(const std::string& path);

  const Action* find(std::string_view action) const;
  const std::vector<Action>& actions() const { return actions_; }
  // kNone when the action or role is unknown, or the role is not named for
  // the action.
  Scope scope(std::string_view action, std::string_view role) const;

 private:
  std::vector<Action> actions_;
  std::map<std::string, std::size_t, std::less<>> index_;
};

// The person asking.
struct Caller {
  std::string username;
  std::string display_name;
  std::string role;    // a role id
  std::string team;    // team id, or empty
  std::string agency;  // partner professionals
};

// What a case says about who has a part in it, as at now.
struct CaseAccess {
  std::string case_id;
  std::string worker;  // username of the allocated worker, or empty
  std::string team;    // team id of the allocation, or empty
  std::string iro;     // username of the allocated IRO, or empty
  bool restricted = false;
  bool granted = false;                  // the caller holds a grant to it
  std::vector<std::string> shared_with;  // agencies the family consented to share with
};

struct Decision {
  bool allowed = false;
  // When refused: one sentence a person can act on, e.g. "A social worker
  // may record a visit only on a case allocated to them." When allowed: the
  // scope that allowed it ("own", "team" ...).
  std::string reason;
};

// Whether `caller` may perform `action` on `target` (null for an action that
// concerns no case). In order:
// - an unknown action, an empty or unknown role, a role the action does not
//   name (scope none): refused;
// - a non-case action (Action::on_case false): allowed, whatever `target`;
//   the handler reads the scope (own / team / authority) to choose what a
//   list shows;
// - a case action without a target: refused;
// - a restricted case without target->granted: refused, whatever the scope;
// - then the scope: own = caller.username is target->worker or target->iro;
//   team = own, or target->team equals caller.team (both non-empty);
//   authority = any case; consented-agency = caller.agency is non-empty and
//   in target->shared_with; granted = target->granted.
// Never throws; a refusal's reason uses plain role words, never ids.
Decision authorize(const PermissionTable& table, const Caller& caller, std::string_view action,
                   const CaseAccess* target);

}  // namespace cinplan::access
