#pragma once
// The project's period grid: construction years then operating years, cut into annual, semiannual,
// quarterly or monthly periods by QuantLib's Schedule, with each period's dates, year fraction and
// time from the start. Flat arrays of times and year fractions feed the engine's loops.
// Formulas: docs/methodology/discounting-and-time.md.

#include <ql/time/businessdayconvention.hpp>
#include <ql/time/calendar.hpp>
#include <ql/time/calendars/nullcalendar.hpp>
#include <ql/time/date.hpp>
#include <ql/time/daycounter.hpp>
#include <ql/time/daycounters/actual365fixed.hpp>

#include <string_view>
#include <vector>

namespace cityfin::finance {

enum class GridFrequency { Annual = 1, Semiannual = 2, Quarterly = 4, Monthly = 12 };

enum class Phase { Construction, Operation };

struct TimeGridSpec {
    QuantLib::Date start;
    int constructionYears = 0;
    int operatingYears = 1;
    GridFrequency frequency = GridFrequency::Annual;
    QuantLib::Calendar calendar = QuantLib::NullCalendar();
    QuantLib::BusinessDayConvention convention = QuantLib::Following;
    QuantLib::DayCounter dayCounter = QuantLib::Actual365Fixed();
};

struct GridPeriod {
    QuantLib::Date start;     ///< adjusted to the calendar
    QuantLib::Date end;       ///< adjusted to the calendar
    double yearFraction = 0;  ///< dayCounter(start, end)
    double timeToEnd = 0;     ///< dayCounter(grid start, end), years
    Phase phase = Phase::Operation;
    int projectYear = 0;      ///< 0-based year of the project the period falls in
};

class TimeGrid {
public:
    /// Throws InputError naming the field: start, constructionYears, operatingYears (total at most
    /// 100 years), frequency, calendar, dayCounter.
    explicit TimeGrid(const TimeGridSpec& spec);

    const std::vector<GridPeriod>& periods() const noexcept { return periods_; }
    /// timeToEnd of each period, for discounting loops.
    const std::vector<double>& times() const noexcept { return times_; }
    const std::vector<double>& yearFractions() const noexcept { return yearFractions_; }
    std::size_t size() const noexcept { return periods_.size(); }
    int periodsPerYear() const noexcept { return periodsPerYear_; }
    /// The first constructionPeriods() periods are construction, the rest operation.
    std::size_t constructionPeriods() const noexcept { return constructionPeriods_; }
    const QuantLib::Date& startDate() const noexcept { return periods_.front().start; }
    const QuantLib::Date& endDate() const noexcept { return periods_.back().end; }

private:
    std::vector<GridPeriod> periods_;
    std::vector<double> times_;
    std::vector<double> yearFractions_;
    int periodsPerYear_ = 1;
    std::size_t constructionPeriods_ = 0;
};

/// "Null" (no holidays, the default), "TARGET", "China.SSE"; case-insensitive.
QuantLib::Calendar calendarByName(std::string_view name);

/// "annual", "semiannual", "quarterly", "monthly"; case-insensitive.
GridFrequency gridFrequencyByName(std::string_view name);

} // namespace cityfin::finance
