#include "pages/form_input.h"

#include <algorithm>
#include <cctype>

#include "core/calendar/date.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::optional<int> whole_number(std::string_view s) {
  s = trim(s);
  if (s.empty() || s.size() > 4) return std::nullopt;
  int n = 0;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

// "the date of the visit" -> "The date of the visit".
std::string cap(std::string_view s) {
  std::string out(s);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

}  // namespace

std::string typed(const Form& form, std::string_view name) {
  auto it = form.find(std::string(name));
  return it == form.end() ? std::string() : it->second;
}

std::optional<std::string> read_date(const Form& form, std::string_view name,
                                     std::string_view label, bool required,
                                     std::vector<FieldProblem>& problems) {
  const std::string n(name);
  const std::string day = typed(form, n + "-day"), month = typed(form, n + "-month"),
                    year = typed(form, n + "-year");
  auto problem = [&](std::string_view part, std::string message) {
    problems.push_back({n + "-" + std::string(part), std::move(message), {}});
    return std::nullopt;
  };
  if (trim(day).empty() && trim(month).empty() && trim(year).empty()) {
    if (!required) return std::nullopt;
    return problem("day", "Enter " + std::string(label));
  }
  const auto d = whole_number(day), m = whole_number(month), y = whole_number(year);
  if (!d) return problem("day", cap(label) + " must include a day, as a number");
  if (!m) return problem("month", cap(label) + " must include a month, as a number");
  if (!y || *y < 1900) return problem("year", cap(label) + " must include a year of four figures");
  if (*m < 1 || *m > 12)
    return problem(
        "month", cap(label) + ": there is no month " + std::to_string(*m) + "; months go 1 to 12");
  auto date = Date::from_ymd(*y, *m, *d);
  if (!date) return problem("day", cap(label) + ": " + date.error().message);
  return date->to_string();
}

std::optional<bool> read_yes_no(const Form& form, std::string_view name, std::string_view label,
                                bool required, std::vector<FieldProblem>& problems) {
  const std::string v = typed(form, name);
  if (v == "yes") return true;
  if (v == "no") return false;
  if (!v.empty() || required)
    problems.push_back({std::string(name), "Say whether " + std::string(label), {}});
  return std::nullopt;
}

std::vector<std::string> read_checked(const Form& form, std::string_view name,
                                      std::span<const std::string_view> options) {
  std::vector<std::string> out;
  for (std::string_view o : options)
    if (!typed(form, std::string(name) + "-" + std::string(o)).empty()) out.emplace_back(o);
  return out;
}

std::string row_input(std::string_view kind, int i, std::string_view part) {
  return std::string(kind) + "-" + std::to_string(i) + "-" + std::string(part);
}

std::vector<std::string> read_lines(const Form& form, std::string_view name) {
  std::vector<std::string> out;
  const std::string text = typed(form, name);
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line = trim(std::string_view(text).substr(start, end - start));
    if (!line.empty()) out.emplace_back(line);
    start = end + 1;
  }
  return out;
}

std::optional<std::string> read_text(const Form& form, std::string_view name) {
  std::string v = typed(form, name);
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.pop_back();
  if (trim(v).empty()) return std::nullopt;
  return v;
}

json typed_fields(const Form& form) {
  json out = json::object();
  for (const auto& [k, v] : form)
    if (k != "csrf_token") out[k] = v;
  return out;
}

Form form_of(const json& fields) {
  Form out;
  if (!fields.is_object()) return out;
  for (const auto& [k, v] : fields.items())
    if (v.is_string()) out[k] = v.get<std::string>();
  return out;
}

namespace {

// The message without the record's own reference to the event it is about
// ("event 93 (supervision_order, 2026-12-03): "), which means nothing on a
// form that has not been recorded yet.
std::string without_event_reference(const std::string& message) {
  if (!message.starts_with("event ")) return message;
  std::size_t at = 6;
  while (at < message.size() && message[at] >= '0' && message[at] <= '9') ++at;
  if (at == 6) return message;
  if (at < message.size() && message[at] == ' ' && at + 1 < message.size() &&
      message[at + 1] == '(') {
    const std::size_t close = message.find(')', at);
    if (close == std::string::npos) return message;
    at = close + 1;
  }
  if (message.compare(at, 2, ": ") != 0) return message;
  std::string rest = message.substr(at + 2);
  if (!rest.empty() && rest[0] >= 'a' && rest[0] <= 'z') rest[0] = static_cast<char>(rest[0] - 32);
  return rest;
}

}  // namespace

FieldProblem problem_for(const Error& error, const std::map<std::string, std::string>& fields,
                         std::string_view fallback) {
  FieldProblem p{std::string(fallback), error.message, error.rule};
  std::size_t best = std::string::npos;
  for (const auto& [name, input] : fields) {
    for (const std::string& shape : {"(" + name + ")", "(" + name + " ", " " + name + ")"}) {
      const std::size_t at = error.message.find(shape);
      if (at != std::string::npos && at < best) {
        best = at;
        p.field = input;
      }
    }
  }
  if (best != std::string::npos) {
    // The bracket names the API's fields; the page shows the input instead.
    const std::size_t open = error.message.rfind('(', best + 1);
    const std::size_t close = error.message.find(')', best);
    if (open != std::string::npos && close != std::string::npos) {
      std::size_t from = open;
      while (from > 0 && error.message[from - 1] == ' ') --from;
      p.message = error.message.substr(0, from) + error.message.substr(close + 1);
    }
  }
  p.message = without_event_reference(p.message);
  return p;
}

std::string rule_in_words(std::string_view rule, std::string_view profile_id,
                          std::string_view profile_name) {
  const std::string prefix = std::string(profile_id) + ": ";
  if (profile_id.empty() || !rule.starts_with(prefix)) return std::string(rule);
  std::string_view rest = rule.substr(prefix.size());
  // A rule's or constraint's id: lower case, digits and underscores.
  const std::size_t colon = rest.find(": ");
  if (colon != std::string_view::npos && colon > 0 &&
      std::all_of(rest.begin(), rest.begin() + static_cast<long>(colon), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
      }))
    rest.remove_prefix(colon + 2);
  return std::string(profile_name.empty() ? profile_id : profile_name) + ": " + std::string(rest);
}

json error_list(const std::vector<FieldProblem>& problems) {
  json out = json::array();
  for (const FieldProblem& p : problems)
    out.push_back({{"text", p.message}, {"href", "#" + p.field}});
  return out;
}

}  // namespace cinplan::pages
