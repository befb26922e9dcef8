// IRR and XIRR: spreadsheet documentation examples, QuantLib's Brent yield, hand-solved quadratics.

#include "finance/metrics.hpp"

#include "expect_input_error.hpp"
#include "quantlib_leg.hpp"

#include <ql/cashflows/cashflows.hpp>
#include <ql/math/solvers1d/brent.hpp>
#include <ql/time/daycounters/actual365fixed.hpp>
#include <ql/time/daycounters/thirty360.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

using namespace cityfin::finance;
using QuantLib::Date;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

const std::vector<double> kSpreadsheetFlows{-70000, 12000, 15000, 18000, 21000, 26000};

/// 30 annual flows: -1000, then 29 inflows growing 3% a year from 80.
std::vector<double> projectFlows() {
    std::vector<double> flows{-1000.0};
    for (int i = 1; i < 30; ++i) flows.push_back(80.0 * std::pow(1.03, i - 1));
    return flows;
}

/// QuantLib's yield by Brent on the same flows, annual dates, 30/360 (whole years).
double quantLibIrr(const std::vector<double>& flows, double guess) {
    const Date start(15, QuantLib::January, 2020);
    const EvaluationDateGuard guard(start);
    const QuantLib::Leg leg = legOn(flows, annualDates(start, flows.size()));
    QuantLib::Brent solver;
    return QuantLib::CashFlows::yield<QuantLib::Brent>(
        solver, leg, 0.0, QuantLib::Thirty360(QuantLib::Thirty360::BondBasis), QuantLib::Compounded,
        QuantLib::Annual, true, start, start, 1e-14, guess);
}

const std::vector<double> kXFlows{-10000, 2750, 4250, 3250, 2750};
const std::vector<Date> kXDates{Date(1, QuantLib::January, 2008), Date(1, QuantLib::March, 2008),
                                Date(30, QuantLib::October, 2008), Date(15, QuantLib::February, 2009),
                                Date(1, QuantLib::April, 2009)};

} // namespace

// ---- IRR ---------------------------------------------------------------------------------------

TEST(Irr, MatchesSpreadsheetDocumentation) {
    // Spreadsheet IRR documentation: 8.66% over five years, -2.12% over four, -44.35% over two with
    // a guess of -10%.
    EXPECT_NEAR(*irr(kSpreadsheetFlows).value, 0.0866, 0.00005);
    EXPECT_NEAR(*irr(std::span(kSpreadsheetFlows).first(5)).value, -0.0212, 0.00005);
    EXPECT_NEAR(*irr(std::span(kSpreadsheetFlows).first(3), -0.10).value, -0.4435, 0.00005);
}

TEST(Irr, MatchesQuantLibBrentYield) {
    const std::vector<std::vector<double>> cases{
        kSpreadsheetFlows, {-70000, 12000, 15000, 18000, 21000}, {-70000, 12000, 15000}, projectFlows()};
    for (const auto& flows : cases) {
        const double expected = quantLibIrr(flows, 0.05);
        const Answer a = irr(flows);
        ASSERT_TRUE(a);
        EXPECT_NEAR(*a.value, expected, 1e-10 * std::fabs(expected)) << flows.size() << " flows";
        EXPECT_TRUE(a.warnings.empty());
    }
}

TEST(Irr, NpvAtTheIrrIsZero) {
    for (const auto& flows : {kSpreadsheetFlows, projectFlows()}) {
        const double rate = *irr(flows).value;
        double scale = 0.0;
        for (double f : flows) scale += std::fabs(f);
        EXPECT_NEAR(npv(rate, flows), 0.0, 1e-12 * scale);
    }
}

TEST(Irr, HandSolvedOnePeriodCase) {
    // -100 now, 110 in one period: 10%; -100, 0, 121: 10% over two periods.
    EXPECT_NEAR(*irr(std::vector<double>{-100.0, 110.0}).value, 0.10, 1e-14);
    EXPECT_NEAR(*irr(std::vector<double>{-100.0, 0.0, 121.0}, 0.5).value, 0.10, 1e-14);
    // Deep losses near -100%: -1, 0.001 -> -99.9%.
    EXPECT_NEAR(*irr(std::vector<double>{-1.0, 0.001}).value, -0.999, 1e-12);
}

TEST(Irr, LeadingAndTrailingZerosDoNotMoveTheRate) {
    // Zeros before the first flow multiply the NPV by a power of 1/(1+r); after the last, add nothing.
    EXPECT_NEAR(*irr(std::vector<double>{0, 0, -100, 110, 0, 0}).value, 0.10, 1e-13);
}

TEST(Irr, NoSignChangeReportsNoIrr) {
    for (const auto& flows : std::vector<std::vector<double>>{{100, 50, 20}, {-5, -1}, {0, 0, 0}, {-3}}) {
        const Answer a = irr(flows);
        EXPECT_FALSE(a);
        EXPECT_EQ(a.reason, "no IRR: the flows never change sign");
    }
}

TEST(Irr, SeveralSignChangesWarnAndPreferTheRootNearestTheGuess) {
    // -100 + 230 v - 132 v^2 = 0, v = 1/(1+r): v = (230 +- 10) / 264, so r = 10% or r = 20%.
    const std::vector<double> flows{-100, 230, -132};
    const std::string warning = "the flows change sign 2 times, so the IRR may not be unique: read MIRR beside it";
    for (auto [guess, root] : {std::pair{0.05, 0.10}, {0.14, 0.10}, {0.16, 0.20}, {0.5, 0.20}}) {
        const Answer a = irr(flows, guess);
        ASSERT_TRUE(a) << guess;
        EXPECT_NEAR(*a.value, root, 1e-13) << "guess " << guess;
        ASSERT_EQ(a.warnings.size(), 1u);
        EXPECT_EQ(a.warnings[0], warning);
    }
}

TEST(Irr, FindsTwoRootsCloserThanOneGridCell) {
    // -100 + 222 v - 123.2 v^2 = -123.2 (v - 1/1.1)(v - 1/1.12): roots 10% and 12%, 0.018 apart in
    // log(1 + r), inside one 0.05 grid cell for these guesses (cells [0.070, 0.120] in log(1 + r)),
    // with the same sign at both ends: found only by rescanning the cell.
    const std::vector<double> flows{-100, 222, -123.2};
    EXPECT_NEAR(*irr(flows, 0.31).value, 0.12, 1e-13);   // log(1.31) = 0.27003 = 0.12003 + 3 x 0.05
    EXPECT_NEAR(*irr(flows, -0.0296).value, 0.10, 1e-13); // log(0.9704) = -0.03005 = 0.06995 - 2 x 0.05
}

TEST(Irr, RootBelowTheGuessWinsWhenNearerThanTheOneAbove) {
    // Roots 10% and 20% at log(1 + r) = 0.09531 and 0.18232. From log(1.1445) = 0.13497 the lower
    // root is 0.0397 away and the upper one 0.0474, both within the first grid cell on their side.
    const std::vector<double> flows{-100, 230, -132};
    EXPECT_NEAR(*irr(flows, 0.1445).value, 0.10, 1e-13);
    // From log(1.1526) = 0.14202 the upper root is nearer (0.0403 against 0.0467).
    EXPECT_NEAR(*irr(flows, 0.1526).value, 0.20, 1e-13);
}

TEST(Irr, NoRootInTheRangeReportsNoIrr) {
    // -100 + 200 v - 150 v^2 has a negative discriminant (40000 - 60000): no rate gives NPV 0.
    const Answer a = irr(std::vector<double>{-100, 200, -150});
    EXPECT_FALSE(a);
    EXPECT_EQ(a.reason, "no IRR: the NPV does not reach zero at any rate from -99.9999% to 1000000%");
    EXPECT_EQ(a.warnings.size(), 1u);
}

TEST(Irr, LongAlternatingVectorEndsWithAFiniteRootOrAReason) {
    // 1000 flows that change sign every period: the scan overflows nowhere and the answer, if any,
    // is a genuine root.
    std::vector<double> flows(1000);
    for (std::size_t i = 0; i < flows.size(); ++i) flows[i] = (i % 2 ? 1.0 : -1.0) * (1.0 + static_cast<double>(i % 7));
    const Answer a = irr(flows, 0.1);
    if (a) {
        EXPECT_TRUE(std::isfinite(*a.value));
        EXPECT_NEAR(npv(*a.value, flows), 0.0, 1e-6);
    } else {
        EXPECT_FALSE(a.reason.empty());
    }
    EXPECT_EQ(a.warnings.size(), 1u);
}

// ---- irrSeeded: irr() from a seed ---------------------------------------------------------------

// One sign change: a unique IRR, so the seeded search finds irr()'s root from any seed, to the
// polishing tolerance (1e-12 in the rate): deep losses, the 8.66% spreadsheet case, the 30-year
// project, a fast payback, a root beyond +1000%; leading and trailing zeros; seeds on either side.
TEST(IrrSeeded, EqualsIrrFromAnySeedWhenTheFlowsChangeSignOnce) {
    std::vector<std::vector<double>> cases{kSpreadsheetFlows, projectFlows(),
                                           {0, 0, -1000, 100, 100, 100, 0},  // -63.5%
                                           {-1000, -200, 900, 900, 900},     // with two outlays
                                           {-10, 200},                       // 1900%
                                           {1000, -50, -50, -1200}};         // inflow first
    std::uint64_t state = 42;  // a fixed LCG: 200 equity-like profiles, losses to rich returns
    for (int k = 0; k < 200; ++k) {
        std::vector<double> flows;
        const int outlays = 1 + k % 4, years = 10 + k % 25;
        for (int i = 0; i < years; ++i) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            const double u = static_cast<double>(state >> 11) / 9007199254740992.0;
            flows.push_back(i < outlays ? -(100.0 + 900.0 * u) : (5.0 + 300.0 * u) * (0.2 + k / 100.0));
        }
        cases.push_back(flows);
    }
    std::size_t compared = 0;
    for (const auto& flows : cases) {
        const Answer plain = irr(flows);
        ASSERT_TRUE(plain);
        for (double seed : {-0.95, -0.4, -0.05, 0.0, 0.07, 0.1, 0.13, 0.6, 5.0, 500.0}) {
            const Answer seeded = irrSeeded(flows, seed);
            ASSERT_TRUE(seeded) << "seed " << seed;
            EXPECT_NEAR(*seeded.value, *plain.value, 2e-12 * std::max(1.0, std::abs(*plain.value))) << "seed " << seed;
            EXPECT_TRUE(seeded.warnings.empty());
            ++compared;
        }
    }
    EXPECT_EQ(compared, 2060u);
}

// Equity flows that dip below zero in operation (a lifecycle replacement, a bad year) change sign
// several times: irr()'s answer is then the root nearest its guess, and irrSeeded is irr() itself,
// value, reason and warning.
TEST(IrrSeeded, EqualsIrrOnFlowsThatChangeSignSeveralTimes) {
    std::vector<std::vector<double>> cases{{-1000, 300, 300, -100, 400, 400}, {-100, 230, -132},
                                           {-100, 222, -123.2}, {-500, 100, -50, 200, -80, 300, 250, -20}};
    std::uint64_t state = 7;
    for (int k = 0; k < 300; ++k) {
        std::vector<double> flows;
        const int years = 8 + k % 27;
        for (int i = 0; i < years; ++i) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            const double u = static_cast<double>(state >> 11) / 9007199254740992.0;
            // Outlays first, then mostly inflows with a dip about every fifth year.
            flows.push_back(i < 1 + k % 3 ? -(200.0 + 800.0 * u) : (u < 0.2 ? -150.0 * u : 40.0 + 200.0 * u));
        }
        cases.push_back(flows);
    }
    std::size_t withRoot = 0;
    for (const auto& flows : cases) {
        const Answer plain = irr(flows);
        for (double seed : {-0.5, 0.0, 0.1, 0.3, 2.0}) {
            const Answer seeded = irrSeeded(flows, seed);
            ASSERT_EQ(seeded.value.has_value(), plain.value.has_value()) << "seed " << seed;
            if (plain) {
                EXPECT_NEAR(*seeded.value, *plain.value, 2e-12 * std::max(1.0, std::abs(*plain.value))) << "seed " << seed;
            }
            EXPECT_EQ(seeded.reason, plain.reason);
            EXPECT_EQ(seeded.warnings, plain.warnings);
            const Answer quiet = irrSeeded(flows, seed, false);  // the value alone: no warning written
            EXPECT_EQ(quiet.value, seeded.value);
            EXPECT_EQ(quiet.reason, plain.reason);
            EXPECT_TRUE(quiet.warnings.empty());
        }
        if (plain) ++withRoot;
    }
    EXPECT_GT(withRoot, 250u);
}

// Several sign changes (the root nearest 10% is irr()'s answer), no sign change, no root in the
// range, or a seed that is not a rate: irrSeeded is irr(flows) itself, reasons and warnings included.
TEST(IrrSeeded, IsIrrWhenTheIrrIsNotUniqueOrAbsentOrTheSeedIsNoRate) {
    const std::vector<std::vector<double>> cases{{-100, 230, -132}, {-100, 222, -123.2}, {-100, 200, -150},
                                                 {100, 50, 20}, {0, 0, 0}};
    for (const auto& flows : cases)
        for (double seed : {0.16, -0.03, 0.5}) {
            const Answer plain = irr(flows), seeded = irrSeeded(flows, seed);
            EXPECT_EQ(seeded.value, plain.value);
            EXPECT_EQ(seeded.reason, plain.reason);
            EXPECT_EQ(seeded.warnings, plain.warnings);
        }
    for (double seed : {kNaN, -1.0, -2.0, 1e5}) EXPECT_EQ(irrSeeded(projectFlows(), seed).value, irr(projectFlows()).value);
    EXPECT_INPUT_ERROR(irrSeeded(std::vector<double>{-1.0, kNaN}, 0.1), "flows[1]: got NaN, expected a finite number");
}

TEST(Irr, RejectsBadInput) {
    EXPECT_INPUT_ERROR(irr(std::vector<double>{}), "flows: got an empty list, expected at least one value");
    EXPECT_INPUT_ERROR(irr(std::vector<double>{-1.0, kNaN}), "flows[1]: got NaN, expected a finite number");
    EXPECT_INPUT_ERROR(irr(kSpreadsheetFlows, -1.0), "guess: got -1, expected a rate above -1 (-100%) and below 10000 (1000000%)");
    EXPECT_INPUT_ERROR(irr(kSpreadsheetFlows, 1e4), "guess: got 10000, expected a rate above -1 (-100%) and below 10000 (1000000%)");
    EXPECT_INPUT_ERROR(irr(kSpreadsheetFlows, kNaN), "guess: got NaN, expected a rate above -1 (-100%) and below 10000 (1000000%)");
}

// ---- XIRR --------------------------------------------------------------------------------------

TEST(Xirr, MatchesSpreadsheetDocumentation) {
    // Spreadsheet XIRR documentation: 0.373362535 (37.34%). The spreadsheet stops its iteration
    // early: the exact root (bisection in Python, and QuantLib below) is 0.37336253352, 1.5e-9 away.
    const Answer a = xirr(kXFlows, kXDates);
    ASSERT_TRUE(a);
    EXPECT_NEAR(*a.value, 0.373362535, 5e-9);
    EXPECT_NEAR(*a.value, 0.3733625335188, 1e-12);
}

TEST(Xirr, MatchesQuantLibBrentYieldOnActual365) {
    const EvaluationDateGuard guard(kXDates[0]);
    QuantLib::Brent solver;
    const double expected = QuantLib::CashFlows::yield<QuantLib::Brent>(
        solver, legOn(kXFlows, kXDates), 0.0, QuantLib::Actual365Fixed(), QuantLib::Compounded, QuantLib::Annual,
        true, kXDates[0], kXDates[0], 1e-14, 0.05);
    EXPECT_NEAR(*xirr(kXFlows, kXDates).value, expected, 1e-10 * expected);
}

TEST(Xirr, XnpvAtTheXirrIsZeroAndLaterDatesMayComeInAnyOrder) {
    std::vector<double> flows = kXFlows;
    std::vector<Date> dates = kXDates;
    std::swap(flows[1], flows[4]);
    std::swap(dates[1], dates[4]);
    const double rate = *xirr(flows, dates).value;
    EXPECT_NEAR(rate, *xirr(kXFlows, kXDates).value, 1e-13);
    EXPECT_NEAR(xnpv(rate, flows, dates), 0.0, 1e-8);
}

TEST(Xirr, FindsNegativeRates) {
    // -100 now, 81 after 730 days (two 365-day years): (1 + r)^2 = 0.81, r = -10%.
    const Date d0(1, QuantLib::March, 2021);
    const Answer a = xirr(std::vector<double>{-100, 81}, std::vector<Date>{d0, d0 + 730});
    ASSERT_TRUE(a);
    EXPECT_NEAR(*a.value, -0.10, 1e-13);
}

TEST(Xirr, NoSignChangeAfterNettingByDateReportsNoXirr) {
    // -100 and +100 on the first date net to 0; +10 a year later: nothing to solve.
    const std::vector<Date> dates{Date(1, QuantLib::June, 2020), Date(1, QuantLib::June, 2020),
                                  Date(1, QuantLib::June, 2021)};
    const Answer a = xirr(std::vector<double>{-100, 100, 10}, dates);
    EXPECT_FALSE(a);
    EXPECT_EQ(a.reason, "no XIRR: the flows (netted by date) never change sign");
    const Answer same = xirr(std::vector<double>{-100, 100}, std::span(dates).first(2));
    EXPECT_FALSE(same);
    EXPECT_EQ(same.reason, "no XIRR: all flows fall on the same date");
}

TEST(Xirr, SeveralSignChangesWarn) {
    // On whole 365-day years the quadratic of Irr.SeveralSignChanges...: roots 10% and 20%.
    const Date d0(1, QuantLib::March, 2021); // 2021-03-01 + 365 = 2022-03-01, + 730 = 2023-03-01
    const std::vector<Date> dates{d0, d0 + 365, d0 + 730};
    const Answer a = xirr(std::vector<double>{-100, 230, -132}, dates, 0.18);
    ASSERT_TRUE(a);
    EXPECT_NEAR(*a.value, 0.20, 1e-13);
    ASSERT_EQ(a.warnings.size(), 1u);
    EXPECT_EQ(a.warnings[0],
              "the flows (netted by date) change sign 2 times, so the XIRR may not be unique: read MIRR beside it");
}

TEST(Xirr, RejectsBadInput) {
    std::vector<Date> early = kXDates;
    early[3] = Date(1, QuantLib::December, 2007);
    EXPECT_INPUT_ERROR(xirr(kXFlows, early),
                       "dates[3]: got 2007-12-01, expected a date no earlier than dates[0] (2008-01-01)");
    EXPECT_INPUT_ERROR(xirr(kXFlows, std::span(kXDates).first(3)), "dates: got 3 dates, expected one per flow (5)");
    EXPECT_INPUT_ERROR(xirr(std::vector<double>{}, std::vector<Date>{}),
                       "flows: got an empty list, expected at least one value");
    std::vector<double> nan = kXFlows;
    nan[0] = kNaN;
    EXPECT_INPUT_ERROR(xirr(nan, kXDates), "flows[0]: got NaN, expected a finite number");
    EXPECT_INPUT_ERROR(xirr(kXFlows, kXDates, -2.0),
                       "guess: got -2, expected a rate above -1 (-100%) and below 10000 (1000000%)");
}
