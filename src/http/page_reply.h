// What the pages' handlers share: the frame every page is shown in, a page
// rendered as a reply, and the redirect after a form (303 See Other).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "http/routes.h"

namespace cinplan::http::page {

// The role as the authority's profile names it.
std::string role_in_words(app::Service& service, std::string_view role);
// The frame: the authority, who is signed in, what the header offers them.
pages::Frame make_frame(app::Service& service, const access::Caller* caller,
                        std::string_view csrf_token);
pages::Frame frame_of(const Call& call);
// The page `name` as HTML; `detail` is what the access log says was seen.
Result<Reply> html(const Call& call, std::string_view name, std::string_view title,
                   nlohmann::ordered_json view, std::string detail = {},
                   pages::Frame* frame = nullptr);
Reply see_other(std::string location);
// The value of `name` in the address's query, or "".
std::string query_value(const Call& call, const char* name);

inline constexpr std::string_view kHtml = "text/html; charset=utf-8";

}  // namespace cinplan::http::page
