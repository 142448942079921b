#include "cli/unknown_command.h"

namespace cinplan::cli {
namespace {

std::string names(const CLI::App& app) {
  std::string out;
  for (const CLI::App* sub : app.get_subcommands({}))
    out += (out.empty() ? "" : ", ") + sub->get_name();
  return out;
}

const CLI::App* find(const CLI::App& app, const std::string& word) {
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_name() == word) return sub;
  }
  return nullptr;
}

}  // namespace

std::optional<std::string> unknown_command(const CLI::App& app, int argc, char** argv) {
  const CLI::App* level = &app;
  std::string path = "cinplan";
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (level == &app && word == "--profiles-dir") {
      ++i;
      continue;
    }
    if (word == "-h" || word == "--help") return std::nullopt;
    if (word.starts_with("-")) continue;
    const CLI::App* sub = find(*level, word);
    if (sub == nullptr) {
      return "there is no command \"" + word + "\"" +
             (level == &app ? "" : " of " + level->get_name()) + "; the commands are " +
             names(*level) + " (see " + path + " --help)";
    }
    if (sub->get_subcommands({}).empty()) return std::nullopt;
    level = sub;
    path += " " + sub->get_name();
  }
  if (level->get_subcommands({}).empty()) return std::nullopt;
  return "no command given; the commands are " + names(*level) + " (see " + path + " --help)";
}

}  // namespace cinplan::cli
