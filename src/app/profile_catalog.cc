#include "app/profile_catalog.h"

#include "core/casefile/json_reader.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "app/procedure_sources.h"
#include "core/procedure/profile_loader.h"

namespace cinplan::app {

Result<std::string> read_file(const std::filesystem::path& file, std::size_t max_bytes) {
  std::error_code ec;
  if (file.empty()) return std::unexpected(Error::bad_input("no file named (an empty path)"));
  if (std::filesystem::is_directory(file, ec)) {
    return std::unexpected(
        Error::bad_input("cannot read " + file.string() + ": it is a folder, not a file"));
  }
  if (!std::filesystem::exists(file, ec)) {
    return std::unexpected(Error::not_found("cannot read " + file.string() + ": no such file"));
  }
  if (!std::filesystem::is_regular_file(file, ec)) {
    return std::unexpected(
        Error::bad_input("cannot read " + file.string() + ": not a regular file"));
  }
  if (const auto size = std::filesystem::file_size(file, ec); !ec && size > max_bytes) {
    return std::unexpected(Error::bad_input(file.string() + " is " + describe_size(size) +
                                            "; at most " + describe_size(max_bytes) +
                                            " is read (is it the right file?)"));
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::unexpected(Error::unavailable("cannot read " + file.string()));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::unexpected(Error::unavailable("cannot read " + file.string()));
  return text.str();
}

Result<Profile> ProfileCatalog::load_file(const std::filesystem::path& file) {
  auto text = read_file(file);
  if (!text) return std::unexpected(text.error());
  return load_profile(*text, file.string());
}

Result<ProfileCatalog> ProfileCatalog::load(const std::filesystem::path& folder) {
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) {
    return std::unexpected(
        Error::not_found("profiles folder " + folder.string() + " does not exist"));
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ProfileCatalog catalog;
  // Every quote is the authority's words: where the source documents are
  // at hand, a profile quoting a sentence they do not hold is refused too.
  const auto procedures = default_procedures_folder();
  for (const auto& file : files) {
    auto profile = load_file(file);
    if (!profile) return std::unexpected(profile.error());
    if (std::filesystem::is_regular_file(procedures / profile->source, ec)) {
      if (auto ok = check_quotes(*profile, procedures); !ok)
        return std::unexpected(ok.error().within(file.string()));
    }
    catalog.profiles_.push_back(std::move(*profile));
  }
  if (catalog.profiles_.empty()) {
    return std::unexpected(Error::not_found("no profiles (*.toml) in " + folder.string()));
  }
  return catalog;
}

Result<const Profile*> ProfileCatalog::find(std::string_view id) const {
  std::string known;
  for (const Profile& p : profiles_) {
    if (p.id == id) return &p;
    known += (known.empty() ? "" : ", ") + p.id;
  }
  return std::unexpected(
      Error::not_found("no profile \"" + std::string(id) + "\" (known: " + known + ")"));
}

std::filesystem::path default_profiles_folder() {
  if (const char* env = std::getenv("CINPLAN_PROFILES"); env != nullptr && *env != '\0') return env;
  return CINPLAN_DEFAULT_PROFILES_DIR;
}

}  // namespace cinplan::app
