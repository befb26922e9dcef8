// Golden risk statistics of the bundled cases at a fixed seed: cases/<id>/expected_risk.json.
// The engine is deterministic for a seed, so the tolerance only absorbs rounding across compilers
// (relative 1e-6 of the figure, absolute 1e-6 for probabilities). Refresh deliberately with
// CITYFIN_UPDATE_GOLDEN=1 build/tests/models/models_risk_cases_tests.

#include "models/case_file.hpp"
#include "models/risk/case_risk.hpp"
#include "risk_fixtures.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

using namespace cityfin::models;

namespace {

constexpr std::size_t kPaths = 2000;
constexpr std::uint64_t kSeed = 1;

nlohmann::ordered_json statistics(const CaseRisk& r) {
    nlohmann::ordered_json j;
    j["paths"] = kPaths;
    j["seed"] = kSeed;
    for (const StructureRisk& s : r.run.structures) {
        nlohmann::ordered_json st;
        for (RiskMetric m : {RiskMetric::NpvGovernment, RiskMetric::NpvPrivate, RiskMetric::CityPresentCost}) {
            const MetricSummary& x = s.summary(m);
            st[std::string(riskMetricId(m))] = {{"mean", x.mean}, {"stdev", x.stdev}, {"p5", x.p5}, {"p50", x.p50}, {"p95", x.p95}};
        }
        if (const MetricSummary& x = s.summary(RiskMetric::PppSpendingPeak); x.defined > 0)  // a PPP's payments
            st["ppp_spending_peak"] = {{"mean", x.mean}, {"stdev", x.stdev}, {"p5", x.p5}, {"p50", x.p50}, {"p95", x.p95}};
        st["probability_all_rules"] = s.allRulesProbability;
        st["expected_contingent"] = s.expectedContingent;
        st["p95_contingent"] = s.p95Contingent;
        j["structures"][s.structureId] = st;
    }
    if (r.vfm)
        for (const VfmResult& v : r.vfm->structures) j["vfm"][v.structureId] = v.vfmAmount;
    return j;
}

void compare(const nlohmann::json& expected, const nlohmann::json& actual, const std::string& path) {
    if (expected.is_object()) {
        ASSERT_TRUE(actual.is_object()) << path;
        EXPECT_EQ(expected.size(), actual.size()) << path;
        for (const auto& [k, v] : expected.items()) {
            ASSERT_TRUE(actual.contains(k)) << path << "." << k;
            compare(v, actual.at(k), path + "." + k);
        }
        return;
    }
    const double e = expected.get<double>(), a = actual.get<double>();
    EXPECT_NEAR(a, e, std::max(1e-6, 1e-6 * std::abs(e))) << path;
}

class RiskGolden : public ::testing::TestWithParam<std::string> {};

} // namespace

TEST_P(RiskGolden, StatisticsAtAFixedSeedMatchTheRecordedOnes) {
    const std::string dir = risk_fixtures::casesDir() + "/" + GetParam();
    const Case c = loadCaseFile(dir + "/case.json");
    RiskOptions o;
    o.paths = kPaths;
    o.seed = kSeed;
    o.threads = 2;
    const nlohmann::ordered_json actual = statistics(analyseCaseRisk(c, o));
    const std::string golden = dir + "/expected_risk.json";
    if (const char* update = std::getenv("CITYFIN_UPDATE_GOLDEN"); update && std::string(update) == "1") {
        std::ofstream(golden) << actual.dump(2) << "\n";
        GTEST_SKIP() << "golden written: " << golden;
    }
    std::ifstream in(golden);
    ASSERT_TRUE(in) << golden;
    compare(nlohmann::json::parse(in), nlohmann::json::parse(actual.dump()), GetParam());
}

INSTANTIATE_TEST_SUITE_P(Cases, RiskGolden,
                         ::testing::Values("binhai-data-platform", "busan-wifi-bto", "haeundae-smart-parking", "nansha-hvac-retrofit",
                                           "qianhai-parking", "yangzhou-smart-streetlights", "zhangzhou-city-wifi"),
                         [](const auto& info) {
                             std::string n = info.param;
                             std::replace(n.begin(), n.end(), '-', '_');
                             return n;
                         });
