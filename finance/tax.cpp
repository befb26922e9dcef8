#include "finance/tax.hpp"

#include "finance/errors.hpp"
#include "finance/period_checks.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <string>
#include <tuple>
#include <utility>

namespace cityfin::finance {

namespace {

using detail::describeCount;

void requireCosts(std::span<const double> capex) {
    if (capex.empty()) throw InputError("capex", describeCount(0), "at least one period");
    // Branch-free first pass (x * 0 is NaN for an infinity or a NaN); the loop below names the period.
    double zero = 0.0, lowest = 0.0;
    for (double x : capex) {
        zero += x * 0.0;
        lowest = std::min(lowest, x);
    }
    if (zero == 0.0 && lowest >= 0.0) return;
    for (std::size_t k = 0; k < capex.size(); ++k)
        if (!std::isfinite(capex[k]) || capex[k] < 0.0)
            throw InputError(indexedField("capex", k), formatValue(capex[k]),
                             "a finite cost >= 0 (capex as a positive amount)");
}

void requireDepreciationTerms(const DepreciationTerms& terms, std::size_t periods) {
    detail::requirePeriodsPerYear("terms.periodsPerYear", terms.periodsPerYear);
    if (!std::isfinite(terms.usefulLifeYears) || terms.usefulLifeYears <= 0.0)
        throw InputError("terms.usefulLifeYears", formatValue(terms.usefulLifeYears),
                         "a finite number of years above 0");
    if (!(terms.salvageFraction >= 0.0 && terms.salvageFraction <= 1.0))
        throw InputError("terms.salvageFraction", formatValue(terms.salvageFraction),
                         "a fraction of cost from 0 to 1");
    if (terms.start == DepreciationStart::StartOfOperation)
        detail::requirePeriodIndex("terms.operationStartPeriod", terms.operationStartPeriod, periods);
}

// Adds one vintage's charges to `charges`; returns the depreciable cost the timeline did not reach.
double depreciateVintage(double depreciable, std::size_t first, double lifePeriods,
                         std::vector<double>& charges) {
    const double fullCharge = depreciable / lifePeriods;
    const double chargedPeriods = std::ceil(lifePeriods);
    double charged = 0.0;
    for (std::size_t j = 0; first + j < charges.size(); ++j) {
        const bool last = static_cast<double>(j) + 1.0 >= chargedPeriods;
        // The last period takes the remainder: the total is exactly the depreciable cost.
        const double charge = last ? depreciable - charged : fullCharge;
        charges[first + j] += charge;
        charged += charge;
        if (last) return 0.0;
    }
    return depreciable - charged;
}

void requireTaxTerms(const CorporateTaxTerms& terms, std::size_t periods) {
    if (!(terms.rate >= 0.0 && terms.rate <= 1.0))
        throw InputError("terms.rate", formatValue(terms.rate), "a tax rate from 0 to 1");
    detail::requirePeriodsPerYear("terms.periodsPerYear", terms.periodsPerYear);
    if (terms.lossCarryForwardYears && *terms.lossCarryForwardYears < 0)
        throw InputError("terms.lossCarryForwardYears",
                         std::to_string(*terms.lossCarryForwardYears),
                         "a number of years >= 0 (or none for no limit)");
    if (!terms.holiday) return;
    detail::requirePeriodIndex("terms.holiday.startPeriod", terms.holiday->startPeriod, periods);
    const auto& steps = terms.holiday->steps;
    for (std::size_t i = 0; i < steps.size(); ++i) {  // the field name is built only for an error
        if (steps[i].years < 1)
            throw InputError(indexedField("terms.holiday.steps", i) + ".years", std::to_string(steps[i].years),
                             "at least 1 year");
        if (!(steps[i].fractionOfRate >= 0.0 && steps[i].fractionOfRate <= 1.0))
            throw InputError(indexedField("terms.holiday.steps", i) + ".fractionOfRate",
                             formatValue(steps[i].fractionOfRate), "a fraction of the rate from 0 to 1");
    }
}

// The rate in force in each period: the statutory rate times the holiday step's fraction.
std::vector<double> ratePerPeriod(const CorporateTaxTerms& terms, std::size_t periods) {
    std::vector<double> rates(periods, terms.rate);
    if (!terms.holiday) return rates;
    const auto p = static_cast<std::size_t>(terms.periodsPerYear);
    std::size_t k = terms.holiday->startPeriod;
    for (const RateRelief& step : terms.holiday->steps) {
        const std::size_t stepPeriods = static_cast<std::size_t>(step.years) * p;
        for (std::size_t j = 0; j < stepPeriods && k < periods; ++j, ++k)
            rates[k] = terms.rate * step.fractionOfRate;
    }
    return rates;
}

struct LossVintage {
    std::size_t origin;
    double remaining;
};

// Sets losses against a positive profit, oldest first; returns the amount used.
double useLosses(std::deque<LossVintage>& losses, double profit) {
    double used = 0.0;
    while (!losses.empty() && used < profit) {
        const double take = std::min(losses.front().remaining, profit - used);
        used += take;
        losses.front().remaining -= take;
        if (losses.front().remaining <= 0.0) losses.pop_front();
    }
    return used;
}

// Removes the vintages whose last usable period is k; returns the amount expired.
double expireLosses(std::deque<LossVintage>& losses, std::size_t k,
                    std::optional<std::size_t> carryPeriods) {
    if (!carryPeriods) return 0.0;
    double expired = 0.0;
    while (!losses.empty() && losses.front().origin + *carryPeriods <= k) {
        expired += losses.front().remaining;
        losses.pop_front();
    }
    return expired;
}

double balanceOf(const std::deque<LossVintage>& losses) {
    double balance = 0.0;
    for (const LossVintage& v : losses) balance += v.remaining;
    return balance;
}

TaxSchedule emptySchedule(std::span<const double> profit) {
    const std::size_t n = profit.size();
    TaxSchedule s;
    s.taxableIncome.assign(profit.begin(), profit.end());
    s.lossesUsed.assign(n, 0.0);
    s.taxableAfterLosses.assign(n, 0.0);
    s.rateApplied.assign(n, 0.0);
    s.taxPaid.assign(n, 0.0);
    s.lossesExpired.assign(n, 0.0);
    s.lossBalance.assign(n, 0.0);
    return s;
}

} // namespace

namespace {

// The charges of straightLineDepreciation into `charges` (sized to capex); returns the salvage value
// and the cost left undepreciated at the end. Checks done by the caller.
std::pair<double, double> depreciationCharges(std::span<const double> capex, const DepreciationTerms& terms,
                                              std::vector<double>& charges) {
    const std::size_t n = capex.size();
    double lifePeriods = terms.usefulLifeYears * terms.periodsPerYear;
    // 0.3 years x 10 must be 3 periods, not 3.0000000000000004 (which would add a fourth period).
    if (std::abs(lifePeriods - std::round(lifePeriods)) < 1e-9 * lifePeriods)
        lifePeriods = std::round(lifePeriods);
    charges.assign(n, 0.0);
    double salvageValue = 0.0, undepreciated = 0.0;
    for (std::size_t c = 0; c < n; ++c) {
        if (capex[c] == 0.0) continue;
        const double salvage = capex[c] * terms.salvageFraction;
        const std::size_t first = terms.start == DepreciationStart::StartOfOperation
                                      ? std::max(c, terms.operationStartPeriod)
                                      : c;
        salvageValue += salvage;
        undepreciated += depreciateVintage(capex[c] - salvage, first, lifePeriods, charges);
    }
    return {salvageValue, undepreciated};
}

} // namespace

DepreciationSchedule straightLineDepreciation(std::span<const double> capex,
                                              const DepreciationTerms& terms) {
    requireCosts(capex);
    requireDepreciationTerms(terms, capex.size());
    const std::size_t n = capex.size();
    DepreciationSchedule schedule;
    std::tie(schedule.salvageValue, schedule.undepreciatedAtEnd) = depreciationCharges(capex, terms, schedule.depreciation);
    schedule.netBookValue.assign(n, 0.0);
    double cost = 0.0, depreciated = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
        cost += capex[k];
        depreciated += schedule.depreciation[k];
        schedule.netBookValue[k] = std::max(0.0, cost - depreciated);
    }
    return schedule;
}

void straightLineDepreciationInto(std::span<const double> capex, const DepreciationTerms& terms,
                                  std::vector<double>& depreciation) {
    requireCosts(capex);
    requireDepreciationTerms(terms, capex.size());
    depreciationCharges(capex, terms, depreciation);
}

TaxHoliday threeYearsExemptThreeYearsHalf(std::size_t firstRevenuePeriod) {
    return TaxHoliday{firstRevenuePeriod, {RateRelief{3, 0.0}, RateRelief{3, 0.5}}};
}

std::optional<std::size_t> firstPositivePeriod(std::span<const double> amounts) {
    for (std::size_t k = 0; k < amounts.size(); ++k) {
        if (!std::isfinite(amounts[k])) requireFinite(indexedField("amounts", k), amounts[k]);
        if (amounts[k] > 0.0) return k;
    }
    return std::nullopt;
}

// Validates the profits and the terms (InputError naming the field) and returns how many periods a
// loss may be carried forward (none: without limit). Shared by corporateTax and corporateTaxPaid.
static std::optional<std::size_t> checkedCarryPeriods(std::span<const double> taxableProfit, const CorporateTaxTerms& terms) {
    if (taxableProfit.empty())
        throw InputError("taxableProfit", describeCount(0), "at least one period");
    double zero = 0.0;  // branch-free first pass: x * 0 is NaN for an infinity or a NaN
    for (double x : taxableProfit) zero += x * 0.0;
    if (zero != 0.0)
        for (std::size_t k = 0; k < taxableProfit.size(); ++k)
            if (!std::isfinite(taxableProfit[k])) requireFinite(indexedField("taxableProfit", k), taxableProfit[k]);
    requireTaxTerms(terms, taxableProfit.size());
    if (!terms.lossCarryForwardYears) return std::nullopt;
    return static_cast<std::size_t>(*terms.lossCarryForwardYears) * static_cast<std::size_t>(terms.periodsPerYear);
}

TaxSchedule corporateTax(std::span<const double> taxableProfit, const CorporateTaxTerms& terms) {
    const std::optional<std::size_t> carryPeriods = checkedCarryPeriods(taxableProfit, terms);

    TaxSchedule s = emptySchedule(taxableProfit);
    s.rateApplied = ratePerPeriod(terms, taxableProfit.size());
    std::deque<LossVintage> losses;
    for (std::size_t k = 0; k < taxableProfit.size(); ++k) {
        const double profit = taxableProfit[k];
        if (profit > 0.0) {
            s.lossesUsed[k] = useLosses(losses, profit);
            s.taxableAfterLosses[k] = profit - s.lossesUsed[k];
        } else if (profit < 0.0) {
            losses.push_back(LossVintage{k, -profit});
        }
        s.taxPaid[k] = s.taxableAfterLosses[k] * s.rateApplied[k];
        s.lossesExpired[k] = expireLosses(losses, k, carryPeriods);
        s.lossBalance[k] = balanceOf(losses);
    }
    return s;
}

void corporateTaxPaid(std::span<const double> taxableProfit, const CorporateTaxTerms& terms,
                      std::span<double> taxPaid) {
    if (!taxableProfit.empty() && taxPaid.size() != taxableProfit.size())
        throw InputError("taxPaid", describeCount(taxPaid.size()), describeCount(taxableProfit.size()));
    const std::optional<std::size_t> carryPeriods = checkedCarryPeriods(taxableProfit, terms);
    // The rate in force, as ratePerPeriod, held in taxPaid until the period's tax replaces it.
    const std::size_t n = taxableProfit.size();
    std::fill(taxPaid.begin(), taxPaid.end(), terms.rate);
    if (terms.holiday) {
        const auto p = static_cast<std::size_t>(terms.periodsPerYear);
        std::size_t k = terms.holiday->startPeriod;
        for (const RateRelief& step : terms.holiday->steps) {
            const std::size_t stepPeriods = static_cast<std::size_t>(step.years) * p;
            for (std::size_t j = 0; j < stepPeriods && k < n; ++j, ++k) taxPaid[k] = terms.rate * step.fractionOfRate;
        }
    }
    // The loss vintages, oldest first from `head`: a queue on a per-thread buffer (useLosses and
    // expireLosses on a deque, step for step).
    thread_local std::vector<LossVintage> losses;
    losses.clear();
    std::size_t head = 0;
    for (std::size_t k = 0; k < n; ++k) {
        const double profit = taxableProfit[k];
        double taxable = 0.0;
        if (profit > 0.0) {
            double used = 0.0;
            while (head < losses.size() && used < profit) {
                const double take = std::min(losses[head].remaining, profit - used);
                used += take;
                losses[head].remaining -= take;
                if (losses[head].remaining <= 0.0) ++head;
            }
            taxable = profit - used;
        } else if (profit < 0.0) {
            losses.push_back(LossVintage{k, -profit});
        }
        taxPaid[k] = taxable * taxPaid[k];
        if (carryPeriods)
            while (head < losses.size() && losses[head].origin + *carryPeriods <= k) ++head;
    }
}

} // namespace cityfin::finance
