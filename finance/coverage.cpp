#include "finance/coverage.hpp"

#include "finance/debt_checks.hpp"
#include "finance/errors.hpp"

#include <algorithm>
#include <string>

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
void presentValuesFrom(std::span<const double> cfads, double r, std::vector<double>& pv) {
    pv.assign(cfads.size() + 1, 0.0);
    const double v = 1.0 / (1.0 + r);  // one division, then a multiplication per period
    for (std::size_t t = cfads.size(); t-- > 0;) pv[t] = (pv[t + 1] + cfads[t]) * v;
}

void fillLifeCoverRatios(CoverRatios& out, const DebtSchedule& s, std::span<const double> cfads) {
    const std::size_t n = s.size();
    const double r = s.periodRate;
    thread_local std::vector<double> project, loan;  // per-thread scratch, storage kept
    presentValuesFrom(cfads, r, project);
    // PV to the end of the loan = PV to the end of the project less the part beyond maturity.
    presentValuesFrom(cfads.first(n), r, loan);
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
    CoverRatios out;
    coverRatiosInto(schedule, cfads, out);
    return out;
}

void coverRatiosInto(const DebtSchedule& schedule, std::span<const double> cfads, CoverRatios& out) {
    requireConsistentSchedule(schedule);
    static const std::string field = "cfads", why = "one per schedule period";  // built once
    debt_checks::requireSeries(field, cfads, schedule.size(), why);
    out.dscr.assign(schedule.size(), std::nullopt);
    out.llcr.assign(schedule.size(), std::nullopt);
    out.plcr.assign(schedule.size(), std::nullopt);
    out.minDscr.reset();
    out.averageDscr.reset();
    out.llcrAtRepaymentStart.reset();
    out.plcrAtRepaymentStart.reset();
    out.negativeCfadsPeriods.clear();
    for (std::size_t t = 0; t < cfads.size(); ++t)
        if (cfads[t] < 0.0) out.negativeCfadsPeriods.push_back(t);
    fillDscr(out, schedule, cfads);
    fillLifeCoverRatios(out, schedule, cfads);
}

} // namespace cityfin::finance
