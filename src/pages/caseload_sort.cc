#include "pages/caseload_sort.h"

#include <algorithm>
#include <array>

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

struct Column {
  const char* key;
  const char* label;
  bool ascending_first;  // the order a first click asks for
  bool team_only;
};

constexpr std::array kColumns{
    Column{"child", "Child", true, false}, Column{"worker", "Worker", true, true},
    Column{"overdue", "Overdue", false, false}, Column{"due", "Due this week", true, false},
    Column{"next", "Next", true, false}};

std::string text(const json& row, const char* key) {
  auto it = row.find(key);
  return it != row.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// -1, 0 or 1: how `a` and `b` compare on `column`, ascending.
int compare(const json& a, const json& b, std::string_view column) {
  if (column == "overdue") {
    const auto x = a.value("overdue_sort", 0), y = b.value("overdue_sort", 0);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const char* key = column == "child"    ? "child_sort"
                    : column == "worker" ? "worker_sort"
                    : column == "due"    ? "due_soon_sort"
                                         : "next_sort";
  const std::string x = text(a, key), y = text(b, key);
  return x < y ? -1 : x > y ? 1 : 0;
}

}  // namespace

CaseloadOrder caseload_order(std::string_view sort, std::string_view order, bool team) {
  for (const Column& c : kColumns) {
    if (sort != c.key || (c.team_only && !team)) continue;
    const bool ascending = order == "ascending"    ? true
                           : order == "descending" ? false
                                                   : c.ascending_first;
    return {c.key, ascending};
  }
  return {"overdue", false};
}

void sort_caseload(json& rows, const CaseloadOrder& order) {
  // A row with nothing in a column of dates goes last, whichever the order.
  const char* dated = order.column == "due"    ? "due_soon_sort"
                      : order.column == "next" ? "next_sort"
                                               : nullptr;
  auto none = [&](const json& row) { return dated && text(row, dated) == kNoDate; };
  std::stable_sort(rows.begin(), rows.end(), [&](const json& a, const json& b) {
    if (none(a) != none(b)) return none(b);
    const int c = compare(a, b, order.column);
    return order.ascending ? c < 0 : c > 0;
  });
}

json caseload_columns(const CaseloadOrder& order, bool team, std::string_view action,
                      std::string_view show, std::string_view worker) {
  json out = json::array();
  for (const Column& c : kColumns) {
    if (c.team_only && !team) continue;
    const bool current = order.column == c.key;
    const bool ascending = current ? !order.ascending : c.ascending_first;
    std::string href = std::string(action) + "?";
    if (!show.empty()) href += "show=" + query_value(show) + "&";
    if (!worker.empty()) href += "worker=" + query_value(worker) + "&";
    href += std::string("sort=") + c.key + "&order=" + (ascending ? "ascending" : "descending");
    out.push_back({{"key", c.key},
                   {"label", c.label},
                   {"aria_sort", current ? (order.ascending ? "ascending" : "descending") : "none"},
                   {"href", href}});
  }
  return out;
}

std::string name_sort_key(std::string_view name) {
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
  const std::size_t last = name.rfind(' ');
  std::string key = last == std::string_view::npos ? std::string(name)
                                                   : std::string(name.substr(last + 1)) + ", " +
                                                         std::string(name.substr(0, last));
  for (char& ch : key)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return key;
}

std::string query_value(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : text) {
    const auto u = static_cast<unsigned char>(ch);
    if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-' ||
        u == '_' || u == '.' || u == '~') {
      out += ch;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

}  // namespace cinplan::pages
