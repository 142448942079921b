// Finding a child by what a duty worker has to hand (DESIGN.md section 12):
// part of a name (accents, hyphens, apostrophes and case forgiven), a date
// of birth, a case id, an NHS number or a UPN. Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cinplan::app {

// Lower case, Latin accents removed ("é" -> "e", "ß" -> "ss"), hyphens,
// apostrophes and runs of spaces turned into one space, trimmed.
std::string fold_name(std::string_view name);

struct SearchTerms {
  enum class Kind { kName, kDateOfBirth, kCaseId, kNhsNumber, kUpn } kind = Kind::kName;
  std::string value;               // folded name words; YYYY-MM-DD; the id or number without spaces
  std::vector<std::string> words;  // kName: each folded word
  // Whatever the kind, what may be part of a case id:
  std::string id_upper;     // the text in capitals ("nb-10019" is NB-10019)
  bool id_start = false;    // letters, a dash and digits ("NB-100"): a case id's start
  std::string number_part;  // 2 to 9 digits alone ("10019", "019"): part of a case's number
};

// What the search box was given: ten digits (spaces allowed) is an NHS
// number, a letter and twelve digits a UPN, YYYY-MM-DD or DD/MM/YYYY a date
// of birth, "C-..." a case id, anything else name words. Empty when the
// text has nothing to search for.
std::optional<SearchTerms> read_search(std::string_view text);

// Whether `id` is a case id the terms give the start of, or whose number
// holds the digits given ("NB-100" and "019" both find NB-10019).
bool case_id_matches(const SearchTerms& terms, std::string_view id);

// Whether every word of `terms` starts a word of the folded `name`.
bool name_matches(const SearchTerms& terms, std::string_view folded_name);

// The kind's word, for the audit ("name", "date of birth" ...): the terms
// themselves are a child's details and never go into the server's log.
std::string_view kind_words(SearchTerms::Kind kind);

}  // namespace cinplan::app
