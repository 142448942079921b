#include "census/census_xml_writer.h"

#include <gtest/gtest.h>
#include <libxml/xmlschemas.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "census/census_xml.h"
#include "core/census/census_test_support.h"

namespace cinplan::census {
namespace {

// Whether `xml` is valid against the DfE's schema (libxml2), and its first
// complaint when not.
std::string schema_problem(const std::string& xml) {
  const std::string xsd = std::string(CINPLAN_SHARED_DIR) + "/census/CIN_schema_2026.xsd";
  xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt(xsd.c_str());
  xmlSchemaPtr schema = xmlSchemaParse(parser);
  xmlSchemaFreeParserCtxt(parser);
  if (!schema) return "the schema did not load";
  xmlSchemaValidCtxtPtr valid = xmlSchemaNewValidCtxt(schema);
  std::string problem;
  xmlSchemaSetValidStructuredErrors(
      valid,
      [](void* arg, xmlErrorPtr e) {
        auto* p = static_cast<std::string*>(arg);
        if (p->empty() && e && e->message) *p = e->message;
      },
      &problem);
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "return.xml", nullptr,
                                XML_PARSE_NONET);
  const int rc = doc ? xmlSchemaValidateDoc(valid, doc) : -1;
  if (doc) xmlFreeDoc(doc);
  xmlSchemaFreeValidCtxt(valid);
  xmlSchemaFree(schema);
  if (rc != 0 && problem.empty()) problem = "not valid";
  return rc == 0 ? "" : problem;
}

CensusHeader header() {
  CensusHeader h;
  h.collection = "CIN";
  h.year = "2026";
  h.reference_date = "2026-03-31";
  h.source_level = "L";
  h.lea = "201";
  h.software_code = "cinplan";
  h.serial_no = "001";
  h.date_time = "2026-04-10T09:00:00";
  return h;
}

std::string written(const std::vector<CensusChild>& children) {
  std::ostringstream out;
  write_census_start(out, header());
  for (const CensusChild& c : children) write_census_child(out, c);
  write_census_end(out);
  return out.str();
}

TEST(CensusXmlWriter, AReturnIsValidAgainstTheSchemaAndReadsBackAsWritten) {
  CensusChild clean = testing::clean_child();
  CensusChild protectedChild = testing::clean_child();
  protectedChild.la_child_id = "C2";
  CinEpisode& e = protectedChild.episodes[0];
  e.plans[0].end = "2025-08-01";
  e.section47s.push_back({"2025-07-20", "2025-08-05", "2025-08-01", std::nullopt});
  e.protection_plans.push_back(
      {"2025-08-01", std::nullopt, "NEG", "EMO", "0", {Text("2025-10-30")}});
  const std::string xml = written({clean, protectedChild});
  EXPECT_EQ(schema_problem(xml), "");

  const auto path = std::filesystem::temp_directory_path() /
                    ("cinplan-written-" + std::to_string(::getpid()) + ".xml");
  std::ofstream(path) << xml;
  std::vector<CensusChild> back;
  auto read = read_census_file(
      path.string(), [](const CensusHeader&) -> Result<void> { return {}; },
      [&](CensusChild&& c) -> Result<void> {
        back.push_back(std::move(c));
        return {};
      });
  std::filesystem::remove(path);
  ASSERT_TRUE(read) << read.error().message;
  ASSERT_EQ(back.size(), 2u);
  const CinEpisode& again = back[1].episodes[0];
  EXPECT_EQ(again.section47s[0].icpc_not_required, "0");
  EXPECT_EQ(again.protection_plans[0].latest_category, "EMO");
  EXPECT_EQ(again.protection_plans[0].reviews, std::vector<Text>{"2025-10-30"});
  EXPECT_EQ(back[0].disabilities, clean.disabilities);
}

TEST(CensusXmlWriter, TextIsEscapedAndAMissingRequiredElementIsWhatTheSchemaFinds) {
  CensusChild c = testing::clean_child();
  c.la_child_id = "A<&>\"1";
  EXPECT_NE(written({c}).find("<LAchildID>A&lt;&amp;&gt;&quot;1</LAchildID>"), std::string::npos);
  c.sex.reset();
  EXPECT_NE(schema_problem(written({c})), "");
}

}  // namespace
}  // namespace cinplan::census
