// The workbook recalculated by gnumeric: the live NPV and IRR formulas give the engine's figures and
// every ledger's check row is zero.
#include "report/workbook.hpp"
#include "recalculated_workbook.hpp"

#include "finance/errors.hpp"
#include "models/case_evaluation.hpp"
#include "models/case_file.hpp"
#include "models/compare.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace cityfin::report {
namespace {

namespace fs = std::filesystem;

std::string casePath(const std::string& id) {
    return std::string(std::getenv("CITYFIN_SOURCE_DIR")) + "/cases/" + id + "/case.json";
}

class WorkbookRecalculated : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        ASSERT_TRUE(test::haveSsconvert()) << "ssconvert (Debian package gnumeric) is needed to recalculate the workbook";
        dir = fs::temp_directory_path() / ("cityfin-workbook-" + GetParam() + "-" +
                                           std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
        fs::create_directories(dir);
    }
    void TearDown() override { fs::remove_all(dir); }
    fs::path dir;
};

TEST_P(WorkbookRecalculated, FormulaCellsGiveTheEnginesNpvIrrAndPresentCostAndEveryCheckRowIsZero) {
    const auto c = models::loadCaseFile(casePath(GetParam()));
    const auto evaluations = models::evaluateCase(c);
    const auto comparison = models::compareStructures(c.project, evaluations, models::Perspective::City);
    const auto book = writeWorkbook((dir / "book.xlsx").string(), c, evaluations, comparison);
    const auto sheets = test::recalculate(dir / "book.xlsx", dir / "csv");
    ASSERT_EQ(sheets.size(), book.sheets.size());

    ASSERT_FALSE(book.formulas.empty());
    int npvs = 0, irrs = 0, presentCosts = 0;
    for (const auto& f : book.formulas) {
        const auto index = std::find(book.sheets.begin(), book.sheets.end(), f.sheet) - book.sheets.begin();
        const std::string text = test::cellAt(sheets[static_cast<std::size_t>(index)], f.cell);
        ASSERT_FALSE(text.empty()) << f.sheet << "!" << f.cell;
        const double recalculated = std::stod(text);
        // NPVs to a thousandth of a currency unit on flows of millions; IRRs to 1e-9.
        const double tolerance = f.metric == "irr" ? 1e-9 : 1e-3 + 1e-12 * std::abs(f.engineValue);
        EXPECT_NEAR(recalculated, f.engineValue, tolerance) << f.structureId << " " << f.partyId << " " << f.metric;
        (f.metric == "irr" ? irrs : f.metric == "npv" ? npvs : presentCosts) += 1;
    }
    EXPECT_GE(npvs, static_cast<int>(evaluations.size()) * 2);  // at least the city and one other party each
    EXPECT_GT(irrs, 0);
    EXPECT_EQ(presentCosts, static_cast<int>(evaluations.size()));  // the city's present cost, live, per structure

    // Ledger sheets: the check row (column A "Check") recalculates to zero in every year.
    for (std::size_t s = 1; s <= evaluations.size(); ++s) {
        const auto& sheet = sheets[s];
        const auto check = std::find_if(sheet.begin(), sheet.end(), [](const auto& row) { return !row.empty() && row[0] == "Check"; });
        ASSERT_NE(check, sheet.end()) << book.sheets[s];
        for (std::size_t col = 3; col < check->size(); ++col) EXPECT_NEAR(std::stod((*check)[col]), 0.0, 1e-4) << book.sheets[s];
    }
}

INSTANTIATE_TEST_SUITE_P(BundledCases, WorkbookRecalculated,
                         ::testing::Values("qianhai-parking", "nansha-hvac-retrofit", "zhangzhou-city-wifi"),
                         [](const auto& info) {
                             std::string name = info.param;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

const CaseAnalyses& qianhaiAnalyses() {
    static const CaseAnalyses a = [] {
        AnalysisOptions o;
        o.paths = 300;
        o.threads = 1;
        return analyseCase(models::loadCaseFile(casePath("qianhai-parking")), o);
    }();
    return a;
}

TEST(Workbook, SheetsAreInputsLedgersMetricsRiskSensitivityAndSocialReturn) {
    const auto c = models::loadCaseFile(casePath("qianhai-parking"));
    const auto evaluations = models::evaluateCase(c);
    const auto comparison = models::compareStructures(c.project, evaluations, models::Perspective::City);
    const auto path = fs::temp_directory_path() / ("cityfin-sheets-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + ".xlsx");
    const auto book = writeWorkbook(path.string(), c, evaluations, comparison, &qianhaiAnalyses());
    fs::remove(path);
    ASSERT_EQ(book.sheets.size(), evaluations.size() + 5);
    EXPECT_EQ(book.sheets.front(), "Inputs");
    EXPECT_EQ(book.sheets[1], "Ledger " + evaluations[0].structureId);
    EXPECT_EQ(book.sheets[evaluations.size() + 1], "Metrics");
    EXPECT_EQ(book.sheets[evaluations.size() + 2], "Risk");
    EXPECT_EQ(book.sheets[evaluations.size() + 3], "Sensitivity");
    EXPECT_EQ(book.sheets.back(), "Social return");
}

TEST(Workbook, WithoutARiskRegisterTheRiskSheetsAreLeftOutAndSaidSo) {
    auto c = models::loadCaseFile(casePath("binhai-data-platform"));
    c.risks = nlohmann::json::array();  // the case with its register taken out
    const auto evaluations = models::evaluateCase(c);
    const auto comparison = models::compareStructures(c.project, evaluations, models::Perspective::City);
    const auto analyses = analyseCase(c, {});
    const auto path = fs::temp_directory_path() / ("cityfin-norisk-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + ".xlsx");
    const auto book = writeWorkbook(path.string(), c, evaluations, comparison, &analyses);
    fs::remove(path);
    EXPECT_EQ(std::count(book.sheets.begin(), book.sheets.end(), "Risk"), 0);
    EXPECT_TRUE(std::any_of(book.notes.begin(), book.notes.end(), [](const auto& n) {
        return n.find("Risk and Sensitivity sheets left out: the case has no risk register") != std::string::npos;
    }));
}

TEST(Workbook, RiskAndSensitivitySheetsShowTheRunsFiguresAsRead) {
    ASSERT_TRUE(test::haveSsconvert());
    const auto c = models::loadCaseFile(casePath("qianhai-parking"));
    const auto evaluations = models::evaluateCase(c);
    const auto comparison = models::compareStructures(c.project, evaluations, models::Perspective::City);
    const auto dir = fs::temp_directory_path() / ("cityfin-risksheet-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
    fs::create_directories(dir);
    const auto& a = qianhaiAnalyses();
    const auto book = writeWorkbook((dir / "book.xlsx").string(), c, evaluations, comparison, &a);
    const auto sheets = test::recalculate(dir / "book.xlsx", dir / "csv");
    fs::remove_all(dir);
    const auto& risk = sheets[evaluations.size() + 2];
    const auto& s0 = a.risk->run.structures[0];
    const auto row = std::find_if(risk.begin(), risk.end(), [&](const auto& r) {
        return r.size() > 7 && r[0] == s0.structureName && r[1] == "City present cost";
    });
    ASSERT_NE(row, risk.end());
    const auto& sm = s0.summary(models::RiskMetric::CityPresentCost);
    EXPECT_NEAR(std::stod((*row)[3]), sm.mean, 1e-6 * std::abs(sm.mean));
    EXPECT_NEAR(std::stod((*row)[7]), sm.p95, 1e-6 * std::abs(sm.p95));
    // A structure without equity or debt (the city's own build) has no rule to hold: said so, not a certain 100%.
    ASSERT_TRUE(s0.rules.empty());
    const auto said = [&](const char* words) {
        return std::any_of(risk.begin(), risk.end(), [&](const auto& r) { return r.size() > 1 && r[0] == s0.structureName && r[1] == words; });
    };
    EXPECT_TRUE(said("No equity or debt rule applies"));
    EXPECT_FALSE(said("Every rule holds"));
    // No cell reads NaN or inf: undefined figures are written as "-".
    for (const auto& r : risk)
        for (const auto& cell : r) {
            EXPECT_TRUE(cell != "nan" && cell != "inf" && cell != "-inf") << cell;
            EXPECT_EQ(cell.find("#NUM"), std::string::npos);
        }
    const auto& sensitivity = sheets[evaluations.size() + 3];
    const auto& t = a.tornadoes[0];
    const auto bar = std::find_if(sensitivity.begin(), sensitivity.end(), [&](const auto& r) {
        return r.size() > 5 && r[0] == t.bars[0].riskName;
    });
    ASSERT_NE(bar, sensitivity.end());
    EXPECT_NEAR(std::stod((*bar)[5]), t.bars[0].swing, 1e-6 * std::max(1.0, t.bars[0].swing));
}

TEST(Workbook, AnUnwritablePathIsAnInputErrorNamingOut) {
    const auto c = models::loadCaseFile(casePath("qianhai-parking"));
    const auto evaluations = models::evaluateCase(c);
    const auto comparison = models::compareStructures(c.project, evaluations, models::Perspective::City);
    try {
        writeWorkbook("/nonexistent-folder/x/book.xlsx", c, evaluations, comparison);
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_EQ(std::string(e.what()).rfind("--out", 0), 0u) << e.what();
    }
}

TEST(Workbook, ColumnNamesFollowTheSpreadsheetsLetters) {
    EXPECT_EQ(columnName(0), "A");
    EXPECT_EQ(columnName(25), "Z");
    EXPECT_EQ(columnName(26), "AA");
    EXPECT_EQ(columnName(701), "ZZ");
    EXPECT_EQ(columnName(702), "AAA");
}

} // namespace
} // namespace cityfin::report
