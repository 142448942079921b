// Drafts of the pages' forms (service.h): what was typed and not yet
// recorded, kept per person and form.
#include "app/security.h"
#include "app/service.h"

namespace cinplan::app {

Result<void> Service::keep_draft(const access::Caller& caller, std::string_view form,
                                 const nlohmann::ordered_json& fields, std::string_view reason) {
  return accounts_.save_draft(
      store::Draft{caller.username, std::string(form), fields.dump(), std::string(reason), {}});
}

Result<std::optional<store::Draft>> Service::draft(const access::Caller& caller,
                                                   std::string_view form) {
  return accounts_.find_draft(caller.username, form);
}

Result<void> Service::discard_draft(const access::Caller& caller, std::string_view form) {
  return accounts_.delete_draft(caller.username, form);
}

void Service::keep_notices(std::string_view session_token, std::vector<std::string> notices) {
  std::lock_guard lock(notices_mutex_);
  if (notices_.size() > 10'000) notices_.clear();
  notices_[token_digest(session_token)] = std::move(notices);
}

std::vector<std::string> Service::take_notices(std::string_view session_token) {
  std::lock_guard lock(notices_mutex_);
  auto it = notices_.find(token_digest(session_token));
  if (it == notices_.end()) return {};
  std::vector<std::string> out = std::move(it->second);
  notices_.erase(it);
  return out;
}

Result<std::string> Service::keep_draft_of_ended_session(std::string_view token,
                                                         std::string_view csrf_token,
                                                         std::string_view form,
                                                         const nlohmann::ordered_json& fields) {
  if (token.empty() || csrf_token.empty()) return std::string();
  const std::string digest = token_digest(token);
  auto found = accounts_.find_session(digest);
  if (!found) return std::unexpected(found.error());
  if (!*found || !tokens_equal(csrf_token, (*found)->csrf_token)) return std::string();
  auto account = accounts_.find_account((*found)->username);
  if (!account) return std::unexpected(account.error());
  if (!*account || (*account)->disabled) return std::string();
  if (auto kept = accounts_.save_draft(
          store::Draft{(*found)->username, std::string(form), fields.dump(), "session ended", {}});
      !kept)
    return std::unexpected(kept.error());
  (void)accounts_.delete_session(digest);
  return (*found)->username;
}

}  // namespace cinplan::app
