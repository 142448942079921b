#include "pages/assets.h"

#include <fstream>
#include <sstream>

namespace cinplan::pages {
namespace {

constexpr std::uintmax_t kMostBytes = 64u << 20;

// FNV-1a, 64 bits: enough to tell one version of a file from the next.
std::string digest(const std::string& bytes) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<std::size_t>(i)] = kHex[h & 0xf];
  return out;
}

}  // namespace

std::string content_type_of(std::string_view name) {
  const std::size_t dot = name.rfind('.');
  const std::string_view ext = dot == std::string_view::npos ? "" : name.substr(dot + 1);
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "map" || ext == "json") return "application/json";
  if (ext == "woff2") return "font/woff2";
  if (ext == "woff") return "font/woff";
  if (ext == "png") return "image/png";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "ico") return "image/x-icon";
  if (ext == "txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

Result<Assets> Assets::load(const std::filesystem::path& folder) {
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec))
    return std::unexpected(Error::bad_input(
        "the assets folder " + folder.string() +
        " is missing: build cinplan (its build copies the front-end packages there)"));
  Assets out;
  std::uintmax_t total = 0;
  for (auto it = std::filesystem::recursive_directory_iterator(folder, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    total += it->file_size(ec);
    if (total > kMostBytes)
      return std::unexpected(
          Error::bad_input("the assets folder " + folder.string() + " holds more than 64 MiB"));
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) return std::unexpected(Error::bad_input("cannot read " + it->path().string()));
    const std::string name = std::filesystem::relative(it->path(), folder).generic_string();
    auto shared = std::make_shared<const std::string>(bytes.str());
    out.files_.emplace(name, Asset{content_type_of(name), "\"" + digest(*shared) + "\"", shared});
  }
  if (ec)
    return std::unexpected(
        Error::bad_input("cannot read the assets folder " + folder.string() + ": " + ec.message()));
  if (out.find("cinplan.css") == nullptr)
    return std::unexpected(Error::bad_input("the assets folder " + folder.string() +
                                            " has no cinplan.css: build cinplan again"));
  return out;
}

const Asset* Assets::find(std::string_view path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace cinplan::pages
