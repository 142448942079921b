// cinplan events [--markdown]: the event catalogue, from the registry.
#include <iostream>

#include "app/event_catalog.h"
#include "cli/commands.h"

namespace cinplan::cli {

int run_events(bool markdown) {
  std::cout << app::render_event_catalog(markdown);
  return 0;
}

}  // namespace cinplan::cli
