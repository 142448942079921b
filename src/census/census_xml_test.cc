#include "census/census_xml.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include <unistd.h>

namespace cinplan::census {
namespace {

std::string sample(const std::string& name) {
  return std::string(CINPLAN_SHARED_DIR) + "/census/" + name;
}

struct Read {
  Result<ReadSummary> summary;
  CensusHeader header;
  std::vector<CensusChild> children;
};

Read read(const std::string& path, ReadLimits limits = {}) {
  Read r{ReadSummary{}, {}, {}};
  r.summary = read_census_file(
      path,
      [&](const CensusHeader& h) -> Result<void> {
        r.header = h;
        return {};
      },
      [&](CensusChild&& c) -> Result<void> {
        r.children.push_back(std::move(c));
        return {};
      },
      limits);
  return r;
}

std::string written(const std::string& text) {
  static int n = 0;
  const auto path =
      std::filesystem::temp_directory_path() /
      ("cinplan-census-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ".xml");
  std::ofstream(path) << text;
  return path.string();
}

TEST(CensusXml, TheCleanMinimalReturnReadsWhole) {
  Read r = read(sample("clean_minimal_2026.xml"));
  ASSERT_TRUE(r.summary) << r.summary.error().message;
  EXPECT_EQ(r.header.reference_date, "2026-03-31");
  EXPECT_EQ(r.header.lea, "201");
  ASSERT_EQ(r.children.size(), 1u);
  const CensusChild& c = r.children[0];
  EXPECT_EQ(c.la_child_id, "C1");
  EXPECT_EQ(c.upn_unknown, "UN3");
  EXPECT_EQ(c.sex, "F");
  EXPECT_EQ(c.disabilities, std::vector<std::string>{"NONE"});
  ASSERT_EQ(c.episodes.size(), 1u);
  const CinEpisode& e = c.episodes[0];
  EXPECT_EQ(e.referral_date, "2025-06-02");
  ASSERT_EQ(e.assessments.size(), 1u);
  EXPECT_EQ(e.assessments[0].factors, std::vector<std::string>{"2A"});
  ASSERT_EQ(e.plans.size(), 1u);
  EXPECT_EQ(e.plans[0].start, "2025-07-15");
  EXPECT_FALSE(e.plans[0].end);
  EXPECT_EQ(e.referral_nfa, "0");
  EXPECT_GT(c.line, 0);
  EXPECT_TRUE(r.summary->skipped.empty());
}

TEST(CensusXml, ThePreProceedingsBlockAndAnOlderFilesGenderAreSkippedAndCounted) {
  Read r = read(sample("CIN_Census_2026.xml"));
  ASSERT_TRUE(r.summary) << r.summary.error().message;
  EXPECT_EQ(r.summary->skipped.at("PreProceedingsandFGDM"), 1u);
  ASSERT_EQ(r.children.size(), 2u);
  const auto& plans = r.children[0].episodes[0].protection_plans;
  ASSERT_FALSE(plans.empty());
  ASSERT_EQ(plans[0].reviews.size(), 1u);
  EXPECT_EQ(plans[0].reviews[0], "2023-02-15");
  Read old = read(sample("fake_CIN_data.xml"));
  ASSERT_TRUE(old.summary);
  EXPECT_EQ(old.summary->children, 332u);
  EXPECT_EQ(old.summary->skipped.at("GenderCurrent"), 332u);
  EXPECT_FALSE(old.children[0].sex);
}

TEST(CensusXml, EmptyElementsAndAReviewWithoutADateAreKeptAsMissing) {
  Read r = read(
      written("<Message><Header/><Children><Child><ChildIdentifiers><LAchildID>A1</LAchildID>"
              "<Sex/></ChildIdentifiers><ChildCharacteristics><Disabilities><Disability/>"
              "</Disabilities></ChildCharacteristics><CINdetails><ChildProtectionPlans><Reviews/>"
              "</ChildProtectionPlans></CINdetails></Child></Children></Message>"));
  ASSERT_TRUE(r.summary) << r.summary.error().message;
  ASSERT_EQ(r.children.size(), 1u);
  EXPECT_FALSE(r.children[0].sex);
  EXPECT_EQ(r.children[0].disabilities, std::vector<std::string>{""});
  ASSERT_EQ(r.children[0].episodes[0].protection_plans[0].reviews.size(), 1u);
  EXPECT_FALSE(r.children[0].episodes[0].protection_plans[0].reviews[0]);
}

TEST(CensusXml, MalformedXmlIsRefusedNamingTheLine) {
  Read r = read(written("<Message>\n<Header>\n<Children><Child></Header></Message>"));
  ASSERT_FALSE(r.summary);
  EXPECT_NE(r.summary.error().message.find("is not well-formed XML"), std::string::npos);
  EXPECT_NE(r.summary.error().message.find("line 3"), std::string::npos)
      << r.summary.error().message;
  EXPECT_FALSE(read(written("")).summary);
  EXPECT_FALSE(read(written("not xml at all")).summary);
}

TEST(CensusXml, AWrongRootOrANamespaceIsRefused) {
  Read r = read(written("<Return><Header/></Return>"));
  ASSERT_FALSE(r.summary);
  EXPECT_NE(r.summary.error().message.find("the root element is Return"), std::string::npos);
  Read ns = read(written("<Message xmlns=\"urn:other\"><Header/></Message>"));
  ASSERT_FALSE(ns.summary);
  EXPECT_NE(ns.summary.error().message.find("in the namespace urn:other"), std::string::npos);
}

TEST(CensusXml, AChildPastTheLimitIsRefusedNamingThem) {
  std::string xml =
      "<Message><Children><Child><ChildIdentifiers><LAchildID>BIG1</LAchildID>"
      "</ChildIdentifiers>";
  for (int i = 0; i < 20; ++i) xml += "<CINdetails/>";
  xml += "</Child></Children></Message>";
  Read r = read(written(xml), ReadLimits{10});
  ASSERT_FALSE(r.summary);
  EXPECT_NE(r.summary.error().message.find("the child BIG1 has more than 10"), std::string::npos)
      << r.summary.error().message;
}

TEST(CensusXml, EntitiesAreNotExpandedAndNothingIsFetched) {
  Read r = read(written(
      "<?xml version=\"1.0\"?><!DOCTYPE Message [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
      "<Message><Children><Child><ChildIdentifiers><LAchildID>&x;</LAchildID>"
      "</ChildIdentifiers></Child></Children></Message>"));
  if (r.summary) {
    ASSERT_EQ(r.children.size(), 1u);
    EXPECT_EQ(r.children[0].la_child_id.value_or("").find("root:"), std::string::npos);
  }
}

TEST(CensusXml, AMissingFileIsNotFound) {
  Read r = read("/nonexistent/census.xml");
  ASSERT_FALSE(r.summary);
  EXPECT_EQ(r.summary.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace cinplan::census
