#include "pages/attachment_form.h"

#include "app/attachments.h"
#include "pages/form_fields.h"
#include "pages/simple_form.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;
using Inputs = std::map<std::string, std::string>;
using Problems = std::vector<FieldProblem>;

constexpr Option kKinds[] = {{"partner_report", "A partner's written report"},
                             {"court_order", "A court order"},
                             {"signed_plan", "The plan, signed by the family"},
                             {"assessment", "An assessment"},
                             {"other", "Something else"}};

FormReading read_attachment(const Form& form, const json&) {
  FormReading r;
  read_one_of(form, "kind", kKinds, "Choose what the document is", r);
  read_required_text(form, "title", "Enter what the document is called", r);
  read_required_date(form, "date", "the day it was received", r);
  return r;
}

const Inputs& attachment_inputs() {
  static const Inputs i = {{"kind", "kind"}, {"title", "title"},    {"date", "date-day"},
                           {"file", "file"}, {"file_name", "file"}, {"sha256", "file"}};
  return i;
}

json attachment_view(const json& cv, const Form& t, const Problems& p, std::string_view today,
                     std::int64_t version) {
  json v = form_view_head(cv, p, version);
  json f = json::array();
  f.push_back(field_item("radios",
                         radios("kind", "What is the document?", "", kKinds, typed(t, "kind"), p)));
  f.push_back(field_item("text", text_input("title", "What is it called?",
                                            "As the chronology lists it, for example: School "
                                            "report for the review on 12 June",
                                            typed(t, "title"), p)));
  json file = text_input("file", "The file",
                         std::string(app::kTakenTypes) +
                             ". A scan is best as a PDF. If the form comes back, choose the file "
                             "again.",
                         "", p);
  file["accept"] = ".pdf,.docx,.jpg,.jpeg,.png,.tif,.tiff";
  f.push_back(field_item("file", std::move(file)));
  f.push_back(field_item(
      "date", date_input("date", "When was it received?", "For example, 27 3 2026", t, today, p)));
  simple_form(v, "attach", "", "Attach a document",
              {"It is kept with the case as it is uploaded, listed on the chronology, and every "
               "time it is opened is recorded."},
              "Attach the document", std::move(f));
  return v;
}

}  // namespace

const SupervisionForm kAttachmentForm{read_attachment, attachment_inputs, attachment_view};

std::string attachment_kind_words(std::string_view kind) {
  for (const Option& o : kKinds)
    if (o.value == kind) return std::string(o.label);
  return std::string(kind);
}

}  // namespace cinplan::pages
