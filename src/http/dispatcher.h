// The request pipeline (DESIGN.md section 12), in one place:
//   route -> limits and media type -> session -> CSRF (state-changing)
//   -> authorize(role, action, case) -> handler -> access log -> answer.
// Every read and write of a child's record, and every refusal of one, is on
// the access log before the answer is sent.
#pragma once

#include <memory>

#include "app/audit_log.h"
#include "app/service.h"
#include "http/http_server.h"
#include "http/worker_pool.h"
#include "pages/site.h"

namespace cinplan::http {

struct DispatchSettings {
  unsigned worker_threads = 2;
  std::size_t max_queue = 10'000;
  bool secure_cookies = false;           // add Secure (served over TLS)
  std::size_t max_body_bytes = 1 << 20;  // larger bodies are answered 413
  // A route that takes a file takes a body of this and 1 MiB more (the
  // form's other fields); app::ServiceSettings refuses a larger file.
  std::size_t max_upload_bytes = 20 << 20;
  const pages::Site* site = nullptr;  // the pages; none: only the API is served
  // Longer addresses (path and query) are answered 414. The listener takes
  // up to eight times this, so that the answer can say so.
  std::size_t max_url_bytes = 8 << 10;
};

class Dispatcher {
 public:
  Dispatcher(app::Service& service, app::AuditLog& audit, DispatchSettings settings);
  ~Dispatcher();

  // The Handler to give start_http_server.
  Handler handler();
  // Stops taking work; finishes what is queued.
  void stop();

 private:
  void handle(Request request, Respond respond);
  void work(const Request& request, const Respond& respond);

  app::Service& service_;
  app::AuditLog& audit_;
  DispatchSettings settings_;
  WorkerPool pool_;
};

}  // namespace cinplan::http
