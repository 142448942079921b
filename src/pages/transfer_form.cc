#include "pages/transfer_form.h"

#include "pages/form_fields.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

// The transfer pack's parts, as the procedures list them: the input's
// value, its label, and the words the record keeps.
constexpr Option kPack[] = {
    {"assessment", "The assessment"},
    {"plan", "The Child in Need plan"},
    {"review_minutes", "The minutes of the latest review"},
    {"summary", "A summary of the case"},
    {"chronology", "The chronology"},
};
constexpr std::string_view kPackValues[] = {"assessment", "plan", "review_minutes", "summary",
                                            "chronology"};
constexpr std::string_view kPackWords[] = {"assessment", "plan", "latest review minutes",
                                           "case summary", "chronology"};

}  // namespace

FormReading read_transfer_out(const Form& form) {
  FormReading r;
  json& b = r.body;
  auto& p = r.problems;
  read_required_date(form, "date", "the day of the transfer", r);
  read_required_text(form, "to_authority", "Enter the authority the case transfers to", r);
  json sent = json::array();
  for (const std::string& v : read_checked(form, "pack", kPackValues))
    for (std::size_t i = 0; i < std::size(kPackValues); ++i)
      if (kPackValues[i] == v) sent.push_back(std::string(kPackWords[i]));
  if (sent.empty())
    p.push_back({"pack", "Choose what was sent to the receiving authority", {}});
  else
    b["information_shared"] = std::move(sent);
  const auto consent =
      read_yes_no(form, "parental_consent", "the parents consented to the transfer", true, p);
  if (consent) b["parental_consent"] = *consent;
  if (auto why = read_text(form, "override_rationale")) {
    b["override_rationale"] = *why;
  } else if (consent && !*consent) {
    // The command refuses this too; said here beside the box it belongs to.
    p.push_back(
        {"override_rationale", "Say why the transfer goes ahead without their consent", {}});
  }
  return r;
}

const std::map<std::string, std::string>& transfer_out_inputs() {
  static const std::map<std::string, std::string> inputs = {
      {"date", "date-day"},
      {"to_authority", "to_authority"},
      {"information_shared", "pack"},
      {"parental_consent", "parental_consent"},
      {"override_rationale", "override_rationale"},
  };
  return inputs;
}

json transfer_out_form_view(const json& cv, const Form& t, const std::vector<FieldProblem>& p,
                            std::string_view today, std::int64_t version) {
  json v = form_view_head(cv, p, version);
  v["to_authority"] = text_input("to_authority", "Which authority does the case transfer to?",
                                 "For example, Leeds City Council", typed(t, "to_authority"), p);
  v["pack"] = checkboxes("pack", "What was sent to the receiving authority?",
                         "Select all that were sent: the record keeps the list", kPack, t, p);
  v["parental_consent"] = radios("parental_consent", "Did the parents consent to the transfer?", "",
                                 yes_no_options(), typed(t, "parental_consent"), p, true);
  v["override_rationale"] =
      textarea("override_rationale", "If they did not, why does it go ahead without it?",
               "The risk to the child that makes the transfer necessary without their consent",
               typed(t, "override_rationale"), 4, p);
  v["date"] = date_input("date", "When does the case transfer?", "For example, 27 3 2026", t,
                         std::string(today), p);
  return v;
}

FormReading read_move_in(const Form& form) {
  FormReading r;
  auto& p = r.problems;
  if (auto d = read_date(form, "date", "the day the family moved in", true, p)) r.body["date"] = *d;
  if (auto from = read_text(form, "from_authority")) r.body["from_authority"] = *from;
  return r;
}

const std::map<std::string, std::string>& move_in_inputs() {
  static const std::map<std::string, std::string> inputs = {{"date", "date-day"},
                                                            {"from_authority", "from_authority"}};
  return inputs;
}

json move_in_form_view(const json& cv, const Form& t, const std::vector<FieldProblem>& p,
                       std::string_view today, std::int64_t version) {
  json v = form_view_head(cv, p, version);
  v["from_authority"] = text_input("from_authority", "Which authority did the family move from?",
                                   "Leave blank if not known", typed(t, "from_authority"), p);
  v["date"] = date_input("date", "When did the family become resident here?",
                         "For example, 27 3 2026", t, std::string(today), p);
  return v;
}

}  // namespace cinplan::pages
