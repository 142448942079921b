// scan() on PostgreSQL: the log in sequence order, in batches of kBatch rows
// by keyset (seq > last ORDER BY seq LIMIT n, on the primary key). The scan
// has a connection of its own, and while the callback works through one batch
// the next is already being read on it: the server produces rows while the
// client folds them. No query of the store's main connection is open during
// the callback, so the callback may use the store.
#include <future>

#include "store/postgres_store.h"

namespace cinplan::store::postgres {
namespace {

// Rows fetched per query: large enough that the round trips do not count,
// small enough that a batch is a few megabytes.
constexpr std::size_t kBatch = 20'000;

std::string_view view(const pqxx::field& f) {
  return {f.c_str(), f.size()};
}

pqxx::result fetch(pqxx::connection& conn, std::int64_t after, std::size_t count) {
  pqxx::nontransaction tx(conn);
  return tx.exec_prepared(kScanStatement, after, static_cast<std::int64_t>(count));
}

// Calls `row` for each row of `r`; returns the last sequence, or `last` when
// `r` is empty.
std::int64_t deliver(const pqxx::result& r, std::int64_t last,
                     const std::function<void(const ScanRow&)>& row) {
  ScanRow current;
  const auto rows = r.size();
  for (pqxx::result::size_type i = 0; i < rows; ++i) {
    const pqxx::row fields = r[i];
    current.sequence = to_int64(fields[0]);
    current.stream_id = view(fields[1]);
    current.version = to_int64(fields[2]);
    current.type = view(fields[3]);
    current.date = view(fields[4]);
    current.payload = view(fields[5]);
    current.recorded_at = view(fields[6]);
    current.recorded_by = view(fields[7]);
    row(current);
    last = current.sequence;
  }
  return last;
}

// How many rows to ask for next: kBatch, or what is left of `limit` (0: no
// limit).
std::size_t next_batch(std::size_t limit, std::size_t delivered) {
  return limit == 0 ? kBatch : std::min(limit - delivered, kBatch);
}

}  // namespace

Result<std::int64_t> PostgresStore::scan(std::int64_t after,
                                         const std::function<void(const ScanRow&)>& row,
                                         std::size_t limit) {
  std::unique_lock scanning(scan_mutex_, std::try_to_lock);
  if (!scanning) return scan_on_main(after, row, limit);
  std::int64_t last = after;
  try {
    if (!scan_conn_) {
      auto conn = connect(target_);
      if (!conn) return std::unexpected(conn.error());
      scan_conn_ = std::move(*conn);
      prepare_statements(*scan_conn_);
    }
    std::size_t delivered = 0;
    std::size_t asked = next_batch(limit, delivered);
    if (asked == 0) return last;
    pqxx::result batch = fetch(*scan_conn_, last, asked);
    while (true) {
      std::future<pqxx::result> ahead;
      const std::size_t rows = batch.size();
      const std::size_t following = next_batch(limit, delivered + rows);
      if (rows == asked && following > 0) {
        const std::int64_t from =
            to_int64(batch[static_cast<pqxx::result::size_type>(rows - 1)][0]);
        ahead = std::async(std::launch::async,
                           [this, from, following] { return fetch(*scan_conn_, from, following); });
      }
      // A callback that throws leaves through here; `ahead` is waited for.
      last = deliver(batch, last, row);
      delivered += rows;
      if (!ahead.valid()) return last;
      asked = following;
      batch = ahead.get();
    }
  } catch (const pqxx::pqxx_exception&) {
    Error error = current_error(target_, "read the log after position " + std::to_string(last));
    scan_conn_.reset();
    return std::unexpected(std::move(error));
  }
}

Result<std::int64_t> PostgresStore::scan_on_main(std::int64_t after,
                                                 const std::function<void(const ScanRow&)>& row,
                                                 std::size_t limit) {
  std::lock_guard lock(mutex_);
  std::int64_t last = after;
  try {
    std::size_t delivered = 0;
    while (true) {
      const std::size_t asked = next_batch(limit, delivered);
      if (asked == 0) return last;
      pqxx::result batch = fetch(*conn_, last, asked);
      last = deliver(batch, last, row);
      delivered += batch.size();
      if (batch.size() < asked) return last;
    }
  } catch (const pqxx::pqxx_exception&) {
    return std::unexpected(
        current_error(target_, "read the log after position " + std::to_string(last)));
  }
}

}  // namespace cinplan::store::postgres
