// Statistics: spreadsheet documentation examples (PERCENTILE.INC, QUARTILE.INC, STDEV.S),
// percentiles worked by hand, Welford/Chan merging against one pass and a two-pass formula,
// histogram counts by hand, and bad input with exact messages.

#include "expect_input_error.hpp"
#include "finance/errors.hpp"
#include "finance/statistics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

using cityfin::InputError;
using namespace cityfin::finance;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// STDEV.S documentation example (Microsoft support): breaking strength of 10 tools.
const std::vector<double> kStrengths{1345, 1301, 1368, 1322, 1310, 1370, 1318, 1350, 1303, 1299};

} // namespace

TEST(PercentileInc, QuarterOfOneToFourIsOneSeventyFive) {
    // h = (4 - 1) * 0.25 = 0.75: 1 + 0.75 * (2 - 1).
    EXPECT_DOUBLE_EQ(percentileInc(std::vector<double>{1, 2, 3, 4}, 0.25), 1.75);
}

TEST(PercentileInc, SpreadsheetDocumentationExamples) {
    // PERCENTILE.INC({1,3,2,4}, 0.3) = 1.9 (Microsoft's PERCENTILE.INC page): h = 0.9.
    EXPECT_NEAR(percentileInc(std::vector<double>{1, 3, 2, 4}, 0.3), 1.9, 1e-12);
    // QUARTILE.INC({1,2,4,7,8,9,10,12}, 1) = 3.5 (Microsoft's QUARTILE.INC page): h = 1.75.
    EXPECT_DOUBLE_EQ(percentileInc(std::vector<double>{1, 2, 4, 7, 8, 9, 10, 12}, 0.25), 3.5);
    // {15, 20, 35, 40, 50} at 0.4 = 29 (Wikipedia "Percentile", the C = 1 variant): h = 1.6.
    EXPECT_NEAR(percentileInc(std::vector<double>{15, 20, 35, 40, 50}, 0.4), 29.0, 1e-12);
}

TEST(PercentileInc, EndsMedianAndSingleValue) {
    const std::vector<double> v{6, 1, 5, 2, 4, 3};
    EXPECT_EQ(percentileInc(v, 0.0), 1.0);
    EXPECT_EQ(percentileInc(v, 1.0), 6.0);
    EXPECT_DOUBLE_EQ(percentileInc(v, 0.5), 3.5);  // MEDIAN
    EXPECT_EQ(percentileInc(std::vector<double>{7}, 0.37), 7.0);
    const std::vector<double> ks{0.0, 0.25, 0.5, 1.0};
    const auto all = percentilesInc(v, ks);
    for (std::size_t i = 0; i < ks.size(); ++i) EXPECT_EQ(all[i], percentileInc(v, ks[i]));
}

TEST(SampleStatistics, StdevSMatchesTheSpreadsheetExample) {
    EXPECT_NEAR(sampleStdev(kStrengths), 27.46391572, 1e-8);
    EXPECT_DOUBLE_EQ(sampleMean(kStrengths), 1328.6);
    EXPECT_EQ(sampleMin(kStrengths), 1299.0);
    EXPECT_EQ(sampleMax(kStrengths), 1370.0);
}

TEST(RunningMoments, OnePassMatchesTheSpreadsheetExample) {
    RunningMoments m;
    for (double x : kStrengths) m.add(x);
    EXPECT_EQ(m.count(), 10u);
    EXPECT_NEAR(m.mean(), 1328.6, 1e-10);
    EXPECT_NEAR(m.stdev(), 27.46391572, 1e-8);
    EXPECT_NEAR(m.standardError(), 27.46391572 / std::sqrt(10.0), 1e-8);
    EXPECT_EQ(m.min(), 1299.0);
    EXPECT_EQ(m.max(), 1370.0);
}

TEST(RunningMoments, MergeEqualsOnePass) {
    // A large offset checks the numerics as well: a naive sum of squares loses every digit here.
    std::vector<double> values;
    for (int i = 0; i < 1000; ++i) values.push_back(1e9 + std::sin(i) * 3.0 + (i % 7));
    RunningMoments whole;
    for (double x : values) whole.add(x);
    RunningMoments merged, empty;
    const std::vector<std::size_t> cuts{0, 1, 300, 301, 999, 1000};  // parts of 1, 299, 1, 698, 1
    for (std::size_t p = 0; p + 1 < cuts.size(); ++p) {
        RunningMoments part;
        for (std::size_t i = cuts[p]; i < cuts[p + 1]; ++i) part.add(values[i]);
        merged.merge(part);
    }
    merged.merge(empty);
    EXPECT_EQ(merged.count(), whole.count());
    EXPECT_NEAR(merged.mean(), whole.mean(), 1e-6);
    EXPECT_NEAR(merged.stdev(), whole.stdev(), 1e-9 * whole.stdev());
    EXPECT_NEAR(whole.stdev(), sampleStdev(values), 1e-9 * whole.stdev());  // two-pass reference
    EXPECT_EQ(merged.min(), whole.min());
    EXPECT_EQ(merged.max(), whole.max());
    empty.merge(whole);
    EXPECT_EQ(empty.mean(), whole.mean());
}

TEST(Histogram, EqualBinsCountByHand) {
    // Edges 1, 2, 3, 4, 5: [1,2) {1}, [2,3) {2,2}, [3,4) {3}, [4,5] {4,5}.
    const auto h = histogram(std::vector<double>{5, 2, 1, 2, 3, 4}, 4);
    EXPECT_EQ(h.edges, (std::vector<double>{1, 2, 3, 4, 5}));
    EXPECT_EQ(h.counts, (std::vector<std::size_t>{1, 2, 1, 2}));
    EXPECT_EQ(h.below + h.above, 0u);
}

TEST(Histogram, GivenEdgesCountOutsideValuesApart) {
    const std::vector<double> edges{0, 2.5, 5};
    const auto h = histogram(std::vector<double>{-1, 0, 2.5, 4, 5, 6}, edges);
    EXPECT_EQ(h.counts, (std::vector<std::size_t>{1, 3}));
    EXPECT_EQ(h.below, 1u);
    EXPECT_EQ(h.above, 1u);
}

TEST(Histogram, ConstantSampleGetsAUnitRange) {
    const auto h = histogram(std::vector<double>{3, 3, 3}, 2);
    EXPECT_EQ(h.edges, (std::vector<double>{2.5, 3, 3.5}));
    EXPECT_EQ(h.counts, (std::vector<std::size_t>{0, 3}));
}

TEST(Probability, IsTheShareOfValuesMeetingTheCondition) {
    const std::vector<double> v{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    EXPECT_DOUBLE_EQ(probability(v, [](double x) { return x > 7; }), 0.3);
    EXPECT_DOUBLE_EQ(probability(v, [](double x) { return x < 0; }), 0.0);
}

TEST(BadInput, SampleFunctionsNameTheArgument) {
    const std::vector<double> none, one{1}, withNaN{1, 2, kNaN};
    expectInputError([&] { sampleMean(none); }, "values: got 0 values, expected at least 1 value");
    expectInputError([&] { sampleStdev(one); }, "values: got 1 value, expected at least 2 values");
    expectInputError([&] { sampleMax(withNaN); }, "values[2]: got NaN, expected a finite number");
    expectInputError([&] { percentileInc(one, 1.5); }, "k: got 1.5, expected a number in [0, 1]");
    expectInputError([&] { percentileInc(none, 0.5); }, "values: got 0 values, expected at least 1 value");
    const std::vector<double> ks{0.5, -0.1};
    expectInputError([&] { percentilesInc(one, ks); }, "ks[1]: got -0.1, expected a number in [0, 1]");
    expectInputError([&] { histogram(one, 0); }, "bins: got 0, expected between 1 and 1000000");
    const std::vector<double> flat{1, 2, 1}, single{1};
    expectInputError([&] { histogram(one, flat); }, "edges[2]: got 1, expected a number above edges[1] (2)");
    expectInputError([&] { histogram(one, single); }, "edges: got 1 edge, expected at least 2 edges");
    expectInputError([&] { probability(none, [](double) { return true; }); },
                     "values: got 0 values, expected at least 1 value");
}

TEST(BadInput, RunningMomentsNeedObservations) {
    RunningMoments m;
    expectInputError([&] { m.mean(); }, "moments: got 0 observations, expected at least 1 observation");
    expectInputError([&] { m.add(kNaN); }, "x: got NaN, expected a finite number");
    m.add(1.0);
    expectInputError([&] { m.stdev(); }, "moments: got 1 observation, expected at least 2 observations");
    EXPECT_EQ(m.count(), 1u);
}
