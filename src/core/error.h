// Errors as values. Every fallible function in cinplan returns
// std::expected<T, Error>; exceptions are reserved for programming errors and
// start-up failure.
#pragma once

#include <expected>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cinplan {

// The small, closed set of things that can go wrong. Each maps to one HTTP
// status and one exit code in exactly one place (the edges), never here.
enum class ErrorCode {
  kBadInput,       // malformed input: syntax, types, impossible dates
  kRuleViolation,  // well-formed, but a procedure or legal rule forbids it
  kNotFound,       // a named thing does not exist
  kConflict,       // a concurrent change won (optimistic concurrency)
  kUnavailable,    // a store or file cannot be reached or written
  kDenied,         // the caller may not do this
  kInternal,       // a bug or broken invariant
};

std::string_view to_string(ErrorCode code);

struct Error {
  Error() = default;
  Error(ErrorCode c, std::string m, std::string r = {})
      : code(c), message(std::move(m)), rule(std::move(r)) {}

  ErrorCode code = ErrorCode::kInternal;
  // One plain sentence a practitioner can act on: what is wrong, where.
  std::string message;
  // Optional: the rule that requires it, e.g. "london-cyps: initial_meeting"
  // or a quoted sentence of the procedure.
  std::string rule;
  // Further problems the same check found, in the order of the form, so
  // that a person sees them all at once. Empty for most errors.
  std::vector<Error> also;

  static Error bad_input(std::string message, std::string rule = {}) {
    return {ErrorCode::kBadInput, std::move(message), std::move(rule)};
  }
  static Error rule_violation(std::string message, std::string rule) {
    return {ErrorCode::kRuleViolation, std::move(message), std::move(rule)};
  }
  static Error not_found(std::string message) {
    return {ErrorCode::kNotFound, std::move(message), {}};
  }
  static Error unavailable(std::string message) {
    return {ErrorCode::kUnavailable, std::move(message), {}};
  }

  // "message" or "message (rule)" — the one-line form used by the CLI.
  std::string describe() const;

  // Prefixes the message with where it happened: "event 4: ...".
  Error within(std::string_view where) const&;
};

template <typename T>
using Result = std::expected<T, Error>;

}  // namespace cinplan
