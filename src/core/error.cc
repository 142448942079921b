#include "core/error.h"

namespace cinplan {

std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadInput:
      return "bad_input";
    case ErrorCode::kRuleViolation:
      return "rule_violation";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kUnavailable:
      return "unavailable";
    case ErrorCode::kDenied:
      return "denied";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "internal";
}

std::string Error::describe() const {
  if (rule.empty()) return message;
  return message + " (" + rule + ")";
}

Error Error::within(std::string_view where) const& {
  Error e = *this;
  e.message = std::string(where) + ": " + message;
  return e;
}

}  // namespace cinplan
