// Reading a profile's TOML tree with precise errors: every failed check
// names the file and line. Internal to the procedure loader.
#pragma once

#include <toml++/toml.h>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/procedure/profile.h"
#include "core/procedure/profile_loader.h"
#include "core/procedure/rule_matchers.h"

namespace cinplan::profile_toml {

// Walks the parsed TOML. Every check that fails returns an Error naming the
// file and line; the first error ends the load.
class Reader {
 public:
  explicit Reader(std::string_view file) : file_(file) {}

  Error error(const toml::node* at, const std::string& what) const {
    std::string where = file_;
    if (at != nullptr && at->source().begin.line > 0) {
      where += ":" + std::to_string(at->source().begin.line);
    }
    return Error::bad_input(where + ": " + what);
  }

  Result<void> only_keys(const toml::table& t, std::initializer_list<std::string_view> keys,
                         const std::string& context) const {
    for (auto&& [k, v] : t) {
      if (std::find(keys.begin(), keys.end(), k.str()) == keys.end()) {
        std::string allowed;
        for (auto key : keys) allowed += (allowed.empty() ? "" : ", ") + std::string(key);
        return std::unexpected(error(&v, context + "unknown key \"" + std::string(k.str()) +
                                             "\" (allowed: " + allowed + ")"));
      }
    }
    return {};
  }

  Result<std::string> string(const toml::table& t, std::string_view key, bool required,
                             const std::string& context) const {
    const toml::node* n = t.get(key);
    if (n == nullptr) {
      if (required)
        return std::unexpected(error(&t, context + "missing \"" + std::string(key) + "\""));
      return std::string();
    }
    const auto* s = n->as_string();
    if (s == nullptr || s->get().empty()) {
      return std::unexpected(
          error(n, context + "\"" + std::string(key) + "\" must be non-empty text"));
    }
    return s->get();
  }

  Result<std::vector<std::string>> strings(const toml::node* n, const std::string& what) const {
    std::vector<std::string> out;
    if (const auto* s = n->as_string()) {
      out.push_back(s->get());
      return out;
    }
    const auto* a = n->as_array();
    if (a == nullptr) return std::unexpected(error(n, what + " must be text or a list of text"));
    for (const toml::node& item : *a) {
      const auto* s = item.as_string();
      if (s == nullptr) return std::unexpected(error(&item, what + " must list text values"));
      out.push_back(s->get());
    }
    return out;
  }

  Result<std::vector<Citation>> cites(const toml::table& t, const std::string& context,
                                      bool required) const {
    std::vector<Citation> out;
    const toml::node* n = t.get("cite");
    if (n == nullptr) {
      if (!required) return out;
      return std::unexpected(
          error(&t, context + "missing \"cite\": every rule quotes the sentence it implements"));
    }
    const auto* a = n->as_array();
    if (a == nullptr || a->empty()) {
      return std::unexpected(
          error(n, context + "\"cite\" must be a non-empty list of { quote, section }"));
    }
    for (const toml::node& item : *a) {
      const auto* c = item.as_table();
      if (c == nullptr)
        return std::unexpected(error(&item, context + "each cite is { quote = \"...\" }"));
      if (auto ok = only_keys(*c, {"quote", "section", "items"}, context + "cite: "); !ok) {
        return std::unexpected(ok.error());
      }
      auto quote = string(*c, "quote", true, context + "cite: ");
      if (!quote) return std::unexpected(quote.error());
      auto section = string(*c, "section", false, context + "cite: ");
      if (!section) return std::unexpected(section.error());
      Citation citation{*quote, *section, {}};
      if (const toml::node* items = c->get("items")) {
        auto list = strings(items, context + "cite: items");
        if (!list) return std::unexpected(list.error());
        if (list->empty())
          return std::unexpected(error(items, context + "cite: items must not be empty"));
        citation.items = *list;
      }
      // A sentence that introduces a list is quoted with what it introduces.
      const bool introduces = quote->ends_with(":") || quote->ends_with(": ");
      if (introduces && citation.items.empty()) {
        return std::unexpected(
            error(&item, context + "cite: the quote ends in a colon; quote the item it introduces "
                                   "too, as items = [\"...\"]"));
      }
      if (!introduces && !citation.items.empty()) {
        return std::unexpected(error(
            &item,
            context + "cite: items follow a quote that ends in a colon (it introduces them)"));
      }
      out.push_back(std::move(citation));
    }
    return out;
  }

  Result<std::optional<Duration>> duration(const toml::table& t, std::string_view key,
                                           const std::string& context) const {
    const toml::node* n = t.get(key);
    if (n == nullptr) return std::optional<Duration>();
    const auto* s = n->as_string();
    if (s == nullptr) {
      return std::unexpected(error(
          n, context + "\"" + std::string(key) + "\" must be text such as \"15 working_days\""));
    }
    auto d = parse_duration(s->get());
    if (!d)
      return std::unexpected(
          error(n, context + "\"" + std::string(key) + "\": " + d.error().message));
    return std::optional<Duration>(*d);
  }

  Result<PathwaySet> pathways(const toml::node* n, PathwaySet known,
                              const std::string& what) const {
    auto list = strings(n, what);
    if (!list) return std::unexpected(list.error());
    PathwaySet set = 0;
    for (const std::string& name : *list) {
      auto p = parse_pathway(name);
      if (!p) {
        return std::unexpected(
            error(n, what + ": unknown pathway \"" + name +
                         "\" (standard, disability, direct_payments, supervision_order)"));
      }
      if (!(known & bit(*p))) {
        return std::unexpected(
            error(n, what + ": pathway \"" + name +
                         "\" is not declared under [[pathways]] in this profile"));
      }
      set = static_cast<PathwaySet>(set | bit(*p));
    }
    return set;
  }

  Result<std::vector<EventMatcher>> matchers(const toml::node* n, const std::string& what) const {
    std::vector<EventMatcher> out;
    auto one = [&](const toml::node& item) -> Result<void> {
      auto m = parse_matcher(item, what);
      if (!m) return std::unexpected(error(&item, m.error().message));
      out.push_back(*m);
      return {};
    };
    if (const auto* a = n->as_array()) {
      if (a->empty()) return std::unexpected(error(n, what + " must not be empty"));
      for (const toml::node& item : *a) {
        if (auto ok = one(item); !ok) return std::unexpected(ok.error());
      }
    } else if (auto ok = one(*n); !ok) {
      return std::unexpected(ok.error());
    }
    return out;
  }

  std::string file_;
};

}  // namespace cinplan::profile_toml
