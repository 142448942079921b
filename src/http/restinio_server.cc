// The one translation unit that includes RESTinio (DESIGN.md section 10: each
// file that includes it takes ~19 s and ~750 MB to compile). It turns
// RESTinio's requests into http::Request, answers asynchronously, and keeps
// the per-client connection cap.
#include <restinio/all.hpp>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "http/http_server.h"
#include "http/request_parts.h"

namespace cinplan::http {
namespace {

// Counts each client address's open connections: the ip_blocker refuses a
// connection over the cap, the state listener counts closes.
class ClientLimiter {
 public:
  ClientLimiter(std::size_t cap, std::vector<std::string> uncapped)
      : cap_(cap), uncapped_(std::move(uncapped)) {}

  restinio::ip_blocker::inspection_result_t inspect(
      const restinio::ip_blocker::incoming_info_t& info) {
    const std::string address = info.remote_endpoint().address().to_string();
    if (std::find(uncapped_.begin(), uncapped_.end(), address) != uncapped_.end())
      return restinio::ip_blocker::allow();
    std::lock_guard lock(mutex_);
    std::size_t& n = open_[address];
    if (n >= cap_) return restinio::ip_blocker::deny();
    ++n;
    return restinio::ip_blocker::allow();
  }

  void state_changed(const restinio::connection_state::notice_t& notice) {
    if (!restinio::holds_alternative<restinio::connection_state::closed_t>(notice.cause())) return;
    const std::string address = notice.remote_endpoint().address().to_string();
    std::lock_guard lock(mutex_);
    auto it = open_.find(address);
    if (it == open_.end()) return;
    if (--it->second == 0) open_.erase(it);
  }

 private:
  std::size_t cap_;
  std::vector<std::string> uncapped_;  // trusted proxies
  std::mutex mutex_;
  std::map<std::string, std::size_t> open_;
};

// Both hooks are the same object; RESTinio wants a type for each.
struct Blocker {
  std::shared_ptr<ClientLimiter> limiter;
  restinio::ip_blocker::inspection_result_t inspect(
      const restinio::ip_blocker::incoming_info_t& info) noexcept {
    try {
      return limiter->inspect(info);
    } catch (...) {
      return restinio::ip_blocker::deny();
    }
  }
};
struct Listener {
  std::shared_ptr<ClientLimiter> limiter;
  void state_changed(const restinio::connection_state::notice_t& notice) noexcept {
    try {
      limiter->state_changed(notice);
    } catch (...) {
    }
  }
};

struct Traits : public restinio::default_traits_t {
  static constexpr bool use_connection_count_limiter = true;
  using ip_blocker_t = Blocker;
  using connection_state_listener_t = Listener;
};

using RunningServer = restinio::running_server_handle_t<Traits>;

std::string reason_phrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Content Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 428:
      return "Precondition Required";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "Status";
  }
}

class RestinioServer final : public HttpServer {
 public:
  RestinioServer(Handler handler) : handler_(std::move(handler)) {}

  Result<void> start(const ListenSettings& s) {
    trusted_proxies_ = s.trusted_proxies;
    auto limiter = std::make_shared<ClientLimiter>(s.max_connections_per_client, s.trusted_proxies);
    restinio::server_settings_t<Traits> settings;
    settings.address(s.address)
        .port(s.port)
        .max_parallel_connections(s.max_connections)
        .read_next_http_message_timelimit(s.read_timeout)
        .write_http_response_timelimit(s.write_timeout)
        .handle_request_timeout(s.handler_timeout)
        .max_pipelined_requests(4)
        .incoming_http_msg_limits(
            restinio::incoming_http_msg_limits_t{}
                .max_body_size(std::max(4 * s.max_body_bytes, s.max_upload_bytes + (1 << 20)))
                .max_field_value_size(s.max_header_bytes)
                .max_url_size(8 * s.max_url_bytes)
                .max_field_count(100))
        .ip_blocker(std::make_shared<Blocker>(Blocker{limiter}))
        .connection_state_listener(std::make_shared<Listener>(Listener{limiter}))
        .socket_options_setter(
            [](auto& options) { options.set_option(asio::ip::tcp::no_delay{true}); })
        .acceptor_post_bind_hook(
            [this](asio::ip::tcp::acceptor& acceptor) { port_ = acceptor.local_endpoint().port(); })
        .request_handler(
            [this](restinio::request_handle_t req) { return on_request(std::move(req)); });
    try {
      server_.emplace(restinio::run_async<Traits>(restinio::own_io_context(), std::move(settings),
                                                  s.io_threads == 0 ? 1u : s.io_threads));
    } catch (const std::exception& e) {
      return std::unexpected(Error::unavailable("cannot listen on " + s.address + ":" +
                                                std::to_string(s.port) + ": " + e.what()));
    }
    return {};
  }

  std::uint16_t port() const override { return port_; }

  void stop(std::chrono::milliseconds drain) override {
    if (stopped_.exchange(true)) return;
    draining_ = true;
    {
      std::unique_lock lock(mutex_);
      idle_.wait_for(lock, drain, [this] { return in_flight_ == 0; });
    }
    if (server_) {
      (*server_)->stop();
      (*server_)->wait();
      server_.reset();
    }
  }

  ~RestinioServer() override { stop(std::chrono::milliseconds(0)); }

 private:
  restinio::request_handling_status_t on_request(restinio::request_handle_t req) {
    if (draining_) {
      req->create_response(
             restinio::http_status_line_t{restinio::http_status_code_t{503}, "Service Unavailable"})
          .append_header("Connection", "close")
          .append_header("Retry-After", "5")
          .done();
      return restinio::request_accepted();
    }
    Request r;
    const auto& h = req->header();
    r.method = h.method().c_str();
    r.path = std::string(h.path());
    r.query = std::string(h.query());
    h.for_each_field([&](const restinio::http_header_field_t& f) {
      std::string name(f.name());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      r.headers.emplace_back(std::move(name), std::string(f.value()));
    });
    r.body = req->body();
    r.remote_address = client_address(req->remote_endpoint().address().to_string(),
                                      r.header("x-forwarded-for"), trusted_proxies_);
    {
      std::lock_guard lock(mutex_);
      ++in_flight_;
    }
    auto answered = std::make_shared<std::atomic<bool>>(false);
    Respond respond = [this, req, answered](Response response) {
      if (answered->exchange(true)) return;
      auto out = req->create_response(restinio::http_status_line_t{
          restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
          reason_phrase(response.status)});
      for (auto& [name, value] : response.headers) out.append_header(name, value);
      out.set_body(std::move(response.body));
      out.done();
      std::lock_guard lock(mutex_);
      if (--in_flight_ == 0) idle_.notify_all();
    };
    handler_(std::move(r), std::move(respond));
    return restinio::request_accepted();
  }

  Handler handler_;
  std::vector<std::string> trusted_proxies_;  // set before the server starts
  std::optional<RunningServer> server_;
  std::atomic<std::uint16_t> port_{0};
  std::atomic<bool> draining_{false};
  std::atomic<bool> stopped_{false};
  std::mutex mutex_;
  std::condition_variable idle_;
  std::size_t in_flight_ = 0;
};

}  // namespace

std::string_view Request::header(std::string_view name) const {
  for (const auto& [n, v] : headers)
    if (n == name) return v;
  return {};
}

Result<std::unique_ptr<HttpServer>> start_http_server(const ListenSettings& settings,
                                                      Handler handler) {
  auto server = std::make_unique<RestinioServer>(std::move(handler));
  if (auto started = server->start(settings); !started) return std::unexpected(started.error());
  return std::unique_ptr<HttpServer>(std::move(server));
}

}  // namespace cinplan::http
