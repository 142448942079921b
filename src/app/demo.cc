#include "app/demo.h"

#include <set>

#include "app/case_import.h"
#include "app/demo_history.h"
#include "app/demo_people.h"
#include "app/security.h"

namespace cinplan::app {
namespace {

constexpr std::size_t kMostChildren = kMaxDemoChildren;
constexpr const char* kDemoRule = "cinplan demo";

Result<const Profile*> checked_profile(const ProfileCatalog& catalog, const DemoOptions& options) {
  auto profile = catalog.find(options.profile);
  if (!profile) return std::unexpected(Error::bad_input("--profile: " + profile.error().message));
  if (options.children == 0 || options.children > kMostChildren) {
    return std::unexpected(Error::bad_input("the demo has 1 to " + std::to_string(kMostChildren) +
                                            " children, not " + std::to_string(options.children)));
  }
  const int year = options.today.ymd().year;
  if (year < 2000 || year > 2059) {
    return std::unexpected(Error::bad_input("the demo's today (" + options.today.to_string() +
                                            ") must fall in the years 2000 to 2059"));
  }
  return *profile;
}

// The demo cases already in the database; refused when one is not a case
// these options make (another profile, or more children).
Result<std::set<std::string>> cases_present(store::EventStore& events, const Profile& profile,
                                            const DemoOptions& options) {
  auto streams = events.list_streams();
  if (!streams) return std::unexpected(streams.error());
  std::set<std::string> ours;
  for (std::size_t i = 0; i < options.children; ++i)
    ours.insert(plan_demo_case(options.seed, options.today, i).case_id);
  std::set<std::string> present;
  for (const store::StreamInfo& s : *streams) {
    if (s.profile != profile.id || ours.count(s.id) == 0) {
      return std::unexpected(Error::rule_violation(
          events.describe() + " already holds a demo of another kind (case " + s.id +
              " under the profile " + s.profile + "); write this demo into a new database",
          kDemoRule));
    }
    present.insert(s.id);
  }
  return present;
}

Result<void> write_people(store::AccountStore& accounts, const Clock& clock,
                          std::span<const DemoPerson* const> people) {
  auto teams = accounts.list_teams();
  if (!teams) return std::unexpected(teams.error());
  std::set<std::string> have;
  for (const store::Team& t : *teams) have.insert(t.id);
  for (const DemoTeam& t : demo_teams()) {
    if (have.count(std::string(t.id)) != 0) continue;
    if (auto ok = accounts.add_team({std::string(t.id), std::string(t.name), true}); !ok) return ok;
  }
  auto existing = accounts.list_accounts();
  if (!existing) return std::unexpected(existing.error());
  std::set<std::string> made;
  for (const store::Account& a : *existing) made.insert(a.username);
  // Line managers before the people they manage.
  for (bool added = true; added;) {
    added = false;
    for (const DemoPerson* person : people) {
      const DemoPerson& p = *person;
      const std::string username(p.username);
      if (made.count(username) != 0) continue;
      if (!p.line_manager.empty() && made.count(std::string(p.line_manager)) == 0) continue;
      auto hash = hash_password(p.password);
      if (!hash) return std::unexpected(hash.error());
      store::Account a;
      a.username = username;
      a.display_name = std::string(p.display_name);
      a.role = std::string(p.role);
      a.team = std::string(p.team);
      a.agency = std::string(p.agency);
      a.line_manager = std::string(p.line_manager);
      a.password_hash = std::move(*hash);
      a.demo = true;
      a.created = utc_timestamp(clock.now());
      if (auto ok = accounts.add_account(a); !ok) return ok;
      made.insert(username);
      added = true;
    }
  }
  return {};
}

}  // namespace

Result<void> check_demo_options(const ProfileCatalog& catalog, const DemoOptions& options) {
  auto profile = checked_profile(catalog, options);
  if (!profile) return std::unexpected(profile.error());
  return {};
}

Result<DemoResult> create_demo(store::EventStore& events, store::AccountStore& accounts,
                               const ProfileCatalog& catalog, const Clock& clock,
                               const DemoOptions& options) {
  auto profile = checked_profile(catalog, options);
  if (!profile) return std::unexpected(profile.error());
  auto foreign = accounts.holds_non_demo_data();
  if (!foreign) return std::unexpected(foreign.error());
  if (*foreign) {
    return std::unexpected(Error::rule_violation(
        events.describe() +
            " holds records the demo did not make, so nothing was written: the demo authority "
            "goes only into an empty database or one holding the demo alone",
        kDemoRule));
  }
  auto present = cases_present(events, **profile, options);
  if (!present) return std::unexpected(present.error());

  DemoResult result;
  result.cases_present = present->size();
  const auto staff = demo_staff(options.children);
  if (auto ok = write_people(accounts, clock, staff); !ok) return std::unexpected(ok.error());
  for (std::size_t i = 0; i < options.children; ++i) {
    const std::string id = plan_demo_case(options.seed, options.today, i).case_id;
    if (present->count(id) != 0) continue;
    auto history = demo_history(**profile, options.seed, options.today, i);
    if (!history) return std::unexpected(history.error());
    const std::string now = utc_timestamp(clock.now());
    const ImportOptions import{(*profile)->id, history->recorded_by,
                               [&](const Event& e, std::size_t n) {
                                 return demo_recorded_at(options.seed, i, n, e.date, now);
                               }};
    auto parsed = parse_case_file(catalog, history->text, "demo case " + id, import);
    if (!parsed) return std::unexpected(parsed.error());
    auto imported = import_parsed(events, std::move(*parsed), import, clock);
    if (!imported) return std::unexpected(imported.error());
    ++result.cases;
    result.events += imported->events;
  }
  for (const DemoPerson* person : staff) {
    const DemoPerson& p = *person;
    const DemoTeam* team = find_demo_team(p.team);
    result.sign_ins.push_back({std::string(p.username), p.password, std::string(p.role),
                               describe_demo_person(p, **profile),
                               team != nullptr ? std::string(team->name) : std::string(p.agency)});
  }
  return result;
}

}  // namespace cinplan::app
