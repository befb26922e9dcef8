#include "finance/timegrid.hpp"
#include "finance/errors.hpp"

#include <gtest/gtest.h>

#include <ql/time/calendars/china.hpp>
#include <ql/time/calendars/target.hpp>
#include <ql/time/daycounters/actual360.hpp>

#include <functional>
#include <numeric>
#include <string>

namespace ql = QuantLib;
using cityfin::InputError;
using namespace cityfin::finance;

namespace {

TimeGridSpec twoPlusThree(GridFrequency frequency) {
    TimeGridSpec spec;
    spec.start = ql::Date(1, ql::January, 2025);
    spec.constructionYears = 2;
    spec.operatingYears = 3;
    spec.frequency = frequency;
    return spec;
}

std::string messageOf(const std::function<void()>& call) {
    try {
        call();
    } catch (const InputError& e) {
        return e.what();
    }
    return "no InputError thrown";
}

} // namespace

TEST(TimeGrid, TwoConstructionAndThreeOperatingYearsAnnualGiveFivePeriods) {
    const TimeGrid grid(twoPlusThree(GridFrequency::Annual));
    ASSERT_EQ(grid.size(), 5u);
    EXPECT_EQ(grid.constructionPeriods(), 2u);
    for (std::size_t i = 0; i < 5; ++i) {
        const GridPeriod& p = grid.periods()[i];
        EXPECT_EQ(p.projectYear, static_cast<int>(i));
        EXPECT_EQ(p.phase, i < 2 ? Phase::Construction : Phase::Operation);
        EXPECT_EQ(p.start, ql::Date(1, ql::January, 2025 + static_cast<int>(i)));
        EXPECT_EQ(p.end, ql::Date(1, ql::January, 2026 + static_cast<int>(i)));
    }
    // Actual/365 Fixed: 2025 has 365 days -> 1; 2028 is a leap year -> 366/365 for the 4th period.
    EXPECT_DOUBLE_EQ(grid.yearFractions()[0], 1.0);
    EXPECT_DOUBLE_EQ(grid.yearFractions()[3], 366.0 / 365.0);
    // Time to the end of period 3 (2029-01-01): 365 + 365 + 365 + 366 days.
    EXPECT_DOUBLE_EQ(grid.times()[3], 1461.0 / 365.0);
}

TEST(TimeGrid, QuarterlyGivesTwentyPeriodsEightInConstruction) {
    const TimeGrid grid(twoPlusThree(GridFrequency::Quarterly));
    ASSERT_EQ(grid.size(), 20u);
    EXPECT_EQ(grid.constructionPeriods(), 8u);
    EXPECT_EQ(grid.periodsPerYear(), 4);
    EXPECT_EQ(grid.periods()[1].start, ql::Date(1, ql::April, 2025));
    EXPECT_EQ(grid.periods()[7].phase, Phase::Construction);
    EXPECT_EQ(grid.periods()[8].phase, Phase::Operation);
    EXPECT_EQ(grid.periods()[8].projectYear, 2);
    EXPECT_EQ(grid.periods()[19].projectYear, 4);
}

TEST(TimeGrid, MonthlyGivesSixtyPeriods) {
    const TimeGrid grid(twoPlusThree(GridFrequency::Monthly));
    ASSERT_EQ(grid.size(), 60u);
    EXPECT_EQ(grid.constructionPeriods(), 24u);
    EXPECT_EQ(grid.periods()[1].start, ql::Date(1, ql::February, 2025));
    // January 2025 has 31 days.
    EXPECT_DOUBLE_EQ(grid.yearFractions()[0], 31.0 / 365.0);
    EXPECT_EQ(grid.endDate(), ql::Date(1, ql::January, 2030));
}

TEST(TimeGrid, SemiannualPeriodsAreContiguous) {
    const TimeGrid grid(twoPlusThree(GridFrequency::Semiannual));
    ASSERT_EQ(grid.size(), 10u);
    for (std::size_t i = 1; i < grid.size(); ++i)
        EXPECT_EQ(grid.periods()[i].start, grid.periods()[i - 1].end);
}

TEST(TimeGrid, YearFractionsAddUpToTheDayCountOfTheWholeGrid) {
    for (auto frequency : {GridFrequency::Annual, GridFrequency::Semiannual, GridFrequency::Quarterly,
                           GridFrequency::Monthly}) {
        for (const ql::DayCounter& dc : {ql::DayCounter(ql::Actual365Fixed()), ql::DayCounter(ql::Actual360())}) {
            TimeGridSpec spec = twoPlusThree(frequency);
            spec.start = ql::Date(17, ql::March, 2024);
            spec.calendar = ql::TARGET();
            spec.dayCounter = dc;
            const TimeGrid grid(spec);
            const double sum = std::accumulate(grid.yearFractions().begin(), grid.yearFractions().end(), 0.0);
            const double whole = dc.yearFraction(grid.startDate(), grid.endDate());
            EXPECT_NEAR(sum, whole, 1e-12);
            EXPECT_NEAR(grid.times().back(), whole, 1e-15);
        }
    }
}

TEST(TimeGrid, WeekendEndDateRollsToMondayWithFollowing) {
    // 2024-03-01 is a Friday; 2025-03-01 is a Saturday -> Monday 2025-03-03 on TARGET.
    TimeGridSpec spec;
    spec.start = ql::Date(1, ql::March, 2024);
    spec.operatingYears = 2;
    spec.calendar = ql::TARGET();
    spec.convention = ql::Following;
    const TimeGrid grid(spec);
    EXPECT_EQ(grid.periods()[0].end, ql::Date(3, ql::March, 2025));
    EXPECT_EQ(grid.periods()[1].start, ql::Date(3, ql::March, 2025));
    EXPECT_DOUBLE_EQ(grid.yearFractions()[0], 367.0 / 365.0); // 2024-03-01 -> 2025-03-03
    // Without a calendar the Saturday stays.
    spec.calendar = ql::NullCalendar();
    EXPECT_EQ(TimeGrid(spec).periods()[0].end, ql::Date(1, ql::March, 2025));
}

TEST(TimeGrid, ChinaSseCalendarRollsOverTheSpringFestival) {
    // Spring Festival 2023: the SSE was closed Monday 23 to Friday 27 January and reopened Monday
    // 30 January. A monthly grid from 2022-12-23 ends its first period on 2023-01-23, rolled to the
    // 30th. (QuantLib 1.29 knows SSE holidays up to 2023 only.)
    TimeGridSpec spec;
    spec.start = ql::Date(23, ql::December, 2022);
    spec.frequency = GridFrequency::Monthly;
    spec.calendar = calendarByName("China.SSE");
    EXPECT_EQ(TimeGrid(spec).periods()[0].end, ql::Date(30, ql::January, 2023));
}

TEST(TimeGrid, CalendarsAndFrequenciesByName) {
    EXPECT_EQ(calendarByName("target"), ql::TARGET());
    EXPECT_EQ(calendarByName("Null"), ql::NullCalendar());
    EXPECT_EQ(calendarByName("CHINA.SSE"), ql::China(ql::China::SSE));
    EXPECT_EQ(gridFrequencyByName("Quarterly"), GridFrequency::Quarterly);
    EXPECT_EQ(messageOf([] { calendarByName("Mars"); }),
              "calendar: got \"Mars\", expected one of Null, TARGET, China.SSE");
    EXPECT_EQ(messageOf([] { gridFrequencyByName("weekly"); }),
              "frequency: got \"weekly\", expected one of annual, semiannual, quarterly, monthly");
}

TEST(TimeGrid, RejectsZeroOperatingYears) {
    TimeGridSpec spec = twoPlusThree(GridFrequency::Annual);
    spec.operatingYears = 0;
    EXPECT_EQ(messageOf([&] { TimeGrid{spec}; }),
              "operatingYears: got 0, expected a whole number of years >= 1");
}

TEST(TimeGrid, RejectsNegativeConstructionYears) {
    TimeGridSpec spec = twoPlusThree(GridFrequency::Annual);
    spec.constructionYears = -1;
    EXPECT_EQ(messageOf([&] { TimeGrid{spec}; }),
              "constructionYears: got -1, expected a whole number of years >= 0");
}

TEST(TimeGrid, RejectsNullStartDate) {
    TimeGridSpec spec = twoPlusThree(GridFrequency::Annual);
    spec.start = ql::Date();
    EXPECT_EQ(messageOf([&] { TimeGrid{spec}; }), "start: got an empty date, expected a valid date");
}

TEST(TimeGrid, RejectsMoreThanAHundredYearsAndUnknownFrequency) {
    TimeGridSpec spec = twoPlusThree(GridFrequency::Annual);
    spec.operatingYears = 99;
    EXPECT_EQ(messageOf([&] { TimeGrid{spec}; }),
              "operatingYears: got 99, expected at most 98 so that construction and operation last at "
              "most 100 years");
    spec = twoPlusThree(static_cast<GridFrequency>(3));
    EXPECT_EQ(messageOf([&] { TimeGrid{spec}; }), "frequency: got 3, expected 1, 2, 4 or 12 periods a year");
    spec = twoPlusThree(GridFrequency::Annual);
    spec.start = ql::Date(1, ql::January, 2150);
    EXPECT_EQ(messageOf([&] { TimeGrid{spec}; }), "start: got 2150-01-01, expected a date on or before 2098-12-31");
}
