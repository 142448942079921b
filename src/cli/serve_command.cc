// cinplan serve --db URL [--port N] [--bind ADDRESS] [--config FILE]
//
// Starts the server: reads the configuration, the profiles and the
// permission table (refusing to start, in one line, when any is invalid or
// the database is newer than this build), reads the log into memory,
// listens, follows what other processes append, and on SIGTERM or SIGINT
// stops taking requests, answers those in flight, writes the access log
// and exits 0.
#include <signal.h>

#include <iostream>
#include <stop_token>
#include <thread>

#include "app/audit_log.h"
#include "app/security.h"
#include "app/server_config.h"
#include "app/service.h"
#include "cli/commands.h"
#include "core/access/permissions.h"
#include "http/dispatcher.h"
#include "http/http_server.h"
#include "store/accounts.h"

namespace cinplan::cli {
namespace {

// Blocks the signals the server stops on in this thread and every thread it
// starts; the main thread then waits for them with sigwait.
sigset_t stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

}  // namespace

int run_serve(const ServeArgs& args) {
  const sigset_t signals = stop_signals();
  auto config = app::load_server_config(args.config, app::process_environment());
  if (!config) return fail(config.error().describe());
  if (args.port) config->port = *args.port;
  if (!args.bind.empty()) config->bind = args.bind;

  auto catalog = app::ProfileCatalog::load(config->profiles_folder);
  if (!catalog) return fail(catalog.error().describe());
  auto profile = app::find_default_profile(*config, *catalog);
  if (!profile) return fail(profile.error().describe());
  auto permissions = access::PermissionTable::load(config->permissions_file.string());
  if (!permissions) return fail(permissions.error().describe());
  const std::string described = config->describe();
  if (!config->session_key.empty()) {
    if (auto key = app::set_token_key(config->session_key); !key)
      return fail(key.error().describe());
    app::wipe(config->session_key);
  } else {
    std::cerr << "cinplan: no session key is configured (CINPLAN_SESSION_KEY_FILE): sessions "
                 "end when this server stops\n";
  }

  store::OpenOptions options;
  options.create = true;
  auto events = store::open_store(args.db, options);
  if (!events) return fail(events.error().describe());
  auto follower_store = store::open_store(args.db, options);
  if (!follower_store) return fail(follower_store.error().describe());
  auto accounts = store::open_account_store(args.db, options);
  if (!accounts) return fail(accounts.error().describe());

  app::SystemClock clock;
  app::ServiceSettings settings;
  settings.authority = config->authority.empty() ? (*profile)->name : config->authority;
  settings.profile = (*profile)->id;
  settings.idle_timeout = config->session_idle_timeout;
  settings.absolute_timeout = config->session_absolute_timeout;
  settings.lockout_after = static_cast<int>(config->lockout_failures);
  settings.lockout_for = config->lockout_duration;
  settings.max_upload_bytes = config->max_upload_bytes;
  settings.contact = config->contact;
  app::Service service(**events, **accounts, *catalog, *permissions, clock, settings);
  if (auto started = service.start(); !started) return fail(started.error().describe());

  app::AuditLog audit(**accounts);
  auto site = pages::Site::load(
      config->templates_folder.empty() ? pages::default_templates_folder()
                                       : config->templates_folder,
      config->assets_folder.empty() ? pages::default_assets_folder() : config->assets_folder);
  if (!site) return fail(site.error().describe());
  http::Dispatcher dispatcher(
      service, audit,
      {config->worker_threads, 10'000, config->secure_cookies, config->max_body_bytes,
       config->max_upload_bytes, &*site, http::ListenSettings{}.max_url_bytes});
  http::ListenSettings listen;
  listen.address = config->bind;
  listen.port = config->port;
  listen.io_threads = config->io_threads;
  listen.max_body_bytes = config->max_body_bytes;
  listen.max_upload_bytes = config->max_upload_bytes;
  listen.max_header_bytes = config->max_header_bytes;
  listen.max_connections = config->max_connections;
  listen.max_connections_per_client = config->max_connections_per_client;
  listen.trusted_proxies = config->trusted_proxies;
  listen.read_timeout = config->read_timeout;
  listen.write_timeout = config->write_timeout;
  listen.handler_timeout = config->handler_timeout;
  auto server = http::start_http_server(listen, dispatcher.handler());
  if (!server) return fail(server.error().describe());

  // Another process's appends reach this one's records through the log.
  std::jthread follower([&](std::stop_token stop) {
    while (!stop.stop_requested()) {
      const std::int64_t at = service.records().position();
      auto moved = (*follower_store)->wait_for_events(at, std::chrono::milliseconds(250));
      if (moved && *moved) (void)service.catch_up();
      if (!moved) std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
  });

  std::cout << "cinplan: serving " << settings.authority << " (" << settings.profile
            << ") at http://"
            << (config->bind.find(':') != std::string::npos ? "[" + config->bind + "]"
                                                            : config->bind)
            << ":" << (*server)->port() << "/ from " << (*events)->describe() << std::endl;
  std::cerr << "cinplan: " << described << std::endl;

  int signal = 0;
  sigwait(&signals, &signal);
  std::cerr << "cinplan: stopping (" << (signal == SIGTERM ? "SIGTERM" : "SIGINT")
            << "): answering the requests in flight" << std::endl;
  (*server)->stop(std::chrono::milliseconds(10'000));
  dispatcher.stop();
  audit.stop();
  follower.request_stop();
  follower.join();
  std::cerr << "cinplan: stopped; " << audit.written() << " access log entries written in "
            << audit.groups() << " transactions" << std::endl;
  return 0;
}

}  // namespace cinplan::cli
