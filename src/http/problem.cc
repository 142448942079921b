#include "http/problem.h"

#include <nlohmann/json.hpp>

namespace cinplan::http {
namespace {

struct Kind {
  int status;
  const char* slug;
  const char* title;
};

Kind kind_of(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadInput:
      return {400, "bad-input", "The request is not right"};
    case ErrorCode::kRuleViolation:
      return {422, "rule-violation", "A rule of the procedure or the law does not allow this"};
    case ErrorCode::kNotFound:
      return {404, "not-found", "Not found"};
    case ErrorCode::kConflict:
      return {409, "conflict", "Someone else changed this case since you read it"};
    case ErrorCode::kUnavailable:
      return {503, "unavailable", "The service cannot do this now"};
    case ErrorCode::kDenied:
      return {403, "forbidden", "You may not do this"};
    case ErrorCode::kInternal:
      return {500, "internal", "Something went wrong in cinplan"};
  }
  return {500, "internal", "Something went wrong in cinplan"};
}

const char* title_for(int status, const char* fallback) {
  switch (status) {
    case 401:
      return "Sign in first";
    case 405:
      return "This address does not take that method";
    case 413:
      return "The request is too large";
    case 414:
      return "The address is too long";
    case 415:
      return "The request is not of a type taken here";
    case 428:
      return "Send the version you read";
    case 429:
      return "Too many requests";
    default:
      return fallback;
  }
}

const char* slug_for(int status, const char* fallback) {
  switch (status) {
    case 401:
      return "unauthenticated";
    case 405:
      return "method-not-allowed";
    case 413:
      return "too-large";
    case 414:
      return "address-too-long";
    case 415:
      return "unsupported-media-type";
    case 428:
      return "version-required";
    case 429:
      return "too-many-requests";
    default:
      return fallback;
  }
}

}  // namespace

int status_of(const Error& error) {
  return kind_of(error.code).status;
}

void add_common_headers(Response& r, bool page, bool no_store) {
  r.headers.emplace_back("Content-Security-Policy",
                         page ? "default-src 'none'; style-src 'self'; script-src 'self'; "
                                "img-src 'self'; font-src 'self'; connect-src 'self'; "
                                "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
                              : "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
                                "form-action 'self'");
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("X-Frame-Options", "DENY");
  r.headers.emplace_back("Referrer-Policy", "no-referrer");
  if (no_store) r.headers.emplace_back("Cache-Control", "no-store");
  r.headers.emplace_back("Cross-Origin-Resource-Policy", "same-origin");
}

Response problem(const Error& error, int status) {
  const Kind kind = kind_of(error.code);
  if (status == 0) status = kind.status;
  nlohmann::ordered_json body;
  body["type"] = std::string("/problems/") + slug_for(status, kind.slug);
  body["title"] = title_for(status, kind.title);
  body["status"] = status;
  body["detail"] = error.message;
  if (!error.rule.empty()) body["rule"] = error.rule;
  if (!error.also.empty()) {
    // Every problem the check found, the first included, for a client that
    // shows them together.
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    auto add = [&all](const Error& e) {
      nlohmann::ordered_json one{{"detail", e.message}};
      if (!e.rule.empty()) one["rule"] = e.rule;
      all.push_back(std::move(one));
    };
    add(error);
    for (const Error& e : error.also) add(e);
    body["problems"] = std::move(all);
  }
  Response r;
  r.status = status;
  r.headers.emplace_back("Content-Type", "application/problem+json");
  add_common_headers(r);
  r.body = body.dump();
  return r;
}

}  // namespace cinplan::http
