#include "app/case_import.h"

#include <utility>

#include "app/obligation_report.h"
#include "core/casefile/case_history.h"
#include "core/obligations/findings.h"

namespace cinplan::app {
namespace {

Error conflict(const std::filesystem::path& file, std::string_view case_id,
               const store::EventStore& store) {
  return Error{ErrorCode::kConflict,
               file.string() + ": case " + std::string(case_id) + " is already in " +
                   store.describe() + "; nothing was imported from this file",
               {}};
}

}  // namespace

Result<std::string> profile_for_file(const ProfileCatalog& catalog,
                                     const std::filesystem::path& file, std::string_view requested,
                                     std::string_view named_in_file) {
  if (!named_in_file.empty()) {
    if (!requested.empty() && requested != named_in_file) {
      return std::unexpected(Error::bad_input(
          "the file names the profile " + std::string(named_in_file) + " but --profile says " +
          std::string(requested) + "; a case runs under one procedure"));
    }
    auto profile = catalog.find(named_in_file);
    if (!profile) return std::unexpected(profile.error().within("\"profile\""));
    return std::string(named_in_file);
  }
  if (!requested.empty()) {
    auto profile = catalog.find(requested);
    if (!profile) return std::unexpected(profile.error().within("--profile"));
    return std::string(requested);
  }
  const std::string folder = file.parent_path().filename().string();
  if (!folder.empty() && catalog.find(folder)) return folder;
  std::string known;
  for (const Profile& p : catalog.profiles()) known += (known.empty() ? "" : ", ") + p.id;
  return std::unexpected(Error::bad_input(
      "which procedure profile does this case run under? Name it with --profile ID (known: " +
      known + "), or keep the file in a folder named after the profile"));
}

Result<ParsedCase> parse_case_file(const ProfileCatalog& catalog, std::string_view text,
                                   const std::filesystem::path& file,
                                   const ImportOptions& options) {
  const std::string where = file.string();
  if (options.recorded_by.empty()) {
    return std::unexpected(
        Error::bad_input(where + ": who is importing is not known (give --by NAME)"));
  }
  auto history = parse_case_history(text);
  if (!history) return std::unexpected(history.error().within(where));
  auto profile = profile_for_file(catalog, file, options.profile, history->profile);
  if (!profile) return std::unexpected(profile.error().within(where));
  std::vector<std::string> warnings = record_warnings(**catalog.find(*profile), *history);
  return ParsedCase{file, std::move(*history), std::move(*profile), std::move(warnings)};
}

Result<ImportedCase> import_parsed(store::EventStore& store, ParsedCase parsed,
                                   const ImportOptions& options, const Clock& clock) {
  const CaseHistory& history = parsed.history;
  store::AppendRequest request;
  request.stream_id = history.case_id;
  request.expected_version = 0;
  request.create = store::NewStream{std::string(store::kCaseStreamKind), parsed.profile,
                                    history.document.dump()};
  request.events.reserve(history.events.size());
  for (std::size_t i = 0; i < history.events.size(); ++i) {
    const Event& e = history.events[i];
    request.events.push_back(
        store::NewEvent{std::string(e.type_id()), e.date.to_string(), e.body.dump(),
                        options.recorded_at ? options.recorded_at(e, i) : std::string()});
  }
  request.recorded_by = options.recorded_by;
  request.recorded_at = utc_timestamp(clock.now());

  auto appended = store.append(request);
  if (!appended) {
    // Expected version 0: a conflict means the case is already there.
    if (appended.error().code == ErrorCode::kConflict) {
      return std::unexpected(conflict(parsed.file, history.case_id, store));
    }
    return std::unexpected(appended.error().within(parsed.file.string()));
  }
  return ImportedCase{history.case_id, std::move(parsed.profile), history.events.size(),
                      appended->version, std::move(parsed.warnings)};
}

Result<ImportedCase> import_case(store::EventStore& store, const ProfileCatalog& catalog,
                                 std::string_view text, const std::filesystem::path& file,
                                 const ImportOptions& options, const Clock& clock) {
  auto parsed = parse_case_file(catalog, text, file, options);
  if (!parsed) return std::unexpected(parsed.error());
  return import_parsed(store, std::move(*parsed), options, clock);
}

std::vector<std::string> record_warnings(const Profile& profile, const CaseHistory& history) {
  std::vector<std::string> out;
  for (const Finding& f : check_constraints(profile, history))
    out.push_back(finding_line(profile, history, f));
  for (const auto& [repeat, first] : exact_repeats(history)) {
    out.push_back("event " + std::to_string(repeat + 1) + " repeats event " +
                  std::to_string(first + 1) + " exactly; the obligations count it once");
  }
  return out;
}

Result<ImportedCase> import_file(store::EventStore& store, const ProfileCatalog& catalog,
                                 const std::filesystem::path& file, const ImportOptions& options,
                                 const Clock& clock) {
  auto text = read_file(file);  // its messages name the file
  if (!text) return std::unexpected(text.error());
  return import_case(store, catalog, *text, file, options, clock);
}

}  // namespace cinplan::app
