#include "app/commands.h"

#include <algorithm>
#include <mutex>

#include "app/census_codes.h"
#include "app/obligation_report.h"
#include "app/service.h"
#include "app/text_checks.h"
#include "app/wording.h"
#include "core/casefile/case_id.h"
#include "core/obligations/findings.h"
#include "core/obligations/obligations.h"

namespace cinplan::app {
namespace {

using json = nlohmann::ordered_json;

// "profile: rule: " and the first sentence it cites, as a refusal names it.
std::string quote_of(const Profile& profile, const std::string& id,
                     const std::vector<Citation>& cite) {
  std::string out = profile.id + ": " + id;
  if (!cite.empty()) out += ": " + citation_words(cite.front());
  return out;
}

// Dates a person can get wrong by a digit: after today, or before the child
// was born, or a next meeting not after the meeting or years ahead, are
// refused in words; before the case's record begins is
// flagged (a referral or an assessment may be recorded after the case was
// opened, but a typed year is the likelier cause).
Result<void> check_dates(const Events& events, Date today, const CaseRecord* record,
                         std::vector<std::string>& warnings) {
  std::optional<Date> born, begins;
  if (record) {
    born = record->history.child.date_of_birth;
    for (const Event& e : record->history.events)
      if (!begins || e.date < *begins) begins = e.date;
  }
  for (const json& e : events) {
    const std::string date = e.value("date", "");
    auto d = parse_date(date);
    const std::string on = d ? date_words(*d) : date;
    if (date > today.to_string())
      return std::unexpected(Error::bad_input("The date given, " + on + ", is after today (" +
                                              date_words(today) +
                                              "): record only what has happened (date)."));
    if (!d) continue;
    // The next meeting agreed is after this one and within the year:
    // reviews come every few months under every procedure here.
    if (auto next = parse_date(e.value("next_meeting", ""));
        next && e.value("type", "") == "meeting") {
      if (*next <= *d)
        return std::unexpected(Error::bad_input("The next meeting, on " + date_words(*next) +
                                                ", is not after this one on " + date_words(*d) +
                                                " (next_meeting)."));
      if (*next > add_days(*d, 366))
        return std::unexpected(Error::bad_input("The next meeting, on " + date_words(*next) +
                                                ", is more than a year after this one on " +
                                                date_words(*d) +
                                                ": check the year (next_meeting)."));
    }
    if (born && *d < *born && e.value("type", "") != "referral_received")
      return std::unexpected(Error::bad_input("The date given, " + on +
                                              ", is before the child was born (" +
                                              date_words(*born) + "): check the year (date)."));
    const std::string early = "The date given, " + on + ", is before this case's record begins (" +
                              (begins ? date_words(*begins) : std::string()) + "): check the year.";
    if (begins && *d < *begins &&
        std::find(warnings.begin(), warnings.end(), early) == warnings.end())
      warnings.push_back(early);
  }
  return {};
}

// What may still be recorded on a closed case after the day it closed: notes,
// corrections and what keeps the record safe (who may see it, whose address
// is kept from whom). Anything else that happened later belongs to a new
// referral (DESIGN.md section 5: nothing is due after closure).
Result<void> check_after_closure(const Events& events, const CaseRecord* record) {
  if (!record) return {};
  const auto closed = record->state.facts(*find_event_type("closed"));
  if (closed.empty()) return {};
  const Date on = Date::from_days(closed.back().date);
  static constexpr std::string_view kStillRecorded[] = {
      "case_note_added", "event_corrected",    "person_details_changed", "address_withheld",
      "case_restricted", "restriction_lifted", "written_update_added",   "attachment_added"};
  for (const json& e : events) {
    const std::string type = e.value("type", "");
    if (std::find(std::begin(kStillRecorded), std::end(kStillRecorded), type) !=
        std::end(kStillRecorded))
      continue;
    auto d = parse_date(e.value("date", ""));
    if (!d || *d <= on) continue;
    return std::unexpected(Error::rule_violation(
        "This case was closed on " + date_words(on) + ", and this is dated " + date_words(*d) +
            ", after that. If the child needs help again, refer them again as a new case. A "
            "case note can still be added, and a closure recorded by mistake can be corrected "
            "(date).",
        "cinplan, for every authority: a closed case's duties end at its closure"));
  }
  return {};
}

// The case with the new events added, checked as an import would check it
// (registry, law across events).
Result<CaseHistory> candidate(const CaseRecord* record, const json& header, const Events& events) {
  json document = record ? record->history.document : header;
  json list = json::array();
  if (record)
    for (const Event& e : record->history.events) list.push_back(e.body);
  for (const json& e : events) list.push_back(e);
  document["events"] = std::move(list);
  return case_history_from_json(std::move(document));
}

// Must constraints broken by the new events refuse the command; should ones
// are warnings.
Result<void> check_constraints_of(const Profile& profile, const CaseHistory& history,
                                  std::size_t first_new, std::vector<std::string>& warnings) {
  for (const Finding& f : check_constraints(profile, history)) {
    if (f.event < first_new) continue;
    const Constraint& c = profile.constraints[f.constraint];
    if (c.strength == Strength::kMust) {
      // A sentence, naming the field that breaks it so that a form puts
      // the message beside it.
      std::string words = finding_words(profile, history, f);
      if (!words.empty() && words[0] >= 'a' && words[0] <= 'z')
        words[0] = static_cast<char>(words[0] - 'a' + 'A');
      // A meeting held otherwise than the procedure asks is still recorded as
      // it happened when the reason is given: kept with it, and flagged.
      const Event& e = history.events[f.event];
      if (const std::string why = e.string_field("departure_reason"); !why.empty()) {
        warnings.push_back("Recorded as it happened, against the procedure: " + words + ". " +
                           "The reason given: " + why);
        continue;
      }
      if (!f.failed.empty()) words += " (" + c.require[f.failed.front().requirement].field + ")";
      if (e.type_id() == "meeting") words += ". " + std::string(kDepartureAsk);
      return std::unexpected(Error::rule_violation(words + ".", quote_of(profile, c.id, c.cite)));
    }
    warnings.push_back(finding_words(profile, history, f));
  }
  return {};
}

// Duties the new events met late: allowed, and said.
void late_warnings(const Profile& profile, const CaseHistory& history, std::size_t first_new,
                   Date today, std::vector<std::string>& warnings) {
  const CaseState state = fold(history);
  for (const Obligation& o : obligations(profile, state, today)) {
    if (o.met_by < 0 || static_cast<std::size_t>(o.met_by) < first_new) continue;
    if (o.status != ObligationStatus::kMetLate) continue;
    const Rule& r = profile.rules[o.rule];
    // A duty only to consider has no date to be late for (a review held
    // after six weeks is not a mid point meeting held late).
    if (r.strength_on(active_pathways(state, today)) == Strength::kConsider) continue;
    warnings.push_back("Done late: " + r.title + " was due by " + date_words(o.due) + ".");
  }
}

std::mutex register_mutex;

std::string next_case_id(Service& service) {
  std::int64_t highest = 1000;
  service.records().read([&](const Records::View& v) {
    for (const auto& [id, r] : v.cases) {
      if (!id.starts_with("C-")) continue;
      std::int64_t n = 0;
      bool digits = id.size() > 2;
      for (char c : std::string_view(id).substr(2)) {
        if (c < '0' || c > '9' || n > 1'000'000'000) {
          digits = false;
          break;
        }
        n = n * 10 + (c - '0');
      }
      if (digits && n > highest) highest = n;
    }
    return 0;
  });
  return "C-" + std::to_string(highest + 1);
}

// The first character of `value` (or of any text inside it) that a person
// could not have typed into a form: a control character other than a tab or
// a line break. Empty when there is none.
std::string typed_text_problem(const json& value) {
  if (value.is_string()) {
    for (unsigned char c : value.get_ref<const std::string&>()) {
      if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f) {
        char code[8];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
        return code;
      }
    }
    return {};
  }
  if (value.is_array() || value.is_object()) {
    for (const auto& item : value) {
      if (std::string bad = typed_text_problem(item); !bad.empty()) return bad;
    }
  }
  return {};
}

}  // namespace

Result<json> event_from(std::string_view type, const json& body, Date today,
                        std::span<const std::string_view> extra) {
  auto id = find_event_type(type);
  if (!id)
    return std::unexpected(Error{ErrorCode::kInternal, "no event type " + std::string(type), {}});
  const EventTypeSpec& spec = event_type(*id);
  if (!body.is_object())
    return std::unexpected(Error::bad_input("The request must be a JSON object."));
  json event = json::object();
  event["type"] = std::string(type);
  event["date"] = today.to_string();
  for (auto& [key, value] : body.items()) {
    if (key == "version") continue;
    bool known = key == "date" || find_field(spec, key) != nullptr;
    for (std::string_view x : extra) known = known || key == x;
    if (!known) {
      std::string names = "date";
      for (const FieldSpec& f : spec.fields) names += ", " + std::string(f.name);
      return std::unexpected(Error::bad_input("\"" + key + "\" is not a field of " +
                                              std::string(type) + " (its fields: " + names + ")."));
    }
    if (std::string bad = typed_text_problem(value); !bad.empty()) {
      return std::unexpected(Error::bad_input(
          "The text holds an invisible control character (" + bad +
          "): text in a record may hold line breaks and tabs, but no other control characters; "
          "type it again without pasting (" +
          key + ")."));
    }
    if (std::find(extra.begin(), extra.end(), key) != extra.end()) continue;
    event[key] = value;
  }
  // The registry's checks (types, required fields, values, real dates) now,
  // so builders read only well-formed fields.
  if (auto parsed = parse_event(event); !parsed) return std::unexpected(parsed.error());
  return event;
}

Result<CommandResult> run_command(Service& service, const access::Caller& caller,
                                  const CommandSpec& spec, const CommandRequest& request) {
  const Date today = service.today();
  const bool registering = request.case_id.empty();
  std::unique_lock<std::mutex> registering_lock;
  if (registering) registering_lock = std::unique_lock(register_mutex);

  // A copy of the record as read, so the checks see one version throughout.
  std::optional<CaseRecord> record;
  if (!registering) {
    if (auto bad = check_case_id(request.case_id); !bad) return std::unexpected(bad.error());
    record = service.records().read([&](const Records::View& v) -> std::optional<CaseRecord> {
      const CaseRecord* r = v.find(request.case_id);
      if (!r) return std::nullopt;
      return *r;
    });
    if (!record)
      return std::unexpected(Error::not_found("There is no case " + request.case_id + "."));
    if (!request.expected_version) {
      return std::unexpected(Error::bad_input(
          "Send the version of the case you read (the If-Match header, or \"version\"): case " +
          record->id + " is at version " + std::to_string(record->version) + "."));
    }
    if (*request.expected_version != record->version) {
      return std::unexpected(
          Error{ErrorCode::kConflict,
                "Case " + record->id + " has changed since you read it: you read version " +
                    std::to_string(*request.expected_version) + ", it is now at version " +
                    std::to_string(record->version) + ".",
                {}});
    }
  }
  const std::string profile_id =
      registering ? request.body.value("profile", service.settings().profile) : record->profile;
  auto profile = service.catalog().find(profile_id);
  if (!profile) return std::unexpected(profile.error());

  if (!request.uploads.empty() && !spec.takes_files)
    return std::unexpected(Error::bad_input("This takes no file: send it without one."));
  std::vector<AttachmentFile> files;
  for (const Upload& upload : request.uploads) {
    auto file = examine_upload(upload, service.settings().max_upload_bytes);
    if (!file) return std::unexpected(file.error());
    files.push_back(std::move(*file));
  }
  const CommandContext ctx{caller, record ? &*record : nullptr, **profile, today, service, files};
  Result<Events> built = Events{};
  if (spec.build) {
    built = spec.build(ctx, request.body);
  } else if (auto one = event_from(spec.event, request.body, today, spec.extra_fields); one) {
    built->push_back(std::move(*one));
  } else {
    built = std::unexpected(one.error());
  }
  if (!built) return std::unexpected(built.error());
  Events& events = *built;
  CommandResult result;
  if (auto ok = check_dates(events, today, record ? &*record : nullptr, result.warnings); !ok)
    return std::unexpected(ok.error());
  if (auto ok = check_after_closure(events, record ? &*record : nullptr); !ok)
    return std::unexpected(ok.error());
  if (auto ok = check_text(events); !ok) return std::unexpected(ok.error());
  if (auto ok = check_census_codes(events, service.census_codes()); !ok)
    return std::unexpected(ok.error());
  json header;
  if (registering) {
    result.case_id = request.body.value("case_id", next_case_id(service));
    if (auto bad = check_case_id(result.case_id); !bad) return std::unexpected(bad.error());
    const json& child = events.front();
    header["case_id"] = result.case_id;
    json c;
    c["id"] = "P-" + result.case_id.substr(result.case_id.find('-') + 1);
    c["name"] = child.value("name", "");
    if (child.contains("date_of_birth")) c["date_of_birth"] = child["date_of_birth"];
    header["child"] = std::move(c);
    header["profile"] = profile_id;
    if (!caller.team.empty()) header["team"] = service.team_name(caller.team);
  } else {
    result.case_id = record->id;
  }
  const std::size_t first_new = record ? record->history.events.size() : 0;
  auto history = candidate(record ? &*record : nullptr, header, events);
  if (!history) return std::unexpected(history.error());
  if (auto ok = check_constraints_of(**profile, *history, first_new, result.warnings); !ok)
    return std::unexpected(ok.error());
  if (spec.check) {
    if (auto ok = spec.check(ctx, *history, first_new, result); !ok)
      return std::unexpected(ok.error());
  }
  late_warnings(**profile, *history, first_new, today, result.warnings);
  if (record && spec.name != "correct_event" &&
      !record->state.facts(*find_event_type("closed")).empty())
    result.warnings.push_back("The case is closed: this was recorded after its closure.");
  if (request.check_only) {
    result.version = record ? record->version : 0;
    for (const json& e : events) result.written.push_back(e.value("type", ""));
    return result;
  }

  store::AppendRequest append;
  append.stream_id = result.case_id;
  append.expected_version = record ? record->version : 0;
  if (registering)
    append.create =
        store::NewStream{std::string(store::kCaseStreamKind), profile_id, header.dump()};
  for (const json& e : events) {
    append.events.push_back({e.value("type", ""), e.value("date", ""), e.dump()});
    result.written.push_back(e.value("type", ""));
  }
  for (std::size_t i = 0; i < files.size(); ++i)
    append.files.push_back({files[i].sha256, files[i].media_type, request.uploads[i].content});
  append.recorded_by = caller.username;
  append.recorded_at = service.now();
  auto appended = service.events().append(append);
  if (!appended) {
    if (appended.error().code == ErrorCode::kConflict && registering)
      return std::unexpected(
          Error{ErrorCode::kConflict, "There is already a case " + result.case_id + ".", {}});
    return std::unexpected(appended.error());
  }
  result.version = appended->version;
  if (auto caught = service.catch_up(); !caught) return std::unexpected(caught.error());
  return result;
}

}  // namespace cinplan::app
