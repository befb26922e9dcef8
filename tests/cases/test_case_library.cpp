// Every case in cases/: it loads, every structure conserves money, the JSON output has no NaN and
// lets a reader verify conservation, and the figures match the reviewed expected.json.
// To refresh expected.json after a reviewed change: CITYFIN_UPDATE_GOLDEN=1 ./case_library_tests

#include "golden.hpp"
#include "models/case_evaluation.hpp"
#include "models/evaluation_json.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace cityfin;

namespace {

std::vector<std::string> caseIds() {
    std::vector<std::string> ids;
    for (const auto& entry : fs::directory_iterator(CITYFIN_CASES_DIR))
        if (fs::exists(entry.path() / "case.json")) ids.push_back(entry.path().filename().string());
    std::sort(ids.begin(), ids.end());
    return ids;
}

fs::path caseDir(const std::string& id) { return fs::path(CITYFIN_CASES_DIR) / id; }

// No NaN or infinity anywhere: the JSON library writes them as null, so look for them before.
void expectFinite(const nlohmann::ordered_json& j, const std::string& where) {
    if (j.is_number_float()) {
        EXPECT_TRUE(std::isfinite(j.get<double>())) << where;
    }
    if (j.is_structured())
        for (const auto& [key, value] : j.items()) expectFinite(value, where + "/" + key);
}

class CaseLibrary : public testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        theCase = models::loadCaseFile((caseDir(GetParam()) / "case.json").string());
        evaluations = models::evaluateCase(theCase);
    }
    models::Case theCase;
    std::vector<models::Evaluation> evaluations;
};

} // namespace

TEST_P(CaseLibrary, IdMatchesItsFolderAndItHasAReadme) {
    EXPECT_EQ(theCase.id, GetParam());
    EXPECT_TRUE(fs::exists(caseDir(GetParam()) / "README.md"));
}

TEST_P(CaseLibrary, EveryStructureConservesMoney) {
    const double scale = std::max(1.0, theCase.project.totalCapex());
    for (const auto& e : evaluations)
        EXPECT_LE(e.outcome.ledger.conservationError(), 1e-9 * scale) << e.structureId;
}

TEST_P(CaseLibrary, JsonOutputIsFiniteAndShowsConservation) {
    for (const auto& e : evaluations) {
        const auto j = models::evaluationToJson(e);
        expectFinite(j, e.structureId);
        // A reader of the JSON can check conservation: the parties' flows add up to the real flows.
        const auto& real = j.at("real_flows");
        for (std::size_t t = 0; t < real.size(); ++t) {
            double sum = 0.0;
            for (const auto& party : j.at("parties")) sum += party.at("flows").at(t).get<double>();
            EXPECT_NEAR(sum, real.at(t).get<double>(), 1e-9 * std::max(1.0, theCase.project.totalCapex()))
                << e.structureId << " year " << t;
        }
    }
}

TEST_P(CaseLibrary, FiguresMatchExpectedResults) {
    const auto actual = test::goldenFigures(theCase, evaluations);
    const fs::path expectedPath = caseDir(GetParam()) / "expected.json";
    if (std::getenv("CITYFIN_UPDATE_GOLDEN")) {
        std::ofstream(expectedPath) << actual.dump(2) << "\n";
        GTEST_SKIP() << "wrote " << expectedPath;
    }
    std::ifstream in(expectedPath);
    ASSERT_TRUE(in) << "no " << expectedPath << " (run with CITYFIN_UPDATE_GOLDEN=1 once reviewed)";
    const auto expected = nlohmann::json::parse(in);
    for (const std::string& difference : test::compareGolden(GetParam(), expected, actual)) ADD_FAILURE() << difference;
}

INSTANTIATE_TEST_SUITE_P(Cases, CaseLibrary, testing::ValuesIn(caseIds()),
                         [](const testing::TestParamInfo<std::string>& info) {
                             std::string name = info.param;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

TEST(GoldenComparison, NamesCaseStructureMetricAndBothValues) {
    const auto expected = nlohmann::json::parse(R"({"structures": {"ppp": {"equity_irr": 0.09, "city_present_cost": 100.0}},
                                                    "rankings": {"city": {"recommended": "ppp", "ranking": ["ppp"]}}})");
    auto actual = expected;
    actual["structures"]["ppp"]["equity_irr"] = 0.091;
    actual["structures"]["ppp"]["city_present_cost"] = 100.005;  // within a cent: no difference
    const auto differences = test::compareGolden("demo", expected, actual);
    ASSERT_EQ(differences.size(), 1u);
    EXPECT_EQ(differences[0], "case demo, structure ppp, equity_irr: expected 0.09, got 0.091 (tolerance 1e-07)");
}

TEST(GoldenComparison, AnExpectedFileCopiedFromAnotherCaseIsNamed) {
    const auto expected = nlohmann::json::parse(R"({"case": "qianhai-parking", "structures": {}, "rankings": {}})");
    const auto actual = nlohmann::json::parse(R"({"case": "venezia-wifi", "structures": {}, "rankings": {}})");
    const auto differences = test::compareGolden("venezia-wifi", expected, actual);
    ASSERT_EQ(differences.size(), 1u);
    EXPECT_EQ(differences[0], "case venezia-wifi: expected.json belongs to case \"qianhai-parking\"");
}
