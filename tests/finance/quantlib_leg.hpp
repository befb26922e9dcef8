#pragma once
// QuantLib references for the metrics tests: a Leg of SimpleCashFlow on given dates, and a guard
// that pins the global evaluation date for the duration of a test and restores it.

#include <ql/cashflow.hpp>
#include <ql/cashflows/simplecashflow.hpp>
#include <ql/settings.hpp>
#include <ql/time/date.hpp>
#include <ql/time/period.hpp>

#include <ql/shared_ptr.hpp>
#include <span>
#include <vector>

inline QuantLib::Leg legOn(std::span<const double> flows, std::span<const QuantLib::Date> dates) {
    QuantLib::Leg leg;
    for (std::size_t i = 0; i < flows.size(); ++i)
        leg.push_back(QuantLib::ext::make_shared<QuantLib::SimpleCashFlow>(flows[i], dates[i]));
    return leg;
}

/// Dates start, start + 1Y, start + 2Y, ...
inline std::vector<QuantLib::Date> annualDates(const QuantLib::Date& start, std::size_t count) {
    std::vector<QuantLib::Date> dates;
    for (std::size_t i = 0; i < count; ++i)
        dates.push_back(start + QuantLib::Period(static_cast<QuantLib::Integer>(i), QuantLib::Years));
    return dates;
}

class EvaluationDateGuard {
public:
    explicit EvaluationDateGuard(const QuantLib::Date& date)
        : saved_(QuantLib::Settings::instance().evaluationDate().value()) { // null = "today"
        QuantLib::Settings::instance().evaluationDate() = date;
    }
    ~EvaluationDateGuard() { QuantLib::Settings::instance().evaluationDate() = saved_; }
    EvaluationDateGuard(const EvaluationDateGuard&) = delete;
    EvaluationDateGuard& operator=(const EvaluationDateGuard&) = delete;

private:
    QuantLib::Date saved_;
};
