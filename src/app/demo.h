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
  std::string team;         // the team's name, a partner's agency, or empty
};

struct DemoResult {
  std::vector<DemoSignIn> sign_ins;
  std::size_t cases = 0;          // cases written by this run
  std::size_t events = 0;         // their events
  std::size_t cases_present = 0;  // demo cases already in the database
};

// The checks create_demo makes of its options before it touches the
// database (kBadInput), for a command to make before it creates one.
Result<void> check_demo_options(const ProfileCatalog& catalog, const DemoOptions& options);

// The demo passwords are fixed and documented (README, demo_people.h): one
// per person, "demo-<role>-<n>". Refused (kRuleViolation) when the database
// holds anything demo() did not make (AccountStore::holds_non_demo_data), or
// a demo made under another profile or with more children; then nothing is
// written. Otherwise it writes whatever of the demo is missing (everything,
// into an empty database), so run again on a demo database it adds nothing
// and returns the sign-ins. Each case is written in one append, recorded by
// its allocated worker at the clock's time. kBadInput for an unknown profile,
// no children or more than 10,000, or a today outside 2000 to 2059.
Result<DemoResult> create_demo(store::EventStore& events, store::AccountStore& accounts,
                               const ProfileCatalog& catalog, const Clock& clock,
                               const DemoOptions& options);

}  // namespace cinplan::app
