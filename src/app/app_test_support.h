// Helpers shared by the app tests: the shipped profiles, loaded once.
#pragma once

#include <filesystem>

#include "app/profile_catalog.h"

namespace cinplan::app {

// The profiles in the source tree's profiles/ folder.
inline const ProfileCatalog& test_profiles() {
  static const ProfileCatalog catalog =
      ProfileCatalog::load(std::filesystem::path(CINPLAN_SOURCE_DIR) / "profiles").value();
  return catalog;
}

}  // namespace cinplan::app
