// The Plan B chain: stops at the first feasible plan; mends put back make the rule hold; "no
// feasible plan" names the nearest and its gap.

#include "models/plans/break_even.hpp"
#include "models/plans/plan_chain.hpp"
#include "models/plans/plan_risk.hpp"
#include "plan_cases.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace cityfin;
using namespace cityfin::models::plans;

TEST(PlanChain, StopsAtTheFirstFeasiblePlan) {
    const auto c = test::withPlans(test::qianhai(), R"([
        {"name": "Plan A: BOT", "structure": "bot", "rules": {"equity_irr_hurdle": 0.11}},
        {"name": "Plan B: PPP", "structure": "ppp"},
        {"name": "Plan C: public", "structure": "psc"}])");
    const PlanChain chain = runPlanChain(c);
    ASSERT_EQ(chain.steps.size(), 2u);  // Plan C is never evaluated
    EXPECT_FALSE(chain.steps[0].feasible);
    EXPECT_TRUE(chain.steps[1].feasible);
    ASSERT_TRUE(chain.chosen);
    EXPECT_EQ(*chain.chosen, 1u);
    EXPECT_NE(chain.conclusion.find("Plan B: PPP"), std::string::npos);
    EXPECT_NE(chain.steps[0].memo.find("fails"), std::string::npos);
}

TEST(PlanChain, TheMendOfAFailingRulePutBackMakesItHold) {
    const auto c = test::withPlans(test::qianhai(), R"([{"name": "A", "structure": "bot"}])");
    const PlanChain chain = runPlanChain(c);
    ASSERT_EQ(chain.steps.size(), 1u);
    const PlanStep& s = chain.steps[0];
    ASSERT_FALSE(s.feasible);  // bot earns 6.9% against its 11% hurdle
    ASSERT_FALSE(s.mends.empty());
    const Mend& m = s.mends.front();
    EXPECT_EQ(m.rule, "equity_irr");
    ASSERT_TRUE(m.value.value) << m.value.reason;
    const auto back = metricValue(evaluateStructure(withInput(c, "bot", m.input, *m.value.value), "bot"), "equity_irr");
    EXPECT_NEAR(*back, 0.11, 1e-7);
}

TEST(PlanChain, NoFeasiblePlanNamesTheNearestAndItsGap) {
    // A 30 m cap: psc peaks at 55 m (gap 83%), ppp at about 24.8 m but fails a 1.6x covenant (gap ~15%).
    const auto c = test::withPlans(test::qianhai(), R"([
        {"name": "Plan A: public", "structure": "psc", "rules": {"budget_cap": 3e7}},
        {"name": "Plan B: PPP", "structure": "ppp", "rules": {"min_dscr": 1.6}}])");
    const PlanChain chain = runPlanChain(c);
    ASSERT_EQ(chain.steps.size(), 2u);
    EXPECT_FALSE(chain.chosen);
    ASSERT_TRUE(chain.nearest);
    EXPECT_EQ(*chain.nearest, 1u);
    EXPECT_NEAR(chain.steps[0].gap, (55e6 - 30e6) / 30e6, 1e-6);
    EXPECT_NEAR(chain.steps[1].gap, (1.6 - *evaluateStructure(c, "ppp").minDscr) / 1.6, 1e-9);
    EXPECT_NE(chain.conclusion.find("No feasible plan"), std::string::npos);
    EXPECT_NE(chain.conclusion.find("Plan B: PPP"), std::string::npos);
    // The budget mend: the scope that brings the peak outlay to the cap.
    const Mend& m = chain.steps[0].mends.front();
    EXPECT_EQ(m.input, "scale");
    ASSERT_TRUE(m.value.value);
    EXPECT_NEAR(*m.value.value, 30.0 / 55.0, 1e-3);
}

TEST(PlanChain, JsonCarriesTheChain) {
    const auto c = test::withPlans(test::qianhai(), R"([{"name": "A", "structure": "bot"}, {"name": "B", "structure": "psc"}])");
    const auto j = planChainJson(runPlanChain(c));
    ASSERT_EQ(j["steps"].size(), 2u);
    EXPECT_EQ(j["chosen"], 1);
    EXPECT_TRUE(j["nearest"].is_null());
    for (const char* key : {"name", "structure", "scope", "feasible", "gap", "rules", "mends", "memo"})
        EXPECT_TRUE(j["steps"][0].contains(key)) << key;
    EXPECT_EQ(j["steps"][0]["rules"][0]["id"], "equity_irr");
    EXPECT_FALSE(j["steps"][0]["rules"][0]["holds"]);
}

TEST(PlanChain, BusanFallsBackToTheBtlLeaseWhenLendersRefuseTheBto) {
    const auto chain = runPlanChain(models::loadCaseFile(test::caseDir() + "busan-wifi-bto/case.json"));
    ASSERT_TRUE(chain.chosen);
    EXPECT_EQ(*chain.chosen, 1u);
    const PlanStep& a = chain.steps[0];
    for (const RuleResult& r : a.rules) EXPECT_EQ(r.holds, r.id != "min_dscr") << r.id;  // only the covenant fails
    ASSERT_EQ(a.mends.size(), 1u);
    EXPECT_EQ(a.mends[0].input, "construction_subsidy_share");
    EXPECT_NE(a.memo.find("We therefore turn to Plan B"), std::string::npos);
}

TEST(PlanChain, BinhaiPhasesItsBuildBecauseOfTheBudgetCap) {
    const auto chain = runPlanChain(models::loadCaseFile(test::caseDir() + "binhai-data-platform/case.json"));
    ASSERT_TRUE(chain.chosen);
    EXPECT_EQ(*chain.chosen, 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        const auto& rules = chain.steps[i].rules;
        EXPECT_TRUE(std::any_of(rules.begin(), rules.end(), [](const RuleResult& r) { return r.id == "budget_cap" && !r.holds; }));
    }
}

TEST(PlanRisk, TheWiredRiskModelGivesAProbabilityOnlyWithARegister) {
    models::RiskOptions options;
    options.paths = 400;
    options.seed = 7;
    options.threads = 1;
    const auto c = test::qianhai();  // five risks in its register
    const Plan bot{"A", "bot", {}, {}};
    const auto e = evaluateStructure(c, "bot");
    const auto rules = resolveRules({}, e);
    const auto p = riskProbabilityFor(c, options)(bot, rules);
    ASSERT_TRUE(p);
    EXPECT_GE(*p, 0.0);
    EXPECT_LE(*p, 1.0);
    // A looser covenant and hurdle can only raise the probability (same seed, same paths).
    FeasibilityRules loose = rules;
    loose.equityIrrHurdle = -0.5;
    loose.minDscr = 0.01;
    EXPECT_GE(*riskProbabilityFor(c, options)(bot, loose), *p);
    const auto none = riskProbabilityFor(models::loadCaseFile(test::caseDir() + "busan-wifi-bto/case.json"), options);
    EXPECT_FALSE(none(Plan{"A", "bto", {}, {}}, rules));
}
