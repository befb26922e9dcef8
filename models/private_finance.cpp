#include "models/private_finance.hpp"

#include "finance/coverage.hpp"
#include "finance/debt_sizing.hpp"
#include "finance/errors.hpp"
#include "finance/tax.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
#include <span>

namespace cityfin::models {
namespace {

// Tax depends on interest, interest on the debt, the debt on CFADS after tax: a fixed point. Each
// round shrinks the change by about taxRate x (interest per unit of CFADS) < 0.25 in practice, so
// 1e-9 of the scale is reached in 10-15 rounds; the cap only guards odd cases (and says so).
constexpr int kMaxRounds = 30;
constexpr double kTolerance = 1e-9;
const std::string kAt = "private_finance";

using Span = std::span<const double>;

// Branch-free, on pairs of doubles (this runs on every series of every financing of every
// scenario): x * 0 is 0 for a finite x and NaN for an infinity or a NaN, so the sums stay 0 only if
// every value is finite; a comparison mask records any value below 0 (false for a NaN, which the
// sums catch). GCC's vector extension: two lanes in one SSE2 register.
bool seriesValid(Span values, std::size_t n, bool nonNegative) {
    if (values.size() != n) return false;
    using Pair = double __attribute__((vector_size(16)));
    using Mask = long long __attribute__((vector_size(16)));
    Pair zero{0.0, 0.0};
    Mask negative{0, 0};
    const double* x = values.data();
    std::size_t t = 0;
    for (; t + 2 <= n; t += 2) {
        Pair v;
        std::memcpy(&v, x + t, sizeof v);
        zero += v * 0.0;
        negative |= v < 0.0;
    }
    double sum = zero[0] + zero[1];
    bool below = (negative[0] | negative[1]) != 0;
    for (; t < n; ++t) {
        sum += x[t] * 0.0;
        below = below || x[t] < 0.0;
    }
    return sum == 0.0 && (!nonNegative || !below);
}

void requireSeries(const std::string& field, Span values, std::size_t n, bool nonNegative) {
    if (values.size() != n)
        throw InputError(field, std::to_string(values.size()) + " values",
                         std::to_string(n) + ", one per period (as operating_cash)");
    for (std::size_t t = 0; t < n; ++t)
        if (!std::isfinite(values[t]) || (nonNegative && values[t] < 0.0))
            throw InputError(indexedField(field, t), formatValue(values[t]),
                             nonNegative ? "a finite amount >= 0" : "a finite amount");
}

// The field name is built only when the series is invalid (this runs once per financing, in every
// scenario of the Monte Carlo).
void requireSeries(const char* field, Span values, std::size_t n, bool nonNegative) {
    if (!seriesValid(values, n, nonNegative)) requireSeries(kAt + field, values, n, nonNegative);
}

// validateDebtFinancing's checks without the field names.
bool debtFinancingValid(const DebtFinancing& d, int operatingYears) {
    return d.gearingCap >= 0.0 && d.gearingCap <= 1.0 && std::isfinite(d.rate) && d.rate >= 0.0 && d.rate <= 1.0 &&
           d.tenorYears >= 1 && d.tenorYears <= operatingYears && std::isfinite(d.targetDscr) && d.targetDscr > 0.0 &&
           d.targetDscr <= 100.0 && d.graceYears >= 0 && d.graceYears < d.tenorYears && d.floatingShare >= 0.0 &&
           d.floatingShare <= 1.0;
}

// The forecast series the debt is sized on; checked apart so that a sizing found in the memo (series
// equal to ones already checked) is not checked again in every scenario.
void validateSizingSeries(const PrivateFinanceInputs& in) {
    const std::size_t n = in.operatingCash.size();
    if (in.sizingCash) requireSeries(".sizing_cash", *in.sizingCash, n, false);
    if (in.sizingCapex) requireSeries(".sizing_capex", *in.sizingCapex, n, true);
    if (in.sizingUpfrontSupport) requireSeries(".sizing_upfront_support", *in.sizingUpfrontSupport, n, true);
}

// Every check but the sizing series' (validateSizingSeries).
void validateInputs(const PrivateFinanceInputs& in) {
    const std::size_t n = in.operatingCash.size();
    if (in.constructionYears < 1 || in.constructionYears >= static_cast<int>(n))
        throw InputError(kAt + ".construction_years", std::to_string(in.constructionYears),
                         "from 1 to the periods - 1 (" + std::to_string(static_cast<int>(n) - 1) + ")");
    requireSeries(".operating_cash", in.operatingCash, n, false);
    requireSeries(".capex", in.capex, n, true);
    requireSeries(".upfront_support", in.upfrontSupport, n, true);

    if (!(in.taxRate >= 0.0 && in.taxRate <= 1.0))
        throw InputError(kAt + ".tax_rate", formatValue(in.taxRate), "a rate from 0 to 1");
    if (in.depreciationYears < 1 || in.depreciationYears > 100)
        throw InputError(kAt + ".depreciation_years", std::to_string(in.depreciationYears), "1 to 100 years");
    if (in.taxIncentive && in.taxIncentive->reducedRate &&
        !(*in.taxIncentive->reducedRate >= 0.0 && *in.taxIncentive->reducedRate <= 1.0))
        throw InputError(kAt + ".tax_incentive.reduced_rate", formatValue(*in.taxIncentive->reducedRate),
                         "a rate from 0 to 1");
    if (!(in.guaranteeFeeRate >= 0.0 && in.guaranteeFeeRate <= 1.0))
        throw InputError(kAt + ".guarantee_fee_rate", formatValue(in.guaranteeFeeRate), "a rate from 0 to 1");
    if (!(in.rateReduction >= 0.0 && in.rateReduction <= 1.0))
        throw InputError(kAt + ".rate_reduction", formatValue(in.rateReduction), "a rate from 0 to 1");
    if (in.debt && !debtFinancingValid(*in.debt, static_cast<int>(n) - in.constructionYears))
        validateDebtFinancing(*in.debt, static_cast<int>(n) - in.constructionYears, kAt + ".debt");
}

// What the tax computation keeps between rounds: the depreciation and the rate terms.
struct TaxBasis {
    std::vector<double> depreciation;      ///< of the capex net of upfront support
    std::vector<double> unitDepreciation;  ///< of one unit of construction-period cost (capitalised interest)
    finance::CorporateTaxTerms terms;
};

// The depreciation of one unit spent in period 0: a function of the timeline's length, the tax life
// and the start of operation alone, remembered per thread for the last few (the Monte Carlo asks
// for the same ones in every scenario).
// The reference is valid until the next call on this thread.
const std::vector<double>& unitDepreciation(Span unit, const finance::DepreciationTerms& dep) {
    struct Entry {
        std::size_t periods, start;
        double life;
        std::vector<double> depreciation;
    };
    thread_local std::vector<Entry> entries;
    for (const Entry& e : entries)
        if (e.periods == unit.size() && e.start == dep.operationStartPeriod && e.life == dep.usefulLifeYears)
            return e.depreciation;
    std::vector<double> d = finance::straightLineDepreciation(unit, dep).depreciation;
    if (entries.size() >= 16) entries.clear();
    entries.push_back({unit.size(), dep.operationStartPeriod, dep.usefulLifeYears, std::move(d)});
    return entries.back().depreciation;
}

// Grants and subsidies are non-taxable capital contributions that reduce the depreciable base;
// interest capitalised during construction adds to it (IAS 23). Depreciation starts with operation,
// so every construction-period cost depreciates alike. The 3+3 holiday runs from the first period
// with positive operating cash (the first revenue year).
// Written into `basis`, whose vectors keep their storage (per-thread buffers in the Monte Carlo).
void taxBasisInto(const PrivateFinanceInputs& in, Span capex, Span support, Span cash, TaxBasis& basis) {
    thread_local std::vector<double> base, unit;
    base.resize(capex.size());
    unit.assign(capex.size(), 0.0);
    for (std::size_t t = 0; t < base.size(); ++t) base[t] = std::max(0.0, capex[t] - support[t]);
    unit[0] = 1.0;
    finance::DepreciationTerms dep;
    dep.usefulLifeYears = in.depreciationYears;
    dep.start = finance::DepreciationStart::StartOfOperation;
    dep.operationStartPeriod = static_cast<std::size_t>(in.constructionYears);
    basis.unitDepreciation = unitDepreciation(unit, dep);
    // Every cost up to the start of operation starts depreciating then, so their depreciation is
    // their sum times that of one unit (as the capitalised interest's): the usual case, capex in
    // construction only. A cost after the start of operation: the schedule vintage by vintage.
    const std::size_t start = dep.operationStartPeriod;
    double early = 0.0;
    bool later = false;
    for (std::size_t t = 0; t < base.size(); ++t) {
        if (t <= start) early += base[t];
        else later = later || base[t] != 0.0;
    }
    if (later) {
        finance::straightLineDepreciationInto(base, dep, basis.depreciation);
    } else {
        basis.depreciation.resize(base.size());
        for (std::size_t t = 0; t < base.size(); ++t) basis.depreciation[t] = early * basis.unitDepreciation[t];
    }
    basis.terms.rate = in.taxRate;
    if (in.taxIncentive && in.taxIncentive->reducedRate) basis.terms.rate = *in.taxIncentive->reducedRate;
    basis.terms.holiday.reset();
    if (in.taxIncentive && in.taxIncentive->exemptThreeHalfThree)
        if (auto first = finance::firstPositivePeriod(cash))
            basis.terms.holiday = finance::threeYearsExemptThreeYearsHalf(*first);
}

TaxBasis taxBasis(const PrivateFinanceInputs& in, Span capex, Span support, Span cash) {
    TaxBasis basis;
    taxBasisInto(in, capex, support, cash, basis);
    return basis;
}

// Interest capitalised over construction: a cost of the asset, depreciated with it.
double constructionInterest(const finance::DebtSchedule& s) {
    double total = 0.0;
    for (std::size_t t = 0; t < s.constructionPeriods; ++t) total += s.capitalisedInterest[t];
    return total;
}

// Tax on cash - depreciation - deductions, into `tax`; `profit` is scratch space of the right size.
void taxPaid(const TaxBasis& basis, Span cash, Span deductions, double capitalised, std::vector<double>& profit,
             std::vector<double>& tax) {
    tax.resize(profit.size());
    for (std::size_t t = 0; t < profit.size(); ++t)
        profit[t] = cash[t] - basis.depreciation[t] - capitalised * basis.unitDepreciation[t] - deductions[t];
    if (basis.terms.rate == 0.0) return std::fill(tax.begin(), tax.end(), 0.0);
    finance::corporateTaxPaid(profit, basis.terms, tax);
}

// Net funding need of each construction year: capex less upfront support.
std::vector<double> constructionNeed(const PrivateFinanceInputs& in, Span capex, Span support) {
    std::vector<double> need(static_cast<std::size_t>(in.constructionYears));
    for (std::size_t t = 0; t < need.size(); ++t) need[t] = std::max(0.0, capex[t] - support[t]);
    return need;
}

// Balance at the end of construction per unit drawn pro rata to `need`: each year's drawdown falls
// with that year's capex (end of the period) and earns interest from the next: sum_t w_t (1 + r)^(c-1-t).
double capitalisationFactor(Span need, double rate) {
    const double total = std::accumulate(need.begin(), need.end(), 0.0);
    if (total <= 0.0) return 1.0;
    double factor = 0.0;
    for (std::size_t t = 0; t < need.size(); ++t)
        factor += need[t] / total * std::pow(1.0 + rate, static_cast<double>(need.size() - 1 - t));
    return factor;
}

finance::DebtTerms debtTerms(const PrivateFinanceInputs& in, const DebtFinancing& d) {
    // Drawdowns at the end of their period: the lenders earn exactly the rate on the model's timeline.
    return {std::max(0.0, d.rate - in.rateReduction), 1, d.tenorYears, d.graceYears, d.profile,
            finance::DrawdownTiming::EndOfPeriod};
}

// The facility sized on `cfads` (the forecast) and its schedule, drawn pro rata to `need`.
struct Facility {
    double amount = 0.0;
    std::vector<double> plannedDrawdown;  ///< per construction year
    finance::DebtSchedule schedule;
    bool gearingBound = true;
    std::vector<std::string> warnings;
};

// warnings: whether the sizing and the schedule write their warnings (only the facility kept needs them).
Facility sizeFacility(const PrivateFinanceInputs& in, Span need, Span cfads, bool warnings = true) {
    const DebtFinancing& d = *in.debt;
    finance::DebtTerms terms = debtTerms(in, d);
    terms.warnings = warnings;
    const double netCost = std::accumulate(need.begin(), need.end(), 0.0);
    const auto c = static_cast<std::size_t>(in.constructionYears);
    const finance::SizingTerms sizing{netCost, d.gearingCap, d.targetDscr, terms.annualRate, 1,
                                      d.tenorYears - d.graceYears, c + static_cast<std::size_t>(d.graceYears),
                                      warnings};
    const finance::DebtSizing size = finance::sizeDebt(sizing, cfads);
    // The capacity is a balance at the end of construction; the amount drawn grows to it with interest.
    const double dscrLimit = size.dscrCapacity / capitalisationFactor(need, terms.annualRate);
    Facility f;
    f.amount = std::clamp(std::min(size.gearingLimit, dscrLimit), 0.0, netCost);
    f.gearingBound = size.gearingLimit <= dscrLimit;
    f.plannedDrawdown.resize(need.size());
    for (std::size_t t = 0; t < need.size(); ++t) f.plannedDrawdown[t] = netCost > 0.0 ? need[t] / netCost * f.amount : 0.0;
    f.schedule = finance::constructionLoanSchedule(f.plannedDrawdown, terms, cfads);
    f.warnings = size.warnings;
    return f;
}

// Guarantee fee per period on the balance outstanding during the period (drawdowns come at its end).
void guaranteeFee(const finance::DebtSchedule& s, double feeRate, std::vector<double>& fee) {
    std::fill(fee.begin(), fee.end(), 0.0);
    for (std::size_t t = 0; t < s.size(); ++t) fee[t] = feeRate * s.openingBalance[t];
}

// Fixed point of (debt sized on CFADS) and (CFADS after the tax that debt's interest leaves).
struct Sizing {
    Facility facility;
    std::vector<double> cfads;
    int rounds = 0;
    bool settled = false;
};

// The forecast support: what the debt is sized on at close (the actual support is a source of funds).
Span sizingSupport(const PrivateFinanceInputs& in) {
    return in.sizingUpfrontSupport ? Span(*in.sizingUpfrontSupport) : Span(in.upfrontSupport);
}

Sizing sizeOnForecast(const PrivateFinanceInputs& in, Span cash, Span capex) {
    const std::size_t n = cash.size();
    const TaxBasis basis = taxBasis(in, capex, sizingSupport(in), cash);
    const std::vector<double> need = constructionNeed(in, capex, sizingSupport(in));
    double scale = 1.0;
    for (double x : cash) scale = std::max(scale, std::abs(x));
    Sizing s;
    s.cfads.assign(cash.begin(), cash.end());
    std::vector<double> fee(n), deductions(n, 0.0), profit(n), tax(n), sizedOn(n);
    while (s.rounds < kMaxRounds && !s.settled) {
        ++s.rounds;
        sizedOn = s.cfads;
        s.facility = sizeFacility(in, need, s.cfads, false);  // the text only for the facility kept
        const auto& schedule = s.facility.schedule;
        guaranteeFee(schedule, in.guaranteeFeeRate, fee);
        for (std::size_t t = 0; t < n; ++t) deductions[t] = (t < schedule.size() ? schedule.interestPaid[t] : 0.0) + fee[t];
        taxPaid(basis, cash, deductions, constructionInterest(schedule), profit, tax);
        double change = 0.0;
        for (std::size_t t = 0; t < n; ++t) {
            const double next = cash[t] - tax[t] - fee[t];
            change = std::max(change, std::abs(next - s.cfads[t]));
            s.cfads[t] = next;
        }
        s.settled = change <= kTolerance * std::max(scale, s.facility.amount);
    }
    s.facility = sizeFacility(in, need, sizedOn, true);  // the last round's facility again, with its warnings
    return s;
}

// ---- the forecast sizing memo (ForecastSizingMemo) ----

thread_local int memoDepth = 0;

bool sameSeries(Span a, Span b) { return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin()); }

bool sameDebt(const DebtFinancing& a, const DebtFinancing& b) {
    return a.gearingCap == b.gearingCap && a.rate == b.rate && a.tenorYears == b.tenorYears &&
           a.targetDscr == b.targetDscr && a.graceYears == b.graceYears && a.profile == b.profile;
}

bool sameIncentive(const std::optional<TaxIncentive>& a, const std::optional<TaxIncentive>& b) {
    if (a.has_value() != b.has_value()) return false;
    return !a || (a->exemptThreeHalfThree == b->exemptThreeHalfThree && a->reducedRate == b->reducedRate);
}

// Every field of the inputs sizeOnForecast reads (taxBasis, constructionNeed, sizeFacility,
// guaranteeFee), with the sizing cash and capex.
struct SizingKey {
    std::vector<double> cash, capex, upfrontSupport;
    int constructionYears = 0, depreciationYears = 0;
    DebtFinancing debt;
    double taxRate = 0.0, guaranteeFeeRate = 0.0, rateReduction = 0.0;
    std::optional<TaxIncentive> taxIncentive;

    bool matches(const PrivateFinanceInputs& in, Span c, Span k) const {
        return constructionYears == in.constructionYears && depreciationYears == in.depreciationYears &&
               taxRate == in.taxRate && guaranteeFeeRate == in.guaranteeFeeRate && rateReduction == in.rateReduction &&
               sameDebt(debt, *in.debt) && sameIncentive(taxIncentive, in.taxIncentive) &&
               sameSeries(upfrontSupport, sizingSupport(in)) && sameSeries(cash, c) && sameSeries(capex, k);
    }
};

struct MemoEntry {
    SizingKey key;
    Sizing sizing;
};

constexpr std::size_t kMemoEntries = 16;

struct MemoStore {
    std::vector<MemoEntry> entries;
    std::size_t next = 0;  // round-robin replacement once full
};

MemoStore& memoStore() {
    thread_local MemoStore store;
    return store;
}

// The sizing of these inputs: from the memo when one is alive on this thread and holds it, else
// solved (and remembered when a memo is alive). `local` holds a sizing solved without a memo.
// The sizing series are checked here, unless the memo holds equal ones (checked when remembered)
// of the inputs' length.
const Sizing& forecastSizing(const PrivateFinanceInputs& in, Span cash, Span capex, Sizing& local) {
    if (memoDepth == 0) {
        validateSizingSeries(in);
        return local = sizeOnForecast(in, cash, capex);
    }
    MemoStore& store = memoStore();
    const std::size_t n = in.operatingCash.size();
    if (cash.size() == n && capex.size() == n && sizingSupport(in).size() == n)
        for (const MemoEntry& e : store.entries)
            if (e.key.matches(in, cash, capex)) return e.sizing;
    validateSizingSeries(in);
    MemoEntry entry{{std::vector<double>(cash.begin(), cash.end()), std::vector<double>(capex.begin(), capex.end()),
                     std::vector<double>(sizingSupport(in).begin(), sizingSupport(in).end()), in.constructionYears, in.depreciationYears, *in.debt, in.taxRate,
                     in.guaranteeFeeRate, in.rateReduction, in.taxIncentive},
                    sizeOnForecast(in, cash, capex)};
    if (store.entries.size() < kMemoEntries) {
        store.entries.push_back(std::move(entry));
        return store.entries.back().sizing;
    }
    MemoEntry& slot = store.entries[store.next];
    store.next = (store.next + 1) % kMemoEntries;
    slot = std::move(entry);
    return slot.sizing;
}

// The facility as actually drawn into `out`: lenders disburse no more than the actual net need of
// each year. Uncapped (the usual case), the schedule sized at close, copied into out's storage.
void actualScheduleInto(const PrivateFinanceInputs& in, const Sizing& sizing, finance::DebtSchedule& out) {
    thread_local std::vector<double> drawn;
    const std::vector<double>& planned = sizing.facility.plannedDrawdown;
    drawn.assign(planned.begin(), planned.end());
    bool capped = false;
    for (std::size_t t = 0; t < drawn.size(); ++t) {
        const double need = std::max(0.0, in.capex[t] - in.upfrontSupport[t]);  // constructionNeed
        if (drawn[t] > need) {
            drawn[t] = need;
            capped = true;
        }
    }
    if (!capped) {
        out = sizing.facility.schedule;  // vector assignments: out's storage reused
        return;
    }
    out = finance::constructionLoanSchedule(drawn, debtTerms(in, *in.debt), sizing.cfads);
}

// `v` copied into `out` and padded with zeros to n, in out's storage.
void paddedInto(const std::vector<double>& v, std::size_t n, std::vector<double>& out) {
    out.assign(n, 0.0);
    std::copy(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(std::min(n, v.size())), out.begin());
}

// Tax, fee and CFADS on the actual cash into f, every vector in f's storage (per-thread scratch for
// the rest).
void settleActual(const PrivateFinanceInputs& in, PrivateFinance& f, const finance::DebtSchedule* schedule) {
    const std::size_t n = in.operatingCash.size();
    thread_local TaxBasis basis;
    thread_local std::vector<double> deductions, profit;
    taxBasisInto(in, in.capex, in.upfrontSupport, in.operatingCash, basis);
    deductions.assign(n, 0.0);
    profit.resize(n);
    f.guaranteeFee.assign(n, 0.0);
    if (schedule) {
        guaranteeFee(*schedule, in.guaranteeFeeRate, f.guaranteeFee);
        paddedInto(schedule->drawdown, n, f.drawdown);
        paddedInto(schedule->interestPaid, n, f.interestPaid);
        paddedInto(schedule->principal, n, f.principal);
        for (std::size_t t = 0; t < n; ++t) deductions[t] = f.interestPaid[t] + f.guaranteeFee[t];
    } else {
        f.drawdown.assign(n, 0.0);
        f.interestPaid.assign(n, 0.0);
        f.principal.assign(n, 0.0);
    }
    taxPaid(basis, in.operatingCash, deductions, schedule ? constructionInterest(*schedule) : 0.0, profit, f.tax);
    f.cfads.resize(n);
    for (std::size_t t = 0; t < n; ++t) f.cfads[t] = in.operatingCash[t] - f.tax[t] - f.guaranteeFee[t];
}

void noteActualCover(PrivateFinance& f, double target) {
    const auto& cover = f.debt->cover;
    if (!cover || !cover->minDscr || *cover->minDscr >= target * (1.0 - 1e-6)) return;
    f.notes.push_back("minimum DSCR " + formatValue(*cover->minDscr) + " on the actual CFADS, below the target " +
                      formatValue(target) + " the debt was sized on" +
                      (*cover->minDscr < 1.0 ? "; below 1, the sponsors must fund part of the debt service" : ""));
}

} // namespace

void validateDebtFinancing(const DebtFinancing& d, int operatingYears, const std::string& at) {
    if (!(d.gearingCap >= 0.0 && d.gearingCap <= 1.0))
        throw InputError(at + ".gearing_cap", formatValue(d.gearingCap), "a share of cost from 0 to 1");
    if (!std::isfinite(d.rate) || d.rate < 0.0 || d.rate > 1.0)
        throw InputError(at + ".rate", formatValue(d.rate), "a rate from 0 to 1");
    if (d.tenorYears < 1 || d.tenorYears > operatingYears)
        throw InputError(at + ".tenor_years", std::to_string(d.tenorYears),
                         "1 to " + std::to_string(operatingYears) + " (the operating years)");
    if (!std::isfinite(d.targetDscr) || d.targetDscr <= 0.0 || d.targetDscr > 100.0)
        throw InputError(at + ".target_dscr", formatValue(d.targetDscr), "a ratio above 0 (e.g. 1.3)");
    if (d.graceYears < 0 || d.graceYears >= d.tenorYears)
        throw InputError(at + ".grace_years", std::to_string(d.graceYears),
                         "0 to " + std::to_string(d.tenorYears - 1) + " (less than the tenor)");
    if (!(d.floatingShare >= 0.0 && d.floatingShare <= 1.0))
        throw InputError(at + ".floating_share", formatValue(d.floatingShare), "a share of the debt from 0 to 1");
}

ForecastSizingMemo::ForecastSizingMemo() { ++memoDepth; }
ForecastSizingMemo::~ForecastSizingMemo() { --memoDepth; }

PrivateFinance financePrivateParty(const PrivateFinanceInputs& in) {
    PrivateFinance f;
    financePrivatePartyInto(in, f);
    return f;
}

void financePrivatePartyInto(const PrivateFinanceInputs& in, PrivateFinance& f, bool withNotes) {
    validateInputs(in);
    f.rounds = 0;
    f.notes.clear();
    if (!in.debt) {
        validateSizingSeries(in);
        f.debt.reset();
        settleActual(in, f, nullptr);
        f.sizingCfads = f.cfads;
        return;
    }
    const Span cash = in.sizingCash ? Span(*in.sizingCash) : Span(in.operatingCash);
    const Span capex = in.sizingCapex ? Span(*in.sizingCapex) : Span(in.capex);
    Sizing local;
    const Sizing& sizing = forecastSizing(in, cash, capex, local);
    f.rounds = sizing.rounds;
    if (!sizing.settled && withNotes)
        f.notes.push_back("tax and debt sizing had not settled after " + std::to_string(kMaxRounds) +
                          " rounds; the last round is used");
    if (!f.debt) f.debt.emplace();
    DebtOutcome& debt = *f.debt;
    debt.borrower = "private";
    debt.floatingShare = in.debt->floatingShare;
    actualScheduleInto(in, sizing, debt.schedule);
    // The floating share of the debt moves with the scenario's rates after close (the sizing stays
    // on the forecast rate); the interest it adds is paid, deducted from tax and in the DSCR.
    finance::addFloatingInterest(debt.schedule, in.rateShift * in.debt->floatingShare);
    debt.amount = std::accumulate(debt.schedule.drawdown.begin(), debt.schedule.drawdown.end(), 0.0);
    debt.sizingConstraint = sizing.facility.gearingBound ? "gearing" : "dscr";
    debt.targetDscr = in.debt->targetDscr;
    settleActual(in, f, &debt.schedule);
    if (!debt.cover) debt.cover.emplace();
    finance::coverRatiosInto(debt.schedule, f.cfads, *debt.cover);  // the DSCR actually achieved
    f.sizingCfads = sizing.cfads;
    if (!withNotes) return;
    f.notes.insert(f.notes.end(), sizing.facility.warnings.begin(), sizing.facility.warnings.end());
    f.notes.insert(f.notes.end(), debt.schedule.warnings.begin(), debt.schedule.warnings.end());
    noteActualCover(f, in.debt->targetDscr);
}

std::vector<double> equityFlows(const PrivateFinanceInputs& in, const PrivateFinance& f) {
    std::vector<double> equity;
    equityFlowsInto(in, f, equity);
    return equity;
}

void equityFlowsInto(const PrivateFinanceInputs& in, const PrivateFinance& f, std::vector<double>& equity) {
    equity.resize(in.operatingCash.size());
    for (std::size_t t = 0; t < equity.size(); ++t)
        equity[t] = in.upfrontSupport[t] + f.drawdown[t] - in.capex[t] + f.cfads[t] - f.interestPaid[t] - f.principal[t];
}

} // namespace cityfin::models
