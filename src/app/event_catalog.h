// The event catalogue in words, from the registry: `cinplan events` and
// docs/events.md (a test keeps the file equal to render_event_catalog(true)).
#pragma once

#include <string>

namespace cinplan::app {

std::string render_event_catalog(bool markdown);

}  // namespace cinplan::app
