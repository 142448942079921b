// The server's use cases (DESIGN.md section 12): signing in and out, who may
// do what, the queries over the in-memory records, and the commands that
// append to a child's record. The HTTP layer (and, next, the pages) call
// these and nothing else; no rule lives in a handler.
//
// Thread-safe: every function may be called from any worker thread.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "app/attachments.h"
#include "app/authority_contact.h"
#include "app/census_codes.h"
#include "app/clock.h"
#include "app/profile_catalog.h"
#include "app/records.h"
#include "app/view_cache.h"
#include "core/access/permissions.h"
#include "core/calendar/date.h"
#include "store/accounts.h"
#include "store/event_store.h"

namespace cinplan::app {

struct ServiceSettings {
  std::string authority = "Demo Authority";
  std::string profile;  // the authority's profile: new cases run under it
  std::chrono::minutes idle_timeout{30};
  std::chrono::minutes absolute_timeout{600};
  int lockout_after = 5;  // failed sign-ins in a row
  std::chrono::minutes lockout_for{15};
  std::size_t max_upload_bytes = std::size_t{20} << 20;  // the largest attachment
  AuthorityContact contact;  // how families reach the service again (the letters)
  // The census code sets a recorded code is checked against; null: the
  // shipped ones (app/census_codes.h).
  std::shared_ptr<const census::CodeSets> census_codes;
};

struct SignedIn {
  access::Caller caller;
  std::string session_token;  // goes in the cookie; stored only as its digest
  std::string csrf_token;
  std::string expires;  // the absolute timeout, UTC
};

struct SessionInfo {
  access::Caller caller;
  std::string csrf_token;
  std::string digest;
};

class Service {
 public:
  Service(store::EventStore& events, store::AccountStore& accounts, const ProfileCatalog& catalog,
          const access::PermissionTable& permissions, const Clock& clock, ServiceSettings settings);

  // Reads the log into the records; call once before serving.
  Result<void> start();
  // Applies what other processes appended since (the follower calls it).
  Result<std::int64_t> catch_up();

  store::EventStore& events() { return events_; }
  store::AccountStore& accounts() { return accounts_; }
  const ProfileCatalog& catalog() const { return catalog_; }
  const access::PermissionTable& permissions() const { return permissions_; }
  const ServiceSettings& settings() const { return settings_; }
  const census::CodeSets& census_codes() const { return *settings_.census_codes; }
  Records& records() { return records_; }
  const Clock& clock() const { return clock_; }
  Date today() const;
  std::string now() const;

  // --- sessions --------------------------------------------------------------
  // kDenied "The username or password is not right." for an unknown user, a
  // wrong password, a disabled or locked account alike, after the same work.
  Result<SignedIn> sign_in(std::string_view username, std::string_view password,
                           std::string_view address);
  // kDenied (401) when the session is unknown or past its idle or absolute
  // timeout; refreshes last_seen.
  Result<SessionInfo> session(std::string_view token);
  Result<void> sign_out(std::string_view token);
  // How long an ended session is kept, refused, for the draft of a form sent
  // into it.
  static constexpr std::chrono::hours kEndedSessionKept{12};

  // --- drafts: nothing typed into a page's form is lost ------------------------
  // `form` is the form's address ("/cases/C-1/visit"); `fields` what was
  // typed, as a JSON object of field name to text; `reason` one of
  // "refused", "session ended", "conflict" (store::Draft).
  Result<void> keep_draft(const access::Caller& caller, std::string_view form,
                          const nlohmann::ordered_json& fields, std::string_view reason);
  Result<std::optional<store::Draft>> draft(const access::Caller& caller, std::string_view form);
  Result<void> discard_draft(const access::Caller& caller, std::string_view form);
  // A form sent after its session ended: kept as the draft of the session's
  // user when the session is still known, its CSRF token is `csrf_token` and
  // the account is in use; the session then goes. The username it was kept
  // for, or empty when it cannot be kept (unknown session, wrong token).
  // What a command flagged, for the page the browser is sent to next: kept
  // in memory for the session, given once (and lost with a restart; the
  // record itself is in the store).
  void keep_notices(std::string_view session_token, std::vector<std::string> notices);
  std::vector<std::string> take_notices(std::string_view session_token);
  Result<std::string> keep_draft_of_ended_session(std::string_view token,
                                                  std::string_view csrf_token,
                                                  std::string_view form,
                                                  const nlohmann::ordered_json& fields);

  // --- who may do what ---------------------------------------------------------
  // authorize() for a case action on `case_id` (kNotFound when there is no
  // such case), or a non-case action when `case_id` is empty.
  Result<access::Decision> authorize(const access::Caller& caller, std::string_view action,
                                     std::string_view case_id);

  // --- queries: JSON documents, described in docs/api.md -----------------------
  Result<nlohmann::ordered_json> caseload(const access::Caller& caller, std::string_view scope,
                                          std::string_view team, Date today);
  Result<nlohmann::ordered_json> case_view(const access::Caller& caller, std::string_view case_id,
                                           Date today);
  // The team's on-time rate over the 12 months to `today` (app/on_time.h),
  // per allocated worker of the caller's team's open cases (the
  // authority's, for a manager above a team): {"team", "today", "workers":
  // [{"worker", "cases", "visits_due", "visits_on_time", "meetings_due",
  // "meetings_on_time"}]}, workers by name as written.
  Result<nlohmann::ordered_json> on_time(const access::Caller& caller, Date today);
  // One case's visits and meetings over the 12 months to `today` against
  // the times they fell due (on_time.h): {"case_id", "from", "today",
  // "due": [{"rule", "title", "kind" ("visit" or "meeting"), "due", "done"
  // (a date or null), "on_time"}], "visits": [{"date", "seen"}],
  // "meetings": [{"date", "label"}]}, each list by date.
  Result<nlohmann::ordered_json> timeline(const access::Caller& caller, std::string_view case_id,
                                          Date today);
  // caseload() and case_view() as the text sent, from the view cache when
  // nothing they show has changed (view_cache.h).
  Result<ViewCache::Text> caseload_text(const access::Caller& caller, std::string_view scope,
                                        std::string_view team, Date today);
  Result<ViewCache::Text> case_view_text(const access::Caller& caller, std::string_view case_id,
                                         Date today);
  Result<nlohmann::ordered_json> shared_view(const access::Caller& caller, std::string_view case_id,
                                             Date today);
  Result<nlohmann::ordered_json> shared_cases(const access::Caller& caller);
  Result<nlohmann::ordered_json> obligations(const access::Caller& caller, std::string_view case_id,
                                             Date today);
  Result<nlohmann::ordered_json> search(const access::Caller& caller, std::string_view terms);
  Result<nlohmann::ordered_json> panel_list(const access::Caller& caller, Date week);
  Result<nlohmann::ordered_json> oversight_list(const access::Caller& caller, int months,
                                                Date today);
  Result<nlohmann::ordered_json> case_audit(const access::Caller& caller, std::string_view case_id,
                                            std::string_view since);
  Result<nlohmann::ordered_json> plan_versions(const access::Caller& caller,
                                               std::string_view case_id, int from, int to);

  // The file attached to the case under that SHA-256, with what the case
  // says of it (attachments.h): kNotFound when the case has none such;
  // kInternal when the stored bytes no longer match their checksum.
  Result<Attachment> attachment(const access::Caller& caller, std::string_view case_id,
                                std::string_view sha256);

  // The case's version now, or none when there is no such case.
  std::optional<std::int64_t> case_version(std::string_view case_id);

  // Who recorded each event of the case after `version`, in order, as the
  // caller should read it: "you" for the caller, else the person's name.
  // For the conflict page's "What changed" (asks the database).
  Result<std::vector<std::string>> recorded_by_since(const access::Caller& caller,
                                                     std::string_view case_id,
                                                     std::int64_t version);

  // Whether the caller holds a grant to the case (asks the database).
  bool granted(const access::Caller& caller, std::string_view case_id);
  // The team id of a team as an allocation records it (its id or its name).
  std::string team_id(std::string_view recorded) const;
  // The name of the team with that id (the id when there is none).
  std::string team_name(std::string_view id) const;

 private:
  Result<void> load_teams();
  // What a caseload of `scope` lists for the caller (kDenied for another
  // team's, to a first-line manager).
  Result<struct CaseloadFilter> caseload_filter(const access::Caller& caller,
                                                std::string_view scope, std::string_view team);
  // The ids of the cases a caseload lists (caseload_entries), kept by
  // `filter_key` while the records stay at the same position.
  std::vector<std::string> caseload_ids(const Records::View& v, const std::string& filter_key,
                                        Date today, const struct CaseloadFilter& filter);
  // Gives each entry of a case view's chronology, visits and notes that says
  // who recorded it ("recorded_by", a username) the name of that person
  // ("recorded_by_name": their display name, or what was recorded when no
  // account has it).
  void name_authors(nlohmann::ordered_json& view);
  // Gives each allocation of a case view's chronology its team's name where
  // it was recorded by the team's id.
  void name_teams(nlohmann::ordered_json& view);

  store::EventStore& events_;
  store::AccountStore& accounts_;
  const ProfileCatalog& catalog_;
  const access::PermissionTable& permissions_;
  const Clock& clock_;
  ServiceSettings settings_;
  Records records_;
  ViewCache views_;

  mutable std::mutex teams_mutex_;
  std::unordered_map<std::string, std::string> team_ids_;    // id or name -> id
  std::unordered_map<std::string, std::string> team_names_;  // id -> name

  struct CachedSession {
    SessionInfo info;
    std::chrono::steady_clock::time_point checked;
    std::string created;
    bool refreshing = false;  // a request is asking the database now
  };
  struct CaseloadIds {
    std::int64_t position = 0;
    std::vector<std::string> ids;
  };
  static constexpr std::size_t kMostCaseloadLists = 4096;
  std::mutex caseload_ids_mutex_;
  std::unordered_map<std::string, CaseloadIds> caseload_ids_;  // by filter key
  std::mutex sessions_mutex_;
  std::mutex notices_mutex_;
  std::unordered_map<std::string, std::vector<std::string>> notices_;  // by session digest
  std::unordered_map<std::string, CachedSession> sessions_;            // by digest
  std::mutex hashing_;  // one password hash at a time (64 MiB each)
};

}  // namespace cinplan::app
