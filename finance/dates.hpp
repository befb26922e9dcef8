#pragma once
// Small date helpers shared by the bond, discounting and time-grid units: how a date appears in an
// error message, and a guard for QuantLib's process-wide evaluation date.

#include <ql/settings.hpp>
#include <ql/time/date.hpp>

#include <string>

namespace cityfin::finance {

/// "2008-02-15", or "an empty date" for QuantLib's null Date().
std::string isoDate(const QuantLib::Date& date);

/// Sets Settings::evaluationDate for its lifetime and restores the previous value (the raw value, so a
/// null date, meaning "today, moving at midnight", stays null). Only for code that
/// cannot take the date explicitly (QuantLib pricing engines, bootstrap helpers); never in workers.
class EvaluationDateGuard {
public:
    explicit EvaluationDateGuard(const QuantLib::Date& date)
        : previous_(QuantLib::Settings::instance().evaluationDate().value()) {
        QuantLib::Settings::instance().evaluationDate() = date;
    }
    ~EvaluationDateGuard() { QuantLib::Settings::instance().evaluationDate() = previous_; }
    EvaluationDateGuard(const EvaluationDateGuard&) = delete;
    EvaluationDateGuard& operator=(const EvaluationDateGuard&) = delete;

private:
    QuantLib::Date previous_;
};

} // namespace cityfin::finance
