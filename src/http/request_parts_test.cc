#include "http/request_parts.h"

#include <gtest/gtest.h>

namespace cinplan::http {
namespace {

TEST(RequestParts, QueryIsDecodedAndARepeatedNameRefused) {
  auto q = parse_query("q=Mary-Jane+O%27Neil&today=2025-06-01&&");
  ASSERT_TRUE(q);
  EXPECT_EQ((*q)["q"], "Mary-Jane O'Neil");
  EXPECT_EQ((*q)["today"], "2025-06-01");
  EXPECT_FALSE(parse_query("a=1&a=2"));
  EXPECT_FALSE(parse_query("a=%4"));
  EXPECT_FALSE(parse_query("a=%00"));
}

TEST(RequestParts, CookieAndVersion) {
  Request r;
  r.headers = {{"cookie", "a=1; cinplan_session=abc; b=2"}, {"if-match", "W/\"7\""}};
  EXPECT_EQ(cookie(r, "cinplan_session"), "abc");
  EXPECT_EQ(cookie(r, "cinplan"), "");
  auto v = read_version(r, nullptr);
  ASSERT_TRUE(v);
  EXPECT_EQ(**v, 7);
  r.headers = {{"if-match", "\"seven\""}};
  EXPECT_FALSE(read_version(r, nullptr));
  r.headers.clear();
  nlohmann::ordered_json body = {{"version", 3}};
  EXPECT_EQ(**read_version(r, &body), 3);
  body = {{"version", "3"}};
  EXPECT_FALSE(read_version(r, &body));
  EXPECT_FALSE(*read_version(r, nullptr));
}

TEST(RequestParts, BodyIsStrictJsonObject) {
  Request r;
  r.body = R"({"a": 1, "a": 2})";
  EXPECT_FALSE(json_body(r));
  r.body = "[1]";
  EXPECT_FALSE(json_body(r));
  r.body = R"({"a": [1]})";
  EXPECT_TRUE(json_body(r));
  r.body.clear();
  EXPECT_TRUE(json_body(r)->empty());
}

TEST(RequestParts, ClientAddressIsTheProxysLastForwardedForOnlyFromATrustedProxy) {
  const std::vector<std::string> trusted = {"127.0.0.1"};
  // nginx appends the address it saw; anything before it the client wrote.
  EXPECT_EQ(client_address("127.0.0.1", "10.9.9.9, 192.0.2.7", trusted), "192.0.2.7");
  EXPECT_EQ(client_address("127.0.0.1", " 2001:db8::1 ", trusted), "2001:db8::1");
  // From anyone else the header is the client's own claim: ignored.
  EXPECT_EQ(client_address("192.0.2.50", "192.0.2.7", trusted), "192.0.2.50");
  EXPECT_EQ(client_address("127.0.0.1", "192.0.2.7", {}), "127.0.0.1");
  // Not an address, or no header: the peer.
  EXPECT_EQ(client_address("127.0.0.1", "192.0.2.7, evil", trusted), "127.0.0.1");
  EXPECT_EQ(client_address("127.0.0.1", "", trusted), "127.0.0.1");
}

}  // namespace
}  // namespace cinplan::http
