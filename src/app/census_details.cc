#include "app/census_details.h"

#include "app/records.h"
#include "core/casefile/corrections.h"

namespace cinplan::app {
namespace {

using json = nlohmann::ordered_json;

// The latest event of `type` as the record now says it, with its place.
const CorrectedRecord::Entry* latest(const CorrectedRecord& record, std::string_view type) {
  const CorrectedRecord::Entry* found = nullptr;
  for (const auto& entry : record.entries())
    if (entry.event->type_id() == type) found = &entry;
  return found;
}

json correction(const CorrectedRecord::Entry& entry, json replacement, Date today) {
  return json{{"type", "event_corrected"},
              {"date", today.to_string()},
              {"corrects", entry.index + 1},
              {"reason", "the census details recorded"},
              {"replacement", std::move(replacement)}};
}

}  // namespace

Result<Events> record_census_details(const CommandContext& ctx, const json& body) {
  static constexpr std::string_view kFields[] = {"referral_source", "primary_need", "factors",
                                                 "upn_unknown"};
  if (!body.is_object() || body.empty())
    return std::unexpected(Error::bad_input(
        "Give at least one of referral_source, primary_need, factors and upn_unknown."));
  for (const auto& [key, value] : body.items())
    if (std::find(std::begin(kFields), std::end(kFields), key) == std::end(kFields))
      return std::unexpected(
          Error::bad_input("\"" + key +
                           "\" is not a census detail: referral_source, primary_need, factors or "
                           "upn_unknown."));
  if (!ctx.record) return std::unexpected(Error::bad_input("There is no record to add them to."));
  auto record = CorrectedRecord::of(ctx.record->history);
  if (!record) return std::unexpected(record.error());
  Events out;
  if (body.contains("referral_source") || body.contains("primary_need")) {
    const auto* referral = latest(*record, "referral_received");
    if (!referral)
      return std::unexpected(Error::bad_input(
          "The record has no referral to carry the source and the need (referral_source)."));
    json r = referral->event->body;
    for (const char* k : {"referral_source", "primary_need"})
      if (body.contains(k)) r[k] = body[k];
    out.push_back(correction(*referral, std::move(r), ctx.today));
  }
  if (body.contains("factors")) {
    if (!body["factors"].is_array())
      return std::unexpected(
          Error::bad_input("The factors are a list of census codes, e.g. [\"3A\"] (factors)."));
    const auto* assessment = latest(*record, "assessment_completed");
    if (!assessment)
      return std::unexpected(Error::bad_input(
          "The record has no completed assessment to carry the factors (factors)."));
    json a = assessment->event->body;
    a["factors"] = body["factors"];
    out.push_back(correction(*assessment, std::move(a), ctx.today));
  }
  if (body.contains("upn_unknown"))
    out.push_back(json{{"type", "person_details_changed"},
                       {"date", ctx.today.to_string()},
                       {"person_id", "child"},
                       {"changes", {{"upn_unknown", body["upn_unknown"]}}}});
  return out;
}

}  // namespace cinplan::app
