#include "app/service.h"

#include "app/security.h"
#include "core/calendar/uk_time.h"

namespace cinplan::app {
namespace {

constexpr std::string_view kWrongSignIn = "The username or password is not right.";

Error denied(std::string message) {
  return Error{ErrorCode::kDenied, std::move(message), {}};
}

std::string later(TimePoint at, std::chrono::minutes by) {
  return utc_timestamp(at + by);
}

}  // namespace

Service::Service(store::EventStore& events, store::AccountStore& accounts,
                 const ProfileCatalog& catalog, const access::PermissionTable& permissions,
                 const Clock& clock, ServiceSettings settings)
    : events_(events),
      accounts_(accounts),
      catalog_(catalog),
      permissions_(permissions),
      clock_(clock),
      settings_(std::move(settings)) {
  if (!settings_.census_codes) settings_.census_codes = shipped_census_codes();
}

Result<void> Service::start() {
  if (auto teams = load_teams(); !teams) return teams;
  auto caught = records_.catch_up(events_);
  if (!caught) return std::unexpected(caught.error());
  return {};
}

Result<std::int64_t> Service::catch_up() {
  return records_.catch_up(events_);
}

Date Service::today() const {
  // England's date, not UTC's: from midnight to 1am in summer they differ.
  const auto seconds = std::chrono::floor<std::chrono::seconds>(clock_.now());
  return uk_time(static_cast<std::int64_t>(seconds.time_since_epoch().count())).date;
}

std::string Service::now() const {
  return utc_timestamp(clock_.now());
}

Result<void> Service::load_teams() {
  auto teams = accounts_.list_teams();
  if (!teams) return std::unexpected(teams.error());
  std::lock_guard lock(teams_mutex_);
  team_ids_.clear();
  team_names_.clear();
  for (const store::Team& t : *teams) {
    team_ids_[t.id] = t.id;
    team_ids_[t.name] = t.id;
    team_names_[t.id] = t.name;
  }
  return {};
}

std::string Service::team_id(std::string_view recorded) const {
  std::lock_guard lock(teams_mutex_);
  auto it = team_ids_.find(std::string(recorded));
  return it == team_ids_.end() ? std::string(recorded) : it->second;
}

std::string Service::team_name(std::string_view id) const {
  std::lock_guard lock(teams_mutex_);
  auto it = team_names_.find(std::string(id));
  return it == team_names_.end() ? std::string(id) : it->second;
}

// --- sessions ------------------------------------------------------------------

Result<SignedIn> Service::sign_in(std::string_view username, std::string_view password,
                                  std::string_view address) {
  auto account = accounts_.find_account(username);
  if (!account) return std::unexpected(account.error());
  const std::string at = now();
  bool ok = false;
  {
    std::lock_guard lock(hashing_);
    if (!*account) {
      verify_against_dummy(password);
    } else {
      ok = verify_password((*account)->password_hash, password);
    }
  }
  if (!*account) return std::unexpected(denied(std::string(kWrongSignIn)));
  const store::Account& a = **account;
  const bool locked = !a.locked_until.empty() && a.locked_until > at;
  if (!ok || a.disabled || locked) {
    if (!ok && !a.disabled) {
      const bool lock_now = a.failed_signins + 1 >= settings_.lockout_after;
      const std::string until = lock_now ? later(clock_.now(), settings_.lockout_for) : "";
      if (auto r = accounts_.record_failed_signin(a.username, locked ? a.locked_until : until); !r)
        return std::unexpected(r.error());
    }
    return std::unexpected(denied(std::string(kWrongSignIn)));
  }
  if (auto r = accounts_.record_signin(a.username); !r) return std::unexpected(r.error());
  (void)load_teams();

  SignedIn in;
  in.caller = {a.username, a.display_name, a.role, a.team, a.agency};
  in.session_token = random_token();
  in.csrf_token = random_token();
  in.expires = later(clock_.now(), settings_.absolute_timeout);
  store::Session s;
  s.id_digest = token_digest(in.session_token);
  s.username = a.username;
  s.csrf_token = in.csrf_token;
  s.created = at;
  s.last_seen = at;
  s.address = std::string(address);
  if (auto r = accounts_.add_session(s); !r) return std::unexpected(r.error());
  // Sessions that ended long ago go (see session()).
  (void)accounts_.expire_sessions(
      utc_timestamp(clock_.now() - settings_.idle_timeout - kEndedSessionKept),
      utc_timestamp(clock_.now() - settings_.absolute_timeout - kEndedSessionKept));
  return in;
}

Result<SessionInfo> Service::session(std::string_view token) {
  if (token.empty()) return std::unexpected(denied("Sign in first."));
  const std::string digest = token_digest(token);
  const auto now_steady = std::chrono::steady_clock::now();
  const TimePoint wall = clock_.now();
  const std::string idle_before = utc_timestamp(wall - settings_.idle_timeout);
  const std::string created_before = utc_timestamp(wall - settings_.absolute_timeout);
  {
    // A session seen in the last few seconds is trusted without asking the
    // database again; a sign-out elsewhere takes effect within that time.
    // Past it, one request asks the database while the others that arrive
    // meanwhile are still served from what was known: the many requests of
    // one busy session never queue together for the database.
    std::lock_guard lock(sessions_mutex_);
    auto it = sessions_.find(digest);
    if (it != sessions_.end() && it->second.created >= created_before) {
      if (now_steady - it->second.checked < std::chrono::seconds(5) || it->second.refreshing)
        return it->second.info;
      it->second.refreshing = true;
    }
  }
  struct Refreshed {  // clears `refreshing` on every way out
    Service& service;
    const std::string& digest;
    ~Refreshed() {
      std::lock_guard lock(service.sessions_mutex_);
      if (auto it = service.sessions_.find(digest); it != service.sessions_.end())
        it->second.refreshing = false;
    }
  } refreshed{*this, digest};
  auto found = accounts_.find_session(digest);
  if (!found) return std::unexpected(found.error());
  if (!*found || (*found)->last_seen < idle_before || (*found)->created < created_before) {
    // An ended session is refused at once but kept for a while, so that a
    // form sent into it keeps what was typed as its user's draft
    // (keep_draft_of_ended_session); past kEndedSessionKept it goes.
    if (*found &&
        (*found)->last_seen < utc_timestamp(wall - settings_.idle_timeout - kEndedSessionKept))
      (void)accounts_.delete_session(digest);
    std::lock_guard lock(sessions_mutex_);
    sessions_.erase(digest);
    return std::unexpected(denied("Your session has ended: sign in again."));
  }
  auto account = accounts_.find_account((*found)->username);
  if (!account) return std::unexpected(account.error());
  if (!*account || (*account)->disabled)
    return std::unexpected(denied("Your session has ended: sign in again."));
  const store::Account& a = **account;
  if (auto r = accounts_.touch_session(digest, now()); !r) return std::unexpected(r.error());
  SessionInfo info{
      {a.username, a.display_name, a.role, a.team, a.agency}, (*found)->csrf_token, digest};
  std::lock_guard lock(sessions_mutex_);
  if (sessions_.size() > 100'000) sessions_.clear();
  sessions_[digest] = {info, now_steady, (*found)->created, false};
  return info;
}

Result<void> Service::sign_out(std::string_view token) {
  const std::string digest = token_digest(token);
  {
    std::lock_guard lock(sessions_mutex_);
    sessions_.erase(digest);
  }
  auto r = accounts_.delete_session(digest);
  if (!r && r.error().code != ErrorCode::kNotFound) return r;
  return {};
}

// --- who may do what -------------------------------------------------------------

bool Service::granted(const access::Caller& caller, std::string_view case_id) {
  auto grants = accounts_.list_grants(caller.username, case_id);
  return grants && !grants->empty();
}

Result<access::Decision> Service::authorize(const access::Caller& caller, std::string_view action,
                                            std::string_view case_id) {
  if (case_id.empty()) return access::authorize(permissions_, caller, action, nullptr);
  auto target = records_.read([&](const Records::View& v) -> std::optional<access::CaseAccess> {
    const CaseRecord* r = v.find(case_id);
    if (!r) return std::nullopt;
    access::CaseAccess a = case_access(*r, false);
    return a;
  });
  if (!target)
    return std::unexpected(Error::not_found("There is no case " + std::string(case_id) + "."));
  target->team = team_id(target->team);
  // A grant is asked for only where it matters: restricted cases, and
  // actions whose scope is a grant.
  if (target->restricted || permissions_.scope(action, caller.role) == access::Scope::kGranted)
    target->granted = granted(caller, case_id);
  return access::authorize(permissions_, caller, action, &*target);
}

}  // namespace cinplan::app
