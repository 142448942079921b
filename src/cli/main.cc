// cinplan: Child in Need case management. Command-line entry point: parses
// the arguments and hands each command to its function in commands.h.
#include <CLI/CLI.hpp>

#include "app/profile_catalog.h"
#include "cli/commands.h"
#include "cli/unknown_command.h"

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
  show->add_option("PROFILE", show_id, "profile id")->required();
  auto* diff = profile->add_subcommand("diff", "where two authorities' procedures differ");
  diff->add_option("FIRST_PROFILE", diff_a, "first profile id")->required();
  diff->add_option("SECOND_PROFILE", diff_b, "second profile id")->required();
  bool diff_json = false;
  diff->add_flag("--json", diff_json, "print the comparison as JSON");
  auto* check = profile->add_subcommand("check", "check profile files as the loader does");
  check->add_option("PROFILE_FILE", check_files, "profile TOML files")->required();

  cli::ObligationsArgs ob;
  auto* obligations = app.add_subcommand("obligations", "what is due for one case, and why");
  obligations->add_option("--profile", ob.profile,
                          "profile id (default: the one the case file names, else its folder's "
                          "name; with --db, the case's own)");
  obligations->add_option("--case", ob.case_file, "case history JSON file, or with --db a case id")
      ->required();
  obligations->add_option("--db", ob.db,
                          "read the case from this database (sqlite:PATH or postgresql://...)");
  obligations->add_option("--today", ob.today,
                          "the day to work out obligations as at (YYYY-MM-DD; default: today)");
  obligations->add_flag("--json", ob.json, "print a JSON array");
  obligations->add_flag("--why", ob.why, "print the procedure's sentence under each line");

  bool markdown = false;
  auto* events = app.add_subcommand("events", "the event types of a case history, with examples");
  events->add_flag("--markdown", markdown, "print as Markdown (docs/events.md)");

  cli::ImportArgs im;
  auto* import_cmd = app.add_subcommand("import", "put case-history files into a database");
  import_cmd
      ->add_option("--db", im.db,
                   "database URL: sqlite:PATH (created if missing) or postgresql://...")
      ->required();
  import_cmd->add_option("--profile", im.profile,
                         "profile id of every file (default: the file's folder name)");
  import_cmd->add_option("--by", im.by, "who is importing (default: $CINPLAN_USER or login name)");
  import_cmd->add_option("CASE_FILE", im.files, "case history JSON files")->required();

  cli::ExportArgs ex;
  auto* export_cmd =
      app.add_subcommand("export", "print a case from a database as a case-history file");
  export_cmd->add_option("--db", ex.db, "database URL (sqlite:PATH or postgresql://...)")
      ->required();
  export_cmd->add_option("--case", ex.case_id, "case id")->required();
  export_cmd->add_option("--output", ex.output, "write to this file instead of standard output");

  cli::CaseloadArgs cl;
  auto* caseload =
      app.add_subcommand("caseload", "every open case in a database, most urgent first");
  caseload->add_option("--db", cl.db, "database URL (sqlite:PATH or postgresql://...)")->required();
  caseload->add_option("--today", cl.today,
                       "the day to work out obligations as at (YYYY-MM-DD; default: today)");
  caseload->add_option("--worker", cl.worker, "only this worker's cases");
  caseload->add_option("--team", cl.team, "only this team's cases");
  caseload->add_flag("--why", cl.why,
                     "list each case's items with the procedure's sentences and its rule breaches");
  caseload->add_flag("--json", cl.json, "print a JSON array");

  cli::MigrateArgs mg;
  auto* migrate = app.add_subcommand(
      "migrate", "bring an existing database up to this cinplan's schema version");
  migrate->add_option("--db", mg.db, "database URL (sqlite:PATH or postgresql://...)")->required();

  cli::ServeArgs sv;
  auto* serve = app.add_subcommand("serve", "serve the HTTP API (settings: --config, CINPLAN_*)");
  serve->add_option("--db", sv.db, "database URL (sqlite:PATH or postgresql://...)")->required();
  serve->add_option("--port", sv.port, "port to listen on (0: any free port)");
  serve->add_option("--bind", sv.bind, "address to listen on (default 127.0.0.1)");
  serve->add_option("--config", sv.config, "TOML settings file");
  // Administrators' commands: accounts, teams, grants (passwords only ever
  // from standard input), and the access log.
  cli::UserArgs us;
  auto* user = app.add_subcommand("user", "staff accounts, teams and grants to restricted cases");
  user->require_subcommand(1);
  const auto user_command = [&](const char* name, const char* what, const char* first) {
    auto* c = user->add_subcommand(name, what);
    c->add_option("--db", us.db, "database URL (sqlite:PATH or postgresql://...)")->required();
    if (first != nullptr)
      c->add_option(first, us.username,
                    std::string_view(first) == "TEAM_ID" ? "team id, e.g. locality-north"
                                                         : "username, e.g. alex.morgan")
          ->required();
    return c;
  };
  auto* user_add = user_command(
      "add", "add a staff account; its password is the first line of standard input", "USERNAME");
  user_add->add_option("--name", us.name, "the name people and records show")->required();
  user_add->add_option("--role", us.role, "role id (social_worker, first_line_manager, ...)")
      ->required();
  user_add->add_option("--team", us.team, "team id");
  user_add->add_option("--agency", us.agency, "a partner professional's agency");
  user_add->add_option("--line-manager", us.line_manager, "username of their line manager");
  auto* team_add = user_command("team-add", "add a team", "TEAM_ID");
  team_add->add_option("--name", us.name, "the team's name as people read it")->required();
  auto* user_disable =
      user_command("disable", "disable an account and sign it out everywhere", "USERNAME");
  auto* user_enable = user_command("enable", "enable a disabled account", "USERNAME");
  auto* user_reset = user_command(
      "reset-password", "set a new password from the first line of standard input", "USERNAME");
  auto* user_grant = user_command("grant", "grant an account a restricted case", "USERNAME");
  user_grant->add_option("--case", us.case_id, "case id")->required();
  user_grant->add_option("--reason", us.reason, "why the grant is needed")->required();
  auto* user_revoke = user_command("revoke", "revoke an account's grant to a case", "USERNAME");
  user_revoke->add_option("--case", us.case_id, "case id")->required();
  auto* user_list = user_command("list", "list the staff accounts", nullptr);
  user_list->add_flag("--json", us.json, "print a JSON array");

  cli::AuditArgs au;
  auto* audit = app.add_subcommand("audit", "who read or changed a case, or what a user did");
  audit->add_option("--db", au.db, "database URL (sqlite:PATH or postgresql://...)")->required();
  audit->add_option("--case", au.case_id, "the entries on this case");
  audit->add_option("--user", au.username, "the entries of this username");
  audit->add_option("--since", au.since, "from this day (YYYY-MM-DD) or UTC time on");
  audit->add_flag("--json", au.json, "print a JSON array");

  cli::DemoArgs dm;
  auto* demo = app.add_subcommand("demo", "write a demo authority (teams, staff, children)");
  demo->add_option("--db", dm.db,
                   "database URL: sqlite:PATH (created if missing) or postgresql://...")
      ->required();
  demo->add_option("--profile", dm.profile, "the procedure profile the children's cases run under")
      ->required();
  demo->add_option("--children", dm.children, "how many children (default: 300)");
  demo->add_option("--today", dm.today,
                   "the day the histories run up to (YYYY-MM-DD; default: today)");

  cli::CensusValidateArgs cv;
  auto* census =
      app.add_subcommand("census", "the Children in Need census: validate or export a return");
  census->require_subcommand(1);
  auto* census_validate = census->add_subcommand(
      "validate", "check a census XML file against every DfE rule of the 2025-26 collection");
  census_validate->add_option("FILE", cv.file, "the census XML file")->required();
  census_validate->add_option("--year", cv.year,
                              "the collection year, e.g. 2026 (default: the file's Year)");
  census_validate->add_flag("--json", cv.json, "print the report as JSON");
  census_validate->add_option("--csv", cv.csv, "also write the findings to this CSV file");

  cli::CensusExportArgs ce;
  auto* census_export =
      census->add_subcommand("export", "write the census XML of a collection year from a database");
  census_export->add_option("--db", ce.db, "database URL (sqlite:PATH or postgresql://...)")
      ->required();
  census_export->add_option("--year", ce.year, "the collection year, e.g. 2026")->required();
  census_export->add_option("--la", ce.la, "the authority's three-digit number")->required();
  census_export->add_option("--output", ce.output,
                            "write to this file (whole or not at all) instead of standard output");

  // A word that is not a command is named, with the commands there are.
  if (auto wrong = cli::unknown_command(app, argc, argv)) return cli::fail(*wrong);

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
  if (*diff) return cli::run_profile_diff(folder, diff_a, diff_b, diff_json);
  if (*check) return cli::run_profile_check(check_files);
  if (*obligations) return cli::run_obligations(folder, ob);
  if (*events) return cli::run_events(markdown);
  if (*import_cmd) return cli::run_import(folder, im);
  if (*export_cmd) return cli::run_export(ex);
  if (*caseload) return cli::run_caseload(folder, cl);
  if (*migrate) return cli::run_migrate(mg);
  if (*serve) return cli::run_serve(sv);
  if (*user_add) return cli::run_user_add(us);
  if (*team_add) return cli::run_team_add(us);
  if (*user_disable) return cli::run_user_disable(us, true);
  if (*user_enable) return cli::run_user_disable(us, false);
  if (*user_reset) return cli::run_user_reset_password(us);
  if (*user_grant) return cli::run_user_grant(us);
  if (*user_revoke) return cli::run_user_revoke(us);
  if (*user_list) return cli::run_user_list(us);
  if (*audit) return cli::run_audit(au);
  if (*demo) return cli::run_demo(folder, dm);
  if (*census_validate) return cli::run_census_validate(cv);
  if (*census_export) return cli::run_census_export(ce);
  return cli::fail("no command given (see cinplan --help)");
}
