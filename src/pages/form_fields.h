// The inputs of the pages' forms as the field_*.mustache partials take them
// (GOV.UK Design System: radios, checkboxes, textarea, text input, date
// input), each with its hint, its error message beside it and the
// aria-describedby that joins them. A key a field does not have is false,
// never absent, so a partial never picks up the page's own key of that name.
#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pages/form_input.h"

namespace cinplan::pages {

struct Option {
  std::string_view value;
  std::string_view label;
};

// Every field builder takes the problems found, and shows the first whose
// input is `id` (or, for a date, one of its parts).
nlohmann::ordered_json radios(std::string_view id, std::string_view legend, std::string_view hint,
                              std::span<const Option> options, std::string_view chosen,
                              const std::vector<FieldProblem>& problems, bool inline_ = false);
nlohmann::ordered_json checkboxes(std::string_view id, std::string_view legend,
                                  std::string_view hint, std::span<const Option> options,
                                  const Form& typed, const std::vector<FieldProblem>& problems);
nlohmann::ordered_json textarea(std::string_view id, std::string_view label, std::string_view hint,
                                std::string_view value, int rows,
                                const std::vector<FieldProblem>& problems);
nlohmann::ordered_json text_input(std::string_view id, std::string_view label,
                                  std::string_view hint, std::string_view value,
                                  const std::vector<FieldProblem>& problems);
// The date's day, month and year as typed, else `fallback` (YYYY-MM-DD, or
// empty for none).
nlohmann::ordered_json date_input(std::string_view id, std::string_view legend,
                                  std::string_view hint, const Form& typed,
                                  std::string_view fallback,
                                  const std::vector<FieldProblem>& problems);

// What every form's view starts with: the case id, the child's name (the
// case id when none is recorded), the case version the form is sent
// against and the error summary's list.
nlohmann::ordered_json form_view_head(const nlohmann::ordered_json& case_view,
                                      const std::vector<FieldProblem>& problems,
                                      std::int64_t version);

// Options from a list of {"value", "label"} (app::form_choices): views of
// `list`'s strings, valid while it lives.
std::vector<Option> options_of(const nlohmann::ordered_json& list);

// The case view's "choices" (app::form_choices) under `key`, a list by
// reference (for options_of), or an empty one.
const nlohmann::ordered_json& choice_list(const nlohmann::ordered_json& case_view, const char* key);
// Whether `value` is one of the {"value", "label"} entries of `list`.
bool offers(const nlohmann::ordered_json& list, std::string_view value);
// The case view's "choices" other than lists: "meeting_word", the rules.
const nlohmann::ordered_json& choices_of(const nlohmann::ordered_json& case_view);

// The yes/no options.
std::span<const Option> yes_no_options();

// Reading a form into a command's body (FormReading::body[name]) or, when
// it is not there, the problem `blank` beside its input:
// a date in `name`-day, -month and -year (`label` names it in a problem);
void read_required_date(const Form& form, std::string_view name, std::string_view label,
                        FormReading& reading);
// text, trailing blanks taken off;
void read_required_text(const Form& form, std::string_view name, std::string_view blank,
                        FormReading& reading);
// the value of one of `options`.
void read_one_of(const Form& form, std::string_view name, std::span<const Option> options,
                 std::string_view blank, FormReading& reading);

}  // namespace cinplan::pages
