// Writing a CIN census return as the DfE's XML (CIN_schema_2026.xsd), a
// child at a time: the header, each child in the schema's element order,
// then the end. Only what the return holds is written: an element the record
// has no value for is left out (the checks say which are required).
#pragma once

#include <ostream>

#include "core/census/census_return.h"

namespace cinplan::census {

// <?xml ...?><Message><Header>...</Header><Children>
void write_census_start(std::ostream& out, const CensusHeader& header);
void write_census_child(std::ostream& out, const CensusChild& child);
// </Children></Message>
void write_census_end(std::ostream& out);

}  // namespace cinplan::census
