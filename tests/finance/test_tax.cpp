// Straight-line depreciation and corporate tax with losses: every expected schedule is worked by hand
// in the comment beside it (cost / life per period; loss balances carried line by line).

#include "expect_input_error.hpp"
#include "finance/errors.hpp"
#include "finance/tax.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <numeric>
#include <string>
#include <vector>

using cityfin::InputError;
using namespace cityfin::finance;

namespace {

constexpr double kTight = 1e-9;

void expectNear(const std::vector<double>& actual, const std::vector<double>& expected) {
    ASSERT_EQ(actual.size(), expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i)
        EXPECT_NEAR(actual[i], expected[i], kTight) << "at index " << i;
}

double sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

DepreciationTerms life(double years, int periodsPerYear = 1, double salvage = 0.0) {
    DepreciationTerms t;
    t.usefulLifeYears = years;
    t.periodsPerYear = periodsPerYear;
    t.salvageFraction = salvage;
    return t;
}

CorporateTaxTerms taxAt(double rate) {
    CorporateTaxTerms t;
    t.rate = rate;
    return t;
}

} // namespace

TEST(Depreciation, OneAssetOverFiveYears) {
    // 1000 / 5 = 200 a year; NBV 800, 600, 400, 200, 0, 0.
    const std::vector<double> capex{1000, 0, 0, 0, 0, 0};
    const auto s = straightLineDepreciation(capex, life(5));
    expectNear(s.depreciation, {200, 200, 200, 200, 200, 0});
    expectNear(s.netBookValue, {800, 600, 400, 200, 0, 0});
    EXPECT_EQ(s.undepreciatedAtEnd, 0.0);
}

TEST(Depreciation, SalvageValueIsNeverDepreciated) {
    // Cost 1000, salvage 10% = 100: (1000 - 100) / 4 = 225 a year; NBV ends at the salvage, 100.
    const std::vector<double> capex{1000, 0, 0, 0, 0};
    const auto s = straightLineDepreciation(capex, life(4, 1, 0.1));
    expectNear(s.depreciation, {225, 225, 225, 225, 0});
    expectNear(s.netBookValue, {775, 550, 325, 100, 100});
    EXPECT_NEAR(s.salvageValue, 100, kTight);
    EXPECT_NEAR(sum(s.depreciation), 1000 - 100, kTight);
}

TEST(Depreciation, MidLifeCommissioningStartsItsOwnVintage) {
    // 600 in year 0 over 3 years: 200 in years 0-2; 300 commissioned in year 2: 100 in years 2-4.
    const std::vector<double> capex{600, 0, 300, 0, 0, 0};
    const auto s = straightLineDepreciation(capex, life(3));
    expectNear(s.depreciation, {200, 200, 300, 100, 100, 0});
    expectNear(s.netBookValue, {400, 200, 200, 100, 0, 0});
}

TEST(Depreciation, ConstructionCapexWaitsForTheStartOfOperation) {
    // 500 + 500 built in years 0-1, operation from year 2, life 2: 1000 / 2 = 500 in years 2 and 3.
    // A 200 replacement in year 4 starts at once: 100 in years 4 and 5.
    const std::vector<double> capex{500, 500, 0, 0, 200, 0};
    DepreciationTerms t = life(2);
    t.start = DepreciationStart::StartOfOperation;
    t.operationStartPeriod = 2;
    const auto s = straightLineDepreciation(capex, t);
    expectNear(s.depreciation, {0, 0, 500, 500, 100, 100});
    expectNear(s.netBookValue, {500, 1000, 500, 0, 100, 0});
}

TEST(Depreciation, QuarterlyPeriodsSpreadAYearOverFourQuarters) {
    // 800 over 1 year in quarters: 200 per quarter; salvage 25% of 400 = 100 -> 300 / 8 = 37.5.
    const std::vector<double> capex{800, 0, 0, 0, 0};
    expectNear(straightLineDepreciation(capex, life(1, 4)).depreciation, {200, 200, 200, 200, 0});
    const std::vector<double> second{400, 0, 0, 0, 0, 0, 0, 0, 0};
    const auto s = straightLineDepreciation(second, life(2, 4, 0.25));
    expectNear(s.depreciation, {37.5, 37.5, 37.5, 37.5, 37.5, 37.5, 37.5, 37.5, 0});
}

TEST(Depreciation, MonthlyLifeOfTenYearsChargesOneHundredTwentiethPerMonth) {
    std::vector<double> capex(130, 0.0);
    capex[0] = 12000;  // 12000 / 120 months = 100 a month for months 0..119
    const auto s = straightLineDepreciation(capex, life(10, 12));
    EXPECT_NEAR(s.depreciation[0], 100, kTight);
    EXPECT_NEAR(s.depreciation[119], 100, kTight);
    EXPECT_EQ(s.depreciation[120], 0.0);
    EXPECT_NEAR(sum(s.depreciation), 12000, kTight);
}

TEST(Depreciation, PartYearLifeEndsWithAPartialCharge) {
    // 1000 over 2.5 years: 400, 400, then the remaining 200.
    const std::vector<double> capex{1000, 0, 0, 0};
    expectNear(straightLineDepreciation(capex, life(2.5)).depreciation, {400, 400, 200, 0});
}

TEST(Depreciation, TimelineShorterThanTheLifeLeavesTheRestUndepreciated) {
    // 1000 in year 2 of 4, life 5: 200 in years 2 and 3; 600 left beyond the timeline.
    const std::vector<double> capex{0, 0, 1000, 0};
    const auto s = straightLineDepreciation(capex, life(5));
    expectNear(s.depreciation, {0, 0, 200, 200});
    EXPECT_NEAR(s.undepreciatedAtEnd, 600, kTight);
    EXPECT_NEAR(s.netBookValue.back(), 600, kTight);
}

TEST(Depreciation, ConservesCostAcrossVintages) {
    // Property: depreciation + undepreciated + salvage = total capex, and NBV never below 0.
    const std::vector<double> capex{300, 0, 120.5, 77, 0, 1000, 0, 0, 45, 0, 0, 0};
    for (int p : {1, 2, 4, 12}) {
        const auto s = straightLineDepreciation(capex, life(3.25, p, 0.07));
        EXPECT_NEAR(sum(s.depreciation) + s.undepreciatedAtEnd + s.salvageValue, sum(capex), 1e-9);
        for (double d : s.depreciation) EXPECT_GE(d, 0.0);
    }
    // With a timeline long enough, the sum is cost - salvage exactly (to rounding).
    std::vector<double> longer(capex);
    longer.resize(40, 0.0);
    const auto s = straightLineDepreciation(longer, life(3.25, 1, 0.07));
    EXPECT_NEAR(sum(s.depreciation), sum(capex) * (1 - 0.07), 1e-9);
    EXPECT_EQ(s.undepreciatedAtEnd, 0.0);
}

TEST(CorporateTax, LossesCarriedForwardByHand) {
    // Profits -100, 50, 30, 80 at 25%: balance 100; 50 used -> 50; 30 used -> 20; 20 used, 60 taxed.
    const std::vector<double> profit{-100, 50, 30, 80};
    const auto s = corporateTax(profit, taxAt(0.25));
    expectNear(s.taxPaid, {0, 0, 0, 15});
    expectNear(s.lossBalance, {100, 50, 20, 0});
    expectNear(s.lossesUsed, {0, 50, 30, 20});
    expectNear(s.taxableAfterLosses, {0, 0, 0, 60});
    expectNear(s.taxableIncome, profit);
    expectNear(s.lossesExpired, {0, 0, 0, 0});
}

TEST(CorporateTax, TaxIsTheRateTimesPositiveIncomeAfterLosses) {
    // 50 taxed (10); loss 30; 20 absorbed (bal 10); 40 - 10 = 30 taxed (6); loss 10; 25 - 10 = 15
    // taxed (3). Total 19 = 20% x (50 + 30 + 15).
    const std::vector<double> profit{50, -30, 20, 40, -10, 25};
    const auto s = corporateTax(profit, taxAt(0.2));
    expectNear(s.taxPaid, {10, 0, 0, 6, 0, 3});
    EXPECT_NEAR(sum(s.taxPaid), 19, kTight);
    EXPECT_NEAR(sum(s.taxPaid), 0.2 * sum(s.taxableAfterLosses), kTight);
    // Losses made (40) = used + expired + still carried.
    EXPECT_NEAR(sum(s.lossesUsed) + sum(s.lossesExpired) + s.lossBalance.back(), 40, kTight);
}

TEST(CorporateTax, LossesExpireAfterTheCarryLimit) {
    // China EIT art. 18 style 5-year limit: loss 100 in year 0; 10 used in each of years 1-5; the 50
    // left expires at the end of year 5; year 6's 50 is taxed in full: 12.5 at 25%.
    const std::vector<double> profit{-100, 10, 10, 10, 10, 10, 50};
    CorporateTaxTerms t = taxAt(0.25);
    t.lossCarryForwardYears = 5;
    const auto s = corporateTax(profit, t);
    expectNear(s.lossBalance, {100, 90, 80, 70, 60, 0, 0});
    expectNear(s.lossesExpired, {0, 0, 0, 0, 0, 50, 0});
    expectNear(s.taxPaid, {0, 0, 0, 0, 0, 0, 12.5});
    // Without a limit the 50 is still there in year 6 and absorbs all of it.
    const auto unlimited = corporateTax(profit, taxAt(0.25));
    expectNear(unlimited.taxPaid, {0, 0, 0, 0, 0, 0, 0});
    expectNear(unlimited.lossesExpired, {0, 0, 0, 0, 0, 0, 0});
}

TEST(CorporateTax, OldestLossesAreUsedFirst) {
    // Limit 2 years. Loss 50 (year 0, usable to year 2), loss 50 (year 1, usable to year 3).
    // Year 2: no profit, vintage 0 expires (50). Year 3: 30 uses vintage 1, its 20 left expires.
    // Year 4: 100 taxed, 25 at 25%.
    const std::vector<double> profit{-50, -50, 0, 30, 100};
    CorporateTaxTerms t = taxAt(0.25);
    t.lossCarryForwardYears = 2;
    const auto s = corporateTax(profit, t);
    expectNear(s.lossBalance, {50, 100, 50, 0, 0});
    expectNear(s.lossesExpired, {0, 0, 50, 20, 0});
    expectNear(s.lossesUsed, {0, 0, 0, 30, 0});
    expectNear(s.taxPaid, {0, 0, 0, 0, 25});
}

TEST(CorporateTax, CarryLimitCountsPeriodsPerYear) {
    // Quarterly, 1-year limit: the quarter-0 loss is usable through quarter 4 and expires there.
    const std::vector<double> profit{-40, 0, 0, 0, 0, 10};
    CorporateTaxTerms t = taxAt(0.25);
    t.periodsPerYear = 4;
    t.lossCarryForwardYears = 1;
    const auto s = corporateTax(profit, t);
    expectNear(s.lossesExpired, {0, 0, 0, 0, 40, 0});
    expectNear(s.taxPaid, {0, 0, 0, 0, 0, 2.5});
    // Zero years: a loss is never carried.
    t.periodsPerYear = 1;
    t.lossCarryForwardYears = 0;
    const std::vector<double> twoYears{-100, 100};
    const auto none = corporateTax(twoYears, t);
    expectNear(none.lossesExpired, {100, 0});
    expectNear(none.taxPaid, {0, 25});
}

TEST(CorporateTax, ChinaThreeYearsExemptThreeYearsHalf) {
    // First revenue in year 2. Rate 25%: years 0-1 full, 2-4 exempt, 5-7 at 12.5%, 8-9 full.
    // The 20 of losses is used in year 2 although that year is exempt (profit after loss relief is
    // what the exemption applies to). Tax: 12.5 in years 5-7, 25 in years 8-9.
    const std::vector<double> profit{-10, -10, 100, 100, 100, 100, 100, 100, 100, 100};
    CorporateTaxTerms t = taxAt(0.25);
    const std::vector<double> revenue{0, 0, 40, 50, 50, 50, 50, 50, 50, 50};
    t.holiday = threeYearsExemptThreeYearsHalf(firstPositivePeriod(revenue).value());
    const auto s = corporateTax(profit, t);
    expectNear(s.rateApplied, {0.25, 0.25, 0, 0, 0, 0.125, 0.125, 0.125, 0.25, 0.25});
    expectNear(s.lossesUsed, {0, 0, 20, 0, 0, 0, 0, 0, 0, 0});
    expectNear(s.taxPaid, {0, 0, 0, 0, 0, 12.5, 12.5, 12.5, 25, 25});
}

TEST(CorporateTax, HolidayYearsSpanPeriodsPerYearPeriods) {
    // Quarterly from quarter 1: exempt quarters 1-12, half rate 13-24, full from 25.
    std::vector<double> profit(27, 10.0);
    CorporateTaxTerms t = taxAt(0.2);
    t.periodsPerYear = 4;
    t.holiday = threeYearsExemptThreeYearsHalf(1);
    const auto s = corporateTax(profit, t);
    EXPECT_EQ(s.rateApplied[0], 0.2);
    EXPECT_EQ(s.rateApplied[1], 0.0);
    EXPECT_EQ(s.rateApplied[12], 0.0);
    EXPECT_EQ(s.rateApplied[13], 0.1);
    EXPECT_EQ(s.rateApplied[24], 0.1);
    EXPECT_EQ(s.rateApplied[25], 0.2);
    // Quarters 0, 25 and 26 at the full rate (2 each) + 12 at half (1 each) = 18.
    EXPECT_NEAR(sum(s.taxPaid), 18, kTight);
}

TEST(CorporateTax, TaxIsNeverNegative) {
    const std::vector<double> profit{-5, -1000, 3, -2, 0, 1};
    for (double tax : corporateTax(profit, taxAt(0.3)).taxPaid) EXPECT_GE(tax, 0.0);
}

TEST(CorporateTax, FirstPositivePeriod) {
    const std::vector<double> revenue{0, -5, 0, 3, 4};
    EXPECT_EQ(firstPositivePeriod(revenue), std::optional<std::size_t>(3));
    const std::vector<double> none{0, 0};
    EXPECT_FALSE(firstPositivePeriod(none).has_value());
    const std::vector<double> bad{0, std::numeric_limits<double>::infinity()};
    expectInputError([&] { firstPositivePeriod(bad); },
                     "amounts[1]: got inf, expected a finite number");
}

TEST(Depreciation, RejectsBadInput) {
    const std::vector<double> capex{100, 0};
    expectInputError([] { straightLineDepreciation(std::vector<double>{}, life(5)); },
                     "capex: got an empty vector, expected at least one period");
    const std::vector<double> negative{100, -5};
    expectInputError([&] { straightLineDepreciation(negative, life(5)); },
                     "capex[1]: got -5, expected a finite cost >= 0 (capex as a positive amount)");
    expectInputError([&] { straightLineDepreciation(capex, life(0)); },
                     "terms.usefulLifeYears: got 0, expected a finite number of years above 0");
    expectInputError([&] { straightLineDepreciation(capex, life(5, 1, 1.5)); },
                     "terms.salvageFraction: got 1.5, expected a fraction of cost from 0 to 1");
    expectInputError([&] { straightLineDepreciation(capex, life(5, 6)); },
                     "terms.periodsPerYear: got 6, expected 1, 2, 4 or 12");
    DepreciationTerms late = life(5);
    late.start = DepreciationStart::StartOfOperation;
    late.operationStartPeriod = 2;
    expectInputError([&] { straightLineDepreciation(capex, late); },
                     "terms.operationStartPeriod: got 2, expected a period index below 2 (the "
                     "number of periods)");
}

TEST(CorporateTax, RejectsBadInput) {
    const std::vector<double> profit{10, 20};
    expectInputError([] { corporateTax(std::vector<double>{}, taxAt(0.25)); },
                     "taxableProfit: got an empty vector, expected at least one period");
    const std::vector<double> nan{10, std::numeric_limits<double>::quiet_NaN()};
    expectInputError([&] { corporateTax(nan, taxAt(0.25)); },
                     "taxableProfit[1]: got NaN, expected a finite number");
    expectInputError([&] { corporateTax(profit, taxAt(1.25)); },
                     "terms.rate: got 1.25, expected a tax rate from 0 to 1");
    CorporateTaxTerms t = taxAt(0.25);
    t.lossCarryForwardYears = -1;
    expectInputError([&] { corporateTax(profit, t); },
                     "terms.lossCarryForwardYears: got -1, expected a number of years >= 0 (or "
                     "none for no limit)");
    t.lossCarryForwardYears.reset();
    t.holiday = threeYearsExemptThreeYearsHalf(2);
    expectInputError([&] { corporateTax(profit, t); },
                     "terms.holiday.startPeriod: got 2, expected a period index below 2 (the "
                     "number of periods)");
    t.holiday = TaxHoliday{0, {RateRelief{0, 0.0}}};
    expectInputError([&] { corporateTax(profit, t); },
                     "terms.holiday.steps[0].years: got 0, expected at least 1 year");
    t.holiday = TaxHoliday{0, {RateRelief{1, 0.0}, RateRelief{1, 2.0}}};
    expectInputError([&] { corporateTax(profit, t); },
                     "terms.holiday.steps[1].fractionOfRate: got 2, expected a fraction of the "
                     "rate from 0 to 1");
}

TEST(CorporateTax, TaxPaidAloneEqualsTheFullScheduleOnRandomProfits) {
    // corporateTaxPaid (the fixed point's allocation-free form) against corporateTax's taxPaid,
    // bit for bit: losses, carry limits (none, 0, 2 and 5 years), holidays, 1 and 4 periods a year.
    std::uint64_t state = 12345;
    const auto uniform = [&] {  // xorshift: reproducible, no library distribution
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return static_cast<double>(state >> 11) / 9007199254740992.0;
    };
    for (int run = 0; run < 400; ++run) {
        const std::size_t n = 1 + static_cast<std::size_t>(uniform() * 40);
        std::vector<double> profit(n);
        for (double& x : profit) x = uniform() < 0.1 ? 0.0 : (uniform() - 0.45) * 1000.0;
        CorporateTaxTerms t = taxAt(0.25);
        t.periodsPerYear = run % 3 == 0 ? 4 : 1;
        const int carry = run % 5;
        if (carry > 0) t.lossCarryForwardYears = carry == 1 ? 0 : (carry == 2 ? 2 : 5);
        if (run % 2 == 0) t.holiday = threeYearsExemptThreeYearsHalf(static_cast<std::size_t>(uniform() * n));
        std::vector<double> paid(n, -1.0);
        corporateTaxPaid(profit, t, paid);
        const std::vector<double> expected = corporateTax(profit, t).taxPaid;
        for (std::size_t k = 0; k < n; ++k) ASSERT_EQ(paid[k], expected[k]) << "run " << run << " period " << k;
    }
    std::vector<double> wrong(2);
    expectInputError([&] { corporateTaxPaid(std::vector<double>{1.0, 2.0, 3.0}, taxAt(0.25), wrong); },
                     "taxPaid: got 2 values, expected 3 values");
}
