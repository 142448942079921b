#include "pages/closure_letter_view.h"

#include "pages/views.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

// Why the case closed, as the family would read it.
std::string reason_words(std::string_view reason) {
  if (reason == "close") return "the plan has done what it set out to do";
  if (reason == "step_down_early_help") return "the support goes on through early help";
  if (reason == "step_up_child_protection")
    return "the support goes on under a child protection plan";
  if (reason == "looked_after") return "the child is now looked after";
  if (reason == "transferred_out") return "your case has moved to the authority where you now live";
  if (reason == "supervision_order_expired") return "the supervision order has ended";
  if (reason == "consent_withdrawn") return "you withdrew your agreement to the plan";
  if (reason == "moved_away") return "the family has moved away";
  return "of the reason your social worker has explained to you";
}

}  // namespace

json closure_letter_view(const json& cv, std::string_view authority,
                         const app::AuthorityContact& contact, std::string_view produced_by,
                         std::string_view today) {
  json v = document_head(cv, authority, produced_by, today);
  v["worker"] = text_at(cv, "worker");
  auto given = [](const std::string& s) { return s.empty() ? json(false) : json(s); };
  v["phone"] = given(contact.phone);
  v["email"] = given(contact.email);
  v["address"] = given(contact.address);
  v["out_of_hours"] = given(contact.out_of_hours);
  v["has_contact"] = !contact.phone.empty() || !contact.email.empty() || !contact.address.empty();
  const json closure =
      cv.contains("closure") && cv["closure"].is_object() ? cv["closure"] : json::object();
  v["closed"] = !closure.empty();
  v["closed_on"] = date_in_words(text_at(closure, "date"));
  v["reason"] = reason_words(text_at(closure, "reason"));
  // The closing summary is the record's, written for colleagues: it is
  // not put in a letter that may go to either parent.
  v["transferred_to"] =
      text_at(cv, "transferred_to").empty() ? json(false) : json(text_at(cv, "transferred_to"));
  json agencies = json::array();
  // A part not recorded is false, so the letter leaves out its words.
  auto or_false = [](const std::string& s) { return s.empty() ? json(false) : json(s); };
  for (const json& p : cv.value("professionals", json::array()))
    agencies.push_back({{"name", text_at(p, "name")},
                        {"agency", text_at(p, "agency")},
                        {"role", or_false(text_at(p, "role"))},
                        {"contact", or_false(text_at(p, "contact"))}});
  // After a transfer the local agencies are not the family's any more.
  if (v["transferred_to"] != false) agencies = json::array();
  // Where someone's address is kept from another, the school and the
  // surgery named would say where the family lives: the letter, which may
  // go to either parent, names none, and says whom to ask instead.
  bool protected_someone = false;
  for (const char* list : {"people", "professionals"})
    for (const json& p : cv.value(list, json::array()))
      protected_someone =
          protected_someone || !p.value("address_withheld_from", json::array()).empty();
  if (cv.contains("child") && cv["child"].is_object())
    protected_someone =
        protected_someone || !cv["child"].value("address_withheld_from", json::array()).empty();
  v["agencies_withheld"] = protected_someone && !agencies.empty();
  if (protected_someone) agencies = json::array();
  v["has_agencies"] = !agencies.empty();
  v["agencies"] = std::move(agencies);
  return v;
}

}  // namespace cinplan::pages
