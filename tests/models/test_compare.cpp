// Ranking structures from a perspective, with the feasibility rules and the reasons in words.

#include "chinese_text.hpp"
#include "fixtures_public.hpp"
#include "finance/errors.hpp"
#include "models/case_file.hpp"
#include "models/compare.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

using namespace cityfin::models;

namespace {

Structure budget(const std::string& id, double loanShare, double loanRate) {
    Structure s;
    s.id = id;
    s.name = id;
    s.terms = TraditionalTerms{loanShare, loanRate, 2};
    return s;
}

Structure serviceContract(double fee) {
    Structure s;
    s.id = "service";
    s.name = "service";
    PayAsYouGoTerms t;
    t.annualServiceFee = fee;
    s.terms = t;
    return s;
}

} // namespace

TEST(Compare, CityPerspectiveRanksByPresentCostAndExplains) {
    const Project p = public_fixtures::twoPlusFour();
    // A loan at 8% costs the city more than its 4% budget money, so the budget-funded one wins.
    const auto evals = evaluateAll(p, {budget("dear-loan", 0.5, 0.08), budget("budget", 0.0, 0.04)});
    const Comparison c = compareStructures(p, evals, Perspective::City);
    ASSERT_TRUE(c.recommended);
    EXPECT_EQ(evals[*c.recommended].structureId, "budget");
    EXPECT_EQ(c.ranking[0].rank, 1);
    EXPECT_EQ(evals[c.ranking[1].evaluation].structureId, "dear-loan");
    ASSERT_FALSE(c.reasons.empty());
    EXPECT_EQ(c.reasons[0].rfind("Recommended: budget.", 0), 0u) << c.reasons[0];
    EXPECT_NE(c.reasons[0].find("cheaper for the city than the next feasible option, dear-loan"), std::string::npos) << c.reasons[0];
}

TEST(Compare, PrivateReturnBelowHurdleIsInfeasibleAndSaysByHowMuch) {
    const Project p = public_fixtures::twoPlusFour();
    // A fee of 1 a year cannot repay the provider's 1,000 of capex: its IRR is far below 10%.
    const auto evals = evaluateAll(p, {serviceContract(1.0), budget("budget", 0.0, 0.04)});
    const Comparison c = compareStructures(p, evals, Perspective::City);
    const auto& service = *std::find_if(c.ranking.begin(), c.ranking.end(),
                                        [&](const RankedStructure& r) { return evals[r.evaluation].structureId == "service"; });
    EXPECT_FALSE(service.feasible);
    ASSERT_EQ(service.rules.size(), 1u);
    EXPECT_EQ(service.rules[0].id, "equity_irr_hurdle");
    EXPECT_LT(service.rules[0].margin, 0.0);
    EXPECT_EQ(service.rank, 2);  // infeasible structures follow the feasible ones
    const std::string& last = c.reasons.back();
    EXPECT_EQ(last.rfind("service is not feasible: equity IRR", 0), 0u) << last;
    EXPECT_NE(last.find("is below the 10.00% hurdle by"), std::string::npos) << last;
}

TEST(Compare, InvestorPerspectiveSkipsStructuresWithoutPrivateEquity) {
    const Project p = public_fixtures::twoPlusFour();
    const auto evals = evaluateAll(p, {budget("budget", 0.0, 0.04)});
    const Comparison c = compareStructures(p, evals, Perspective::Investor);
    EXPECT_FALSE(c.recommended);
    EXPECT_FALSE(c.ranking[0].score);
    EXPECT_EQ(c.reasons.back(), "No private equity at stake in: budget.");
}

TEST(Compare, SocietyPerspectiveScoresTheRealFlowsAndWhatUsersPayAtTheSocialRate) {
    const Project p = public_fixtures::twoPlusFour();
    const auto evals = evaluateAll(p, {budget("budget", 0.0, 0.04)});
    const Comparison c = compareStructures(p, evals, Perspective::Society);
    ASSERT_TRUE(c.ranking[0].score);
    // Real flows: -600, -400, then opex -50, +100 residual at the end; user charges (200 a year in
    // years 2-5) are a transfer, counted once as the users' willingness to pay.
    double expected = -600 - 400 / 1.035 - 50 / std::pow(1.035, 2) - 50 / std::pow(1.035, 3) -
                      50 / std::pow(1.035, 4) + 50 / std::pow(1.035, 5);
    for (int t = 2; t <= 5; ++t) expected += 200 / std::pow(1.035, t);
    EXPECT_NEAR(*c.ranking[0].score, expected, 1e-9);
}

TEST(Compare, PerspectiveIdsRoundTripAndBadOneNamesTheOption) {
    for (auto p : {Perspective::City, Perspective::Investor, Perspective::Society})
        EXPECT_EQ(perspectiveFromId(perspectiveId(p)), p);
    try {
        perspectiveFromId("mayor");
        FAIL();
    } catch (const cityfin::InputError& e) {
        EXPECT_STREQ(e.what(), "--perspective: got \"mayor\", expected one of city, investor, society");
    }
}

TEST(Compare, DscrBelowTheLendersCovenantMakesAStructureInfeasible) {
    // The bundled BOT concession sized at a 1.40 DSCR on forecast demand, then demand 40% lower.
    const std::string path = std::string(std::getenv("CITYFIN_SOURCE_DIR")) + "/cases/qianhai-parking/case.json";
    const Case c = loadCaseFile(path);
    const auto bot = std::find_if(c.structures.begin(), c.structures.end(), [](const Structure& s) { return s.id == "bot"; });
    Scenario downside;
    downside.demandFactor = 0.6;
    const Evaluation e = evaluate(c.project, *bot, downside);
    const auto rules = basicRules(e);
    const auto dscr = std::find_if(rules.begin(), rules.end(), [](const RuleCheck& r) { return r.id == "min_dscr_covenant"; });
    ASSERT_NE(dscr, rules.end());
    EXPECT_FALSE(dscr->holds);
    EXPECT_NEAR(dscr->margin, *e.minDscr - 1.40, 1e-12);
    EXPECT_NE(dscr->text.find("is below the 1.40 covenant"), std::string::npos) << dscr->text;
}


TEST(Compare, InChineseTheRankingIsTheSameAndEveryReasonIsInChinese) {
    const Project p = public_fixtures::twoPlusFour();
    const auto evals = evaluateAll(p, {serviceContract(1.0), budget("dear-loan", 0.5, 0.08), budget("budget", 0.0, 0.04)});
    for (Perspective perspective : {Perspective::City, Perspective::Investor, Perspective::Society}) {
        const Comparison en = compareStructures(p, evals, perspective);
        const Comparison zh = compareStructures(p, evals, perspective, "zh");
        ASSERT_EQ(zh.ranking.size(), en.ranking.size());
        for (std::size_t i = 0; i < en.ranking.size(); ++i) {
            EXPECT_EQ(zh.ranking[i].evaluation, en.ranking[i].evaluation);
            EXPECT_EQ(zh.ranking[i].feasible, en.ranking[i].feasible);
        }
        EXPECT_EQ(zh.recommended, en.recommended);
        EXPECT_EQ(zh.reasons.size(), en.reasons.size());
        for (const std::string& r : zh.reasons) EXPECT_TRUE(cityfin::test::latinWordsOutsideNames(r).empty()) << r;
        EXPECT_TRUE(cityfin::test::latinWordsOutsideNames(zh.scoreLabel).empty()) << zh.scoreLabel;
    }
    const Comparison city = compareStructures(p, evals, Perspective::City, "zh");
    EXPECT_EQ(city.reasons[0].rfind("推荐：“budget”。", 0), 0u) << city.reasons[0];
    EXPECT_NE(city.reasons[0].find("比次优的可行方案“dear-loan”节省"), std::string::npos) << city.reasons[0];
    EXPECT_EQ(city.reasons.back().rfind("“service”不可行：股权内部收益率", 0), 0u) << city.reasons.back();
}

TEST(Compare, ChineseReasonsOfABundledCaseWithSocialOutcomesAndGuarantees) {
    // Qianhai: social outcomes (society), a revenue guarantee, the comparator.
    const Case c = loadCaseFile(std::string(std::getenv("CITYFIN_SOURCE_DIR")) + "/cases/qianhai-parking/case.json");
    const auto evals = evaluateAll(c.project, c.structures, c.scenario);
    for (Perspective perspective : {Perspective::City, Perspective::Investor, Perspective::Society})
        for (const std::string& r : compareStructures(c.project, evals, perspective, "zh").reasons)
            EXPECT_TRUE(cityfin::test::latinWordsOutsideNames(r).empty()) << r;
}
