#include "core/access/permissions.h"

#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include "core/casefile/event_types.h"

namespace cinplan::access {
namespace {

constexpr std::array<std::pair<Scope, std::string_view>, 6> kScopes = {{
    {Scope::kNone, "none"},
    {Scope::kOwn, "own"},
    {Scope::kTeam, "team"},
    {Scope::kAuthority, "authority"},
    {Scope::kConsentedAgency, "consented-agency"},
    {Scope::kGranted, "granted"},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kRoleWords = {{
    {"social_worker", "social worker"},
    {"advanced_social_worker", "advanced social worker"},
    {"first_line_manager", "first-line manager"},
    {"service_manager", "service manager"},
    {"group_manager", "group manager"},
    {"head_of_service", "head of service"},
    {"independent_reviewing_officer", "independent reviewing officer"},
    {"partner_professional", "partner professional"},
    {"administrator", "administrator"},
}};

constexpr std::size_t kMaxFileBytes = std::size_t{1} << 20;

bool is_role(std::string_view id) {
  const auto roles = role_values();
  return std::find(roles.begin(), roles.end(), id) != roles.end();
}

std::string join(auto&& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + std::string(v);
  return out;
}

// Lower-case words of letters and digits joined by "." or "_".
bool valid_action_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  char previous = '.';
  for (char c : id) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!word && c != '.' && c != '_') return false;
    if (!word && (previous == '.' || previous == '_')) return false;
    previous = c;
  }
  return previous != '.' && previous != '_';
}

class Checker {
 public:
  explicit Checker(std::string_view file) : file_(file) {}

  std::unexpected<Error> error(const toml::node* at, const std::string& what) const {
    std::string where(file_);
    if (at != nullptr && at->source().begin.line > 0) {
      where += ":" + std::to_string(at->source().begin.line);
    }
    return std::unexpected(Error::bad_input(where + ": " + what));
  }

  Result<bool> flag(const toml::table& t, std::string_view key, const std::string& ctx,
                    std::string_view meaning) const {
    const toml::node* n = t.get(key);
    if (n == nullptr) {
      return error(&t, ctx + "missing \"" + std::string(key) +
                           "\" (true or false: " + std::string(meaning) + ")");
    }
    const auto* b = n->as_boolean();
    if (b == nullptr) return error(n, ctx + "\"" + std::string(key) + "\" must be true or false");
    return b->get();
  }

  Result<Action> action(std::string_view id, const toml::node& node) const {
    const std::string ctx = "action \"" + std::string(id) + "\": ";
    if (!valid_action_id(id)) {
      return error(&node, ctx + "an action id is lower-case words joined by \".\" or \"_\"");
    }
    const auto* t = node.as_table();
    if (t == nullptr)
      return error(&node, ctx +
                              "must be a table of summary, on_case, writes "
                              "and a scope per role");
    for (auto&& [k, v] : *t) {
      const std::string key(k.str());
      if (key != "summary" && key != "on_case" && key != "writes" && !is_role(key)) {
        return error(&v, ctx + "unknown key \"" + key +
                             "\" (summary, on_case, writes, or a role: " + join(role_values()) +
                             ")");
      }
    }
    Action a;
    a.id = std::string(id);
    const toml::node* summary = t->get("summary");
    if (summary == nullptr) {
      return error(t, ctx + "missing \"summary\" (what the action does, in plain words)");
    }
    if (summary->as_string() == nullptr || summary->as_string()->get().empty()) {
      return error(summary, ctx + "\"summary\" must be non-empty text");
    }
    a.summary = summary->as_string()->get();
    auto on_case = flag(*t, "on_case", ctx, "whether it concerns one child's record");
    if (!on_case) return std::unexpected(on_case.error());
    a.on_case = *on_case;
    auto writes = flag(*t, "writes", ctx, "whether it changes something");
    if (!writes) return std::unexpected(writes.error());
    a.writes = *writes;
    for (auto&& [k, v] : *t) {
      const std::string key(k.str());
      if (key == "summary" || key == "on_case" || key == "writes") continue;
      const auto* text = v.as_string();
      const auto scope = text == nullptr ? std::nullopt : parse_scope(text->get());
      if (!scope) {
        std::vector<std::string_view> words;
        for (const auto& [s, word] : kScopes) words.push_back(word);
        return error(&v, ctx + "role " + key + ": unknown scope" +
                             (text == nullptr ? "" : " \"" + text->get() + "\"") + " (one of " +
                             join(words) + ")");
      }
      if (!a.on_case && (*scope == Scope::kConsentedAgency || *scope == Scope::kGranted)) {
        return error(&v, ctx + "role " + key + ": \"" + std::string(to_string(*scope)) +
                             "\" needs a case, and this action concerns none (on_case = false)");
      }
      if (*scope != Scope::kNone) a.scopes.emplace(key, *scope);
    }
    return a;
  }

 private:
  std::string_view file_;
};

}  // namespace

std::string_view to_string(Scope scope) {
  for (const auto& [s, word] : kScopes) {
    if (s == scope) return word;
  }
  return "none";
}

std::optional<Scope> parse_scope(std::string_view text) {
  for (const auto& [s, word] : kScopes) {
    if (word == text) return s;
  }
  return std::nullopt;
}

std::string_view role_words(std::string_view role) {
  for (const auto& [id, words] : kRoleWords) {
    if (id == role) return words;
  }
  return {};
}

Result<PermissionTable> PermissionTable::parse(std::string_view toml_text,
                                               std::string_view source_name) {
  const Checker check(source_name);
  toml::table root;
  try {
    root = toml::parse(toml_text, source_name);
  } catch (const toml::parse_error& e) {
    const std::string what(e.description());
    const bool twice = what.find("redefine") != std::string::npos;
    return std::unexpected(Error::bad_input(std::string(source_name) + ":" +
                                            std::to_string(e.source().begin.line) + ": " + what +
                                            (twice ? " (is an action given twice?)" : "")));
  }
  for (auto&& [k, v] : root) {
    if (k.str() != "actions") {
      return check.error(&v, "unknown key \"" + std::string(k.str()) +
                                 "\" (the file holds only [actions.\"<id>\"] tables)");
    }
  }
  const toml::node* actions = root.get("actions");
  const toml::table* list = actions == nullptr ? nullptr : actions->as_table();
  if (list == nullptr || list->empty()) {
    return check.error(actions,
                       "no [actions.\"<id>\"] tables: a table without actions would "
                       "refuse everything");
  }
  PermissionTable table;
  for (auto&& [k, v] : *list) {
    auto action = check.action(k.str(), v);
    if (!action) return std::unexpected(action.error());
    table.index_.emplace(action->id, table.actions_.size());
    table.actions_.push_back(std::move(*action));
  }
  return table;
}

Result<PermissionTable> PermissionTable::load(const std::string& path) {
  std::error_code ec;
  if (path.empty()) return std::unexpected(Error::bad_input("no permissions file named"));
  if (!std::filesystem::exists(path, ec)) {
    return std::unexpected(
        Error::not_found("cannot read the permissions file " + path + ": no such file"));
  }
  if (!std::filesystem::is_regular_file(path, ec)) {
    return std::unexpected(
        Error::bad_input("cannot read the permissions file " + path + ": not a regular file"));
  }
  if (const auto size = std::filesystem::file_size(path, ec); !ec && size > kMaxFileBytes) {
    return std::unexpected(
        Error::bad_input("the permissions file " + path + " is " + std::to_string(size) +
                         " bytes; at most 1 MiB is read (is it the right file?)"));
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in || in.bad()) {
    return std::unexpected(Error::unavailable("cannot read the permissions file " + path));
  }
  return parse(text.str(), path);
}

const Action* PermissionTable::find(std::string_view action) const {
  const auto it = index_.find(action);
  return it == index_.end() ? nullptr : &actions_[it->second];
}

Scope PermissionTable::scope(std::string_view action, std::string_view role) const {
  const Action* a = find(action);
  if (a == nullptr) return Scope::kNone;
  const auto it = a->scopes.find(role);
  return it == a->scopes.end() ? Scope::kNone : it->second;
}

}  // namespace cinplan::access
