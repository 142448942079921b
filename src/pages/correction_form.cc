#include "pages/correction_form.h"

#include <cctype>
#include <charconv>

#include "pages/form_fields.h"
#include "pages/views.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

constexpr Option kHow[] = {
    {"strike", "It should not be on this record: strike it out"},
    {"date", "It happened on another day: correct its date"},
};

}  // namespace

const json* correctable_entry(const json& case_view, std::string_view entry) {
  int n = 0;
  const auto [end, ec] = std::from_chars(entry.data(), entry.data() + entry.size(), n);
  if (ec != std::errc() || end != entry.data() + entry.size() || n < 1) return nullptr;
  if (!case_view.contains("chronology") || !case_view["chronology"].is_array()) return nullptr;
  const json& list = case_view["chronology"];
  if (static_cast<std::size_t>(n) > list.size()) return nullptr;
  const json& e = list[static_cast<std::size_t>(n - 1)];
  if (text_at(e, "type") == "event_corrected") return nullptr;
  return &e;
}

FormReading read_correction(const Form& form, const json& case_view) {
  FormReading r;
  auto& p = r.problems;
  const json* entry = correctable_entry(case_view, typed(form, "entry"));
  if (entry == nullptr) {
    p.push_back({"how",
                 "Choose the entry to correct from the case's chronology (its \"Correct this "
                 "entry\" link)",
                 {}});
    return r;
  }
  r.body["corrects"] = entry->value("event", 0);
  const std::string how = typed(form, "how");
  if (how == "date") {
    if (auto d = read_date(form, "corrected", "the date it happened", true, p))
      r.body["corrected_date"] = *d;
  } else if (how != "strike") {
    p.push_back({"how", "Say how the entry is wrong", {}});
  }
  if (auto why = read_text(form, "reason")) {
    r.body["reason"] = *why;
  } else {
    p.push_back({"reason", "Say why the entry is corrected: the record keeps the reason", {}});
  }
  return r;
}

const std::map<std::string, std::string>& correction_inputs() {
  static const std::map<std::string, std::string> inputs = {{"corrects", "how"},
                                                            {"corrected_date", "corrected-day"},
                                                            {"replacement", "how"},
                                                            {"reason", "reason"},
                                                            {"date", "how"}};
  return inputs;
}

json correction_form_view(const json& case_view, const Form& t, const std::vector<FieldProblem>& p,
                          std::string_view, std::int64_t version) {
  json v = form_view_head(case_view, p, version);
  const json* entry = correctable_entry(case_view, typed(t, "entry"));
  v["entry"] = typed(t, "entry");
  v["has_entry"] = entry != nullptr;
  std::string what = entry ? text_at(*entry, "what") : "";
  if (!what.empty()) what[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(what[0])));
  v["entry_what"] = what;
  v["entry_date_words"] = entry ? date_in_words(text_at(*entry, "date")) : "";
  v["entry_detail"] =
      entry && !text_at(*entry, "detail").empty() ? json(text_at(*entry, "detail")) : json(false);
  v["entry_recorded"] = entry ? recorded_words(*entry) : json(false);
  v["how"] = radios("how", "What is wrong with it?", "", kHow, typed(t, "how"), p);
  v["corrected"] = date_input("corrected", "The day it happened",
                              "Only if its date is wrong. For example, 27 3 2026", t,
                              entry ? text_at(*entry, "date") : std::string(), p);
  v["reason"] = textarea("reason", "Why is it corrected?",
                         "For example: recorded on the wrong child's record, or the year typed "
                         "wrong. Everyone who reads the record sees this.",
                         typed(t, "reason"), 4, p);
  return v;
}

}  // namespace cinplan::pages
