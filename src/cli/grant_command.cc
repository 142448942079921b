// cinplan user grant | revoke: explicit grants to restricted cases
// (DESIGN.md section 6), by an administrator at the command line. A revoke
// marks the grant revoked, with who and when; grants are never deleted.
// Both are written to the access log with the case.
#include <iostream>

#include "app/clock.h"
#include "cli/admin.h"
#include "cli/commands.h"
#include "cli/terminal.h"
#include "core/casefile/case_id.h"

namespace cinplan::cli {

int run_user_grant(const UserArgs& args) {
  store::Grant grant;
  grant.username = args.username;
  grant.case_id = args.case_id;
  grant.granted_by = administrator();
  grant.granted_at = app::utc_timestamp(app::SystemClock().now());
  grant.reason = args.reason;
  if (auto valid = store::check_grant(grant); !valid) return fail(valid.error().message);
  auto accounts = open_accounts(args.db, /*create=*/false);
  if (!accounts) return fail(accounts.error().describe());
  if (auto added = (*accounts)->add_grant(grant); !added) return fail(added.error().describe());
  const std::string detail =
      "granted " + grant.username + " case " + grant.case_id + ": " + grant.reason;
  if (auto logged = log_change(**accounts, "grant.add", grant.case_id, detail); !logged)
    return fail(logged.error().message);
  print_line(std::cout, detail);
  std::cout.flush();
  return std::cout ? 0 : fail("cannot write to standard output");
}

int run_user_revoke(const UserArgs& args) {
  if (auto valid = store::check_username(args.username); !valid) return fail(valid.error().message);
  if (auto valid = check_case_id(args.case_id); !valid) return fail(valid.error().message);
  auto accounts = open_accounts(args.db, /*create=*/false);
  if (!accounts) return fail(accounts.error().describe());
  if (auto revoked = (*accounts)->revoke_grant(args.username, args.case_id, administrator(),
                                               app::utc_timestamp(app::SystemClock().now()));
      !revoked)
    return fail(revoked.error().describe());
  const std::string detail = "revoked " + args.username + "'s grant to case " + args.case_id;
  if (auto logged = log_change(**accounts, "grant.revoke", args.case_id, detail); !logged)
    return fail(logged.error().message);
  print_line(std::cout, detail);
  std::cout.flush();
  return std::cout ? 0 : fail("cannot write to standard output");
}

}  // namespace cinplan::cli
