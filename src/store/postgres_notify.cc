// wait_for_events on PostgreSQL: a second connection LISTENs on the channel
// every append NOTIFYs at commit (postgres_store.h), so a write in any
// process wakes the waiter at once. The head of the log is read after LISTEN
// is in place and again after every wake-up or quarter second, so a commit
// is never missed even if its notification is.
#include <algorithm>
#include <charconv>

#include "store/postgres_store.h"

namespace cinplan::store::postgres {
namespace {

// The longest wait before the head is read again.
constexpr std::chrono::milliseconds kRecheck{250};

}  // namespace

class PostgresStore::Listener {
 public:
  explicit Listener(std::unique_ptr<pqxx::connection> conn)
      : conn_(std::move(conn)), receiver_(*conn_, *this) {}

  pqxx::connection& conn() { return *conn_; }
  // The highest sequence announced so far (0: none).
  std::int64_t announced() const { return announced_; }

 private:
  class Receiver final : public pqxx::notification_receiver {
   public:
    Receiver(pqxx::connection_base& conn, Listener& listener)
        : pqxx::notification_receiver(conn, std::string(kEventsChannel)), listener_(listener) {}
    void operator()(const std::string& payload, int) override {
      std::int64_t sequence = 0;
      std::from_chars(payload.data(), payload.data() + payload.size(), sequence);
      listener_.announced_ = std::max(listener_.announced_, sequence);
    }

   private:
    Listener& listener_;
  };

  std::unique_ptr<pqxx::connection> conn_;
  Receiver receiver_;  // after conn_: unregisters (UNLISTEN) before it closes
  std::int64_t announced_ = 0;
};

PostgresStore::PostgresStore(ConnectionTarget target, std::unique_ptr<pqxx::connection> conn)
    : target_(std::move(target)), conn_(std::move(conn)) {
  prepare_statements(*conn_);
}

PostgresStore::~PostgresStore() = default;

Result<bool> PostgresStore::wait_for_events(std::int64_t after, std::chrono::milliseconds timeout) {
  std::lock_guard lock(listen_mutex_);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  try {
    if (!listener_) {
      auto conn = connect(target_);
      if (!conn) return std::unexpected(conn.error());
      listener_ = std::make_unique<Listener>(std::move(*conn));
    }
    pqxx::connection& conn = listener_->conn();
    while (true) {
      if (listener_->announced() > after) return true;
      std::int64_t head = 0;
      {
        pqxx::nontransaction tx(conn);
        const auto r = tx.exec("SELECT seq FROM event_position");
        const char* text = r[0][0].c_str();
        std::from_chars(text, text + r[0][0].size(), head);
      }
      if (head > after) return true;
      const auto now = std::chrono::steady_clock::now();
      if (now >= deadline) return false;
      const auto slice = std::chrono::duration_cast<std::chrono::microseconds>(
          std::min<std::chrono::steady_clock::duration>(deadline - now, kRecheck));
      conn.await_notification(static_cast<long>(slice.count() / 1'000'000),
                              static_cast<long>(slice.count() % 1'000'000));
    }
  } catch (...) {
    Error error = current_error(target_, "wait for new events");
    listener_.reset();
    return std::unexpected(std::move(error));
  }
}

}  // namespace cinplan::store::postgres
