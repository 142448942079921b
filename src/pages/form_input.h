// Reading a page's posted form into a command's request (DESIGN.md section
// 12): dates as day, month and year, yes-or-no radios, checkboxes, a line
// per item. Each problem names the input it belongs to, so the GOV.UK error
// summary links to it and the input shows its message beside it. Nothing
// here knows a rule of the procedures: the command checks those, and
// problem_for() puts its refusal beside the input it names.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace cinplan::pages {

using Form = std::map<std::string, std::string>;

struct FieldProblem {
  std::string field;    // the input's id (for a date, its day input: "date-day")
  std::string message;  // what to do, in words
  std::string rule;     // the sentence of the procedure that asks it, if any
};

// What a form asks, read: the command's body, or the problems found.
struct FormReading {
  nlohmann::ordered_json body = nlohmann::ordered_json::object();
  std::vector<FieldProblem> problems;
};

// The value typed into `name`, or empty.
std::string typed(const Form& form, std::string_view name);

// A date typed as `name`-day, `name`-month, `name`-year: "YYYY-MM-DD", or a
// problem named `label` ("the date of the visit") when it is missing or no
// real date. None and no problem when all three are empty and not
// `required`.
std::optional<std::string> read_date(const Form& form, std::string_view name,
                                     std::string_view label, bool required,
                                     std::vector<FieldProblem>& problems);

// "yes" or "no" in `name`: true or false; none when not chosen (a problem
// "Say whether LABEL" when `required`).
std::optional<bool> read_yes_no(const Form& form, std::string_view name, std::string_view label,
                                bool required, std::vector<FieldProblem>& problems);

// The options of `options` whose checkbox `name`-OPTION is ticked.
std::vector<std::string> read_checked(const Form& form, std::string_view name,
                                      std::span<const std::string_view> options);

// One item per non-blank line of `name`, trimmed.
std::vector<std::string> read_lines(const Form& form, std::string_view name);

// Text in `name` as typed, with trailing spaces and newlines taken off;
// none when blank.
std::optional<std::string> read_text(const Form& form, std::string_view name);

// The input name of a part of a form's row: row_input("att", 2, "name") is
// "att-2-name".
std::string row_input(std::string_view kind, int i, std::string_view part);

// What was typed, to keep as a draft: every field but the CSRF token.
nlohmann::ordered_json typed_fields(const Form& form);
// And back: a draft's fields as a form (unknown or non-text values dropped).
Form form_of(const nlohmann::ordered_json& fields);

// The rule a refusal cites, for a reader: "london-cyps: visit: \"...\""
// (the profile's id, the rule's id, the sentence) becomes "London CYPS:
// \"...\"", the document's name before its sentence. A rule in any other
// shape is returned as it is.
std::string rule_in_words(std::string_view rule, std::string_view profile_id,
                          std::string_view profile_name);

// A command's refusal as a problem of the input it names: the first of
// `fields` (form input ids by command field name) that the message names in
// brackets, as "(reason_not_seen)" or "(others_present or ...)"; else
// `fallback` (the form's first input).
FieldProblem problem_for(const Error& error, const std::map<std::string, std::string>& fields,
                         std::string_view fallback);

// The error summary's list ({"text", "href"}) and, by input id, each
// input's message, as the templates take them.
nlohmann::ordered_json error_list(const std::vector<FieldProblem>& problems);

}  // namespace cinplan::pages
