// The HTTP listener, behind a plain interface so that only one translation
// unit (restinio_server.cc) includes the HTTP library: everything else sees
// requests and responses as the structs below.
//
// Contract:
// - `handler` is called on an I/O thread for every complete request. It must
//   not block: it hands the request on (to a worker pool) and calls the
//   Respond it was given exactly once, from any thread, when the answer is
//   ready. A Respond called after the connection closed does nothing.
// - A request whose body is over four times ListenSettings::max_body_bytes
//   (or max_upload_bytes and 1 MiB, when that is more), or whose headers or
//   URL are over their limits, has its connection closed by the listener
//   without reaching the handler (the dispatcher answers 413 to a body over
//   its limit and under that).
// - stop() stops accepting, lets the requests in flight be answered (up to
//   `drain`), then closes every connection. It is safe to call once from
//   any thread but an I/O thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.h"

namespace cinplan::http {

struct Request {
  std::string method;                                        // "GET", "POST" ...
  std::string path;                                          // without the query, percent-decoded
  std::string query;                                         // after '?', as sent
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  std::string remote_address;  // the peer's IP address

  // The first header of that (lower-case) name, or empty.
  std::string_view header(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

using Respond = std::function<void(Response)>;
using Handler = std::function<void(Request, Respond)>;

struct ListenSettings {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: any free port (port() says which)
  unsigned io_threads = 1;
  std::size_t max_body_bytes = 1 << 20;
  std::size_t max_upload_bytes = 20 << 20;  // an attachment's body may be this and 1 MiB more
  std::size_t max_header_bytes = 16 << 10;
  std::size_t max_url_bytes = 8 << 10;
  std::size_t max_connections = 4096;           // in all
  std::size_t max_connections_per_client = 64;  // per remote address
  // Reverse proxies: not capped; their requests are recorded as from the
  // last X-Forwarded-For address (app/server_config.h).
  std::vector<std::string> trusted_proxies;
  std::chrono::milliseconds read_timeout{10'000};  // for a request to arrive whole
  std::chrono::milliseconds write_timeout{10'000};
  std::chrono::milliseconds handler_timeout{30'000};  // for Respond to be called
};

class HttpServer {
 public:
  virtual ~HttpServer() = default;
  // The port listened on.
  virtual std::uint16_t port() const = 0;
  virtual void stop(std::chrono::milliseconds drain = std::chrono::milliseconds(10'000)) = 0;
};

// Binds and starts listening. kUnavailable with the reason when the address
// cannot be bound.
Result<std::unique_ptr<HttpServer>> start_http_server(const ListenSettings& settings,
                                                      Handler handler);

}  // namespace cinplan::http
