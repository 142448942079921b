#include "app/attachments.h"

#include <gtest/gtest.h>

#include "app/security.h"

namespace cinplan::app {
namespace {

using namespace std::string_view_literals;

TEST(Attachments, TheTypeIsReadFromTheFirstBytesNeverFromTheName) {
  EXPECT_EQ(media_type_of("%PDF-1.7\n...", "scan.jpg"), "application/pdf");
  EXPECT_EQ(media_type_of("\xFF\xD8\xFF\xE0 JFIF"sv, "photo"), "image/jpeg");
  EXPECT_EQ(media_type_of("\x89PNG\r\n\x1A\n...."sv, "x.pdf"), "image/png");
  EXPECT_EQ(media_type_of("II*\0...."sv, "order.tif"), "image/tiff");
  EXPECT_EQ(media_type_of("MM\0*...."sv, "order.tif"), "image/tiff");
  EXPECT_EQ(media_type_of("PK\x03\x04...."sv, "Report.DOCX"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  // A zip that is not named as a Word document, a page, a program: none.
  EXPECT_EQ(media_type_of("PK\x03\x04...."sv, "files.zip"), "");
  EXPECT_EQ(media_type_of("<html><script>", "report.pdf"), "");
  EXPECT_EQ(media_type_of("MZ\x90\0"sv, "report.pdf"), "");
  EXPECT_EQ(media_type_of("", "report.pdf"), "");
}

TEST(Attachments, AnUploadTakenHasItsNameTypeSizeAndChecksum) {
  const Upload u{"file", "C:\\Users\\worker\\Scans\\court order.pdf", "%PDF-1.4 the order"};
  auto f = examine_upload(u, 1024);
  ASSERT_TRUE(f) << f.error().message;
  EXPECT_EQ(f->file_name, "court order.pdf");
  EXPECT_EQ(f->media_type, "application/pdf");
  EXPECT_EQ(f->size, u.content.size());
  EXPECT_EQ(f->sha256, sha256_hex(u.content));
  // The SHA-256 of "abc" (FIPS 180-2, appendix B.1).
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Attachments, EmptyTooLargeAndUntakenFilesAreRefusedNamingTheFile) {
  auto none = examine_upload({"file", "", ""}, 1024);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().message, "Choose the file to attach.");
  auto empty = examine_upload({"file", "report.pdf", ""}, 1024);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().message, "report.pdf is empty: choose the file again.");
  auto big = examine_upload({"file", "scan.pdf", "%PDF-" + std::string(2000, 'x')}, 1024);
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().code, ErrorCode::kBadInput);
  EXPECT_NE(big.error().message.find("scan.pdf is 2 KiB: a file of at most 1 KiB is taken"),
            std::string::npos)
      << big.error().message;
  auto program = examine_upload({"file", "setup.exe", "MZ\x90"}, 1024);
  ASSERT_FALSE(program);
  EXPECT_NE(
      program.error().message.find("setup.exe is not a PDF, Word (.docx), JPEG, PNG or TIFF file"),
      std::string::npos)
      << program.error().message;
}

TEST(Attachments, TheNameKeptHasNoFoldersControlsOrExcess) {
  EXPECT_EQ(kept_file_name("../../etc/passwd"), "passwd");
  EXPECT_EQ(kept_file_name("a\r\nb\tc.pdf"), "abc.pdf");
  EXPECT_EQ(kept_file_name("..."), "attachment");
  EXPECT_EQ(kept_file_name(""), "attachment");
  EXPECT_EQ(kept_file_name("Zoë's report.pdf"), "Zoë's report.pdf");
  const std::string long_name = std::string(149, 'a') + "é.pdf";  // é straddles byte 150
  const std::string kept = kept_file_name(long_name);
  EXPECT_EQ(kept, std::string(149, 'a'));
  EXPECT_EQ(kept_file_name("bad\xff\xfe.pdf"), "bad.pdf");
}

}  // namespace
}  // namespace cinplan::app
