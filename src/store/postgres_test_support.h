// Helpers for the PostgreSQL store tests (header only): databases of their
// own for tests that need an empty one, and queries on a connection that is
// not the store's.
#pragma once

#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "store/store_test_support.h"

namespace cinplan::store::testing {

// The test URL with its database name replaced.
inline std::string with_database(const std::string& url, const std::string& name) {
  const auto query = url.find('?');
  const auto slash = url.rfind('/', query);
  return url.substr(0, slash + 1) + name + (query == std::string::npos ? "" : url.substr(query));
}

// "127.0.0.1:PORT" of the test URL.
inline std::string host_port(const std::string& url) {
  const auto at = url.find('@');
  const auto slash = url.find('/', at);
  return url.substr(at + 1, slash - at - 1);
}

// Rows of a query on a separate connection, columns joined by '|'.
inline std::vector<std::string> query(const std::string& url, const std::string& sql) {
  pqxx::connection conn(url);
  pqxx::nontransaction tx(conn);
  std::vector<std::string> rows;
  for (const auto& row : tx.exec(sql)) {
    std::string line;
    for (const auto& field : row)
      line += (line.empty() ? "" : "|") + std::string(field.is_null() ? "NULL" : field.c_str());
    rows.push_back(line);
  }
  return rows;
}

// An empty database of its own for one test, dropped afterwards.
class FreshDatabase {
 public:
  explicit FreshDatabase(const std::string& base_url) : base_url_(base_url) {
    name_ = "cinplan_t_" + unique_token();
    for (char& c : name_)
      if (c == '-') c = '_';
    pqxx::connection conn(base_url_);
    pqxx::nontransaction tx(conn);
    tx.exec("CREATE DATABASE " + tx.quote_name(name_));
  }
  FreshDatabase(const FreshDatabase&) = delete;
  FreshDatabase& operator=(const FreshDatabase&) = delete;
  ~FreshDatabase() {
    try {
      pqxx::connection conn(base_url_);
      pqxx::nontransaction tx(conn);
      tx.exec("DROP DATABASE IF EXISTS " + tx.quote_name(name_) + " WITH (FORCE)");
    } catch (const std::exception&) {
      // Left for the throwaway cluster to take away.
    }
  }
  std::string url() const { return with_database(base_url_, name_); }
  const std::string& name() const { return name_; }

 private:
  std::string base_url_;
  std::string name_;
};

}  // namespace cinplan::store::testing
