// The view of a form that is a heading, a few sentences and its inputs in
// order (templates/simple_form.mustache): the supervision order's steps,
// the partner's update and scaling, the manager's decisions. Each input is
// one of the field builders' (form_fields.h), put in a list that the
// template walks.
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace cinplan::pages {

// One input of the list: `kind` is "radios", "text", "textarea", "date",
// "checkboxes" or "file" (a file input: the form is then sent as
// multipart/form-data); every other kind is false, so that the template never
// takes the page's own key of that name.
nlohmann::ordered_json field_item(std::string_view kind, nlohmann::ordered_json field);

// Sets the page's words on `view` (a form_view_head): where the form posts
// (`/cases/ID/` + `path`), where "Back" and "Cancel" go (`back`: after the
// case's address, "" for the case page), the heading, the intro's
// sentences, the button, and the fields in order.
void simple_form(nlohmann::ordered_json& view, std::string_view path, std::string_view back,
                 std::string_view heading, std::initializer_list<std::string_view> intro,
                 std::string_view button, nlohmann::ordered_json fields);

}  // namespace cinplan::pages
