#include "pages/templates.h"

#include <fstream>
#include <kainjow/mustache.hpp>
#include <sstream>

namespace cinplan::pages {
namespace {

namespace mu = kainjow::mustache;
constexpr int kMostDepth = 8;
constexpr std::uintmax_t kMostTemplateBytes = 1 << 20;

mu::data to_data(const nlohmann::ordered_json& v) {
  switch (v.type()) {
    case nlohmann::json::value_t::object: {
      mu::data out{mu::data::type::object};
      for (auto it = v.begin(); it != v.end(); ++it) out.set(it.key(), to_data(it.value()));
      return out;
    }
    case nlohmann::json::value_t::array: {
      mu::data out{mu::data::type::list};
      for (const auto& item : v) out.push_back(to_data(item));
      return out;
    }
    case nlohmann::json::value_t::string:
      return mu::data{v.get_ref<const std::string&>()};
    case nlohmann::json::value_t::boolean:
      return mu::data{v.get<bool>()};
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::discarded:
      return mu::data{false};
    default:
      return mu::data{v.dump()};
  }
}

// `text` with every {{> name}} replaced by that partial's text, itself
// expanded. Empty `error` when all went well.
std::string expand(const std::map<std::string, std::string>& texts, const std::string& name,
                   int depth, std::string& error) {
  if (depth > kMostDepth) {
    error = name + ".mustache: partials nest more than " + std::to_string(kMostDepth) +
            " deep (does one include itself?)";
    return {};
  }
  const std::string& text = texts.at(name);
  std::string out;
  std::size_t at = 0;
  for (;;) {
    const std::size_t open = text.find("{{>", at);
    if (open == std::string::npos) break;
    const std::size_t close = text.find("}}", open);
    if (close == std::string::npos) {
      error = name + ".mustache: a partial tag {{> is not closed";
      return {};
    }
    std::string partial = text.substr(open + 3, close - open - 3);
    while (!partial.empty() && partial.front() == ' ') partial.erase(0, 1);
    while (!partial.empty() && partial.back() == ' ') partial.pop_back();
    if (texts.count(partial) == 0) {
      error = name + ".mustache: no partial " + partial + ".mustache";
      return {};
    }
    out += text.substr(at, open - at);
    out += expand(texts, partial, depth + 1, error);
    if (!error.empty()) return {};
    at = close + 2;
  }
  out += text.substr(at);
  return out;
}

}  // namespace

struct Templates::Parsed {
  explicit Parsed(const std::string& text) : tmpl(text) {}
  // Rendering a template without partials or lambdas changes nothing in it
  // (kainjow writes its error message only for those), so it is shared.
  mutable mu::mustache tmpl;
};

Templates::Templates() = default;
Templates::Templates(Templates&&) noexcept = default;
Templates& Templates::operator=(Templates&&) noexcept = default;
Templates::~Templates() = default;

Result<Templates> Templates::from_texts(const std::map<std::string, std::string>& texts) {
  if (texts.empty()) return std::unexpected(Error::bad_input("there are no page templates"));
  Templates out;
  for (const auto& [name, text] : texts) {
    std::string error;
    const std::string expanded = expand(texts, name, 0, error);
    if (!error.empty()) return std::unexpected(Error::bad_input(error));
    auto parsed = std::make_unique<Parsed>(expanded);
    if (!parsed->tmpl.is_valid())
      return std::unexpected(Error::bad_input(name + ".mustache: " + parsed->tmpl.error_message()));
    out.parsed_.emplace(name, std::move(parsed));
  }
  return out;
}

Result<Templates> Templates::load(const std::filesystem::path& folder) {
  std::error_code ec;
  std::map<std::string, std::string> texts;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    if (entry.path().extension() != ".mustache") continue;
    if (entry.file_size(ec) > kMostTemplateBytes)
      return std::unexpected(Error::bad_input(entry.path().string() + ": larger than 1 MiB"));
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) return std::unexpected(Error::bad_input("cannot read " + entry.path().string()));
    texts.emplace(entry.path().stem().string(), text.str());
  }
  if (ec)
    return std::unexpected(Error::bad_input("cannot read the templates folder " + folder.string() +
                                            ": " + ec.message()));
  if (texts.empty())
    return std::unexpected(
        Error::bad_input("the templates folder " + folder.string() + " has no .mustache files"));
  auto loaded = from_texts(texts);
  if (!loaded) {
    Error e = loaded.error();
    e.message = folder.string() + "/" + e.message;
    return std::unexpected(e);
  }
  return loaded;
}

bool Templates::has(std::string_view name) const {
  return parsed_.find(name) != parsed_.end();
}

Result<std::string> Templates::render(std::string_view name,
                                      const nlohmann::ordered_json& view) const {
  auto it = parsed_.find(name);
  if (it == parsed_.end())
    return std::unexpected(
        Error{ErrorCode::kInternal, "no page template " + std::string(name), {}});
  return it->second->tmpl.render(to_data(view));
}

}  // namespace cinplan::pages
