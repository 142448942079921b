// Drafts of the pages' forms on PostgreSQL (accounts.h).
#include "store/postgres_accounts.h"

namespace cinplan::store::postgres {

Result<void> PostgresAccountStore::save_draft(const Draft& d) {
  if (auto valid = check_draft(d); !valid) return valid;
  return write("keep a draft of " + d.form, [&](pqxx::work& tx) -> Result<void> {
    if (!exists(tx, "SELECT 1 FROM accounts WHERE username = $1", d.username))
      return std::unexpected(Error::not_found("there is no account " + d.username));
    tx.exec_params(
        "INSERT INTO drafts (username, form, fields, reason, saved) "
        "VALUES ($1, $2, $3, $4, coalesce(nullif($5, ''), " +
            std::string(kNowUtcSql) +
            ")) ON CONFLICT (username, form) DO UPDATE SET fields = excluded.fields, "
            "reason = excluded.reason, saved = excluded.saved",
        d.username, d.form, d.fields, d.reason, d.saved);
    return {};
  });
}

Result<std::optional<Draft>> PostgresAccountStore::find_draft(std::string_view username,
                                                              std::string_view form) {
  if (!check_username(username) || !check_draft_form(form)) return std::nullopt;
  return read("look up a draft", [&](pqxx::read_transaction& tx) -> Result<std::optional<Draft>> {
    const auto r =
        tx.exec_params("SELECT fields, reason, saved FROM drafts WHERE username = $1 AND form = $2",
                       std::string(username), std::string(form));
    if (r.empty()) return std::nullopt;
    return Draft{std::string(username), std::string(form), r[0][0].c_str(), r[0][1].c_str(),
                 r[0][2].c_str()};
  });
}

Result<void> PostgresAccountStore::delete_draft(std::string_view username, std::string_view form) {
  if (!check_username(username) || !check_draft_form(form)) return {};
  return write("let a draft go", [&](pqxx::work& tx) -> Result<void> {
    tx.exec_params("DELETE FROM drafts WHERE username = $1 AND form = $2", std::string(username),
                   std::string(form));
    return {};
  });
}

}  // namespace cinplan::store::postgres
