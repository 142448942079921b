#include "core/census/census_words.h"

namespace cinplan::census {
namespace {

std::string counted(std::string_view what, std::size_t index) {
  return std::string(what) + " " + std::to_string(index + 1);
}

std::string item(const CinEpisode& e, std::size_t episode, std::string_view what,
                 std::string_view dated, const Text& date, std::size_t index) {
  return episode_words(e, episode) + ", " +
         (date ? std::string(what) + " " + std::string(dated) + " " + *date : counted(what, index));
}

}  // namespace

std::string episode_words(const CinEpisode& e, std::size_t index) {
  return e.referral_date ? "CIN episode referred " + *e.referral_date
                         : counted("CIN episode", index);
}

std::string assessment_words(const CinEpisode& e, std::size_t episode, std::size_t index) {
  return item(e, episode, "assessment", "started", e.assessments[index].start, index);
}

std::string plan_words(const CinEpisode& e, std::size_t episode, std::size_t index) {
  return item(e, episode, "CIN plan", "started", e.plans[index].start, index);
}

std::string section47_words(const CinEpisode& e, std::size_t episode, std::size_t index) {
  return item(e, episode, "section 47 enquiry", "started", e.section47s[index].start, index);
}

std::string protection_plan_words(const CinEpisode& e, std::size_t episode, std::size_t index) {
  return item(e, episode, "child protection plan", "started", e.protection_plans[index].start,
              index);
}

std::string value_words(std::string_view element, const Text& value) {
  return std::string(element) + (value ? " " + *value : " missing");
}

}  // namespace cinplan::census
