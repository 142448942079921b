// The shipped (or configured) profiles, loaded from a folder of TOML files.
// Loading is all-or-nothing: one invalid profile refuses the whole folder, so
// a server never starts with a half-understood procedure.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/procedure/profile.h"

namespace cinplan::app {

class ProfileCatalog {
 public:
  // Every *.toml in `folder`, in id order. Where a profile's source document
  // is in the procedures folder (procedure_sources.h), every quote must be
  // in it word for word.
  static Result<ProfileCatalog> load(const std::filesystem::path& folder);
  // One file, checked as load() checks it.
  static Result<Profile> load_file(const std::filesystem::path& file);

  const std::vector<Profile>& profiles() const { return profiles_; }
  // Not found names the known ids.
  Result<const Profile*> find(std::string_view id) const;

 private:
  std::vector<Profile> profiles_;
};

// The profiles folder: $CINPLAN_PROFILES if set, else the built-in default.
std::filesystem::path default_profiles_folder();

// Reads a whole file; an unreadable file, or one larger than `max_bytes`
// (checked before reading), is an error naming it.
Result<std::string> read_file(const std::filesystem::path& file,
                              std::size_t max_bytes = std::size_t{32} << 20);

}  // namespace cinplan::app
