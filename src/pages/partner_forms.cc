#include "pages/partner_forms.h"

#include <charconv>

#include "pages/form_fields.h"
#include "pages/simple_form.h"
#include "pages/views.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

constexpr std::string_view kNoMeeting = "none";

// The meetings still to come, then "not for a meeting": {"value", "label"}.
json meeting_choices(const json& shared) {
  json out = json::array();
  for (const json& m : shared.value("meetings", json::array()))
    if (!m.value("held", true))
      out.push_back({{"value", text_at(m, "date")},
                     {"label", "The meeting on " + date_in_words(text_at(m, "date"))}});
  out.push_back({{"value", std::string(kNoMeeting)}, {"label", "Not for a particular meeting"}});
  return out;
}

// The meeting chosen into `body`, or a problem.
void read_meeting(const Form& form, const json& shared, FormReading& r) {
  const std::string chosen = typed(form, "meeting");
  if (!offers(meeting_choices(shared), chosen))
    r.problems.push_back({"meeting", "Choose the meeting it is for, or say it is for none", {}});
  else if (chosen != kNoMeeting)
    r.body["meeting_date"] = chosen;
}

// The first meeting to come is chosen until the partner says otherwise.
json meeting_field(const json& shared, const Form& t, const std::vector<FieldProblem>& p) {
  const json choices = meeting_choices(shared);
  std::string chosen = typed(t, "meeting");
  if (chosen.empty() && typed(t, "version").empty()) chosen = text_at(choices[0], "value");
  return field_item(
      "radios", radios("meeting", "Which meeting is it for?", "", options_of(choices), chosen, p));
}

}  // namespace

FormReading read_written_update(const Form& form, const json& shared) {
  FormReading r;
  read_meeting(form, shared, r);
  read_required_text(form, "text", "Enter your update", r);
  return r;
}

const std::map<std::string, std::string>& written_update_inputs() {
  static const std::map<std::string, std::string> inputs = {{"meeting_date", "meeting"},
                                                            {"text", "text"}};
  return inputs;
}

json written_update_form_view(const json& shared, const Form& t, const std::vector<FieldProblem>& p,
                              std::string_view, std::int64_t version) {
  json v = form_view_head(shared, p, version);
  json fields = json::array();
  fields.push_back(meeting_field(shared, t, p));
  fields.push_back(field_item(
      "textarea", textarea("text", "Your update",
                           "What has changed for the child since the last meeting, as you see "
                           "it from your work with them",
                           typed(t, "text"), 8, p)));
  simple_form(v, "written-update", "/shared", "Add a written update",
              {"It goes on the child's record under your name and your agency, and the social "
               "worker shares it at the meeting."},
              "Add the update", std::move(fields));
  return v;
}

FormReading read_partner_scaling(const Form& form, const json& shared) {
  FormReading r;
  read_meeting(form, shared, r);
  const std::string typed_score = typed(form, "score");
  int score = -1;
  const auto [end, ec] =
      std::from_chars(typed_score.data(), typed_score.data() + typed_score.size(), score);
  if (typed_score.empty())
    r.problems.push_back({"score", "Enter a score from 0 to 10", {}});
  else if (ec != std::errc() || end != typed_score.data() + typed_score.size() || score < 0 ||
           score > 10)
    r.problems.push_back({"score", "The score must be a whole number from 0 to 10", {}});
  else
    r.body["score"] = score;
  read_required_text(form, "rationale", "Say why you give that score", r);
  return r;
}

const std::map<std::string, std::string>& partner_scaling_inputs() {
  static const std::map<std::string, std::string> inputs = {
      {"meeting_date", "meeting"}, {"score", "score"}, {"rationale", "rationale"}};
  return inputs;
}

json partner_scaling_form_view(const json& shared, const Form& t,
                               const std::vector<FieldProblem>& p, std::string_view,
                               std::int64_t version) {
  json v = form_view_head(shared, p, version);
  json fields = json::array();
  fields.push_back(meeting_field(shared, t, p));
  fields.push_back(field_item(
      "text", text_input("score", "Your score (0 to 10)",
                         "0: the worst it could be; 10: the child is safe and well, and the "
                         "case can close",
                         typed(t, "score"), p)));
  fields.push_back(field_item(
      "textarea",
      textarea("rationale", "Why that score", "What you have seen that puts it there, not higher",
               typed(t, "rationale"), 4, p)));
  simple_form(v, "scaling", "/shared", "Give a scaling score",
              {"The meeting looks at everyone's scores together, across the meetings, to see "
               "whether things are getting better or worse."},
              "Record the score", std::move(fields));
  return v;
}

}  // namespace cinplan::pages
