// The cinplan command line: one function per command. Each returns the exit
// status: 0 done, 2 bad input (one line on stderr naming what is wrong).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cinplan::cli {

struct ObligationsArgs {
  std::string profile;
  std::string case_file;
  std::string today;
  bool json = false;
  bool why = false;
};

int run_profiles(const std::filesystem::path& folder);
int run_profile_show(const std::filesystem::path& folder, const std::string& id);
int run_profile_diff(const std::filesystem::path& folder, const std::string& a,
                     const std::string& b);
int run_profile_check(const std::vector<std::string>& files);
int run_obligations(const std::filesystem::path& folder, const ObligationsArgs& args);
int run_events(bool markdown);

// Prints "cinplan: <message>" to stderr and returns 2.
int fail(const std::string& message);

}  // namespace cinplan::cli
