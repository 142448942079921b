// The API's description, generated from the route table and the command
// table, so it cannot drift from what the server answers.
#include <algorithm>

#include "app/commands.h"
#include "http/routes.h"

namespace cinplan::http {
namespace {

using json = nlohmann::ordered_json;

std::string openapi_path(std::string_view pattern) {
  std::string out;
  std::size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] == ':') {
      std::size_t end = pattern.find('/', i);
      if (end == std::string_view::npos) end = pattern.size();
      out += "{" + std::string(pattern.substr(i + 1, end - i - 1)) + "}";
      i = end;
    } else {
      out += pattern[i++];
    }
  }
  return out;
}

json field_schema(const FieldSpec& f) {
  json s;
  switch (f.kind) {
    case FieldKind::kDate:
      s = {{"type", "string"}, {"format", "date"}};
      break;
    case FieldKind::kBool:
      s = {{"type", "boolean"}};
      break;
    case FieldKind::kString:
      s = {{"type", "string"}, {"minLength", 1}};
      break;
    case FieldKind::kEnum:
      s = {{"type", "string"}, {"enum", f.values}};
      break;
    case FieldKind::kInteger:
      s = {{"type", "integer"}, {"minimum", f.min}, {"maximum", f.max}};
      break;
    case FieldKind::kStrings:
      s = {{"type", "array"}, {"items", {{"type", "string"}}}};
      break;
    case FieldKind::kEnums:
      s = {{"type", "array"}, {"items", {{"type", "string"}, {"enum", f.values}}}};
      break;
    case FieldKind::kObjects:
      s = {{"type", "array"}, {"items", {{"type", "object"}}}};
      break;
    case FieldKind::kObject:
      s = {{"type", "object"}};
      break;
  }
  s["description"] = f.meaning;
  return s;
}

json body_schema(const app::CommandSpec& c) {
  const EventTypeSpec& spec = event_type(*find_event_type(c.event));
  json props = json::object();
  json required = json::array();
  props["date"] = {{"type", "string"},
                   {"format", "date"},
                   {"description", "the day it happened (default today)"}};
  props["version"] = {{"type", "integer"}, {"description", "the version read (or If-Match)"}};
  auto is_filled = [&](std::string_view name) {
    return std::find(c.filled.begin(), c.filled.end(), name) != c.filled.end();
  };
  for (const FieldSpec& f : spec.fields) {
    if (is_filled(f.name)) continue;  // the command fills it in itself
    props[std::string(f.name)] = field_schema(f);
    if (f.required) required.push_back(f.name);
  }
  for (std::string_view extra : c.extra_fields) {
    const bool object = extra == "child" || extra == "referral" || extra == "attendance";
    const bool text = extra == "profile" || extra == "case_id" || extra == "username" ||
                      extra == "invitations_date";
    json schema = object ? json{{"type", "object"}}
                  : text ? json{{"type", "string"}}
                         : json{{"type", "array"}, {"items", {{"type", "object"}}}};
    schema["description"] = "written as further events of the command (docs/api.md)";
    props[std::string(extra)] = std::move(schema);
  }
  json s{{"type", "object"}, {"properties", std::move(props)}};
  if (!required.empty()) s["required"] = std::move(required);
  return s;
}

json problem_ref() {
  return {
      {"description", "a problem (RFC 9457)"},
      {"content",
       {{"application/problem+json", {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}};
}

}  // namespace

json openapi() {
  json paths = json::object();
  for (const Route& r : routes()) {
    if (r.page()) continue;  // the pages are HTML, not the API
    json op;
    op["summary"] = r.summary;
    op["operationId"] = r.command.empty() ? std::string(r.method) + " " + std::string(r.pattern)
                                          : std::string(r.command);
    op["x-action"] = r.action;
    op["x-on-case"] = r.on_case();
    if (r.access == Access::kPublic) op["security"] = json::array();
    json params = json::array();
    if (r.on_case())
      params.push_back(
          {{"name", "id"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}});
    if (r.on_case() && r.writes())
      params.push_back(
          {{"name", "If-Match"},
           {"in", "header"},
           {"required", false},
           {"schema", {{"type", "string"}}},
           {"description", "the version of the case read (or \"version\" in the body)"}});
    if (r.writes() && r.access == Access::kSession)
      params.push_back({{"name", "X-CSRF-Token"},
                        {"in", "header"},
                        {"required", true},
                        {"schema", {{"type", "string"}}}});
    if (!params.empty()) op["parameters"] = std::move(params);
    if (!r.command.empty()) {
      op["requestBody"] = {
          {"required", true},
          {"content",
           {{"application/json", {{"schema", body_schema(*app::find_command(r.command))}}}}}};
    }
    json responses;
    responses[r.command == "register_child" ? "201" : "200"] = {{"description", "done"}};
    for (const char* code : {"400", "401", "403", "404", "409", "413", "422", "503"})
      responses[code] = problem_ref();
    op["responses"] = std::move(responses);
    std::string method(r.method);
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    paths[openapi_path(r.pattern)][method] = std::move(op);
  }
  json problem{
      {"type", "object"},
      {"properties",
       {{"type", {{"type", "string"}}},
        {"title", {{"type", "string"}}},
        {"status", {{"type", "integer"}}},
        {"detail", {{"type", "string"}}},
        {"rule", {{"type", "string"}, {"description", "the rule, quoting its sentence"}}}}}};
  return {{"openapi", "3.1.0"},
          {"info",
           {{"title", "cinplan"},
            {"version", "1"},
            {"description", "The Child in Need process as an HTTP API."}}},
          {"components",
           {{"schemas", {{"Problem", problem}}},
            {"securitySchemes",
             {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "cinplan_session"}}}}}}},
          {"security", json::array({{{"session", json::array()}}})},
          {"paths", std::move(paths)}};
}

}  // namespace cinplan::http
