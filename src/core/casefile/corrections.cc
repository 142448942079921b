#include "core/casefile/corrections.h"

namespace cinplan {
namespace {

using json = nlohmann::ordered_json;

Error wrong(const CaseHistory& h, std::size_t i, const std::string& what) {
  return Error::bad_input(h.describe_event(i) + ": " + what);
}

}  // namespace

Result<void> check_correction_fields(const json& correction) {
  auto it = correction.find("replacement");
  if (it == correction.end() || it->is_null()) return {};  // struck out
  auto type = it->find("type");
  if (type != it->end() && type->is_string() &&
      type->get<std::string>() == event_type(corrected_event_type()).id) {
    return std::unexpected(Error::bad_input(
        "field replacement cannot itself be a correction: correct the original event again"));
  }
  auto replacement = parse_event(*it);
  if (!replacement) {
    return std::unexpected(Error::bad_input("field replacement: " + replacement.error().message));
  }
  return {};
}

std::uint32_t corrected_index(const Event& correction) {
  return static_cast<std::uint32_t>(correction.body.at("corrects").get<std::int64_t>() - 1);
}

Result<CorrectedRecord> CorrectedRecord::of(const CaseHistory& h) {
  const EventTypeId correction_type = corrected_event_type();
  CorrectedRecord record;
  // latest[i]: the latest correction of event i, or -1; replacement_of[c]: the
  // index into replacements_ of correction c's replacement, or -1.
  std::vector<std::int32_t> latest;
  std::vector<std::int32_t> replacement_of;
  for (std::size_t i = 0; i < h.events.size(); ++i) {
    const Event& c = h.events[i];
    if (c.type != correction_type) continue;
    if (latest.empty()) {
      latest.assign(h.events.size(), -1);
      replacement_of.assign(h.events.size(), -1);
    }
    ++record.corrections_;
    const std::int64_t corrects = c.body.at("corrects").get<std::int64_t>();
    if (corrects < 1 || static_cast<std::uint64_t>(corrects) > i) {
      return std::unexpected(
          wrong(h, i,
                "corrects " + std::to_string(corrects) +
                    " does not name an earlier event (corrects counts from 1; this correction is "
                    "event " +
                    std::to_string(i + 1) + ")"));
    }
    const std::size_t target = static_cast<std::size_t>(corrects - 1);
    const Event& original = h.events[target];
    if (original.type == correction_type) {
      return std::unexpected(wrong(h, i,
                                   "corrects " + std::to_string(corrects) + ", which is " +
                                       h.describe_event(target) +
                                       ", itself a correction: correct the original event "
                                       "again instead"));
    }
    if (c.date < original.date) {
      return std::unexpected(wrong(h, i,
                                   "is dated before the event it corrects, " +
                                       h.describe_event(target) +
                                       ": a correction is dated the day it was made"));
    }
    if (auto it = c.body.find("replacement"); it != c.body.end() && !it->is_null()) {
      auto replacement = parse_event(*it);
      if (!replacement) {
        return std::unexpected(wrong(h, i, "replacement: " + replacement.error().message));
      }
      if (replacement->date > c.date) {
        return std::unexpected(wrong(h, i,
                                     "replacement is dated " + replacement->date.to_string() +
                                         ", after the correction was made"));
      }
      replacement_of[i] = static_cast<std::int32_t>(record.replacements_.size());
      record.replacements_.push_back(std::move(*replacement));
    }
    latest[target] = static_cast<std::int32_t>(i);
  }

  record.entries_.reserve(h.events.size() - record.corrections_);
  for (std::size_t i = 0; i < h.events.size(); ++i) {
    if (h.events[i].type == correction_type) continue;
    Entry entry{static_cast<std::uint32_t>(i), &h.events[i], -1};
    if (!latest.empty() && latest[i] >= 0) {
      entry.corrected_by = latest[i];
      const std::int32_t r = replacement_of[static_cast<std::size_t>(latest[i])];
      if (r < 0) continue;  // struck out
      entry.event = &record.replacements_[static_cast<std::size_t>(r)];
    }
    record.entries_.push_back(entry);
  }
  return record;
}

std::string CorrectedRecord::describe(const CaseHistory& history, const Entry& entry) {
  if (entry.corrected_by < 0) return history.describe_event(entry.index);
  return "event " + std::to_string(entry.index + 1) + " as corrected by event " +
         std::to_string(entry.corrected_by + 1) + " (" + std::string(entry.event->type_id()) +
         ", " + entry.event->date.to_string() + ")";
}

}  // namespace cinplan
