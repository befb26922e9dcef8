#include "finance/coverage.hpp"

#include "finance/debt_checks.hpp"
#include "finance/errors.hpp"

#include <algorithm>

namespace cityfin::finance {

namespace {

void requireConsistentSchedule(const DebtSchedule& s) {
    const std::size_t n = s.debtService.size();
    for (const auto* column : {&s.openingBalance, &s.drawdown, &s.closingBalance})
        if (column->size() != n)
            throw InputError("schedule", std::to_string(column->size()) + " balance values",
                             std::to_string(n) + " (one per period, as debtService)");
    if (s.constructionPeriods > n || !(s.periodRate >= 0.0))
        throw InputError("schedule", "a malformed schedule", "one built by loanSchedule");
}

void fillDscr(CoverRatios& out, const DebtSchedule& s, std::span<const double> cfads) {
    double sum = 0.0;
    std::size_t count = 0;
    for (std::size_t t = 0; t < s.size(); ++t) {
        if (!(s.debtService[t] > 0.0)) continue;
        const double dscr = cfads[t] / s.debtService[t];
        out.dscr[t] = dscr;
        out.minDscr = out.minDscr ? std::min(*out.minDscr, dscr) : dscr;
        sum += dscr;
        ++count;
    }
    if (count > 0) out.averageDscr = sum / static_cast<double>(count);
}

/// pv[t] = PV at the start of period t of cfads[t .. end), CFADS at the end of each period.
std::vector<double> presentValuesFrom(std::span<const double> cfads, double r) {
    std::vector<double> pv(cfads.size() + 1, 0.0);
    for (std::size_t t = cfads.size(); t-- > 0;) pv[t] = (pv[t + 1] + cfads[t]) / (1.0 + r);
    return pv;
}

void fillLifeCoverRatios(CoverRatios& out, const DebtSchedule& s, std::span<const double> cfads) {
    const std::size_t n = s.size();
    const double r = s.periodRate;
    const std::vector<double> project = presentValuesFrom(cfads, r);
    // PV to the end of the loan = PV to the end of the project less the part beyond maturity.
    const std::vector<double> loan = presentValuesFrom(cfads.first(n), r);
    for (std::size_t t = s.constructionPeriods; t < n; ++t) {
        const double balance = s.openingBalance[t] + s.drawdown[t];
        if (!(balance > 0.0)) continue;
        out.llcr[t] = loan[t] / balance;
        out.plcr[t] = project[t] / balance;
    }
    if (s.constructionPeriods < n) {
        out.llcrAtRepaymentStart = out.llcr[s.constructionPeriods];
        out.plcrAtRepaymentStart = out.plcr[s.constructionPeriods];
    }
}

} // namespace

CoverRatios coverRatios(const DebtSchedule& schedule, std::span<const double> cfads) {
    requireConsistentSchedule(schedule);
    debt_checks::requireSeries("cfads", cfads, schedule.size(), "one per schedule period");
    CoverRatios out;
    out.dscr.assign(schedule.size(), std::nullopt);
    out.llcr.assign(schedule.size(), std::nullopt);
    out.plcr.assign(schedule.size(), std::nullopt);
    for (std::size_t t = 0; t < cfads.size(); ++t)
        if (cfads[t] < 0.0) out.negativeCfadsPeriods.push_back(t);
    fillDscr(out, schedule, cfads);
    fillLifeCoverRatios(out, schedule, cfads);
    return out;
}

} // namespace cityfin::finance
