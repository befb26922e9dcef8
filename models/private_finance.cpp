#include "models/private_finance.hpp"

#include "finance/coverage.hpp"
#include "finance/debt_sizing.hpp"
#include "finance/errors.hpp"
#include "finance/tax.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cityfin::models {
namespace {

// Tax iterations: tax depends on interest, interest on the debt, the debt on CFADS after tax. The
// fixed point converges in a few rounds (tax is a fraction of a fraction of CFADS).
constexpr int kMaxRounds = 50;
constexpr double kTolerance = 1e-9;

std::vector<double> padded(std::vector<double> v, std::size_t n) {
    v.resize(n, 0.0);
    return v;
}

std::vector<double> taxPaid(const PrivateFinanceInputs& in, std::span<const double> deductions) {
    const std::size_t n = in.operatingCash.size();
    finance::DepreciationTerms dep;
    dep.usefulLifeYears = in.depreciationYears;
    dep.start = finance::DepreciationStart::StartOfOperation;
    dep.operationStartPeriod = static_cast<std::size_t>(in.constructionYears);
    const auto depreciation = finance::straightLineDepreciation(in.capex, dep).depreciation;
    std::vector<double> profit(n);
    for (std::size_t t = 0; t < n; ++t) profit[t] = in.operatingCash[t] - depreciation[t] - deductions[t];
    finance::CorporateTaxTerms terms;
    terms.rate = in.taxRate;
    if (in.taxIncentive && in.taxIncentive->reducedRate) terms.rate = *in.taxIncentive->reducedRate;
    if (in.taxIncentive && in.taxIncentive->exemptThreeHalfThree)
        if (auto first = finance::firstPositivePeriod(profit))
            terms.holiday = finance::threeYearsExemptThreeYearsHalf(*first);
    return finance::corporateTax(profit, terms).taxPaid;
}

// Drawdowns pro rata to the net funding need of each construction year, totalling `debt`.
std::vector<double> drawdownProfile(const PrivateFinanceInputs& in, double debt) {
    const std::size_t c = static_cast<std::size_t>(in.constructionYears);
    std::vector<double> need(c);
    for (std::size_t t = 0; t < c; ++t) need[t] = std::max(0.0, in.capex[t] - in.upfrontSupport[t]);
    const double total = std::accumulate(need.begin(), need.end(), 0.0);
    for (double& x : need) x = total > 0.0 ? x / total * debt : 0.0;
    return need;
}

// Balance at the end of construction per unit drawn, with every construction year's interest capitalised.
double capitalisationFactor(const std::vector<double>& weights, double rate) {
    const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    if (total <= 0.0) return 1.0;
    double factor = 0.0;
    for (std::size_t t = 0; t < weights.size(); ++t)
        factor += weights[t] / total * std::pow(1.0 + rate, static_cast<double>(weights.size() - t));
    return factor;
}

struct DebtRound {
    DebtOutcome outcome;
    std::vector<double> drawdown, interestPaid, principal, outstanding;
};

DebtRound scheduleDebt(const PrivateFinanceInputs& in, const DebtFinancing& d, std::span<const double> cfads) {
    const std::size_t n = in.operatingCash.size();
    const int operating = static_cast<int>(n) - in.constructionYears;
    const double rate = std::max(0.0, d.rate - in.rateReduction);
    finance::DebtTerms terms{rate, 1, std::min(d.tenorYears, operating), std::min(d.graceYears, std::min(d.tenorYears, operating) - 1), d.profile};
    double netCost = 0.0;
    for (int t = 0; t < in.constructionYears; ++t) netCost += std::max(0.0, in.capex[t] - in.upfrontSupport[t]);
    finance::SizingTerms sizing{netCost, d.gearingCap, d.targetDscr, rate, 1, terms.tenorPeriods,
                                static_cast<std::size_t>(in.constructionYears + terms.gracePeriods)};
    const auto size = finance::sizeDebt(sizing, cfads);
    const auto unit = drawdownProfile(in, 1.0);
    const double dscrLimit = size.dscrCapacity / capitalisationFactor(unit, rate);
    const double debt = std::min(size.gearingLimit, dscrLimit);
    DebtRound round;
    round.drawdown = drawdownProfile(in, debt);
    round.outcome.borrower = "private";
    round.outcome.amount = debt;
    round.outcome.sizingConstraint = size.gearingLimit <= dscrLimit ? "gearing" : "dscr";
    round.outcome.schedule = finance::constructionLoanSchedule(round.drawdown, terms, cfads);
    const auto& s = round.outcome.schedule;
    round.outcome.cover = finance::coverRatios(s, cfads);
    round.drawdown = padded(s.drawdown, n);
    round.interestPaid = padded(s.interestPaid, n);
    round.principal = padded(s.principal, n);
    round.outstanding = padded(s.openingBalance, n);
    for (std::size_t t = 0; t < s.size(); ++t) round.outstanding[t] += s.drawdown[t];
    return round;
}

void validateInputs(const PrivateFinanceInputs& in) {
    const std::size_t n = in.operatingCash.size();
    if (in.capex.size() != n || in.upfrontSupport.size() != n)
        throw InputError("private finance", "vectors of unequal length", "one value per period each");
    if (in.constructionYears < 1 || in.constructionYears >= static_cast<int>(n))
        throw InputError("construction_years", std::to_string(in.constructionYears), "between 1 and the periods - 1");
}

} // namespace

PrivateFinance financePrivateParty(const PrivateFinanceInputs& in) {
    validateInputs(in);
    const std::size_t n = in.operatingCash.size();
    PrivateFinance f;
    f.drawdown = f.interestPaid = f.principal = f.tax = f.guaranteeFee = std::vector<double>(n, 0.0);
    f.cfads = in.operatingCash;
    if (!in.debt) {
        f.tax = taxPaid(in, std::vector<double>(n, 0.0));
        for (std::size_t t = 0; t < n; ++t) f.cfads[t] = in.operatingCash[t] - f.tax[t];
        return f;
    }
    DebtRound round;
    for (int i = 0; i < kMaxRounds; ++i) {
        round = scheduleDebt(in, *in.debt, f.cfads);
        std::vector<double> deductions(n), fee(n);
        for (std::size_t t = 0; t < n; ++t) {
            fee[t] = in.guaranteeFeeRate * round.outstanding[t];
            deductions[t] = round.interestPaid[t] + fee[t];
        }
        const auto tax = taxPaid(in, deductions);
        double change = 0.0;
        std::vector<double> cfads(n);
        for (std::size_t t = 0; t < n; ++t) {
            cfads[t] = in.operatingCash[t] - tax[t] - fee[t];
            change = std::max(change, std::abs(cfads[t] - f.cfads[t]));
        }
        f.cfads = std::move(cfads);
        f.tax = tax;
        f.guaranteeFee = fee;
        if (change < kTolerance * std::max(1.0, round.outcome.amount)) break;
    }
    f.drawdown = round.drawdown;
    f.interestPaid = round.interestPaid;
    f.principal = round.principal;
    f.debt = std::move(round.outcome);
    f.debt->cover = finance::coverRatios(f.debt->schedule, f.cfads);  // on the final CFADS
    return f;
}

std::vector<double> equityFlows(const PrivateFinanceInputs& in, const PrivateFinance& f) {
    std::vector<double> equity(in.operatingCash.size());
    for (std::size_t t = 0; t < equity.size(); ++t)
        equity[t] = in.upfrontSupport[t] + f.drawdown[t] - in.capex[t] + f.cfads[t] - f.interestPaid[t] - f.principal[t];
    return equity;
}

} // namespace cityfin::models
