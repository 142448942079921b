// The words a finding uses to say where in a child's record it is: the
// episode by its referral date, an assessment by its start, and so on, so
// that a data officer finds it in the file or on the child's page.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/census/census_return.h"

namespace cinplan::census {

// "CIN episode referred 2025-06-02" ("CIN episode 2" when it has no date).
std::string episode_words(const CinEpisode& e, std::size_t index);
// "<episode>, assessment started 2025-06-03" (or "assessment 1").
std::string assessment_words(const CinEpisode& e, std::size_t episode, std::size_t index);
std::string plan_words(const CinEpisode& e, std::size_t episode, std::size_t index);
std::string section47_words(const CinEpisode& e, std::size_t episode, std::size_t index);
std::string protection_plan_words(const CinEpisode& e, std::size_t episode, std::size_t index);

// "CINclosureDate 2023-02-27", "CINclosureDate missing".
std::string value_words(std::string_view element, const Text& value);

}  // namespace cinplan::census
