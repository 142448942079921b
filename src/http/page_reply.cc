#include "http/page_reply.h"

#include <chrono>

#include "app/wording.h"

namespace cinplan::http::page {

using json = nlohmann::ordered_json;

std::string role_in_words(app::Service& service, std::string_view role) {
  auto profile = service.catalog().find(service.settings().profile);
  return profile ? app::role_words(**profile, role) : std::string(access::role_words(role));
}

namespace {

// Whether the authority's procedure has a Child in Need panel: a rule met
// by a panel's decision.
bool has_panel(app::Service& service) {
  auto profile = service.catalog().find(service.settings().profile);
  if (!profile) return false;
  const auto panel = find_event_type("panel_decided");
  for (const Rule& r : (*profile)->rules)
    for (const EventMatcher& m : r.met_by)
      if (panel && m.type == *panel) return true;
  return false;
}

}  // namespace

pages::Frame make_frame(app::Service& service, const access::Caller* caller,
                        std::string_view csrf_token) {
  pages::Frame f;
  f.authority = service.settings().authority;
  f.caller = caller;
  if (caller != nullptr) {
    f.role_words = role_in_words(service, caller->role);
    auto allowed = [&](std::string_view action) {
      auto d = service.authorize(*caller, action, "");
      return d && d->allowed;
    };
    f.may_see_caseload = allowed("caseload.mine") || allowed("caseload.team");
    f.may_search = allowed("cases.search");
    f.may_see_panel = allowed("panel.list") && has_panel(service);
    f.may_see_oversight = allowed("oversight.list");
    f.idle_seconds = static_cast<long>(
        std::chrono::duration_cast<std::chrono::seconds>(service.settings().idle_timeout).count());
  }
  f.csrf_token = std::string(csrf_token);
  return f;
}

pages::Frame frame_of(const Call& call) {
  return make_frame(call.service, call.caller, call.csrf_token);
}

Result<Reply> html(const Call& call, std::string_view name, std::string_view title, json view,
                   std::string detail, pages::Frame* frame) {
  pages::Frame f = frame != nullptr ? *frame : frame_of(call);
  auto text = call.site->page(name, title, f, std::move(view));
  if (!text) return std::unexpected(text.error());
  Reply r;
  r.text = std::make_shared<const std::string>(std::move(*text));
  r.content_type = std::string(kHtml);
  r.audit_detail = std::move(detail);
  return r;
}

std::string query_value(const Call& call, const char* name) {
  auto it = call.query.find(name);
  return it == call.query.end() ? std::string() : it->second;
}

Reply see_other(std::string location) {
  Reply r;
  r.status = 303;
  r.content_type = std::string(kHtml);
  r.text = std::make_shared<const std::string>();
  r.headers.emplace_back("Location", std::move(location));
  return r;
}

}  // namespace cinplan::http::page
