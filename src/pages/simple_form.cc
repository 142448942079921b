#include "pages/simple_form.h"

namespace cinplan::pages {

using json = nlohmann::ordered_json;

json field_item(std::string_view kind, json field) {
  json item;
  for (const char* k : {"radios", "text", "textarea", "date", "checkboxes", "file"})
    item[k] = false;
  item[std::string(kind)] = std::move(field);
  return item;
}

void simple_form(json& view, std::string_view path, std::string_view back, std::string_view heading,
                 std::initializer_list<std::string_view> intro, std::string_view button,
                 json fields) {
  const std::string at = "/cases/" + view.value("case_id", "");
  view["action"] = at + "/" + std::string(path);
  view["back_href"] = at + std::string(back);
  view["heading"] = std::string(heading);
  json sentences = json::array();
  for (std::string_view s : intro) sentences.push_back(std::string(s));
  view["intro"] = std::move(sentences);
  view["button"] = std::string(button);
  bool multipart = false;
  for (const json& f : fields) multipart = multipart || !f["file"].is_boolean();
  view["multipart"] = multipart;
  view["fields"] = std::move(fields);
}

}  // namespace cinplan::pages
