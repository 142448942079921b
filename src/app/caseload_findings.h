// The constraint findings of each case on a caseload (who chaired, what was
// recorded): read from each case's record in the store, since a finding
// names fields the case projection does not keep.
#pragma once

#include "app/caseload.h"
#include "store/event_store.h"

namespace cinplan::app {

// Fills CaseloadItem::findings for every case of `load` from its record in
// `store`, as at load.today. A case whose record cannot be read moves from
// load.cases to load.problems; the others keep their findings.
void add_findings(store::EventStore& store, Caseload& load);

}  // namespace cinplan::app
