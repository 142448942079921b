// Drafts of the pages' forms on SQLite (accounts.h).
#include "store/sqlite_accounts.h"

namespace cinplan::store::sqlite {

Result<void> SqliteAccountStore::save_draft(const Draft& d) {
  if (auto valid = check_draft(d); !valid) return valid;
  return write("keep a draft of " + d.form, [&]() -> Result<void> {
    auto account = exists("SELECT 1 FROM accounts WHERE username = ?1", d.username);
    if (!account) return std::unexpected(account.error());
    if (!*account) return std::unexpected(Error::not_found("there is no account " + d.username));
    auto s = db_.prepare(
        "INSERT INTO drafts (username, form, fields, reason, saved) "
        "VALUES (?1, ?2, ?3, ?4, coalesce(nullif(?5, ''), " +
            std::string(kNowUtc) +
            ")) ON CONFLICT (username, form) DO UPDATE SET fields = excluded.fields, "
            "reason = excluded.reason, saved = excluded.saved",
        Access::kWrite);
    if (!s) return std::unexpected(s.error());
    s->bind(1, d.username);
    s->bind(2, d.form);
    s->bind(3, d.fields);
    s->bind(4, d.reason);
    s->bind(5, d.saved);
    return db_.run(*s, Access::kWrite);
  });
}

Result<std::optional<Draft>> SqliteAccountStore::find_draft(std::string_view username,
                                                            std::string_view form) {
  if (!check_username(username) || !check_draft_form(form)) return std::nullopt;
  std::lock_guard lock(mutex_);
  auto s = db_.prepare("SELECT fields, reason, saved FROM drafts WHERE username = ?1 AND form = ?2",
                       Access::kRead);
  if (!s) return std::unexpected(s.error());
  s->bind(1, username);
  s->bind(2, form);
  const int rc = s->step();
  if (rc == SQLITE_DONE) return std::nullopt;
  if (rc != SQLITE_ROW) return std::unexpected(db_.error(rc, Access::kRead));
  return Draft{std::string(username), std::string(form), std::string(s->text(0)),
               std::string(s->text(1)), std::string(s->text(2))};
}

Result<void> SqliteAccountStore::delete_draft(std::string_view username, std::string_view form) {
  if (!check_username(username) || !check_draft_form(form)) return {};
  return write("let a draft go", [&]() -> Result<void> {
    auto changed = change("DELETE FROM drafts WHERE username = ?1 AND form = ?2", username, form);
    if (!changed) return std::unexpected(changed.error());
    return {};
  });
}

}  // namespace cinplan::store::sqlite
