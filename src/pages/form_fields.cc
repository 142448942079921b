#include "pages/form_fields.h"

#include <algorithm>

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

constexpr Option kYesNo[] = {{"yes", "Yes"}, {"no", "No"}};

// The message of the first problem of input `id` (or of its parts
// "id-day" ...), else false.
json error_of(std::string_view id, const std::vector<FieldProblem>& problems) {
  for (const FieldProblem& p : problems)
    if (p.field == id ||
        (p.field.size() > id.size() && p.field.starts_with(id) && p.field[id.size()] == '-'))
      return p.message;
  return false;
}

json field(std::string_view id, std::string_view hint, const std::vector<FieldProblem>& problems) {
  json f;
  f["id"] = std::string(id);
  f["name"] = std::string(id);
  f["hint"] = hint.empty() ? json(false) : json(std::string(hint));
  f["error"] = error_of(id, problems);
  std::string describedby;
  if (!hint.empty()) describedby = std::string(id) + "-hint";
  if (f["error"].is_string())
    describedby += (describedby.empty() ? "" : " ") + std::string(id) + "-error";
  f["describedby"] = describedby.empty() ? json(false) : json(describedby);
  return f;
}

json items(std::string_view id, std::span<const Option> options, auto&& checked) {
  json list = json::array();
  bool first = true;
  for (const Option& o : options) {
    // The first item carries the group's id, so the error summary's link
    // lands on it.
    list.push_back(
        {{"item_id", first ? std::string(id) : std::string(id) + "-" + std::string(o.value)},
         {"value", std::string(o.value)},
         {"item_label", std::string(o.label)},
         {"checked", checked(o.value)}});
    first = false;
  }
  return list;
}

}  // namespace

json form_view_head(const json& case_view, const std::vector<FieldProblem>& problems,
                    std::int64_t version) {
  json v;
  const std::string id = case_view.value("case_id", "");
  const json& child = case_view.contains("child") ? case_view["child"] : json();
  v["case_id"] = id;
  v["child_name"] = child.is_object() ? child.value("name", id) : id;
  v["version"] = version;
  v["errors"] = error_list(problems);
  return v;
}

std::vector<Option> options_of(const json& list) {
  std::vector<Option> out;
  if (!list.is_array()) return out;
  for (const json& o : list)
    if (o.is_object() && o.contains("value") && o["value"].is_string() && o.contains("label") &&
        o["label"].is_string())
      out.push_back(
          {o["value"].get_ref<const std::string&>(), o["label"].get_ref<const std::string&>()});
  return out;
}

bool offers(const json& list, std::string_view value) {
  return list.is_array() && std::any_of(list.begin(), list.end(), [&](const json& o) {
           return o.is_object() && o.value("value", "") == value;
         });
}

const json& choices_of(const json& case_view) {
  static const json none = json::object();
  auto it = case_view.find("choices");
  return it != case_view.end() && it->is_object() ? *it : none;
}

const json& choice_list(const json& case_view, const char* key) {
  static const json none = json::array();
  const json& c = choices_of(case_view);
  auto it = c.find(key);
  return it != c.end() && it->is_array() ? *it : none;
}

std::span<const Option> yes_no_options() {
  return kYesNo;
}

json radios(std::string_view id, std::string_view legend, std::string_view hint,
            std::span<const Option> options, std::string_view chosen,
            const std::vector<FieldProblem>& problems, bool inline_) {
  json f = field(id, hint, problems);
  f["legend"] = std::string(legend);
  f["inline"] = inline_;
  f["items"] = items(id, options, [&](std::string_view v) { return v == chosen; });
  return f;
}

json checkboxes(std::string_view id, std::string_view legend, std::string_view hint,
                std::span<const Option> options, const Form& typed_form,
                const std::vector<FieldProblem>& problems) {
  json f = field(id, hint, problems);
  f["legend"] = std::string(legend);
  f["items"] = items(id, options, [&](std::string_view v) {
    return !typed(typed_form, std::string(id) + "-" + std::string(v)).empty();
  });
  return f;
}

json textarea(std::string_view id, std::string_view label, std::string_view hint,
              std::string_view value, int rows, const std::vector<FieldProblem>& problems) {
  json f = field(id, hint, problems);
  f["label"] = std::string(label);
  f["value"] = std::string(value);
  f["rows"] = rows;
  return f;
}

json text_input(std::string_view id, std::string_view label, std::string_view hint,
                std::string_view value, const std::vector<FieldProblem>& problems) {
  json f = field(id, hint, problems);
  f["label"] = std::string(label);
  f["value"] = std::string(value);
  return f;
}

json date_input(std::string_view id, std::string_view legend, std::string_view hint,
                const Form& typed_form, std::string_view fallback,
                const std::vector<FieldProblem>& problems) {
  json f = field(id, hint, problems);
  f["legend"] = std::string(legend);
  const std::string n(id);
  const bool any_typed = typed_form.count(n + "-day") || typed_form.count(n + "-month") ||
                         typed_form.count(n + "-year");
  if (any_typed || fallback.size() != 10) {
    f["day"] = typed(typed_form, n + "-day");
    f["month"] = typed(typed_form, n + "-month");
    f["year"] = typed(typed_form, n + "-year");
  } else {
    // 2026-12-02 -> 2, 12, 2026: as people type them.
    auto strip = [](std::string s) {
      while (s.size() > 1 && s.front() == '0') s.erase(0, 1);
      return s;
    };
    f["day"] = strip(std::string(fallback.substr(8, 2)));
    f["month"] = strip(std::string(fallback.substr(5, 2)));
    f["year"] = std::string(fallback.substr(0, 4));
  }
  return f;
}

void read_required_date(const Form& form, std::string_view name, std::string_view label,
                        FormReading& r) {
  if (auto d = read_date(form, name, label, true, r.problems)) r.body[std::string(name)] = *d;
}

void read_required_text(const Form& form, std::string_view name, std::string_view blank,
                        FormReading& r) {
  if (auto text = read_text(form, std::string(name)))
    r.body[std::string(name)] = *text;
  else
    r.problems.push_back({std::string(name), std::string(blank), {}});
}

void read_one_of(const Form& form, std::string_view name, std::span<const Option> options,
                 std::string_view blank, FormReading& r) {
  const std::string chosen = typed(form, std::string(name));
  for (const Option& o : options) {
    if (o.value == chosen) {
      r.body[std::string(name)] = chosen;
      return;
    }
  }
  r.problems.push_back({std::string(name), std::string(blank), {}});
}

}  // namespace cinplan::pages
