// View models: the app:: answers (the same JSON the API sends) shaped for a
// template: dates in words, the tag each status wears, rows in the order a
// worker reads them. Shaping only: every fact and rule comes from app::.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "pages/caseload_sort.h"

namespace cinplan::pages {

// My caseload: counts at the top, then the children with something overdue
// first (most overdue first), then those with something due this week.
// `show` is "all", "overdue" or "due" (anything else: all).
// `worker` (a team's caseload): only that worker's children, and the list
// of the team's workers to choose from. `order` (caseload_sort.h) re-sorts
// the rows and marks the headings; `action` is the page's own address.
nlohmann::ordered_json caseload_view(const nlohmann::ordered_json& caseload, std::string_view show,
                                     std::string_view profile_name, std::string_view worker = {},
                                     const CaseloadOrder& order = {"overdue", false},
                                     std::string_view action = "/caseload");

// The case page: the case as Service::case_view gives it, with "due" (what
// is overdue, due soon or due next, most urgent first, each with its Why?)
// and the chronology newest first: its latest `chronology_shown` entries
// (every one when 0), with the number left out.
inline constexpr std::size_t kChronologyShown = 40;
nlohmann::ordered_json case_page_view(const nlohmann::ordered_json& case_view,
                                      std::string_view today,
                                      std::size_t chronology_shown = kChronologyShown);

// Find a child: the search answer with a sentence saying how many were found.
nlohmann::ordered_json search_view(const nlohmann::ordered_json& found, std::string_view terms);

// "20 November 2026" for "2026-11-20"; the text itself when it is not a date.
std::string date_in_words(std::string_view iso);

// Who wrote an entry of a case view to the record and when, in England's
// time: "Recorded by Alex Morgan on 2 December 2026 at 6:40pm". False when
// the entry does not say ("recorded_by_name", "recorded_at").
nlohmann::ordered_json recorded_words(const nlohmann::ordered_json& entry);

// The non-empty strings of the list at `key` of `j` (none when it is not a
// list).
nlohmann::ordered_json strings_at(const nlohmann::ordered_json& j, const char* key);

// `words` with its first letter a capital: "Due soon" for "due soon".
std::string sentence_start(std::string words);

// The string at `key` of `j`, or "" when there is none or it is not a string.
std::string text_at(const nlohmann::ordered_json& j, const char* key);

// What every document begins with: {"case_id", "child_name" (the case id
// when none is recorded), "authority", "produced_by", "produced_on"
// (today in words), "document": true (the page links its stylesheet)}.
nlohmann::ordered_json document_head(const nlohmann::ordered_json& case_view,
                                     std::string_view authority, std::string_view produced_by,
                                     std::string_view today);

}  // namespace cinplan::pages
