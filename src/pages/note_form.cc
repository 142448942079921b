#include "pages/note_form.h"

#include "pages/form_fields.h"

namespace cinplan::pages {

using json = nlohmann::ordered_json;

FormReading read_note(const Form& form) {
  FormReading r;
  auto& p = r.problems;
  if (auto d = read_date(form, "date", "the date of the note", true, p)) r.body["date"] = *d;
  if (auto h = read_text(form, "heading")) {
    r.body["heading"] = *h;
  } else {
    p.push_back({"heading", "Enter a heading for the note", {}});
  }
  if (auto t = read_text(form, "text")) {
    r.body["text"] = *t;
  } else {
    p.push_back({"text", "Enter the note", {}});
  }
  return r;
}

const std::map<std::string, std::string>& note_inputs() {
  static const std::map<std::string, std::string> inputs = {
      {"date", "date-day"}, {"heading", "heading"}, {"text", "text"}};
  return inputs;
}

json note_form_view(const json& case_view, const Form& t, const std::vector<FieldProblem>& p,
                    std::string_view today, std::int64_t version) {
  json v = form_view_head(case_view, p, version);
  v["date"] =
      date_input("date", "Date of the note", "For example, 27 3 2026", t, std::string(today), p);
  v["heading"] = text_input("heading", "Heading",
                            "A few words a colleague will find it by, for example: Call from "
                            "school about attendance",
                            typed(t, "heading"), p);
  v["text"] = textarea("text", "The note", "", typed(t, "text"), 10, p);
  return v;
}

}  // namespace cinplan::pages
