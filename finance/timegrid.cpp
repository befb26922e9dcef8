#include "finance/timegrid.hpp"

#include "finance/dates.hpp"
#include "finance/errors.hpp"

#include <ql/time/calendars/china.hpp>
#include <ql/time/calendars/target.hpp>
#include <ql/time/schedule.hpp>

#include <algorithm>
#include <cctype>
#include <string>

namespace cityfin::finance {

namespace ql = QuantLib;

namespace {

constexpr int kMaxTotalYears = 100;

int periodsPerYearOf(GridFrequency frequency) {
    const int f = static_cast<int>(frequency);
    if (f != 1 && f != 2 && f != 4 && f != 12)
        throw InputError("frequency", std::to_string(f), "1, 2, 4 or 12 periods a year");
    return f;
}

void validate(const TimeGridSpec& spec) {
    if (spec.start == ql::Date()) throw InputError("start", isoDate(spec.start), "a valid date");
    if (spec.constructionYears < 0)
        throw InputError("constructionYears", std::to_string(spec.constructionYears),
                         "a whole number of years >= 0");
    if (spec.operatingYears < 1)
        throw InputError("operatingYears", std::to_string(spec.operatingYears),
                         "a whole number of years >= 1");
    if (spec.constructionYears + spec.operatingYears > kMaxTotalYears)
        throw InputError("operatingYears", std::to_string(spec.operatingYears),
                         "at most " + std::to_string(kMaxTotalYears - spec.constructionYears) +
                             " so that construction and operation last at most 100 years");
    // Leave room for the calendar to roll the last date forward.
    if (spec.start > ql::Date::maxDate() - ql::Period(kMaxTotalYears + 1, ql::Years))
        throw InputError("start", isoDate(spec.start), "a date on or before " +
                         isoDate(ql::Date::maxDate() - ql::Period(kMaxTotalYears + 1, ql::Years)));
    if (spec.calendar.empty()) throw InputError("calendar", "an empty calendar", "a calendar");
    if (spec.dayCounter.empty()) throw InputError("dayCounter", "an empty day counter", "a day counter");
}

std::string lowercase(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

} // namespace

TimeGrid::TimeGrid(const TimeGridSpec& spec) {
    validate(spec);
    periodsPerYear_ = periodsPerYearOf(spec.frequency);
    const int years = spec.constructionYears + spec.operatingYears;
    const ql::Schedule schedule(spec.start, spec.start + ql::Period(years, ql::Years),
                                ql::Period(12 / periodsPerYear_, ql::Months), spec.calendar,
                                spec.convention, spec.convention, ql::DateGeneration::Forward, false);
    const ql::Date gridStart = schedule.startDate();
    const std::size_t count = schedule.size() - 1;
    periods_.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        GridPeriod p;
        p.start = schedule[i];
        p.end = schedule[i + 1];
        p.yearFraction = spec.dayCounter.yearFraction(p.start, p.end);
        p.timeToEnd = spec.dayCounter.yearFraction(gridStart, p.end);
        p.projectYear = static_cast<int>(i) / periodsPerYear_;
        p.phase = p.projectYear < spec.constructionYears ? Phase::Construction : Phase::Operation;
        if (p.phase == Phase::Construction) ++constructionPeriods_;
        periods_.push_back(p);
        times_.push_back(p.timeToEnd);
        yearFractions_.push_back(p.yearFraction);
    }
}

ql::Calendar calendarByName(std::string_view name) {
    const std::string key = lowercase(name);
    if (key == "null") return ql::NullCalendar();
    if (key == "target") return ql::TARGET();
    if (key == "china.sse") return ql::China(ql::China::SSE);
    throw InputError("calendar", "\"" + std::string(name) + "\"", "one of Null, TARGET, China.SSE");
}

GridFrequency gridFrequencyByName(std::string_view name) {
    const std::string key = lowercase(name);
    if (key == "annual") return GridFrequency::Annual;
    if (key == "semiannual") return GridFrequency::Semiannual;
    if (key == "quarterly") return GridFrequency::Quarterly;
    if (key == "monthly") return GridFrequency::Monthly;
    throw InputError("frequency", "\"" + std::string(name) + "\"",
                     "one of annual, semiannual, quarterly, monthly");
}

} // namespace cityfin::finance
