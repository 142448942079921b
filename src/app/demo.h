// The demo authority (`cinplan demo`): teams, people in every role with
// documented demo passwords, and children with realistic histories under one
// profile, written into an empty (or demo-only) database.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "app/clock.h"
#include "app/profile_catalog.h"
#include "core/calendar/date.h"
#include "core/error.h"
#include "store/accounts.h"
#include "store/event_store.h"

namespace cinplan::app {

struct DemoOptions {
  std::string profile;         // a profile id of the catalog
  std::size_t children = 300;  // how many children
  Date today;                  // histories run up to this day
  unsigned seed = 1;           // the same seed gives the same authority
};

// A demo sign-in, as the run command prints it.
struct DemoSignIn {
  std::string username;
  std::string password;
  std::string role;         // role id
  std::string description;  // "social worker, Locality Team North"
};

struct DemoResult {
  std::vector<DemoSignIn> sign_ins;
  std::size_t cases = 0;
  std::size_t events = 0;
};

// The demo passwords are fixed and documented (README): one per role.
// Refused (kRuleViolation) when the database holds anything demo() did not
// make (AccountStore::holds_non_demo_data); run again on a demo database it
// adds nothing and returns the sign-ins.
Result<DemoResult> create_demo(store::EventStore& events, store::AccountStore& accounts,
                               const ProfileCatalog& catalog, const Clock& clock,
                               const DemoOptions& options);

}  // namespace cinplan::app
