// The partner professional's pages (issue 10): the families who share with
// their agency (/shared), one family's plan and meeting dates
// (/cases/ID/shared), and their two forms, a written update and a scaling
// score. Nothing else of a record is reachable from them: the permission
// table gives a partner only cases.shared, case.read_shared and
// partner.contribute, on the cases that consented to share with their
// agency.
#pragma once

#include "http/routes.h"

namespace cinplan::http::page {

Result<Reply> shared_list(Call&);
Result<Reply> shared_case(Call&);
Result<Reply> written_update_form(Call&);
Result<Reply> add_written_update(Call&);
Result<Reply> partner_scaling_form(Call&);
Result<Reply> record_partner_scaling(Call&);

}  // namespace cinplan::http::page
