#include "http/multipart.h"

#include <gtest/gtest.h>

namespace cinplan::http {
namespace {

constexpr std::string_view kType = "multipart/form-data; boundary=----XyZ";

std::string body_of(std::string_view file_bytes) {
  return "------XyZ\r\n"
         "Content-Disposition: form-data; name=\"csrf_token\"\r\n\r\n"
         "abc\r\n"
         "------XyZ\r\n"
         "Content-Disposition: form-data; name=\"file\"; filename=\"C:\\scans\\My %22best%22 "
         "order.pdf\"\r\n"
         "Content-Type: application/pdf\r\n\r\n" +
         std::string(file_bytes) +
         "\r\n"
         "------XyZ--\r\n";
}

TEST(Multipart, ReadsFieldsAndFilesWithTheirBytesExactly) {
  const std::string bytes("%PDF-1.4\r\n\0\xff\r\n--not-the-boundary", 31);
  auto parts = parse_multipart(kType, body_of(bytes));
  ASSERT_TRUE(parts) << parts.error().message;
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "csrf_token");
  EXPECT_EQ((*parts)[0].data, "abc");
  EXPECT_FALSE((*parts)[0].file_name);
  EXPECT_EQ((*parts)[1].name, "file");
  EXPECT_EQ((*parts)[1].file_name.value_or(""), "C:\\scans\\My \"best\" order.pdf");
  EXPECT_EQ((*parts)[1].content_type, "application/pdf");
  EXPECT_EQ((*parts)[1].data, bytes);
}

TEST(Multipart, AQuotedBoundaryAndHeaderCaseAreTaken) {
  const std::string body =
      "--a b\r\ncontent-disposition: FORM-DATA; NAME=title\r\n\r\nCourt order\r\n--a b--";
  auto parts = parse_multipart("Multipart/Form-Data; charset=utf-8; boundary=\"a b\"", body);
  ASSERT_TRUE(parts) << parts.error().message;
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].name, "title");
  EXPECT_EQ((*parts)[0].data, "Court order");
}

TEST(Multipart, RefusesWhatIsNotACompleteForm) {
  EXPECT_FALSE(parse_multipart("multipart/form-data", body_of("x")));
  EXPECT_FALSE(parse_multipart("application/json; boundary=----XyZ", body_of("x")));
  std::string cut = body_of("%PDF-1.4 a long file");
  cut.resize(cut.size() - 20);
  auto r = parse_multipart(kType, cut);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("closing boundary"), std::string::npos) << r.error().message;
  EXPECT_FALSE(
      parse_multipart(kType, "------XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n------XyZ--"));
  EXPECT_FALSE(parse_multipart(kType, "no boundary here"));
}

TEST(Multipart, KnowsItsMediaType) {
  EXPECT_TRUE(is_multipart("multipart/form-data; boundary=x"));
  EXPECT_TRUE(is_multipart(" Multipart/Form-Data"));
  EXPECT_FALSE(is_multipart("application/x-www-form-urlencoded"));
}

}  // namespace
}  // namespace cinplan::http
