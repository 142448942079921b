// What a person reads: obligations, their reasons and findings in the
// authority's words and plain English. The one place these phrases are made;
// the command line and the pages both use it, and the JSON keeps the stable
// ids beside them.
//
// "within 15 working days of the decision that a Child in Need plan is
// needed", "agreed date missed", "the initial CIN meeting must be chaired by
// the Practice Lead; it was chaired by the allocated social worker".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/casefile/case_history.h"
#include "core/obligations/findings.h"
#include "core/obligations/obligation.h"
#include "core/procedure/profile.h"

namespace cinplan::app {

// "27 November 2026".
std::string date_words(Date d);

// "upcoming", "due soon", "agreed date missed" (or "aim missed" for the
// procedure's own softer aim), "overdue", "done", "done late", "missed",
// "to do (no timescale)".
std::string status_words(const Obligation& o);
// The same for an obligation of a rule of `strength`: a duty only to
// consider, not yet done, reads "to consider", past its date too; it is
// never "overdue".
std::string status_words(const Obligation& o, Strength strength);

// "must", "should", "should consider".
std::string strength_words(Strength s);

// The authority's word for a role, with its article, as running text
// writes it: "the practice lead" for the Practice Lead.
std::string role_words(const Profile& p, std::string_view role);

// A job title as running text writes it, in lower case but for its
// abbreviations: "team manager" for "Team Manager", "the IRO" kept.
std::string title_in_prose(std::string_view label);

// What a matcher names, as a noun phrase: "the decision that a Child in Need
// plan is needed", "the initial CIN meeting or the CIN review meeting", "a
// visit where the child was seen, made to prepare for the meeting".
std::string event_words(const Profile& p, const EventMatcher& m);
// A recorded event as a noun phrase: "the initial CIN meeting", "a visit".
std::string event_words(const Profile& p, const Event& e);

// A rule's timescale on the given pathways: "within 15 working days of the
// decision that a Child in Need plan is needed", "at least every 20 working
// days, counted from the decision that a Child in Need plan is needed and
// then from the last visit where the child was seen", "3 weeks before the
// initial CIN meeting (aim: 4 weeks before)", "no timescale stated".
std::string timescale_words(const Profile& p, const Rule& r, PathwaySet active);

// A procedure's sentence as it is quoted: "The frequency of visits should
// be: at least once every 20 working days." (Practice)
std::string citation_words(const Citation& c);

// When the case's pathway is one the procedure has no timescales of its own
// for: "Brighton and Hove ... has no separate timescales for disabled
// children: its standard timescales apply."
std::optional<std::string> pathway_note(const Profile& p, PathwaySet active);

// Why an obligation is due, for --why and the pages.
struct Explanation {
  // "The allocated social worker must hold the initial CIN meeting within 15
  // working days of the decision that a Child in Need plan is needed."
  std::string summary;
  // What qualifies it: where it was done, a timescale clash, a reading of
  // the document, a pathway the procedure does not have.
  std::vector<std::string> notes;
  // The procedure's sentences it rests on (the rule's, and the override's
  // in force), with the document they come from.
  std::vector<const Citation*> cites;
  std::string source;
};
Explanation explain(const Profile& p, const CaseHistory* history, const Obligation& o,
                    PathwaySet active);

// A finding as a sentence: what the procedure asks and what was recorded,
// "the initial CIN meeting must be chaired by the Practice Lead; it was
// chaired by the allocated social worker".
std::string finding_words(const Profile& p, const CaseHistory& history, const Finding& f);

}  // namespace cinplan::app
