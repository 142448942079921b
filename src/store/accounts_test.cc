// The account store's contract (accounts.h), run against every backend: a
// fresh SQLite file per test, and on PostgreSQL (when
// CINPLAN_TEST_POSTGRES_URL names a test server) a fresh database per test,
// since listings and holds_non_demo_data look at the whole database. What the
// database itself refuses is shown with raw SQL on a second connection.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <thread>

#include "store/accounts.h"
#include "store/postgres_test_support.h"
#include "store/schema.h"
#include "store/store_test_support.h"

namespace cinplan::store {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::make_append;
using testing::raw_exec;

constexpr std::string_view kHash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g";

Account account(std::string username, std::string role = "social_worker", std::string team = {}) {
  Account a;
  a.username = std::move(username);
  a.display_name = "Person " + a.username;
  a.role = std::move(role);
  a.team = std::move(team);
  if (a.role == "partner_professional") a.agency = "health";
  a.password_hash = std::string(kHash);
  return a;
}

AccessQuery query(std::string case_id, std::string username, std::string since = {},
                  std::size_t limit = 0) {
  return AccessQuery{std::move(case_id), std::move(username), std::move(since), limit};
}

AccessEntry entry(std::string username, std::string case_id, std::string action,
                  std::string at = "2026-11-22T10:15:30.123Z") {
  AccessEntry e;
  e.at = std::move(at);
  e.username = std::move(username);
  e.role = "social_worker";
  e.case_id = std::move(case_id);
  e.action = std::move(action);
  e.allowed = true;
  e.address = "10.0.0.1";
  e.detail = "version 3";
  return e;
}

// Rows of a query on a second connection, columns joined by '|'.
std::vector<std::string> raw_query(const std::string& url, const std::string& sql) {
  if (!url.starts_with("sqlite:")) return testing::query(url, sql);
  std::vector<std::string> rows;
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(testing::sqlite_path(url).c_str(), &db, SQLITE_OPEN_READONLY, nullptr),
            SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db);
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    std::string row;
    for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
      row += (c > 0 ? "|" : "") + std::string(text == nullptr ? "NULL" : text);
    }
    rows.push_back(row);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return rows;
}

class AccountStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    url_ = fresh_url();
    auto opened = open_account_store(url_, OpenOptions{.create = true});
    ASSERT_TRUE(opened.has_value()) << opened.error().message;
    store_ = std::move(*opened);
  }

  // An empty database of the test's backend, removed after the test.
  std::string fresh_url() {
    if (GetParam() == "sqlite") {
      dirs_.emplace_back(std::make_unique<testing::TempDir>());
      return dirs_.back()->sqlite_url();
    }
    databases_.emplace_back(
        std::make_unique<testing::FreshDatabase>(*testing::postgres_test_url()));
    return databases_.back()->url();
  }

  // Creates case `id` in the database at `url` with `header` (default: the
  // test support's).
  void make_case(const std::string& url, const std::string& id, const std::string& header = {}) {
    auto events = open_store(url, OpenOptions{.create = true});
    ASSERT_TRUE(events.has_value()) << events.error().message;
    auto request = make_append(id, 0, 1);
    if (!header.empty()) request.create->header = header;
    auto appended = (*events)->append(request);
    ASSERT_TRUE(appended.has_value()) << appended.error().message;
  }

  std::vector<std::string> usernames() {
    auto listed = store_->list_accounts();
    EXPECT_TRUE(listed.has_value()) << listed.error().message;
    std::vector<std::string> names;
    for (const Account& a : listed.value_or(std::vector<Account>{})) names.push_back(a.username);
    return names;
  }

  Account found(std::string_view username) {
    auto a = store_->find_account(username);
    EXPECT_TRUE(a.has_value() && a->has_value()) << username;
    return a.has_value() && a->has_value() ? **a : Account{};
  }

  std::vector<std::unique_ptr<testing::TempDir>> dirs_;
  std::vector<std::unique_ptr<testing::FreshDatabase>> databases_;
  std::string url_;
  std::unique_ptr<AccountStore> store_;
};

TEST_P(AccountStoreTest, TeamsAndAccountsAreAddedFoundAndListed) {
  ASSERT_TRUE(store_->add_team(Team{"locality-north", "Locality Team North", false}).has_value());
  ASSERT_TRUE(store_->add_team(Team{"east", "East", true}).has_value());
  auto teams = store_->list_teams();
  ASSERT_TRUE(teams.has_value()) << teams.error().message;
  ASSERT_EQ(teams->size(), 2u);
  EXPECT_EQ((*teams)[0].id, "east");
  EXPECT_TRUE((*teams)[0].demo);
  EXPECT_EQ((*teams)[1].name, "Locality Team North");

  Account manager = account("sam.lee", "first_line_manager", "locality-north");
  ASSERT_TRUE(store_->add_account(manager).has_value());
  Account worker = account("alex.morgan", "social_worker", "locality-north");
  worker.display_name = "Alex Morgan";
  worker.line_manager = "sam.lee";
  ASSERT_TRUE(store_->add_account(worker).has_value());
  // Ordered bytewise on every backend, whatever the database's locale.
  ASSERT_TRUE(store_->add_account(account("alexa")).has_value());
  ASSERT_TRUE(store_->add_account(account("alex-b", "partner_professional")).has_value());
  EXPECT_THAT(usernames(), ElementsAre("alex-b", "alex.morgan", "alexa", "sam.lee"));

  const Account a = found("alex.morgan");
  EXPECT_EQ(a.display_name, "Alex Morgan");
  EXPECT_EQ(a.role, "social_worker");
  EXPECT_EQ(a.team, "locality-north");
  EXPECT_EQ(a.line_manager, "sam.lee");
  EXPECT_EQ(a.agency, "");
  EXPECT_EQ(a.password_hash, kHash);
  EXPECT_FALSE(a.disabled);
  EXPECT_FALSE(a.demo);
  EXPECT_EQ(a.failed_signins, 0);
  EXPECT_EQ(a.locked_until, "");
  // The database's clock when none is given.
  EXPECT_TRUE(check_timestamp(a.created, "created").has_value()) << a.created;
  EXPECT_EQ(found("alexa").team, "");
  EXPECT_EQ(found("alex-b").agency, "health");

  auto missing = store_->find_account("nobody");
  ASSERT_TRUE(missing.has_value());
  EXPECT_FALSE(missing->has_value());
  // A name that could not be one finds nothing, even cut at a NUL.
  auto cut = store_->find_account(std::string("alexa\0x", 7));
  ASSERT_TRUE(cut.has_value());
  EXPECT_FALSE(cut->has_value());
}

TEST_P(AccountStoreTest, RefusesTakenNamesMissingTeamsAndBadValuesWritingNothing) {
  ASSERT_TRUE(store_->add_team(Team{"north", "North", false}).has_value());
  ASSERT_TRUE(store_->add_account(account("alex", "social_worker", "north")).has_value());

  const auto refused = [&](const Account& a, ErrorCode code, std::string_view words) {
    auto added = store_->add_account(a);
    ASSERT_FALSE(added.has_value()) << a.username;
    EXPECT_EQ(added.error().code, code) << added.error().message;
    EXPECT_THAT(added.error().message, HasSubstr(std::string(words)));
  };
  refused(account("alex"), ErrorCode::kConflict, "there is an account alex already");
  refused(account("blake", "social_worker", "south"), ErrorCode::kNotFound,
          "there is no team south");
  Account managed = account("casey");
  managed.line_manager = "nobody";
  refused(managed, ErrorCode::kNotFound, "there is no account nobody (the line manager of casey)");
  refused(account("dana", "wizard"), ErrorCode::kBadInput, "\"wizard\" is not a role");
  refused(account("Upper"), ErrorCode::kBadInput, "lower-case");
  refused(account("a b"), ErrorCode::kBadInput, "may hold only");
  Account partner = account("erin", "partner_professional");
  partner.agency.clear();
  refused(partner, ErrorCode::kBadInput, "a partner professional needs an agency");
  Account plain = account("fran");
  plain.password_hash = "correct horse battery staple";
  refused(plain, ErrorCode::kBadInput, "not an argon2id hash");
  Account named = account("gale");
  named.display_name = "Gale\nSmith";
  refused(named, ErrorCode::kBadInput, "control character");

  auto team = store_->add_team(Team{"north", "Another North", false});
  ASSERT_FALSE(team.has_value());
  EXPECT_EQ(team.error().code, ErrorCode::kConflict);
  EXPECT_EQ(store_->add_team(Team{"", "Nameless", false}).error().code, ErrorCode::kBadInput);
  EXPECT_EQ(store_->add_team(Team{"west", "", false}).error().code, ErrorCode::kBadInput);

  EXPECT_THAT(usernames(), ElementsAre("alex"));
  EXPECT_EQ(store_->list_teams().value_or(std::vector<Team>{}).size(), 1u);
  EXPECT_EQ(found("alex").display_name, "Person alex");
}

TEST_P(AccountStoreTest, SignInsLocksPasswordsAndDisabling) {
  ASSERT_TRUE(store_->add_account(account("alex")).has_value());
  ASSERT_TRUE(store_->record_failed_signin("alex", "").has_value());
  ASSERT_TRUE(store_->record_failed_signin("alex", "2026-11-22T10:30:00.000Z").has_value());
  EXPECT_EQ(found("alex").failed_signins, 2);
  EXPECT_EQ(found("alex").locked_until, "2026-11-22T10:30:00.000Z");
  ASSERT_TRUE(store_->record_signin("alex").has_value());
  EXPECT_EQ(found("alex").failed_signins, 0);
  EXPECT_EQ(found("alex").locked_until, "");

  ASSERT_TRUE(store_->record_failed_signin("alex", "2026-11-22T10:30:00.000Z").has_value());
  const std::string other = "$argon2id$v=19$m=65536,t=2,p=1$b3RoZXI$b3RoZXJoYXNo";
  ASSERT_TRUE(store_->set_password("alex", other).has_value());
  EXPECT_EQ(found("alex").password_hash, other);
  EXPECT_EQ(found("alex").failed_signins, 0);
  EXPECT_EQ(found("alex").locked_until, "");
  EXPECT_EQ(store_->set_password("alex", "plain text").error().code, ErrorCode::kBadInput);

  ASSERT_TRUE(store_->set_disabled("alex", true).has_value());
  EXPECT_TRUE(found("alex").disabled);
  ASSERT_TRUE(store_->set_disabled("alex", false).has_value());
  EXPECT_FALSE(found("alex").disabled);

  for (auto result :
       {store_->set_disabled("nobody", true), store_->record_signin("nobody"),
        store_->record_failed_signin("nobody", ""), store_->set_password("nobody", other),
        store_->set_disabled(std::string("alex\0", 5), true)}) {
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, ErrorCode::kNotFound);
    EXPECT_THAT(result.error().message, HasSubstr("there is no account"));
  }
  EXPECT_FALSE(found("alex").disabled);
}

TEST_P(AccountStoreTest, GrantsAreRevokedNeverDeleted) {
  make_case(url_, "C-1");
  make_case(url_, "C-2");
  ASSERT_TRUE(store_->add_account(account("alex")).has_value());
  ASSERT_TRUE(store_->add_account(account("blake")).has_value());
  Grant g{"alex", "C-1", "admin", "2026-11-22T10:00:00.000Z", "covering for a colleague"};
  ASSERT_TRUE(store_->add_grant(g).has_value());
  ASSERT_TRUE(store_->add_grant(Grant{"blake", "C-1", "admin", "", "manager"}).has_value());
  ASSERT_TRUE(store_->add_grant(Grant{"alex", "C-2", "admin", "", "duty"}).has_value());

  auto again = store_->add_grant(g);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_THAT(again.error().message, HasSubstr("alex holds a grant to case C-1 already"));
  auto no_case = store_->add_grant(Grant{"alex", "C-9", "admin", "", "x"});
  ASSERT_FALSE(no_case.has_value());
  EXPECT_EQ(no_case.error().code, ErrorCode::kNotFound);
  EXPECT_THAT(no_case.error().message, HasSubstr("case C-9 does not exist"));
  EXPECT_EQ(store_->add_grant(Grant{"nobody", "C-1", "admin", "", "x"}).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(store_->add_grant(Grant{"alex", "C-2", "admin", "", ""}).error().code,
            ErrorCode::kBadInput);

  auto all = store_->list_grants();
  ASSERT_TRUE(all.has_value()) << all.error().message;
  EXPECT_EQ(all->size(), 3u);
  auto of_case = store_->list_grants({}, "C-1");
  ASSERT_TRUE(of_case.has_value());
  ASSERT_EQ(of_case->size(), 2u);
  EXPECT_EQ((*of_case)[0].username, "alex");
  EXPECT_EQ((*of_case)[0].granted_at, "2026-11-22T10:00:00.000Z");
  EXPECT_EQ((*of_case)[0].reason, "covering for a colleague");
  EXPECT_TRUE(check_timestamp((*of_case)[1].granted_at, "granted at").has_value());
  EXPECT_EQ(store_->list_grants("alex", "C-2").value_or(std::vector<Grant>{}).size(), 1u);

  ASSERT_TRUE(store_->revoke_grant("alex", "C-1", "admin2", "2026-11-23T09:00:00.000Z"));
  EXPECT_EQ(store_->list_grants("alex", "C-1").value_or(std::vector<Grant>{{}}).size(), 0u);
  auto twice = store_->revoke_grant("alex", "C-1", "admin2");
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().code, ErrorCode::kNotFound);
  EXPECT_THAT(twice.error().message, HasSubstr("alex holds no grant to case C-1"));
  EXPECT_EQ(store_->revoke_grant("alex", "C-2", "").error().code, ErrorCode::kBadInput);
  // Granted again after a revoke: a new row beside the revoked one.
  ASSERT_TRUE(store_->add_grant(Grant{"alex", "C-1", "admin", "", "back on the case"}));

  EXPECT_THAT(raw_query(url_,
                        "SELECT username, case_id, granted_by, coalesce(revoked_by, '-'), "
                        "coalesce(revoked_at, '-') FROM grants WHERE username = 'alex' AND "
                        "case_id = 'C-1' ORDER BY id"),
              ElementsAre("alex|C-1|admin|admin2|2026-11-23T09:00:00.000Z", "alex|C-1|admin|-|-"));
  // The database keeps them, whoever connects.
  auto removed = raw_exec(url_, "DELETE FROM grants WHERE username = 'alex'");
  ASSERT_TRUE(removed.has_value()) << "DELETE of grants was accepted";
  EXPECT_THAT(*removed, HasSubstr("a grant cannot be deleted"));
  auto unrevoked = raw_exec(url_, "UPDATE grants SET revoked_at = NULL, revoked_by = NULL");
  ASSERT_TRUE(unrevoked.has_value()) << "un-revoking a grant was accepted";
  EXPECT_THAT(*unrevoked, HasSubstr("can only be revoked, once"));
  EXPECT_TRUE(raw_exec(url_, "UPDATE grants SET reason = 'changed' WHERE revoked_at IS NULL"));
  EXPECT_EQ(raw_query(url_, "SELECT count(*) FROM grants"), std::vector<std::string>{"4"});
}

TEST_P(AccountStoreTest, DraftsAreKeptReplacedFoundAndLetGo) {
  ASSERT_TRUE(store_->add_account(account("alex")).has_value());
  ASSERT_TRUE(store_->add_account(account("blake")).has_value());
  const Draft first{"alex", "/cases/C-1/visit", R"({"notes": "Sam showed me his room"})", "refused",
                    ""};
  ASSERT_TRUE(store_->save_draft(first).has_value());
  auto got = store_->find_draft("alex", "/cases/C-1/visit");
  ASSERT_TRUE(got.has_value() && got->has_value());
  EXPECT_EQ((*got)->fields, first.fields);
  EXPECT_EQ((*got)->reason, "refused");
  EXPECT_TRUE(check_timestamp((*got)->saved, "saved").has_value()) << (*got)->saved;
  // Another person's, or another form's, is not this one.
  EXPECT_FALSE(store_->find_draft("blake", "/cases/C-1/visit")->has_value());
  EXPECT_FALSE(store_->find_draft("alex", "/cases/C-1/notes")->has_value());

  // The next draft of the same form replaces it.
  const Draft second{"alex", "/cases/C-1/visit", R"({"notes": "and his garden"})", "conflict",
                     "2026-11-22T10:00:00.000Z"};
  ASSERT_TRUE(store_->save_draft(second).has_value());
  got = store_->find_draft("alex", "/cases/C-1/visit");
  ASSERT_TRUE(got.has_value() && got->has_value());
  EXPECT_EQ((*got)->fields, second.fields);
  EXPECT_EQ((*got)->reason, "conflict");
  EXPECT_EQ((*got)->saved, "2026-11-22T10:00:00.000Z");

  // Bad values are refused and write nothing.
  Draft bad = first;
  bad.reason = "bored";
  EXPECT_EQ(store_->save_draft(bad).error().code, ErrorCode::kBadInput);
  bad = first;
  bad.form = "https://elsewhere/visit";
  EXPECT_EQ(store_->save_draft(bad).error().code, ErrorCode::kBadInput);
  bad = first;
  bad.fields = std::string(3 * 1024 * 1024, 'x');
  EXPECT_EQ(store_->save_draft(bad).error().code, ErrorCode::kBadInput);
  bad = first;
  bad.username = "nobody";
  EXPECT_EQ(store_->save_draft(bad).error().code, ErrorCode::kNotFound);
  EXPECT_EQ((*store_->find_draft("alex", "/cases/C-1/visit"))->fields, second.fields);

  ASSERT_TRUE(store_->delete_draft("alex", "/cases/C-1/visit").has_value());
  EXPECT_FALSE(store_->find_draft("alex", "/cases/C-1/visit")->has_value());
  EXPECT_TRUE(store_->delete_draft("alex", "/cases/C-1/visit").has_value());  // none: no error
}

TEST_P(AccountStoreTest, SessionsAreFoundTouchedEndedAndExpired) {
  ASSERT_TRUE(store_->add_account(account("alex")).has_value());
  ASSERT_TRUE(store_->add_account(account("blake")).has_value());
  const Session s1{
      "d1", "alex", "csrf1", "2026-11-22T08:00:00.000Z", "2026-11-22T09:00:00.000Z", "10.0.0.1"};
  const Session s2{
      "d2", "alex", "csrf2", "2026-11-22T09:30:00.000Z", "2026-11-22T09:30:00.000Z", "10.0.0.2"};
  const Session s3{
      "d3", "blake", "csrf3", "2026-11-22T07:00:00.000Z", "2026-11-22T09:45:00.000Z", "10.0.0.3"};
  for (const Session& s : {s1, s2, s3}) ASSERT_TRUE(store_->add_session(s).has_value());
  EXPECT_EQ(store_->add_session(s1).error().code, ErrorCode::kConflict);
  Session stranger = s1;
  stranger.id_digest = "d9";
  stranger.username = "nobody";
  EXPECT_EQ(store_->add_session(stranger).error().code, ErrorCode::kNotFound);

  auto got = store_->find_session("d1");
  ASSERT_TRUE(got.has_value() && got->has_value());
  EXPECT_EQ((*got)->username, "alex");
  EXPECT_EQ((*got)->csrf_token, "csrf1");
  EXPECT_EQ((*got)->address, "10.0.0.1");
  ASSERT_TRUE(store_->touch_session("d1", "2026-11-22T09:50:00.000Z").has_value());
  EXPECT_EQ((*store_->find_session("d1"))->last_seen, "2026-11-22T09:50:00.000Z");
  EXPECT_EQ(store_->touch_session("dx", "2026-11-22T09:50:00.000Z").error().code,
            ErrorCode::kNotFound);
  EXPECT_FALSE(store_->find_session("dx")->has_value());

  // Idle since before 09:40 (s2), or created before 07:30 (s3).
  auto expired = store_->expire_sessions("2026-11-22T09:40:00.000Z", "2026-11-22T07:30:00.000Z");
  ASSERT_TRUE(expired.has_value()) << expired.error().message;
  EXPECT_EQ(*expired, 2u);
  EXPECT_TRUE(store_->find_session("d1")->has_value());
  EXPECT_FALSE(store_->find_session("d2")->has_value());
  EXPECT_FALSE(store_->find_session("d3")->has_value());
  EXPECT_EQ(store_->expire_sessions("", "").value_or(9), 0u);

  ASSERT_TRUE(store_->add_session(s2).has_value());
  ASSERT_TRUE(store_->delete_session("d2").has_value());
  EXPECT_EQ(store_->delete_session("d2").error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(store_->add_session(s2).has_value());
  ASSERT_TRUE(store_->delete_sessions_of("alex").has_value());
  EXPECT_FALSE(store_->find_session("d1")->has_value());
  EXPECT_FALSE(store_->find_session("d2")->has_value());
  ASSERT_TRUE(store_->delete_sessions_of("blake").has_value());
  EXPECT_EQ(store_->delete_sessions_of("nobody").error().code, ErrorCode::kNotFound);
  // Only the digest of a session id is kept: what was given, nothing else.
  EXPECT_EQ(raw_query(url_, "SELECT count(*) FROM sessions"), std::vector<std::string>{"0"});
}

TEST_P(AccountStoreTest, AnEntryOnlyCommittedIsSeenAtOnceAndKeptAfterASync) {
  using Durability = AccountStore::Durability;
  ASSERT_TRUE(store_->append_access(std::vector{entry("alex", "C-1", "case.read")},
                                    Durability::kCommitted));
  ASSERT_TRUE(store_->append_access(std::vector{entry("alex", "C-2", "case.read")}));
  ASSERT_TRUE(store_->sync_access());
  ASSERT_TRUE(store_->append_access(std::vector{entry("blake", "C-1", "case.read")},
                                    Durability::kCommitted));
  auto all = store_->read_access({});
  ASSERT_TRUE(all) << all.error().message;
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].case_id, "C-1");
  EXPECT_EQ((*all)[2].username, "blake");
  // And on a second connection.
  EXPECT_EQ(raw_query(url_, "SELECT count(*) FROM access_log"), std::vector<std::string>{"3"});
}

TEST_P(AccountStoreTest, TheAccessLogIsReadBackInOrderAndFiltered) {
  std::vector<AccessEntry> batch = {
      entry("alex", "C-1", "case.read", "2026-11-21T10:00:00.000Z"),
      entry("alex", "C-2", "visit.record", "2026-11-22T11:00:00.000Z"),
      entry("blake", "C-1", "case.read", "2026-11-23T12:00:00.000Z"),
  };
  batch[2].allowed = false;
  batch[2].detail = "not allocated";
  ASSERT_TRUE(store_->append_access(batch).has_value());
  AccessEntry signin = entry("", "", "signin", "");
  signin.allowed = false;
  ASSERT_TRUE(store_->append_access(std::span(&signin, 1)).has_value());

  auto all = store_->read_access({});
  ASSERT_TRUE(all.has_value()) << all.error().message;
  ASSERT_EQ(all->size(), 4u);
  for (std::size_t i = 1; i < all->size(); ++i)
    EXPECT_GT((*all)[i].sequence, (*all)[i - 1].sequence);
  EXPECT_EQ((*all)[1].action, "visit.record");
  EXPECT_EQ((*all)[2].detail, "not allocated");
  EXPECT_FALSE((*all)[2].allowed);
  EXPECT_TRUE((*all)[0].allowed);
  EXPECT_EQ((*all)[0].address, "10.0.0.1");
  EXPECT_EQ((*all)[0].role, "social_worker");
  // The database's clock when none is given.
  EXPECT_TRUE(check_timestamp((*all)[3].at, "at").has_value()) << (*all)[3].at;

  const auto actions = [&](const AccessQuery& q) {
    auto got = store_->read_access(q);
    EXPECT_TRUE(got.has_value()) << got.error().message;
    std::vector<std::string> out;
    for (const AccessEntry& e : got.value_or(std::vector<AccessEntry>{}))
      out.push_back(e.username + ":" + e.case_id + ":" + e.action);
    return out;
  };
  EXPECT_THAT(actions(query("C-1", "")), ElementsAre("alex:C-1:case.read", "blake:C-1:case.read"));
  EXPECT_THAT(actions(query("", "alex")),
              ElementsAre("alex:C-1:case.read", "alex:C-2:visit.record"));
  EXPECT_THAT(actions(query("C-1", "alex")), ElementsAre("alex:C-1:case.read"));
  EXPECT_THAT(actions(query("C-1", "", "2026-11-22")), ElementsAre("blake:C-1:case.read"));
  EXPECT_THAT(actions(query("", "alex", "2026-11-22T11:00:00.000Z")),
              ElementsAre("alex:C-2:visit.record"));
  EXPECT_THAT(actions(query("", "", "", 2)),
              ElementsAre("alex:C-1:case.read", "alex:C-2:visit.record"));

  EXPECT_EQ(store_->read_access(query("", "", "last week")).error().code, ErrorCode::kBadInput);
  EXPECT_EQ(store_->append_access(std::vector{entry("alex", "C-1", "")}).error().code,
            ErrorCode::kBadInput);
  // A bad entry anywhere in a batch: none of it is written.
  std::vector<AccessEntry> mixed = {entry("alex", "C-3", "case.read"),
                                    entry("alex", "C-3", "case.read", "yesterday")};
  EXPECT_EQ(store_->append_access(mixed).error().code, ErrorCode::kBadInput);
  EXPECT_EQ(store_->read_access({}).value_or(std::vector<AccessEntry>{}).size(), 4u);
}

TEST_P(AccountStoreTest, TheDatabaseItselfRefusesChangesToTheAccessLog) {
  ASSERT_TRUE(store_->append_access(std::vector{entry("alex", "C-1", "case.read")}).has_value());
  auto update = raw_exec(url_, "UPDATE access_log SET allowed = " +
                                   std::string(GetParam() == "sqlite" ? "0" : "false"));
  ASSERT_TRUE(update.has_value()) << "UPDATE of the access log was accepted";
  EXPECT_THAT(*update, HasSubstr("the access log is append-only: an entry cannot be changed"));
  auto remove = raw_exec(url_, "DELETE FROM access_log");
  ASSERT_TRUE(remove.has_value()) << "DELETE from the access log was accepted";
  EXPECT_THAT(*remove, HasSubstr("the access log is append-only: an entry cannot be deleted"));
  if (GetParam() == "postgresql") {
    auto truncate = raw_exec(url_, "TRUNCATE access_log");
    ASSERT_TRUE(truncate.has_value()) << "TRUNCATE of the access log was accepted";
    EXPECT_THAT(*truncate, HasSubstr("append-only"));
    EXPECT_THAT(raw_exec(url_, "UPDATE access_position SET seq = 0").value_or(""),
                HasSubstr("only moves forward"));
  }
  auto after = store_->read_access({});
  ASSERT_TRUE(after.has_value());
  ASSERT_EQ(after->size(), 1u);
  EXPECT_TRUE((*after)[0].allowed);
  EXPECT_EQ((*after)[0].detail, "version 3");
}

// Several stores (as several server processes) appending at once: every
// entry is kept once, with distinct sequences in commit order.
TEST_P(AccountStoreTest, ConcurrentAppendsGetDistinctIncreasingSequences) {
  constexpr int kThreads = 4, kEach = 25;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto own = open_account_store(url_);
      ASSERT_TRUE(own.has_value()) << own.error().message;
      for (int i = 0; i < kEach; ++i) {
        auto e = entry("user" + std::to_string(t), "C-1", "case.read", "");
        e.detail = std::to_string(i);
        auto appended = (*own)->append_access(std::span(&e, 1));
        ASSERT_TRUE(appended.has_value()) << appended.error().message;
      }
    });
  }
  for (auto& t : threads) t.join();
  auto all = store_->read_access({});
  ASSERT_TRUE(all.has_value());
  ASSERT_EQ(all->size(), static_cast<std::size_t>(kThreads * kEach));
  std::set<std::int64_t> sequences;
  std::map<std::string, int> next;
  for (const AccessEntry& e : *all) {
    sequences.insert(e.sequence);
    // Each writer's entries come back in the order it wrote them.
    EXPECT_EQ(e.detail, std::to_string(next[e.username]++));
  }
  EXPECT_EQ(sequences.size(), all->size());
  EXPECT_EQ(*sequences.begin(), 1);
  EXPECT_EQ(*sequences.rbegin(), kThreads * kEach);
}

TEST_P(AccountStoreTest, HoldsNonDemoDataSaysWhetherDemoMayWriteHere) {
  auto holds = [](AccountStore& s) {
    auto h = s.holds_non_demo_data();
    EXPECT_TRUE(h.has_value()) << h.error().message;
    return h.value_or(false);
  };
  EXPECT_FALSE(holds(*store_));
  ASSERT_TRUE(store_->add_team(Team{"north", "North", true}).has_value());
  Account demo = account("alex", "social_worker", "north");
  demo.demo = true;
  ASSERT_TRUE(store_->add_account(demo).has_value());
  make_case(url_, "C-1", R"({"case_id":"C-1","demo":true,"child":{"id":"P-1"}})");
  EXPECT_FALSE(holds(*store_));
  ASSERT_TRUE(store_->add_account(account("real.person")).has_value());
  EXPECT_TRUE(holds(*store_));

  // Each on its own database: a team, a case without the mark, a case whose
  // mark is not true.
  const auto with = [&](const std::function<void(AccountStore&, const std::string&)>& make) {
    const std::string url = fresh_url();
    auto other = open_account_store(url, OpenOptions{.create = true});
    EXPECT_TRUE(other.has_value()) << other.error().message;
    if (!other) return false;
    make(**other, url);
    return holds(**other);
  };
  EXPECT_TRUE(with([](AccountStore& s, const std::string&) {
    ASSERT_TRUE(s.add_team(Team{"south", "South", false}).has_value());
  }));
  EXPECT_TRUE(with([&](AccountStore&, const std::string& url) { make_case(url, "C-2"); }));
  EXPECT_TRUE(with([&](AccountStore&, const std::string& url) {
    make_case(url, "C-3", R"({"case_id":"C-3","demo":"true"})");
  }));
  EXPECT_FALSE(with([&](AccountStore&, const std::string& url) {
    make_case(url, "C-4", R"({"case_id":"C-4","demo":true})");
  }));
}

TEST_P(AccountStoreTest, AReadOnlyStoreReadsAndRefusesWrites) {
  make_case(url_, "C-1");
  ASSERT_TRUE(store_->add_team(Team{"north", "North", false}).has_value());
  ASSERT_TRUE(store_->add_account(account("alex", "social_worker", "north")).has_value());
  ASSERT_TRUE(store_->add_grant(Grant{"alex", "C-1", "admin", "", "duty"}).has_value());
  ASSERT_TRUE(store_->add_session(Session{"d1", "alex", "c", "2026-11-22T08:00:00.000Z",
                                          "2026-11-22T08:00:00.000Z", "10.0.0.1"}));
  ASSERT_TRUE(store_->append_access(std::vector{entry("alex", "C-1", "case.read")}));

  auto opened = open_account_store(url_, OpenOptions{.read_only = true});
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  AccountStore& ro = **opened;
  EXPECT_EQ(ro.list_accounts().value_or(std::vector<Account>{}).size(), 1u);
  EXPECT_EQ(ro.list_teams().value_or(std::vector<Team>{}).size(), 1u);
  EXPECT_EQ(ro.list_grants().value_or(std::vector<Grant>{}).size(), 1u);
  EXPECT_TRUE(ro.find_session("d1").value_or(std::nullopt).has_value());
  EXPECT_EQ(ro.read_access({}).value_or(std::vector<AccessEntry>{}).size(), 1u);
  EXPECT_TRUE(ro.holds_non_demo_data().value_or(false));

  const auto e = entry("alex", "C-1", "case.read");
  const Result<void> writes[] = {
      ro.add_team(Team{"south", "South", false}),
      ro.add_account(account("blake")),
      ro.set_password("alex", kHash),
      ro.set_disabled("alex", true),
      ro.record_failed_signin("alex", ""),
      ro.record_signin("alex"),
      ro.add_grant(Grant{"alex", "C-1", "admin", "", "again"}),
      ro.revoke_grant("alex", "C-1", "admin"),
      ro.add_session(
          Session{"d2", "alex", "c", "2026-11-22T08:00:00.000Z", "2026-11-22T08:00:00.000Z", ""}),
      ro.touch_session("d1", "2026-11-22T09:00:00.000Z"),
      ro.delete_session("d1"),
      ro.delete_sessions_of("alex"),
      ro.append_access(std::span(&e, 1)),
  };
  auto expired = ro.expire_sessions("9999", "9999");
  ASSERT_FALSE(expired.has_value());
  EXPECT_EQ(expired.error().code, ErrorCode::kUnavailable);
  for (const auto& w : writes) {
    ASSERT_FALSE(w.has_value());
    EXPECT_EQ(w.error().code, ErrorCode::kUnavailable);
    EXPECT_THAT(w.error().message, HasSubstr("opened for reading only; nothing was written"));
  }
  EXPECT_EQ(usernames(), std::vector<std::string>{"alex"});
  EXPECT_FALSE(found("alex").disabled);
  EXPECT_EQ(store_->list_grants().value_or(std::vector<Grant>{}).size(), 1u);
  EXPECT_TRUE(store_->find_session("d1").value_or(std::nullopt).has_value());
  EXPECT_EQ(store_->read_access({}).value_or(std::vector<AccessEntry>{}).size(), 1u);
}

TEST_P(AccountStoreTest, ADatabaseBeforeTheAccountTablesIsRefusedUntilMigrated) {
  const std::string url = fresh_url();
  ASSERT_TRUE(open_store(url, OpenOptions{.create = true, .migrate_to = 3}).has_value());
  for (const OpenOptions& options :
       {OpenOptions{.migrate = false}, OpenOptions{.read_only = true}}) {
    auto old = open_account_store(url, options);
    ASSERT_FALSE(old.has_value());
    EXPECT_EQ(old.error().code, ErrorCode::kUnavailable);
    EXPECT_THAT(old.error().message, HasSubstr("is at schema version 3"));
    EXPECT_THAT(old.error().message, HasSubstr("upgrade it with cinplan migrate --db"));
  }
  auto migrated = open_account_store(url);
  ASSERT_TRUE(migrated.has_value()) << migrated.error().message;
  EXPECT_TRUE((*migrated)->list_accounts().has_value());
  EXPECT_FALSE((*migrated)->holds_non_demo_data().value_or(true));
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountStoreTest, ::testing::ValuesIn(testing::test_backends()),
                         [](const auto& param) { return param.param; });

TEST(AccountStoreUrlTest, AnUnknownSchemeIsBadInput) {
  auto opened = open_account_store("mysql://somewhere/db");
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().code, ErrorCode::kBadInput);
  EXPECT_THAT(opened.error().message, HasSubstr("use sqlite:PATH"));
}

}  // namespace
}  // namespace cinplan::store
