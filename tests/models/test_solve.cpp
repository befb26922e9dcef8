// Break-even on a case: every answer put back into the model gives the target; no root is an answer.

#include "finance/errors.hpp"
#include "models/plans/break_even.hpp"
#include "plan_cases.hpp"

#include <gtest/gtest.h>

using namespace cityfin;
using namespace cityfin::models::plans;

namespace {

struct Question {
    const char* structure;
    const char* metric;
    double target;
    const char* input;
    double tolerance;
};

// Solves the question on the case and checks that its answer, put back into the model, gives the
// target; returns the answer for the caller's own checks.
BreakEven expectAnswerGivesTheTarget(const models::Case& c, const Question& q) {
    const BreakEven b = solveCase(c, q.structure, q.metric, q.target, q.input);
    EXPECT_TRUE(b.answer.value) << q.input << ": " << b.answer.reason;
    if (!b.answer.value) return b;
    const auto back = metricValue(evaluateStructure(withInput(c, q.structure, q.input, *b.answer.value), q.structure), q.metric);
    EXPECT_TRUE(back) << q.input;
    if (back) {
        EXPECT_NEAR(*back, q.target, q.tolerance) << q.structure << " " << q.metric << " via " << q.input;
    }
    return b;
}

} // namespace

TEST(Solve, EveryAnswerPutBackGivesTheTarget) {
    const models::Case c = test::qianhai();
    const Question questions[] = {
        {"bot", "equity_irr", 0.11, "tariff_factor", 1e-7},                  // the tariff that meets the hurdle
        {"bot", "equity_irr", 0.11, "construction_subsidy_share", 1e-7},     // the subsidy that does
        {"bot", "min_dscr", 1.40, "structures[bot].support.construction_subsidy_share", 1e-7},
        {"bot", "equity_irr", 0.11, "project.revenues[0].unit_price", 1e-7},
        {"psc", "city_peak_outlay", 40e6, "scale", 1e-2},                     // the scope a 40 m cap allows
        {"ppp", "city_present_cost", 20e6, "capex_factor", 1e-2},
    };
    for (const Question& q : questions) expectAnswerGivesTheTarget(c, q);
}

TEST(Solve, TheScenariosShiftsAndShortfallsAreInputsToo) {
    // How far can floating rates rise, or the service fail, before the Tianjin PPP's lenders' cover
    // falls to 1.25x; how much unpaid charge takes the SPV's equity IRR to 6%; how far opex can
    // overrun before the Qianhai concession's cover falls to 1.30x. Each answer put back gives it.
    const models::Case tianjin = models::loadCaseFile(test::caseDir() + "tianjin-binhai-cloud/case.json");
    const models::Case qianhai = test::qianhai();
    const struct {
        const models::Case& c;
        Question q;
    } questions[] = {
        {tianjin, {"ppp", "min_dscr", 1.25, "interest_rate_shift", 1e-7}},
        {tianjin, {"ppp", "min_dscr", 1.25, "availability_shortfall", 1e-7}},
        {tianjin, {"ppp", "equity_irr", 0.06, "payment_shortfall", 1e-7}},
        {qianhai, {"bot", "min_dscr", 1.30, "opex_factor", 1e-7}},
    };
    for (const auto& [c, q] : questions) {
        const BreakEven b = expectAnswerGivesTheTarget(c, q);
        if (b.answer.value) {
            EXPECT_GT(*b.answer.value, b.baseInput) << q.input;  // each of them hurts
        }
    }
    EXPECT_THROW(solveCase(qianhai, "bot", "min_dscr", 1.3, "inflation_shift"), InputError);  // a real-terms case
}

TEST(Solve, AnOverrunAfterCloseFallsOnTheEquityWhileARevisedCapexIsRepricedIntoTheBid) {
    // Qianhai's PPP: with the capex itself revised (capex_factor) the unitary charge is solved again,
    // so the equity keeps its 9% hurdle and no overrun takes it to 5%; after close (capex_overrun) the
    // charge and the debt stay as signed and the equity pays the overrun.
    const models::Case c = test::qianhai();
    const BreakEven revised = solveCase(c, "ppp", "equity_irr", 0.05, "capex_factor", 1.0, 3.0);
    EXPECT_FALSE(revised.answer.value);
    const BreakEven overrun = solveCase(c, "ppp", "equity_irr", 0.05, "capex_overrun", 1.0, 3.0);
    ASSERT_TRUE(overrun.answer.value) << overrun.answer.reason;
    EXPECT_GT(*overrun.answer.value, 1.0);
    const auto back = metricValue(evaluateStructure(withInput(c, "ppp", "capex_overrun", *overrun.answer.value), "ppp"), "equity_irr");
    ASSERT_TRUE(back);
    EXPECT_NEAR(*back, 0.05, 1e-7);
}

TEST(Solve, ARevenueShortfallAfterCloseMeetsTheDebtAsSizedWhileARevisedForecastResizesIt) {
    // Qianhai's concession: a revised demand forecast (demand_factor) sizes the debt again, so no
    // forecast takes the lenders' cover to 1.30x; a demand outturn after close does, a little short
    // of the forecast. Nansha's guaranteed ESPC: the savings outturn at which the ESCO's guarantee
    // costs it its whole margin. Each answer put back gives the target.
    const models::Case qianhai = test::qianhai();
    EXPECT_FALSE(solveCase(qianhai, "bot", "min_dscr", 1.30, "demand_factor").answer.value);
    const models::Case nansha = models::loadCaseFile(test::caseDir() + "nansha-hvac-retrofit/case.json");
    const struct {
        const models::Case& c;
        Question q;
    } questions[] = {
        {qianhai, {"bot", "min_dscr", 1.30, "demand_outturn", 1e-7}},
        {qianhai, {"bot", "equity_irr", 0.05, "price_outturn", 1e-7}},
        {nansha, {"espc-guaranteed", "npv.private", 0.0, "savings_outturn", 1e-2}},
        {nansha, {"espc-shared", "min_dscr", 1.0, "savings_outturn", 1e-7}},
    };
    for (const auto& [c, q] : questions) {
        const BreakEven b = expectAnswerGivesTheTarget(c, q);
        EXPECT_EQ(b.baseInput, 1.0);
        if (!b.answer.value) continue;
        EXPECT_LT(*b.answer.value, 1.0) << q.input;  // a shortfall, not a windfall
        EXPECT_GT(*b.answer.value, 0.5) << q.input;
    }
}

TEST(Solve, TariffPathAndFactorAgree) {
    const models::Case c = test::qianhai();
    const auto factor = solveCase(c, "bot", "equity_irr", 0.11, "tariff_factor");
    const auto price = solveCase(c, "bot", "equity_irr", 0.11, "project.revenues[0].unit_price");
    ASSERT_TRUE(factor.answer.value && price.answer.value);
    EXPECT_DOUBLE_EQ(price.baseInput, 4.0);
    // The factor also scales the market revenue stream, so the parking fee alone must rise further.
    EXPECT_GT(*price.answer.value, 4.0 * *factor.answer.value - 1e-9);
}

TEST(Solve, NoRootInRangeIsAnAnswerNotAnError) {
    const models::Case c = test::qianhai();
    const BreakEven b = solveCase(c, "bot", "equity_irr", 0.50, "tariff_factor", 0.9, 1.1);
    EXPECT_FALSE(b.answer.value);
    EXPECT_NE(b.answer.reason.find("no value of tariff_factor"), std::string::npos) << b.answer.reason;
    ASSERT_TRUE(b.baseMetric);
}

TEST(Solve, BadQuestionsAreInputErrors) {
    const models::Case c = test::qianhai();
    EXPECT_THROW(solveCase(c, "bot", "equity_irr", 0.1, "tarif"), InputError);
    EXPECT_THROW(solveCase(c, "bot", "equity_ir", 0.1, "tariff_factor"), InputError);
    EXPECT_THROW(solveCase(c, "nope", "equity_irr", 0.1, "tariff_factor"), InputError);
    EXPECT_THROW(solveCase(c, "bot", "equity_irr", 0.1, "project.no_such_field"), InputError);
    EXPECT_THROW(solveCase(c, "bot", "equity_irr", 0.1, "tariff_factor", 2.0, 1.0), InputError);
    EXPECT_THROW(solveCase(c, "bot", "equity_irr", 0.1, "unitary_charge_factor"), InputError);  // bot is no PPP
    EXPECT_THROW(solveCase(c, "psc", "ppp_spending_peak", 1e6, "scale"), InputError);  // nor is the psc
}
