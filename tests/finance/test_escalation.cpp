// Escalation factors, per-line escalation, real <-> nominal and Fisher: every expected value is worked
// by hand in the comment beside it (powers of 1 + rate), never copied from the code's output.

#include "expect_input_error.hpp"
#include "finance/escalation.hpp"
#include "finance/errors.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

using cityfin::InputError;
using namespace cityfin::finance;

namespace {

constexpr double kTight = 1e-12;

EscalationGrid grid(int periodsPerYear, std::size_t periods, std::size_t basePeriod = 0,
                    EscalationStep step = EscalationStep::EveryPeriod) {
    return EscalationGrid{periodsPerYear, periods, basePeriod, step};
}

void expectNear(const std::vector<double>& actual, const std::vector<double>& expected,
                double tolerance = kTight) {
    ASSERT_EQ(actual.size(), expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i)
        EXPECT_NEAR(actual[i], expected[i], tolerance) << "at index " << i;
}

} // namespace

TEST(Escalation, ThreePercentForThreeYearsByHand) {
    // 1.03^1 = 1.03, 1.03^2 = 1.0609, 1.03^3 = 1.092727.
    expectNear(escalationFactors(0.03, grid(1, 4)), {1.0, 1.03, 1.0609, 1.092727});
}

TEST(Escalation, BaseYearHasFactorOneAndEarlierYearsAreDeflated) {
    // Base in year 2: 1/1.0609 = 0.942595909133754, 1/1.03 = 0.970873786407767, 1, 1.03.
    expectNear(escalationFactors(0.03, grid(1, 4, 2)),
               {1.0 / 1.0609, 1.0 / 1.03, 1.0, 1.03});
    EXPECT_EQ(escalationFactors(0.03, grid(1, 4, 2))[2], 1.0);
}

TEST(Escalation, QuarterlyCompoundingUsesPeriodTimeInYears) {
    // 4% a year, quarterly: factor_k = 1.04^(k/4); 1.04^0.25 = 1.009853406548969,
    // 1.04^0.5 = 1.019803902718557, 1.04^0.75 = 1.029852445172268, 1.04^1 = 1.04.
    const auto f = escalationFactors(0.04, grid(4, 6));
    expectNear(f, {1.0, 1.009853406548969, 1.019803902718557, 1.029852445172268, 1.04,
                   1.04 * 1.009853406548969});
}

TEST(Escalation, YearlyStepHoldsTheFactorWithinEachYear) {
    // Steps on the anniversaries of the base: 1 for the first four quarters, then 1.04, then 1.0816.
    expectNear(escalationFactors(0.04, grid(4, 9, 0, EscalationStep::Yearly)),
               {1, 1, 1, 1, 1.04, 1.04, 1.04, 1.04, 1.0816});
}

TEST(Escalation, YearlyStepCountsYearsFromAMidYearBase) {
    // Base in quarter 2: quarters 2..5 carry 1, 6..7 carry 1.04; quarters 0..1 belong to the year
    // before the base (anniversary at quarter -2) and carry 1/1.04.
    expectNear(escalationFactors(0.04, grid(4, 8, 2, EscalationStep::Yearly)),
               {1 / 1.04, 1 / 1.04, 1, 1, 1, 1, 1.04, 1.04});
}

TEST(Escalation, MonthlyAndSemiannualCompoundingMeetTheAnnualFactorsAtYearEnds) {
    // At whole years the compounding grids equal 1.025^y whatever the period.
    const auto annual = escalationFactors(0.025, grid(1, 3));
    const auto semi = escalationFactors(0.025, grid(2, 6));
    const auto monthly = escalationFactors(0.025, grid(12, 36));
    for (std::size_t y = 0; y < 3; ++y) {
        EXPECT_NEAR(semi[2 * y], annual[y], kTight);
        EXPECT_NEAR(monthly[12 * y], annual[y], kTight);
    }
    EXPECT_NEAR(monthly[6], std::sqrt(1.025), kTight);  // half a year
    EXPECT_NEAR(semi[1], std::sqrt(1.025), kTight);
}

TEST(Escalation, PerYearRatesCompoundYearByYear) {
    // 2%, 3%, 5%: 1, 1.02, 1.02 * 1.03 = 1.0506, 1.0506 * 1.05 = 1.10313.
    const std::vector<double> rates{0.02, 0.03, 0.05, 0.04};
    expectNear(escalationFactors(rates, grid(1, 4)), {1.0, 1.02, 1.0506, 1.10313});
}

TEST(Escalation, PerYearRatesWithinAYearUseThatYearsRate) {
    // Quarterly, rates 2% then 3%, base in quarter 2 (G = 1.02^0.5 there):
    // quarter 6 has G = 1.02 * 1.03^0.5, so its factor is 1.02^0.5 * 1.03^0.5.
    const std::vector<double> rates{0.02, 0.03};
    const auto f = escalationFactors(rates, grid(4, 8, 2));
    EXPECT_NEAR(f[0], 1.0 / std::sqrt(1.02), kTight);
    EXPECT_NEAR(f[4], std::sqrt(1.02), kTight);
    EXPECT_NEAR(f[6], std::sqrt(1.02) * std::sqrt(1.03), kTight);
}

TEST(Escalation, ConstantRateEqualsARepeatedRateVector) {
    for (int p : {1, 2, 4, 12}) {
        for (auto step : {EscalationStep::EveryPeriod, EscalationStep::Yearly}) {
            const auto pp = static_cast<std::size_t>(p);
            const EscalationGrid g = grid(p, 3 * pp + 1, pp + pp / 2, step);
            const std::vector<double> rates(timelineYears(g), 0.021);
            expectNear(escalationFactors(rates, g), escalationFactors(0.021, g));
        }
    }
}

TEST(Escalation, TimelineYearsRoundsUpPartYears) {
    EXPECT_EQ(timelineYears(grid(4, 9)), 3u);
    EXPECT_EQ(timelineYears(grid(12, 12)), 1u);
    EXPECT_EQ(timelineYears(grid(1, 5)), 5u);
}

TEST(Escalation, EnergyPriceAtCpiPlusOnePercent) {
    // CPI 2% + 1% spread = 3%: 100, 103, 106.09.
    const std::vector<double> cpi{0.02, 0.02, 0.02};
    const std::vector<double> amounts{100, 100, 100};
    LineIndexation energy;
    energy.spread = 0.01;
    expectNear(escalateLine(amounts, cpi, energy, grid(1, 3)), {100, 103, 106.09}, 1e-10);
    expectNear(lineAnnualRates(cpi, energy, grid(1, 3)), {0.03, 0.03, 0.03});
}

TEST(Escalation, LinesWithTheirOwnRateOrFixedIgnoreCpi) {
    // Own 5%: 200, 210, 220.5. Fixed: unchanged. CPI may be empty for them.
    const std::vector<double> amounts{200, 200, 200};
    LineIndexation own{LineIndexation::Basis::OwnRate, 0.0, 0.05};
    expectNear(escalateLine(amounts, {}, own, grid(1, 3)), {200, 210, 220.5}, 1e-10);
    LineIndexation fixed{LineIndexation::Basis::Fixed, 0.0, 0.0};
    expectNear(escalateLine(amounts, {}, fixed, grid(1, 3)), {200, 200, 200});
}

TEST(Escalation, RealToNominalAndBack) {
    // CPI 2%: factors 1, 1.02, 1.0404; real -1000, 500, 600 -> nominal -1000, 510, 624.24.
    const auto factors = escalationFactors(0.02, grid(1, 3));
    const std::vector<double> real{-1000, 500, 600};
    const auto nominal = realToNominal(real, factors);
    expectNear(nominal, {-1000, 510, 624.24}, 1e-10);
    expectNear(nominalToReal(nominal, factors), real, 1e-10);
}

TEST(Escalation, FisherByHand) {
    // (1.03)(1.02) - 1 = 0.0506; 1.08 / 1.02 - 1 = 0.06 / 1.02 = 0.0588235294117647.
    EXPECT_NEAR(nominalRateFromReal(0.03, 0.02), 0.0506, kTight);
    EXPECT_NEAR(realRateFromNominal(0.08, 0.02), 0.06 / 1.02, kTight);
    // Deflation: (1.03)(0.99) - 1 = 0.0197.
    EXPECT_NEAR(nominalRateFromReal(0.03, -0.01), 0.0197, kTight);
}

TEST(Escalation, NominalFlowsAtTheNominalRateHaveTheRealPresentValue) {
    // Property: with CPI factors (1+i)^k and the Fisher rate, each discounted term is unchanged:
    // real_k (1+i)^k / ((1+r)(1+i))^k = real_k / (1+r)^k.
    const double inflation = 0.025, real = 0.04;
    const std::vector<double> realFlows{-500, 120, 130, 140, 150, 160};
    const auto nominalFlows = realToNominal(realFlows, escalationFactors(inflation, grid(1, 6)));
    const double nominal = nominalRateFromReal(real, inflation);
    double pvReal = 0.0, pvNominal = 0.0;
    for (std::size_t k = 0; k < realFlows.size(); ++k) {
        pvReal += realFlows[k] / std::pow(1.0 + real, static_cast<double>(k));
        pvNominal += nominalFlows[k] / std::pow(1.0 + nominal, static_cast<double>(k));
    }
    EXPECT_NEAR(pvNominal, pvReal, 1e-9);
}

TEST(Escalation, RejectsRatesAtOrBelowMinusOne) {
    expectInputError([] { escalationFactors(-1.0, grid(1, 3)); },
                     "annualRate: got -1, expected a finite rate above -1 (-100%)");
    const std::vector<double> rates{0.02, -1.5, 0.02};
    expectInputError([&] { escalationFactors(rates, grid(1, 3)); },
                     "annualRates[1]: got -1.5, expected a finite rate above -1 (-100%)");
    expectInputError([] { escalationFactors(std::numeric_limits<double>::quiet_NaN(), grid(1, 3)); },
                     "annualRate: got NaN, expected a finite rate above -1 (-100%)");
}

TEST(Escalation, RejectsEmptyOrShortRateVectors) {
    expectInputError([] { escalationFactors(std::vector<double>{}, grid(1, 3)); },
                     "annualRates: got an empty vector, expected at least 3 (one rate per timeline "
                     "year)");
    const std::vector<double> two{0.02, 0.02};
    expectInputError([&] { escalationFactors(two, grid(4, 9)); },
                     "annualRates: got 2 values, expected at least 3 (one rate per timeline year)");
}

TEST(Escalation, RejectsABadGrid) {
    expectInputError([] { escalationFactors(0.02, grid(1, 4, 4)); },
                     "grid.basePeriod: got 4, expected a period index below 4 (the number of "
                     "periods)");
    expectInputError([] { escalationFactors(0.02, grid(3, 4)); },
                     "grid.periodsPerYear: got 3, expected 1, 2, 4 or 12");
    expectInputError([] { escalationFactors(0.02, grid(1, 0)); },
                     "grid.periods: got 0, expected at least 1 period");
    expectInputError([] { timelineYears(grid(0, 4)); },
                     "grid.periodsPerYear: got 0, expected 1, 2, 4 or 12");
}

TEST(Escalation, RejectsBadLines) {
    const std::vector<double> cpi{0.02, 0.02};
    const std::vector<double> amounts{1, 1};
    LineIndexation ownWithSpread{LineIndexation::Basis::OwnRate, 0.01, 0.05};
    expectInputError([&] { escalateLine(amounts, cpi, ownWithSpread, grid(1, 2)); },
                     "line.spread: got 0.01, expected 0 unless the line follows CPI (basis Cpi)");
    LineIndexation cpiWithOwn{LineIndexation::Basis::Cpi, 0.0, 0.05};
    expectInputError([&] { escalateLine(amounts, cpi, cpiWithOwn, grid(1, 2)); },
                     "line.ownRate: got 0.05, expected 0 unless the line has its own rate (basis "
                     "OwnRate)");
    LineIndexation crash{LineIndexation::Basis::Cpi, -1.02, 0.0};
    expectInputError([&] { escalateLine(amounts, cpi, crash, grid(1, 2)); },
                     "cpiRates[0] + line.spread: got -1, expected a rate above -1 (-100%)");
    LineIndexation plain;
    expectInputError([&] { escalateLine(amounts, {}, plain, grid(1, 2)); },
                     "cpiRates: got an empty vector, expected at least 2 (one rate per timeline "
                     "year)");
    const std::vector<double> three{1, 1, 1};
    expectInputError([&] { escalateLine(three, cpi, plain, grid(1, 2)); },
                     "amountsInBasePrices: got 3 values, expected 2 values (one per period)");
}

TEST(Escalation, RejectsBadFlowConversions) {
    const std::vector<double> factors{1.0, 1.02};
    expectInputError([&] { realToNominal(std::vector<double>{}, factors); },
                     "realFlows: got an empty vector, expected at least one flow");
    const std::vector<double> three{1, 2, 3};
    expectInputError([&] { nominalToReal(three, factors); },
                     "cpiFactors: got 2 values, expected 3 values (one per flow)");
    const std::vector<double> zeroFactor{1.0, 0.0};
    const std::vector<double> two{1, 2};
    expectInputError([&] { nominalToReal(two, zeroFactor); },
                     "cpiFactors[1]: got 0, expected a finite factor above 0");
    const std::vector<double> nanFlow{1, std::numeric_limits<double>::quiet_NaN()};
    expectInputError([&] { realToNominal(nanFlow, factors); },
                     "realFlows[1]: got NaN, expected a finite number");
}

TEST(Escalation, RejectsBadFisherRates) {
    expectInputError([] { nominalRateFromReal(0.03, -1.0); },
                     "inflation: got -1, expected a finite rate above -1 (-100%)");
    expectInputError([] { realRateFromNominal(-2.0, 0.02); },
                     "nominalRate: got -2, expected a finite rate above -1 (-100%)");
    expectInputError([] { nominalRateFromReal(std::numeric_limits<double>::infinity(), 0.02); },
                     "realRate: got inf, expected a finite rate above -1 (-100%)");
}
