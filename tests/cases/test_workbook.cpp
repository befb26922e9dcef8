// docs/workbook.md answers every case's questions with cityfin's own figures; each figure carries a
// check comment (tests/cases/workbook_check.hpp) and this test recomputes it, so the workbook cannot
// go stale: a change in the engine that moves a quoted figure fails here, naming the line, case,
// metric, the workbook's value and cityfin's.

#include "golden.hpp"
#include "workbook_check.hpp"
#include "models/case_evaluation.hpp"
#include "models/ledger.hpp"
#include "models/plans/break_even.hpp"
#include "models/plans/plan_chain.hpp"
#include "models/plans/plan_risk.hpp"
#include "models/risk/case_risk.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using namespace cityfin;

namespace {

std::string readFile(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string workbookText() { return readFile(fs::path(CITYFIN_DOCS_DIR) / "workbook.md"); }

std::set<std::string> caseIds() {
    std::set<std::string> ids;
    for (const auto& entry : fs::directory_iterator(CITYFIN_CASES_DIR))
        if (fs::exists(entry.path() / "case.json")) ids.insert(entry.path().filename().string());
    return ids;
}

// The golden figures of a case under a check's scenario, computed once per (case, scenario).
class Figures {
public:
    const nlohmann::ordered_json& of(const test::WorkbookCheck& check) {
        auto c = models::loadCaseFile((fs::path(CITYFIN_CASES_DIR) / check.caseId / "case.json").string());
        c.scenario = test::scenarioFor(c.scenario, check);
        const bool risk = check.metric.rfind("risk.", 0) == 0;
        const bool plan = check.metric.rfind("planb.", 0) == 0;
        std::ostringstream key;
        key << check.caseId << (risk ? " risk" : "") << (plan ? " planb" : "");
        for (const auto& [k, v] : check.scenario) key << ' ' << k << '=' << v;
        auto found = cache_.find(key.str());
        if (found == cache_.end()) {
            const auto evaluations = models::evaluateCase(c);
            auto figures = test::goldenFigures(c, evaluations);
            // Figures the workbook quotes beyond expected.json's: guarantees in present value, a green
            // bond's net greenium, and the city's ledger lines summed over the years (city.<line kind>).
            for (const auto& e : evaluations) {
                auto& s = figures["structures"][e.structureId];
                s["guarantee_payments_pv"] = e.guaranteePaymentsPv;
                if (e.outcome.bond) s["bond.greenium_saving_pv"] = e.outcome.bond->greeniumSavingPv;
                for (const auto& line : e.outcome.ledger.lines()) {
                    if (line.party != models::Party::Government) continue;
                    double total = 0.0;
                    for (double amount : line.amounts) total += amount;
                    const std::string metric = "city." + std::string(models::lineKindId(line.kind));
                    s[metric] = s.value(metric, 0.0) + total;
                }
            }
            if (risk) addRiskFigures(c, figures);
            if (plan) addPlanFigures(c, figures);
            found = cache_.emplace(key.str(), std::move(figures)).first;
        }
        if (check.metric.rfind("solve:", 0) == 0) addBreakEven(c, check, found->second);
        return found->second;
    }

private:
    // A break-even as `cityfin solve CASE --structure S --target METRIC=VALUE --vary INPUT` finds it,
    // quoted as the metric "solve:METRIC=VALUE:INPUT" (null when there is no root in the range).
    static void addBreakEven(const models::Case& c, const test::WorkbookCheck& check, nlohmann::ordered_json& figures) {
        const std::regex form(R"(solve:([a-z_.]+)=([-0-9.e+]+):([a-z_]+))");
        std::smatch m;
        if (!std::regex_match(check.metric, m, form)) return;  // reported as "no such metric"
        auto& s = figures["structures"][check.structureId];
        if (s.contains(check.metric)) return;
        const auto found = models::plans::solveCase(c, check.structureId, m[1], std::stod(m[2]), m[3]);
        s[check.metric] = found.answer.value ? nlohmann::ordered_json(*found.answer.value) : nlohmann::ordered_json(nullptr);
    }

    // The Monte Carlo as `cityfin risk CASE --paths 2000 --seed 1` runs it (the result does not depend
    // on the thread count): risk.<metric>.<mean|p5|p50|p95>, risk.probability_all_rules,
    // risk.expected_contingent, risk.p95_contingent.
    static void addRiskFigures(const models::Case& c, nlohmann::ordered_json& figures) {
        models::RiskOptions options;
        options.paths = 2000;
        options.seed = 1;
        options.threads = 2;
        const auto analysis = models::analyseCaseRisk(c, options, false);
        for (const auto& st : analysis.run.structures) {
            auto& s = figures["structures"][st.structureId];
            for (std::size_t m = 0; m < models::kRiskMetricCount; ++m) {
                const auto metric = static_cast<models::RiskMetric>(m);
                const auto& x = st.summary(metric);
                const std::string id = "risk." + std::string(models::riskMetricId(metric));
                s[id + ".mean"] = x.mean;
                s[id + ".p5"] = x.p5;
                s[id + ".p50"] = x.p50;
                s[id + ".p95"] = x.p95;
            }
            s["risk.probability_all_rules"] = st.allRulesProbability;
            s["risk.expected_contingent"] = st.expectedContingent;
            s["risk.p95_contingent"] = st.p95Contingent;
        }
    }

    // The Plan B chain as `cityfin planb CASE` runs it (5,000 paths, seed 1), under the structure of each
    // plan evaluated: planb.risk_confidence (P(all counted rules) under risk), planb.under_risk.<rule>
    // (each rule's share of scenarios) and planb.at_confidence.<rule> (its figure at the confidence level).
    static void addPlanFigures(const models::Case& c, nlohmann::ordered_json& figures) {
        models::RiskOptions options;
        options.paths = 5000;
        options.seed = 1;
        options.threads = 2;
        models::plans::ChainOptions chainOptions;
        chainOptions.solveMends = false;
        chainOptions.risk = models::plans::riskProbabilityFor(c, options);
        for (const auto& step : models::plans::runPlanChain(c, chainOptions).steps) {
            auto& s = figures["structures"][step.plan.structureId];
            for (const auto& r : step.rules) {
                if (r.id != "risk_confidence") continue;
                s["planb.risk_confidence"] = *r.value;
                for (const auto& u : r.underRisk) {
                    s["planb.under_risk." + u.id] = u.probability;
                    s["planb.at_confidence." + u.id] = u.atConfidence ? nlohmann::ordered_json(*u.atConfidence) : nlohmann::ordered_json(nullptr);
                }
            }
        }
    }

    std::map<std::string, nlohmann::ordered_json> cache_;
};

} // namespace

TEST(CaseWorkbook, EveryQuotedFigureEqualsWhatCityfinComputesToday) {
    const auto checks = test::parseWorkbookChecks(workbookText());
    ASSERT_FALSE(checks.empty());
    Figures figures;
    const auto known = caseIds();
    for (const auto& check : checks) {
        if (!known.count(check.caseId)) {
            ADD_FAILURE() << "workbook line " << check.line << ": no case " << check.caseId;
            continue;
        }
        if (const auto failure = test::verifyCheck(check, figures.of(check))) ADD_FAILURE() << *failure;
    }
}

// Cases the workbook owes answers to are named in its "Not yet answered" section, so the gap shows
// in the workbook itself rather than in a failing build when a case arrives from another branch.
std::set<std::string> notYetAnswered(const std::string& markdown) {
    std::set<std::string> ids;
    std::istringstream in(markdown);
    bool inSection = false;
    static const std::regex item(R"(^- `([A-Za-z0-9_.\-]+)`)");
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("## ", 0) == 0) inSection = line == "## Not yet answered";
        std::smatch m;
        if (inSection && std::regex_search(line, m, item)) ids.insert(m[1]);
    }
    return ids;
}

TEST(CaseWorkbook, AnswersEveryCaseWithAtLeastThreeCheckedFiguresOrNamesItAsOwed) {
    const auto text = workbookText();
    std::map<std::string, int> perCase;
    for (const auto& check : test::parseWorkbookChecks(text)) ++perCase[check.caseId];
    const auto owed = notYetAnswered(text);
    for (const auto& id : caseIds()) {
        if (owed.count(id)) {
            EXPECT_EQ(perCase[id], 0) << "case " << id << " is answered: take it off the \"Not yet answered\" list";
            continue;
        }
        EXPECT_GE(perCase[id], 3) << "case " << id << " has too few checked answers";
    }
}

TEST(CaseWorkbook, EveryCaseReadmeAsksAtLeastThreeQuestions) {
    static const std::regex question(R"(^\d+\. )");
    for (const auto& id : caseIds()) {
        std::istringstream readme(readFile(fs::path(CITYFIN_CASES_DIR) / id / "README.md"));
        bool inQuestions = false;
        int count = 0;
        for (std::string line; std::getline(readme, line);) {
            if (line.rfind("## ", 0) == 0) inQuestions = line == "## Questions";
            else if (inQuestions && std::regex_search(line, question)) ++count;
        }
        EXPECT_GE(count, 3) << id;
    }
}

TEST(CaseWorkbookCheck, ReadsFigureUnitPrecisionAndScenario) {
    const auto checks = test::parseWorkbookChecks(
        "intro\n"
        "It brings **EUR 10.00 m**<!-- check: led psc city_present_cost -m --> and an IRR of 8.87% "
        "<!-- check: kr bto equity_irr % demand_factor=0.6 -->.\n"
        "The first choice is `psc` <!-- check: led - rank.city.1 id -->; peak 1,234,567 <!-- check: led psc city_peak_outlay x -->\n");
    ASSERT_EQ(checks.size(), 4u);
    EXPECT_EQ(checks[0].line, 2);
    EXPECT_EQ(checks[0].quoted, "10.00");
    EXPECT_EQ(checks[0].unit, "-m");
    EXPECT_EQ(checks[1].quoted, "8.87");
    ASSERT_EQ(checks[1].scenario.size(), 1u);
    EXPECT_EQ(checks[1].scenario[0].first, "demand_factor");
    EXPECT_DOUBLE_EQ(checks[1].scenario[0].second, 0.6);
    EXPECT_EQ(checks[2].quoted, "psc");
    EXPECT_EQ(checks[3].quoted, "1234567");
    EXPECT_TRUE(test::parseWorkbookChecks("shown as `<!-- check: a b c m -->` in code\n").empty());
    const auto wrapped = test::parseWorkbookChecks("it costs CNY 26.81 m\n<!-- check: q ppp city_present_cost m -->, more\n");
    ASSERT_EQ(wrapped.size(), 1u);
    EXPECT_EQ(wrapped[0].quoted, "26.81");
    EXPECT_EQ(wrapped[0].line, 2);
}

TEST(CaseWorkbookCheck, AStaleFigureFailsNamingLineCaseMetricAndBothValues) {
    const auto checks = test::parseWorkbookChecks("cost EUR 9.99 m <!-- check: led psc city_present_cost -m -->\n"
                                                  "cost EUR 10.00 m <!-- check: led psc city_present_cost -m -->\n");
    const auto figures = nlohmann::ordered_json::parse(R"({"structures": {"psc": {"city_present_cost": -9999773.0}}})");
    const auto stale = test::verifyCheck(checks[0], figures);
    ASSERT_TRUE(stale.has_value());
    EXPECT_EQ(*stale, "workbook line 1: case led, structure psc, city_present_cost: workbook says 9.99 (-m), "
                      "cityfin computes 9.999773");
    EXPECT_FALSE(test::verifyCheck(checks[1], figures).has_value());  // 9.999773 prints as 10.00
}

TEST(CaseWorkbookCheck, ARankCheckComparesTheStructureId) {
    const auto checks = test::parseWorkbookChecks("first `ppp` <!-- check: q - rank.investor.1 id -->\n");
    const auto figures = nlohmann::ordered_json::parse(R"({"rankings": {"investor": {"ranking": ["bt", "ppp"]}}})");
    const auto failure = test::verifyCheck(checks[0], figures);
    ASSERT_TRUE(failure.has_value());
    EXPECT_EQ(*failure, "workbook line 1: case q, rank.investor.1: workbook says `ppp`, cityfin computes `bt`");
}

TEST(CaseWorkbookCheck, MalformedChecksAreErrorsWithTheirLine) {
    EXPECT_THROW(test::parseWorkbookChecks("x\n<!-- check: a b c m -->\n"), std::invalid_argument);  // no figure
    EXPECT_THROW(test::parseWorkbookChecks("1.0 <!-- check: a b c -->\n"), std::invalid_argument);   // no unit
    EXPECT_THROW(test::parseWorkbookChecks("1.0 <!-- check: a b c furlong -->\n"), std::invalid_argument);
    EXPECT_THROW(test::parseWorkbookChecks("1.0 <!-- check: a b c m demand -->\n"), std::invalid_argument);
    EXPECT_THROW(test::parseWorkbookChecks("1.0 and more words <!-- check: a b c m -->\n"), std::invalid_argument);
    try {
        test::parseWorkbookChecks("ok\n\n1.0 <!-- check: a b c m\n");
        FAIL();
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "line 3: check comment not closed on its line");
    }
}
