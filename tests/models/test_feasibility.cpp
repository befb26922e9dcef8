// Feasibility rules: each rule on a plan built to fail it, and to pass it; the risk rule with a fake.

#include "finance/errors.hpp"
#include "models/compare.hpp"
#include "models/plans/break_even.hpp"
#include "models/plans/feasibility.hpp"
#include "models/ppp_spending.hpp"
#include "case_samples.hpp"
#include "plan_cases.hpp"

#include <gtest/gtest.h>

#include <numeric>

using namespace cityfin;
using namespace cityfin::models::plans;

namespace {

struct Checked {
    models::Evaluation e;
    FeasibilityRules rules;
    std::vector<RuleResult> results;
};

Checked check(const char* structure, const RuleOverrides& o, const RiskProbability& risk = {}) {
    const models::Case c = test::qianhai();
    const Plan plan{"plan", structure, {}, o};
    models::Evaluation e = evaluateStructure(planCase(c, plan), structure);
    FeasibilityRules rules = resolveRules(o, e);
    auto results = checkFeasibility(e, plan, rules, c.project.currency, risk);
    return Checked{std::move(e), rules, std::move(results)};
}

const RuleResult* find(const std::vector<RuleResult>& rules, const std::string& id) {
    for (const auto& r : rules)
        if (r.id == id) return &r;
    return nullptr;
}

} // namespace

TEST(Feasibility, EquityRuleFailsBelowAnOverriddenHurdle) {
    const auto c = check("bot", RuleOverrides{.equityIrrHurdle = 0.30});
    const RuleResult* r = find(c.results, "equity_irr");
    ASSERT_NE(r, nullptr);
    EXPECT_FALSE(r->holds);
    EXPECT_NEAR(r->margin, *c.e.equityIrr.value - 0.30, 1e-12);
    EXPECT_NE(r->text.find("below"), std::string::npos);
}

TEST(Feasibility, EquityRuleDefaultsToTheStructuresHurdle) {
    const auto c = check("ppp", {});  // the unitary charge is solved so that equity meets its 9% hurdle
    const RuleResult* r = find(c.results, "equity_irr");
    ASSERT_NE(r, nullptr);
    EXPECT_DOUBLE_EQ(r->threshold, 0.09);
    EXPECT_TRUE(r->holds);
}

TEST(Feasibility, DscrRuleFailsAboveTheCoverTheDebtWasSizedTo) {
    const auto pass = check("ppp", {});
    ASSERT_NE(find(pass.results, "min_dscr"), nullptr);
    EXPECT_TRUE(find(pass.results, "min_dscr")->holds);
    EXPECT_DOUBLE_EQ(find(pass.results, "min_dscr")->threshold, 1.25);  // the debt's own target
    const auto fail = check("ppp", RuleOverrides{.minDscr = 1.60});
    const RuleResult* r = find(fail.results, "min_dscr");
    ASSERT_NE(r, nullptr);
    EXPECT_FALSE(r->holds);
    EXPECT_NEAR(r->margin, *fail.e.minDscr - 1.60, 1e-12);
}

TEST(Feasibility, BudgetCapFailsWhenThePeakOutlayIsAboveIt) {
    const auto fail = check("psc", RuleOverrides{.budgetCap = 40e6});  // psc peaks at 55 m in 2027
    const RuleResult* r = find(fail.results, "budget_cap");
    ASSERT_NE(r, nullptr);
    EXPECT_FALSE(r->holds);
    EXPECT_NEAR(r->margin, 40e6 - 55e6, 1e-3);
    const auto pass = check("psc", RuleOverrides{.budgetCap = 60e6});
    EXPECT_TRUE(find(pass.results, "budget_cap")->holds);
    EXPECT_NEAR(find(pass.results, "budget_cap")->margin, 5e6, 1e-3);
}

TEST(Feasibility, PppSpendingAboveTenPercentOfTheGeneralBudgetFails) {
    // Qianhai's availability PPP: its peak payment + 10 m of other PPPs against 10% of the budget.
    const auto probe = check("ppp", RuleOverrides{.generalPublicBudget = 1e12});
    ASSERT_TRUE(probe.e.pppSpendingPeak);
    const double peak = *probe.e.pppSpendingPeak;
    ASSERT_GT(peak, 0.0);
    const double budget = 10.0 * (peak + 10e6) - 1e6;  // the ceiling 0.1 m short of the spending
    const auto fail = check("ppp", RuleOverrides{.generalPublicBudget = budget, .otherPppSpending = 10e6});
    const RuleResult* r = find(fail.results, "ppp_budget_share");
    ASSERT_NE(r, nullptr);
    EXPECT_FALSE(r->holds);
    EXPECT_NEAR(r->value.value(), peak + 10e6, 1e-3);
    EXPECT_NEAR(r->threshold, 0.1 * budget, 1e-3);
    EXPECT_NEAR(r->margin, -0.1e6, 1e-3);
    const auto pass = check("ppp", RuleOverrides{.generalPublicBudget = budget + 2e6, .otherPppSpending = 10e6});
    EXPECT_TRUE(find(pass.results, "ppp_budget_share")->holds);  // 0.1 m to spare
}

TEST(Feasibility, ThePppCeilingCountsOnlyPppSpending) {
    // 财金〔2015〕21号 counts PPP payments: availability PPPs, concessions, revenue sharing; a city's own
    // build, a build-transfer or a service purchase are not PPP spending, and the ceiling is not tested.
    for (const char* kind : {"ppp_availability", "concession", "revenue_sharing"}) EXPECT_TRUE(models::isPppKind(kind)) << kind;
    for (const char* kind : {"traditional", "build_transfer", "green_bond", "espc", "pay_as_you_go"})
        EXPECT_FALSE(models::isPppKind(kind)) << kind;
    for (const char* structure : {"psc", "bt", "service"}) {
        const auto c = check(structure, RuleOverrides{.generalPublicBudget = 1e6, .otherPppSpending = 10e6});
        EXPECT_EQ(find(c.results, "ppp_budget_share"), nullptr) << structure;
        EXPECT_FALSE(c.rules.generalPublicBudget) << structure;
    }
    const auto bot = check("bot", RuleOverrides{.generalPublicBudget = 1e6});
    EXPECT_NE(find(bot.results, "ppp_budget_share"), nullptr);
}

TEST(Feasibility, NoNewGovernmentPayPppWhereOtherPppSpendingIsAboveFivePercentOfTheBudget) {
    // 财金〔2019〕10号: the city's standing before this project (its other PPP commitments) against 5%.
    const double budget = 1e10;
    const auto above = check("ppp", RuleOverrides{.generalPublicBudget = budget, .otherPppSpending = 0.06 * budget});
    const RuleResult* r = find(above.results, "government_pay_ppp");
    ASSERT_NE(r, nullptr);
    EXPECT_FALSE(r->holds);
    EXPECT_EQ(r->unit, RuleUnit::Rate);
    EXPECT_NEAR(r->value.value(), 0.06, 1e-15);
    EXPECT_DOUBLE_EQ(r->threshold, 0.05);
    EXPECT_NEAR(r->margin, -0.01, 1e-15);
    EXPECT_NE(r->text.find("6.0% of its general public budget, above the 5%"), std::string::npos) << r->text;
    // This PPP's own payments are not counted: 10 m of a 10 bn budget is far below the 10% ceiling.
    EXPECT_TRUE(find(above.results, "ppp_budget_share")->holds);

    const auto within = check("ppp", RuleOverrides{.generalPublicBudget = budget, .otherPppSpending = 0.05 * budget});
    EXPECT_TRUE(find(within.results, "government_pay_ppp")->holds);  // at 5%, not above it
    const auto overridden = check("ppp", RuleOverrides{.generalPublicBudget = budget, .otherPppSpending = 0.06 * budget,
                                                       .governmentPayPppShare = 0.07});
    EXPECT_TRUE(find(overridden.results, "government_pay_ppp")->holds);
    EXPECT_DOUBLE_EQ(find(overridden.results, "government_pay_ppp")->threshold, 0.07);
}

TEST(Feasibility, TheFivePercentRuleAppliesToGovernmentPayPppsOnly) {
    // A concession paid by its users (with or without a subsidy) and revenue sharing may start above 5%;
    // without the general public budget no share can be measured.
    EXPECT_TRUE(models::isGovernmentPayPpp("ppp_availability"));
    for (const char* kind : {"concession", "revenue_sharing", "traditional", "espc", "pay_as_you_go"})
        EXPECT_FALSE(models::isGovernmentPayPpp(kind)) << kind;
    const RuleOverrides crowded{.generalPublicBudget = 1e10, .otherPppSpending = 9e8};
    for (const char* structure : {"bot", "psc", "service"})
        EXPECT_EQ(find(check(structure, crowded).results, "government_pay_ppp"), nullptr) << structure;
    EXPECT_EQ(find(check("ppp", RuleOverrides{.otherPppSpending = 9e8}).results, "government_pay_ppp"), nullptr);
}

TEST(Feasibility, PppSpendingAboveSevenPercentHoldsWithTheMinistrysWarning) {
    const double budget = 1e10;
    const auto warned = check("ppp", RuleOverrides{.generalPublicBudget = budget, .otherPppSpending = 0.08 * budget});
    const RuleResult* r = find(warned.results, "ppp_budget_share");
    ASSERT_NE(r, nullptr);
    EXPECT_TRUE(r->holds);
    EXPECT_NE(r->text.find("above the 7% at which the Ministry of Finance warns"), std::string::npos) << r->text;
    const auto quiet = check("ppp", RuleOverrides{.generalPublicBudget = budget, .otherPppSpending = 0.01 * budget});
    EXPECT_EQ(find(quiet.results, "ppp_budget_share")->text.find("7%"), std::string::npos);
}

TEST(Feasibility, EachRuleCarriesTheUnitItsFiguresReadIn) {
    const auto c = check("ppp", RuleOverrides{.budgetCap = 1e9, .generalPublicBudget = 1e10, .fundsSecured = 1e9});
    const std::vector<std::pair<std::string, RuleUnit>> expected{
        {"equity_irr", RuleUnit::Rate},     {"min_dscr", RuleUnit::Cover},          {"budget_cap", RuleUnit::Money},
        {"ppp_budget_share", RuleUnit::Money}, {"government_pay_ppp", RuleUnit::Rate}, {"funds_secured", RuleUnit::Money}};
    for (const auto& [id, unit] : expected) {
        const RuleResult* r = find(c.results, id);
        ASSERT_NE(r, nullptr) << id;
        EXPECT_EQ(r->unit, unit) << id;
    }
    EXPECT_STREQ(ruleUnitName(RuleUnit::Cover), "cover");
}

TEST(Feasibility, ThePppCeilingCountsTheCitysGrossPaymentsNotItsNetOutlay) {
    // Qianhai's availability PPP: the city pays the unitary charge and collects the parking fees
    // itself, so its net outlay is well below the charge; the ceiling counts the charge, net only of
    // deductions (财金〔2015〕21号 counts expenditure responsibilities, not what the city earns).
    const auto c = check("ppp", RuleOverrides{.generalPublicBudget = 1e12});
    const auto& ledger = c.e.outcome.ledger;
    const auto charge = ledger.lineTotal(models::Party::Government, models::LineKind::UnitaryCharge);
    const auto deduction = ledger.lineTotal(models::Party::Government, models::LineKind::AvailabilityDeduction);
    double largest = 0.0;
    for (std::size_t t = 0; t < charge.size(); ++t) largest = std::max(largest, -(charge[t] + deduction[t]));
    ASSERT_GT(largest, 0.0);
    ASSERT_TRUE(c.e.pppSpendingPeak);
    EXPECT_NEAR(*c.e.pppSpendingPeak, largest, 1e-6);  // no subsidy, guarantee or co-investment here
    EXPECT_GT(*c.e.pppSpendingPeak, c.e.cityPeakOutlay + 1e6);
    EXPECT_NEAR(find(c.results, "ppp_budget_share")->value.value(), largest, 1e-6);
    // A concession's guarantee and subsidy count, its fee to the city does not reduce them.
    const auto bot = check("bot", RuleOverrides{.generalPublicBudget = 1e12});
    const auto paid = models::pppPayments(bot.e.outcome.ledger);
    const auto subsidy = bot.e.outcome.ledger.lineTotal(models::Party::Government, models::LineKind::ConstructionSubsidy);
    const auto guarantee = bot.e.outcome.ledger.lineTotal(models::Party::Government, models::LineKind::RevenueGuarantee);
    for (std::size_t t = 0; t < paid.size(); ++t) EXPECT_NEAR(paid[t], -(subsidy[t] + guarantee[t]), 1e-6) << t;
    // Not a PPP: no PPP spending.
    EXPECT_FALSE(check("psc", RuleOverrides{}).e.pppSpendingPeak);
}

TEST(Feasibility, FundsSecuredBelowTheCapexFail) {
    const auto fail = check("psc", RuleOverrides{.fundsSecured = 150e6});  // capex 110 m + 70 m
    const RuleResult* r = find(fail.results, "funds_secured");
    ASSERT_NE(r, nullptr);
    EXPECT_FALSE(r->holds);
    EXPECT_NEAR(r->margin, -30e6, 1e-3);
    EXPECT_TRUE(find(check("psc", RuleOverrides{.fundsSecured = 180e6}).results, "funds_secured")->holds);
}

TEST(Feasibility, RiskRuleTakesTheProbabilityFromTheInjectedModel) {
    double seenConfidence = 0.0;
    const RiskProbability fake = [&](const Plan& plan, const FeasibilityRules& rules) -> std::optional<RiskEstimate> {
        EXPECT_EQ(plan.structureId, "bot");
        seenConfidence = rules.confidence;
        return RiskEstimate{0.85, 1000, {{"min_dscr", 1.3, 0.85, 1.1, true}, {"equity_irr", 0.11, 0.4, 0.05, false}}};
    };
    const auto fail = check("bot", RuleOverrides{.confidence = 0.95}, fake);
    EXPECT_DOUBLE_EQ(seenConfidence, 0.95);
    const RuleResult* r = find(fail.results, "risk_confidence");
    ASSERT_NE(r, nullptr);
    EXPECT_FALSE(r->holds);
    EXPECT_NEAR(r->margin, -0.10, 1e-12);
    EXPECT_TRUE(find(check("bot", RuleOverrides{.confidence = 0.80}, fake).results, "risk_confidence")->holds);
    // The rule carries each rule under risk; the weakest counted one is named in the sentence.
    ASSERT_EQ(r->underRisk.size(), 2u);
    ASSERT_NE(weakestUnderRisk(*r), nullptr);
    EXPECT_EQ(weakestUnderRisk(*r)->id, "min_dscr");  // equity_irr is lower but not counted
    EXPECT_NE(r->text.find("1.30x cover gives way first, holding in 85.0%"), std::string::npos) << r->text;
    EXPECT_NE(r->text.find("the lowest cover is 1.10x or less"), std::string::npos) << r->text;
    EXPECT_NE(r->text.find("not counted here; they earn it in 40.0%"), std::string::npos) << r->text;
}

TEST(Feasibility, NoRiskRuleWithoutAnEstimate) {
    const RiskProbability none = [](const Plan&, const FeasibilityRules&) { return std::optional<RiskEstimate>(); };
    EXPECT_EQ(find(check("bot", {}, none).results, "risk_confidence"), nullptr);
    EXPECT_EQ(find(check("bot", {}).results, "risk_confidence"), nullptr);
}

TEST(Feasibility, DefaultRulesAgreeWithCompareBasicRules) {
    const models::Case c = test::qianhai();
    for (const auto& s : c.structures) {
        const auto e = evaluateStructure(c, s.id);
        const auto basic = models::basicRules(e);
        const auto ours = checkFeasibility(e, Plan{s.id, s.id, {}, {}}, resolveRules({}, e), c.project.currency);
        ASSERT_EQ(basic.size(), ours.size()) << s.id;
        for (std::size_t i = 0; i < ours.size(); ++i) {
            EXPECT_EQ(basic[i].holds, ours[i].holds) << s.id << " " << ours[i].id;
            if (ours[i].value) {
                EXPECT_NEAR(basic[i].margin, ours[i].margin, 1e-12) << s.id;
            }
        }
    }
}

TEST(Plans, ReadsScopeAndRulesAndWritesThemBack) {
    const auto c = test::withPlans(test::qianhai(), R"([
        {"name": "Plan A", "structure": "bot", "rules": {"budget_cap": 3e7, "min_dscr": 1.4}},
        {"name": "Plan B", "structure": "psc", "scope": {"scale": 0.5, "construction_years": 3}}])");
    const auto plans = readPlans(c);
    ASSERT_EQ(plans.size(), 2u);
    EXPECT_DOUBLE_EQ(plans[1].scope.scale, 0.5);
    EXPECT_EQ(plans[1].scope.constructionYears, 3);
    models::Case again = c;
    again.plans = plansToJson(plans);
    EXPECT_EQ(plansToJson(readPlans(again)), again.plans);
    const auto inherited = inheritedRules(plans, 1);
    EXPECT_EQ(inherited.budgetCap, 3e7);   // the city's cap carries over
    EXPECT_FALSE(inherited.minDscr);       // the covenant belonged to Plan A's debt
}

TEST(Plans, TheGovernmentPayShareReadsCarriesOverAndIsCheckedAtItsPath) {
    const auto c = test::withPlans(test::qianhai(), R"([
        {"name": "Plan A", "structure": "ppp", "rules": {"general_public_budget": 1e10, "government_pay_ppp_share": 0.04}},
        {"name": "Plan B", "structure": "bot"}])");
    const auto plans = readPlans(c);
    EXPECT_EQ(plans[0].rules.governmentPayPppShare, 0.04);
    EXPECT_EQ(inheritedRules(plans, 1).governmentPayPppShare, 0.04);  // the city's rule carries over
    EXPECT_EQ(plansToJson(plans)[0]["rules"]["government_pay_ppp_share"], 0.04);
    try {
        readPlans(test::withPlans(test::qianhai(), R"([{"structure": "ppp", "rules": {"government_pay_ppp_share": 5}}])"));
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("plans[0].rules.government_pay_ppp_share"), std::string::npos) << e.what();
    }
}

TEST(Plans, AnUnknownStructureIsAnErrorAtItsPath) {
    const auto c = test::withPlans(test::qianhai(), R"([{"structure": "bto"}])");
    try {
        readPlans(c);
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("plans[0].structure"), std::string::npos) << e.what();
    }
    EXPECT_THROW(readPlans(test::withPlans(test::qianhai(), R"([{"structure": "bot", "scope": {"scale": 1.5}}])")), InputError);
    EXPECT_THROW(readPlans(test::withPlans(test::qianhai(), R"([{"structure": "bot", "rulez": {}}])")), InputError);
}

TEST(Plans, ScopeScalesAndPhasesTheProject) {
    const models::Project p = test::qianhai().project;
    const models::Project half = applyScope(p, PlanScope{0.5, 1.0, 3});
    EXPECT_EQ(half.constructionYears, 3);
    ASSERT_EQ(half.capex.size(), 3u);
    EXPECT_NEAR(half.capex[0], 90e6 / 3, 1e-6);  // (110 m + 70 m) / 2 over three years
    EXPECT_NEAR(half.annualOpex, p.annualOpex / 2, 1e-9);
    EXPECT_NEAR(half.revenues[0].annualVolume, p.revenues[0].annualVolume / 2, 1e-9);
}

TEST(Plans, TheDocumentedFullCasePlansRead) {
    const auto plans = readPlans(models::parseCase(test::fullCase));
    ASSERT_EQ(plans.size(), 2u);
    EXPECT_EQ(plans[0].label, "Plan A");
    EXPECT_EQ(plans[1].structureId, "ppp");
}

TEST(Plans, NoPlansMeansOnePerStructureInFileOrder) {
    const models::Case c = test::qianhai();
    const auto plans = readPlans(c);
    ASSERT_EQ(plans.size(), c.structures.size());
    EXPECT_EQ(plans[1].structureId, c.structures[1].id);
}
