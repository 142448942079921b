// cinplan: Child in Need case management. Command-line entry point: parses
// the arguments and hands each command to its function in commands.h.
#include <CLI/CLI.hpp>

#include "app/profile_catalog.h"
#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace cinplan;
  CLI::App app{"cinplan: what is due, and why, for every child on a Child in Need plan"};
  app.require_subcommand(1);
  std::string profiles_dir;
  app.add_option(
      "--profiles-dir", profiles_dir,
      "folder of profile TOML files (default: $CINPLAN_PROFILES or the shipped profiles)");

  auto* profiles = app.add_subcommand("profiles", "list the procedure profiles");

  auto* profile = app.add_subcommand("profile", "show, compare or check procedure profiles");
  profile->require_subcommand(1);
  std::string show_id, diff_a, diff_b;
  std::vector<std::string> check_files;
  auto* show = profile->add_subcommand("show", "print one authority's procedure as a table");
  show->add_option("id", show_id, "profile id")->required();
  auto* diff = profile->add_subcommand("diff", "where two authorities' procedures differ");
  diff->add_option("a", diff_a, "first profile id")->required();
  diff->add_option("b", diff_b, "second profile id")->required();
  auto* check = profile->add_subcommand("check", "check profile files as the loader does");
  check->add_option("files", check_files, "profile TOML files")->required();

  cli::ObligationsArgs ob;
  auto* obligations = app.add_subcommand("obligations", "what is due for one case, and why");
  obligations->add_option("--profile", ob.profile, "profile id")->required();
  obligations->add_option("--case", ob.case_file, "case history JSON file")->required();
  obligations->add_option("--today", ob.today, "the day to work out obligations as at (YYYY-MM-DD)")
      ->required();
  obligations->add_flag("--json", ob.json, "print a JSON array");
  obligations->add_flag("--why", ob.why, "print the procedure's sentence under each line");

  bool markdown = false;
  auto* events = app.add_subcommand("events", "the event types of a case history, with examples");
  events->add_flag("--markdown", markdown, "print as Markdown (docs/events.md)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string what = e.what();
    return cli::fail(what + " (see cinplan --help)");
  }

  const std::filesystem::path folder =
      profiles_dir.empty() ? app::default_profiles_folder() : std::filesystem::path(profiles_dir);
  if (*profiles) return cli::run_profiles(folder);
  if (*show) return cli::run_profile_show(folder, show_id);
  if (*diff) return cli::run_profile_diff(folder, diff_a, diff_b);
  if (*check) return cli::run_profile_check(check_files);
  if (*obligations) return cli::run_obligations(folder, ob);
  if (*events) return cli::run_events(markdown);
  return cli::fail("no command given (see cinplan --help)");
}
