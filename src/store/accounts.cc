// Choosing the account store's backend from the URL, and the checks every
// backend makes before the database is asked (accounts.h).
#include "store/accounts.h"

#include <algorithm>

#include "core/casefile/case_id.h"
#include "core/casefile/event_types.h"
#include "core/utf8.h"

namespace cinplan::store {
namespace {

constexpr std::size_t kMaxIdLength = 64;
constexpr std::size_t kMaxNameLength = 200;
constexpr std::size_t kMaxReasonLength = 1000;

std::unexpected<Error> bad(std::string message) {
  return std::unexpected(Error::bad_input(std::move(message)));
}

bool is_lower_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// An id of lower-case letters, digits and the characters in `extra`,
// starting with a letter or digit.
Result<void> check_id(std::string_view value, std::string_view what, std::string_view extra) {
  if (value.empty()) return bad(std::string(what) + " is empty");
  const std::string quoted = "\"" + std::string(value) + "\"";
  if (value.size() > kMaxIdLength)
    return bad(std::string(what) + " is longer than " + std::to_string(kMaxIdLength) +
               " characters");
  if (!is_lower_alnum(value.front()))
    return bad(std::string(what) + " " + quoted +
               " does not start with a lower-case letter or a digit");
  for (const char c : value) {
    if (!is_lower_alnum(c) && extra.find(c) == std::string_view::npos) {
      std::string others;
      for (const char e : extra) others += (others.empty() ? "" : " ") + std::string(1, e);
      return bad(std::string(what) + " " + quoted +
                 " may hold only lower-case letters, digits and " + others);
    }
  }
  return {};
}

Result<void> check_text(std::string_view value, std::string_view what, std::size_t most,
                        bool required = true) {
  if (value.empty()) {
    if (required) return bad(std::string(what) + " is empty");
    return {};
  }
  if (!valid_utf8(value)) return bad(std::string(what) + " is not valid UTF-8 text");
  if (code_points(value) > most)
    return bad(std::string(what) + " is longer than " + std::to_string(most) + " characters");
  if (has_control_character(value))
    return bad(std::string(what) + " holds a control character (such as a tab or a line break)");
  return {};
}

bool digits(std::string_view text, std::size_t from, std::size_t count) {
  if (from + count > text.size()) return false;
  for (std::size_t i = from; i < from + count; ++i)
    if (text[i] < '0' || text[i] > '9') return false;
  return true;
}

// YYYY-MM-DD by its shape (the digits in their places).
bool looks_like_date(std::string_view text) {
  return text.size() >= 10 && digits(text, 0, 4) && text[4] == '-' && digits(text, 5, 2) &&
         text[7] == '-' && digits(text, 8, 2);
}

}  // namespace

Result<std::unique_ptr<AccountStore>> open_account_store(std::string_view url,
                                                         const OpenOptions& options) {
  if (url.starts_with("sqlite:")) return open_sqlite_account_store(url, options);
  if (url.starts_with("postgresql://") || url.starts_with("postgres://"))
    return open_postgres_account_store(url, options);
  return std::unexpected(
      Error::bad_input("database URL \"" + redact_url(url) +
                       "\" is not understood: use sqlite:PATH (for example sqlite:cases.db) or "
                       "postgresql://USER@HOST:PORT/NAME"));
}

bool is_role(std::string_view role) {
  const auto roles = role_values();
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

Result<void> check_timestamp(std::string_view value, std::string_view field) {
  // 2026-11-22T10:15:30Z or 2026-11-22T10:15:30.123Z
  const bool shape = looks_like_date(value) && value.size() >= 20 && value[10] == 'T' &&
                     digits(value, 11, 2) && value[13] == ':' && digits(value, 14, 2) &&
                     value[16] == ':' && digits(value, 17, 2) && value.back() == 'Z' &&
                     (value.size() == 20 || (value[19] == '.' && value.size() > 21 &&
                                             digits(value, 20, value.size() - 21)));
  if (!shape)
    return bad(std::string(field) + " \"" + std::string(value) +
               "\" is not a UTC timestamp such as 2026-11-22T10:15:30.123Z");
  return {};
}

Result<void> check_username(std::string_view username) {
  return check_id(username, "the username", "._-@");
}

Result<void> check_team_id(std::string_view id) {
  return check_id(id, "the team id", "._-");
}

Result<void> check_team(const Team& team) {
  if (auto id = check_team_id(team.id); !id) return id;
  return check_text(team.name, "the team name", kMaxNameLength);
}

Result<void> check_account(const Account& account) {
  if (auto u = check_username(account.username); !u) return u;
  const std::string who = "the account " + account.username + ": ";
  const auto within = [&](Result<void> r) -> Result<void> {
    if (!r) return bad(who + r.error().message);
    return {};
  };
  if (auto r = within(check_text(account.display_name, "the display name", kMaxNameLength)); !r)
    return r;
  if (!is_role(account.role)) {
    std::string roles;
    for (const auto role : role_values()) roles += (roles.empty() ? "" : ", ") + std::string(role);
    return bad(who + "\"" + account.role + "\" is not a role (the roles are " + roles + ")");
  }
  if (!account.team.empty())
    if (auto r = within(check_team_id(account.team)); !r) return r;
  if (auto r = within(check_text(account.agency, "the agency", kMaxNameLength, false)); !r)
    return r;
  const bool partner = account.role == "partner_professional";
  if (partner && account.agency.empty())
    return bad(who + "a partner professional needs an agency (health, school, police ...)");
  if (!partner && !account.agency.empty())
    return bad(who + "only a partner professional has an agency");
  if (!account.line_manager.empty()) {
    if (auto r = within(check_id(account.line_manager, "the line manager", "._-@")); !r) return r;
    if (account.line_manager == account.username)
      return bad(who + "cannot be their own line manager");
  }
  if (!account.password_hash.starts_with("$argon2id$"))
    return bad(who + "the password hash is not an argon2id hash");
  if (account.failed_signins < 0) return bad(who + "failed sign-ins cannot be negative");
  if (!account.locked_until.empty())
    if (auto r = within(check_timestamp(account.locked_until, "locked until")); !r) return r;
  if (!account.created.empty())
    if (auto r = within(check_timestamp(account.created, "created")); !r) return r;
  return {};
}

Result<void> check_grant(const Grant& grant) {
  if (auto u = check_username(grant.username); !u) return u;
  if (auto c = check_case_id(grant.case_id); !c) return c;
  const std::string what = "the grant of case " + grant.case_id + " to " + grant.username + ": ";
  if (grant.granted_by.empty()) return bad(what + "it does not say who grants it");
  if (auto r = check_text(grant.granted_by, "who grants it", kMaxNameLength); !r)
    return bad(what + r.error().message);
  if (auto r = check_text(grant.reason, "the reason", kMaxReasonLength); !r)
    return bad(what + r.error().message);
  if (!grant.granted_at.empty())
    if (auto r = check_timestamp(grant.granted_at, "granted at"); !r)
      return bad(what + r.error().message);
  return {};
}

Result<void> check_session(const Session& session) {
  if (session.id_digest.empty()) return bad("a session needs the digest of its id");
  if (auto u = check_username(session.username); !u) return u;
  if (session.csrf_token.empty()) return bad("a session needs a CSRF token");
  if (auto r = check_timestamp(session.created, "the session's created"); !r) return r;
  return check_timestamp(session.last_seen, "the session's last seen");
}

Result<void> check_access_entry(const AccessEntry& entry) {
  if (entry.action.empty()) return bad("an access log entry needs an action");
  for (const std::string* field : {&entry.at, &entry.username, &entry.role, &entry.case_id,
                                   &entry.action, &entry.address, &entry.detail}) {
    if (field->find('\0') != std::string::npos || !valid_utf8(*field))
      return bad("an access log entry (" + entry.action +
                 ") holds a NUL character or text that is not UTF-8");
  }
  if (!entry.at.empty())
    if (auto r = check_timestamp(entry.at, "the access log entry's time"); !r) return r;
  return {};
}

Result<void> check_access_query(const AccessQuery& query) {
  if (query.case_id.find('\0') != std::string::npos ||
      query.username.find('\0') != std::string::npos)
    return bad("a search of the access log holds a NUL character");
  if (query.since.empty() || query.since.size() == 10) {
    if (!query.since.empty() && !looks_like_date(query.since))
      return bad("since \"" + query.since + "\" is not a date (YYYY-MM-DD) or a UTC timestamp");
    return {};
  }
  return check_timestamp(query.since, "since");
}

Result<void> check_draft_form(std::string_view form) {
  if (form.empty() || form.front() != '/' || form.size() > 200)
    return bad("a draft's form \"" + std::string(form.substr(0, 200)) +
               "\" is not an address of this site of at most 200 characters");
  for (char c : form)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
      return bad("a draft's form address holds a control character");
  return {};
}

Result<void> check_draft(const Draft& draft) {
  if (auto u = check_username(draft.username); !u) return u;
  if (auto f = check_draft_form(draft.form); !f) return f;
  constexpr std::size_t kMaxDraftBytes = 2 * 1024 * 1024;
  if (draft.fields.size() > kMaxDraftBytes)
    return bad("a draft holds " + std::to_string(draft.fields.size()) +
               " bytes: at most 2097152 are kept");
  if (draft.fields.empty() || draft.fields.front() != '{' ||
      draft.fields.find('\0') != std::string::npos)
    return bad("a draft's fields are not a JSON object");
  if (draft.reason != "refused" && draft.reason != "session ended" && draft.reason != "conflict")
    return bad("a draft's reason \"" + draft.reason +
               "\" is not one of: refused, session ended, conflict");
  if (!draft.saved.empty())
    if (auto t = check_timestamp(draft.saved, "saved"); !t) return t;
  return {};
}

}  // namespace cinplan::store
