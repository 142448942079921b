// The census code sets where the record is written: loaded from
// config/census/code_sets.toml (checked when loaded: cinplan refuses to start
// on invalid ones), and the check that a census code a worker records (a
// referral source, a primary need, an assessment factor, a UPN-unknown
// reason, a reason for closure, a category of abuse, an ethnicity or a
// disability) is one of its set, so that the census is right when it is
// recorded rather than in spring.
#pragma once

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/census/code_sets.h"
#include "core/error.h"

namespace cinplan::app {

std::filesystem::path default_census_codes_file();
// kNotFound when the file cannot be read; kBadInput naming it and the
// problem when it does not hold valid code sets.
Result<census::CodeSets> load_census_codes(
    const std::filesystem::path& path = default_census_codes_file());
// The shipped code sets, loaded once; throws std::runtime_error (a start-up
// failure) when they do not load.
std::shared_ptr<const census::CodeSets> shipped_census_codes();

// kBadInput naming the first census field of `events` whose code is not in
// its set ("\"9Z\" is not a census source of referral (referral_source):
// ..."), listing the codes it may be.
Result<void> check_census_codes(const std::vector<nlohmann::ordered_json>& events,
                                const census::CodeSets& codes);

}  // namespace cinplan::app
