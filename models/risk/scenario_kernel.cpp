// Scenario kernels (models/risk/risk_run.hpp, ScenarioKernel): each structure's mechanics in a
// scenario on flat arrays, without the ledger. Each party's flows in a scenario are
// base + V(scenario) - V(forecast): base the party's ledger flows on the forecast (everything the
// structure fixed at close is in them), V the part that moves with the scenario, written out from
// the structure's own booking (models/structures/*.cpp; any change there must be mirrored here, and
// tests/models/test_risk_fast_path.cpp and test_risk_run.cpp fail when it is not). The metrics
// follow as on the full path (detail::metricsInto, shared with scenarioMetrics).

#include "finance/debt.hpp"
#include "finance/metrics.hpp"
#include "models/risk/risk_run.hpp"
#include "models/risk/scenario_metrics.hpp"
#include "models/structures/booking.hpp"
#include "models/structures/build.hpp"
#include "models/structures/capital_phasing.hpp"
#include "models/ppp_spending.hpp"
#include "models/private_finance.hpp"
#include "models/social/social_return.hpp"
#include "models/support.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace cityfin::models {
namespace {

constexpr std::size_t kGov = 0, kPrivate = 1, kLenders = 2, kUsers = 3;  // kParties order, checked below
static_assert(kParties[kGov] == Party::Government && kParties[kPrivate] == Party::Private &&
              kParties[kLenders] == Party::Lenders && kParties[kUsers] == Party::Users);

using Flows = std::array<std::vector<double>, kParties.size()>;  // one series per party

// Capital phasing's share of the works in service in the scenario this thread evaluates last
// (variablePart writes it, metricsInto reads it for the social value, on the same thread).
thread_local std::vector<double> phasingInService;

// The PPP kernels' V of the city's contract payments to the private party (ppp_spending.hpp)
// without the equity injection, and of the private equity the co-investment takes its share of;
// written by spvPart and revenueSharingPart, read by metricsInto, on the same thread.
thread_local std::vector<double> pppPaidPart, coEquityPart;

// The city's flows from a loan of `share` of each construction year's capex (drawdowns in, interest
// and principal out) at the forecast capex, on the project timeline: the schedule of the
// traditional structure's municipal loan and of the ESPC owner's loan (an annuity after construction).
// balance: its opening balance in each repayment period (0 elsewhere), what a floating rate applies to.
// onlyYear: the loan of that construction year's drawdown alone (the loan is linear in them).
std::vector<double> cityLoan(const ProjectFlows& forecast, double share, double rate, int tenorYears,
                             std::vector<double>& balance, std::optional<std::size_t> onlyYear = std::nullopt) {
    const std::size_t n = forecast.periods(), c = static_cast<std::size_t>(forecast.constructionYears);
    std::vector<double> loan(n, 0.0);
    balance.assign(n, 0.0);
    if (share <= 0.0) return loan;
    std::vector<double> drawdowns(c);
    for (std::size_t i = 0; i < c; ++i) drawdowns[i] = !onlyYear || *onlyYear == i ? share * forecast.capex[i] : 0.0;
    if (!anyNonZero(drawdowns)) return loan;
    const finance::DebtTerms terms{rate, 1, tenorYears, 0, finance::RepaymentProfile::Annuity,
                                   finance::DrawdownTiming::EndOfPeriod};
    const finance::DebtSchedule s = finance::constructionLoanSchedule(drawdowns, terms);
    for (std::size_t i = 0; i < n && i < s.size(); ++i) loan[i] = s.drawdown[i] - s.interestPaid[i] - s.principal[i];
    for (std::size_t i = s.constructionPeriods; i < n && i < s.size(); ++i) balance[i] = s.openingBalance[i];
    return loan;
}

// The terms of a per-thread PrivateFinanceInputs back to their defaults; its vectors keep their
// storage. Each kernel part has its own and assigns, in every scenario, every vector it uses (the
// same ones each time), then the terms it uses.
void resetTerms(PrivateFinanceInputs& in) {
    in.constructionYears = 1;
    in.debt.reset();
    in.taxRate = 0.0;
    in.depreciationYears = 1;
    in.taxIncentive.reset();
    in.guaranteeFeeRate = 0.0;
    in.rateReduction = 0.0;
    in.rateShift = 0.0;
}

} // namespace

std::optional<ScenarioKernel> ScenarioKernel::make(const Project& project, const Structure& structure) {
    ScenarioKernel k;
    if (std::holds_alternative<GreenBondTerms>(structure.terms)) {
        if (structure.support.taxIncrement || structure.support.crowdfunding) return std::nullopt;
        k.kind_ = Kind::GreenBond;
    } else if (std::holds_alternative<TraditionalTerms>(structure.terms)) {
        k.kind_ = Kind::Traditional;
    } else if (const auto* payg = std::get_if<PayAsYouGoTerms>(&structure.terms);
               payg && payg->variant == PayAsYouGoTerms::Variant::CapitalPhasing) {
        k.kind_ = Kind::CapitalPhasing;
        k.budget_ = payg->annualCapexBudget;
    } else if (payg && payg->annualServiceFee) {  // a fee left to solve would be solved per scenario
        k.kind_ = Kind::ServicePurchase;
    } else if (std::holds_alternative<BuildTransferTerms>(structure.terms)) {
        k.kind_ = Kind::BuildTransfer;
    } else if (std::holds_alternative<RevenueSharingTerms>(structure.terms)) {
        k.kind_ = Kind::RevenueSharing;
    } else if (const auto* ppp = std::get_if<PppAvailabilityTerms>(&structure.terms); ppp && ppp->unitaryCharge) {
        k.kind_ = Kind::PppAvailability;  // a charge left unsolved at close would be re-derived per scenario
    } else if (std::holds_alternative<ConcessionTerms>(structure.terms)) {
        k.kind_ = Kind::Concession;
    } else if (const auto* espc = std::get_if<EspcTerms>(&structure.terms);
               espc && espc->variant == EspcTerms::Variant::SharedSavings && espc->escoShare) {
        k.kind_ = Kind::SharedSavings;
    } else if (espc && espc->variant == EspcTerms::Variant::GuaranteedSavings) {
        k.kind_ = Kind::GuaranteedSavings;
    } else {
        return std::nullopt;
    }
    const ProjectFlows forecast = projectFlows(project);
    const StructureOutcome outcome = [&] {
        if (k.kind_ != Kind::GreenBond) return buildOutcome(project, forecast, structure);
        std::lock_guard<std::mutex> lock(detail::quantLibMutex());
        return buildOutcome(project, forecast, structure);
    }();
    // The city-run kernels' V moves the city's, the users' and (loan) the lenders' flows only: a
    // private party with flows is not what those structures book. Only revenue sharing books a
    // revenue guarantee.
    const bool cityRun = k.kind_ == Kind::GreenBond || k.kind_ == Kind::Traditional || k.kind_ == Kind::CapitalPhasing;
    if ((cityRun && detail::hasFlows(outcome.ledger.partyFlows(Party::Private))) ||
        (k.kind_ != Kind::RevenueSharing &&
         detail::hasFlows(outcome.ledger.lineTotal(Party::Private, LineKind::RevenueGuarantee))))
        return std::nullopt;
    k.structure_ = structure;
    if (k.kind_ == Kind::PppAvailability || k.kind_ == Kind::Concession) {
        // What the lenders size on: the structures' own sizing cash on the forecast.
        k.sizingCapex_ = forecast.capex;
        k.sizingSupport_ = privateUpfrontSupport(structure.support, forecast.capex, forecast.periods());
        thread_local std::vector<double> guarantee;
        k.sizingCash_ = k.spvOperatingCash(forecast, guarantee);
    }
    if (k.kind_ == Kind::SharedSavings && std::get<EspcTerms>(structure.terms).escoDebt) {
        // The ESCO's lenders size on the forecast too: its costs and its share of the savings in the term.
        const auto& t = std::get<EspcTerms>(structure.terms);
        const std::size_t n = forecast.periods(), from = static_cast<std::size_t>(forecast.constructionYears);
        const std::size_t to = from + static_cast<std::size_t>(t.termYears);
        k.sizingCapex_ = forecast.capex;
        k.sizingSupport_ = privateUpfrontSupport(structure.support, forecast.capex, n);
        k.sizingCash_.assign(n, 0.0);
        for (std::size_t i = from; i < to && i < n; ++i)
            k.sizingCash_[i] = (-1.0 * forecast.opex[i] - forecast.lifecycle[i]) + *t.escoShare * forecast.energySavings[i];
    }
    if (k.kind_ == Kind::Traditional) {
        const auto& t = std::get<TraditionalTerms>(structure.terms);
        k.loan_ = cityLoan(forecast, t.loanShare, t.loanRate, t.loanTenorYears, k.loanBalance_);
        k.loanRate_ = t.loanRate;
        k.loanFloating_ = t.loanFloatingShare;
        k.loanYears(forecast, [&](std::vector<double>& balance, std::size_t year) {
            return cityLoan(forecast, t.loanShare, t.loanRate, t.loanTenorYears, balance, year);
        });
    }
    if (k.kind_ == Kind::GuaranteedSavings) {  // bookOwnerLoan: an annuity over the term
        const auto& t = std::get<EspcTerms>(structure.terms);
        k.loan_ = cityLoan(forecast, t.ownerLoanShare, t.ownerLoanRate, t.termYears, k.loanBalance_);
        k.loanRate_ = t.ownerLoanRate;
        k.loanFloating_ = t.ownerLoanFloatingShare;
        k.loanYears(forecast, [&](std::vector<double>& balance, std::size_t year) {
            return cityLoan(forecast, t.ownerLoanShare, t.ownerLoanRate, t.termYears, balance, year);
        });
    }
    if (const auto equity = outcome.ledger.partyFlows(Party::Private); detail::hasFlows(equity))
        k.irrSeed_ = finance::irr(equity).value.value_or(0.1);
    k.lendersFloating_ = outcome.debt ? outcome.debt->floatingShare : 0.0;
    for (Party p : kParties) {
        k.fixed_.push_back(outcome.ledger.partyFlows(p));
        k.rates_.push_back(p == Party::Private ? outcome.privateRate
                           : p == Party::Lenders && outcome.debt ? outcome.debt->schedule.periodRate
                                                                 : project.rates.publicRate);
    }
    // fixed = base - V(forecast): V at the forecast, with a capex factor of 1.
    thread_local Flows v;
    thread_local std::vector<double> guarantee;
    std::optional<double> minDscr;
    k.variablePart(project, forecast, 1.0, v, guarantee, minDscr);
    for (std::size_t i = 0; i < kParties.size(); ++i)
        for (std::size_t t = 0; t < k.fixed_[i].size(); ++t) k.fixed_[i][t] -= v[i][t];
    if (k.kind_ == Kind::PppAvailability || k.kind_ == Kind::Concession || k.kind_ == Kind::RevenueSharing) {
        const SupportTerms& s = structure.support;
        k.pppPayments_ = true;
        k.coShare_ = s.coInvestment && s.coInvestment->publicEquityShare > 0.0 ? s.coInvestment->publicEquityShare : 0.0;
        const std::size_t n = forecast.periods();
        k.pppFixed_ = pppPayments(outcome.ledger);
        k.coFixedShare_.assign(n, 0.0);
        const auto injected = outcome.ledger.lineTotal(Party::Government, LineKind::EquityInjection);  // <= 0
        const auto dividend = outcome.ledger.lineTotal(Party::Government, LineKind::Dividend);
        for (std::size_t t = 0; t < n; ++t) {
            const double share = injected[t] + dividend[t];  // the co-investment's share of the equity
            if (k.coShare_ > 0.0) k.coFixedShare_[t] = share - k.coShare_ * coEquityPart[t];
            k.pppFixed_[t] -= pppPaidPart[t] + std::max(0.0, -share);
        }
    }
    return k;
}

double ScenarioKernel::pppSpendingPeak(std::size_t periods) const {
    double peak = 0.0;
    for (std::size_t t = 0; t < periods; ++t) {
        const double share = coShare_ > 0.0 ? coShare_ * coEquityPart[t] + coFixedShare_[t] : 0.0;
        peak = std::max(peak, pppPaidPart[t] + std::max(0.0, -share) + pppFixed_[t]);
    }
    return peak;
}

template <class LoanOfYear>
void ScenarioKernel::loanYears(const ProjectFlows& forecast, LoanOfYear loanOfYear) {
    const std::size_t c = static_cast<std::size_t>(forecast.constructionYears);
    loanByYear_.assign(c, {});
    balanceByYear_.assign(c, {});
    for (std::size_t i = 0; i < c; ++i) loanByYear_[i] = loanOfYear(balanceByYear_[i], i);
}

double ScenarioKernel::cityLoanFlow(std::size_t t, const ProjectFlows& f, double capexFactor) const {
    if (loan_.empty()) return 0.0;
    const double shift = std::max(f.interestRateShift * loanFloating_, -loanRate_);
    const std::size_t c = static_cast<std::size_t>(f.constructionYears);
    bool forecastPrices = true;
    for (std::size_t i = 0; i < c; ++i) forecastPrices = forecastPrices && f.priceIndex[i] == f.forecastPriceIndex[i];
    if (forecastPrices) {  // each year's capex scaled alike: the whole loan scales
        if (shift == 0.0) return capexFactor * loan_[t];
        return capexFactor * (loan_[t] - shift * loanBalance_[t]);
    }
    // Construction inflation above (or below) the forecast: each year's drawdown scales by its own.
    double loan = 0.0;
    for (std::size_t i = 0; i < c; ++i) {
        const double scale = capexFactor * (f.priceIndex[i] / f.forecastPriceIndex[i]);
        loan += scale * (loanByYear_[i][t] - shift * balanceByYear_[i][t]);
    }
    return loan;
}

void ScenarioKernel::variablePart(const Project& project, const ProjectFlows& f, double capexFactor,
                                  std::array<std::vector<double>, kPartyCount>& v, std::vector<double>& guarantee,
                                  std::optional<double>& minDscr) const {
    kindPart(project, f, capexFactor, v, guarantee, minDscr);
    indexedPart(f, v);
}

// The lines every structure books escalated with the price index but fixes otherwise (so the
// kernels' parts above leave them in the base): they move with the scenario's inflation shift. The
// tax increment the city captures (bookTaxIncrementAndCrowdfunding), the ESPC's measurement and
// verification cost (cityOwnedBase) and the guaranteed-savings fee (buildGuaranteedSavings), the
// green bond's impact reporting (issue).
void ScenarioKernel::indexedPart(const ProjectFlows& f, std::array<std::vector<double>, kPartyCount>& v) const {
    const std::size_t n = f.periods(), c = static_cast<std::size_t>(f.constructionYears);
    const SupportTerms& s = structure_.support;
    if (s.taxIncrement && s.taxIncrement->annualIncrement > 0.0) {
        const int years = s.taxIncrement->years > 0 ? s.taxIncrement->years : f.operatingYears;
        for (std::size_t t = c; t < n; ++t)
            if (static_cast<int>(t) - f.constructionYears < years)
                v[kGov][t] += s.taxIncrement->annualIncrement * s.taxIncrement->shareCaptured * f.priceIndex[t];
    }
    if (const auto* espc = std::get_if<EspcTerms>(&structure_.terms)) {
        const std::size_t to = std::min(n, c + static_cast<std::size_t>(espc->termYears));
        for (std::size_t t = c; t < to; ++t) {
            v[kGov][t] -= espc->mvCostPerYear * f.priceIndex[t];
            if (kind_ == Kind::GuaranteedSavings) {
                const double fee = espc->annualFee * f.priceIndex[t];
                v[kGov][t] -= fee;
                v[kPrivate][t] += fee;
            }
        }
    }
    if (const auto* bond = std::get_if<GreenBondTerms>(&structure_.terms))
        for (std::size_t k = 1; k <= static_cast<std::size_t>(bond->tenorYears) && k < n; ++k)
            v[kGov][k] -= bond->annualReportingCost * f.priceIndex[k];
}

void ScenarioKernel::kindPart(const Project& project, const ProjectFlows& f, double capexFactor,
                              std::array<std::vector<double>, kPartyCount>& v, std::vector<double>& guarantee,
                              std::optional<double>& minDscr) const {
    const std::size_t n = f.periods();
    for (auto& x : v) x.assign(n, 0.0);
    guarantee.clear();
    minDscr.reset();
    if (kind_ == Kind::PppAvailability || kind_ == Kind::Concession || kind_ == Kind::RevenueSharing) {
        pppPaidPart.assign(n, 0.0);
        coEquityPart.assign(n, 0.0);
    }
    if (kind_ == Kind::PppAvailability || kind_ == Kind::Concession) return spvPart(project, f, v, guarantee, minDscr);
    if (kind_ == Kind::SharedSavings) return sharedSavingsPart(project, f, v, minDscr);
    if (kind_ == Kind::GuaranteedSavings) return guaranteedSavingsPart(project, f, capexFactor, v);
    if (kind_ == Kind::RevenueSharing) return revenueSharingPart(project, f, v, guarantee);
    if (kind_ == Kind::ServicePurchase) return servicePart(project, f, v);
    if (kind_ == Kind::BuildTransfer) return buildTransferPart(project, f, v);
    if (kind_ == Kind::CapitalPhasing) {
        // buildCapitalPhasing: the works phased within the budget, operation and benefits in
        // proportion to the share in service, the whole residual value.
        const CapexPhasing phasing = phaseCapex(f, budget_);
        phasingInService = phasing.inService;
        for (std::size_t t = 0; t < n; ++t) {
            const double w = phasing.inService[t];
            v[kGov][t] = -(phasing.works[t] * f.priceIndex[t]) + (-1.0 * f.opex[t] * w) + (-1.0 * f.lifecycle[t] * w) +
                         f.marketRevenue[t] * w + f.residualValue[t] + f.userCharges[t] * w + f.energySavings[t] * w;
            v[kUsers][t] = -(f.userCharges[t] * w);
        }
        return;
    }
    // The green bond and traditional procurement: the city takes the project's pre-financing cash
    // flow (user charges through the users); the municipal loan scales with the actual capex.
    for (std::size_t t = 0; t < n; ++t) {
        const double pre = f.userCharges[t] + f.marketRevenue[t] + f.energySavings[t] - f.opex[t] - f.lifecycle[t] +
                           (f.residualValue[t] - f.capex[t]);
        const double loan = cityLoanFlow(t, f, capexFactor);
        v[kGov][t] = pre + loan;
        v[kUsers][t] = -f.userCharges[t];
        v[kLenders][t] = -loan;
    }
}

// serviceLedger (models/structures/pay_as_you_go.cpp) without its fixed lines (grants, tax
// increment, crowdfunding): the provider pays the capex and runs the system during the contract,
// the city after it; the fee is paid while the system is in service; the provider's tax on its cash.
void ScenarioKernel::servicePart(const Project& project, const ProjectFlows& f,
                                 std::array<std::vector<double>, kPartyCount>& v) const {
    const auto& terms = std::get<PayAsYouGoTerms>(structure_.terms);
    const SupportTerms& s = structure_.support;
    const std::size_t n = f.periods(), first = static_cast<std::size_t>(f.constructionYears);
    const int years = terms.contractYears > 0 ? terms.contractYears : f.operatingYears;
    thread_local std::vector<double> inContract, fees;
    inContract.assign(n, 0.0);
    fees.assign(n, 0.0);
    thread_local PrivateFinanceInputs in;  // per-thread: its vectors keep their storage
    resetTerms(in);
    in.capex = f.capex;
    privateUpfrontSupportInto(s, f.capex, n, in.upfrontSupport);
    in.operatingCash.assign(n, 0.0);
    for (std::size_t t = first; t < first + static_cast<std::size_t>(years); ++t) {
        inContract[t] = 1.0;
        if (f.operating[t])
            fees[t] = *terms.annualServiceFee * (f.priceIndex[t] / f.priceIndex[first] * (1.0 - f.availabilityShortfall));
    }
    const double arrears = f.paymentShortfall;  // share of the fee the city does not pay
    for (std::size_t t = 0; t < n; ++t)
        in.operatingCash[t] = fees[t] - arrears * fees[t] +
                              inContract[t] * (f.marketRevenue[t] + f.residualValue[t] - f.opex[t] - f.lifecycle[t]);
    in.constructionYears = f.constructionYears;
    in.taxRate = project.taxRate;
    const int lifeYears = project.depreciationYears > 0 ? project.depreciationYears : project.operatingYears;
    in.depreciationYears = std::min(lifeYears, years);
    in.taxIncentive = s.taxIncentive;
    thread_local PrivateFinance provider;
    financePrivatePartyInto(in, provider, false);
    const double coShare = s.coInvestment && s.coInvestment->publicEquityShare > 0.0 ? s.coInvestment->publicEquityShare : 0.0;
    thread_local std::vector<double> equity;
    if (coShare > 0.0) equityFlowsInto(in, provider, equity);
    const double wLast = inContract.back(), aLast = 1.0 - wLast;
    for (std::size_t t = 0; t < n; ++t) {
        const double w = inContract[t], a = 1.0 - w;
        const double subsidy = s.constructionSubsidyShare * f.capex[t];
        const double co = coShare > 0.0 ? coShare * equity[t] : 0.0;  // to the city: dividends less injections
        v[kPrivate][t] = -f.capex[t] + (-1.0 * f.opex[t] * w) + (-1.0 * f.lifecycle[t] * w) + f.marketRevenue[t] * w +
                         f.residualValue[t] * wLast + fees[t] - provider.tax[t] + subsidy - co - arrears * fees[t];
        v[kGov][t] = (-1.0 * f.opex[t] * a) + (-1.0 * f.lifecycle[t] * a) + f.marketRevenue[t] * a +
                     f.residualValue[t] * aLast + f.userCharges[t] + f.energySavings[t] - fees[t] + provider.tax[t] -
                     subsidy + co + arrears * fees[t];
        v[kUsers][t] = -f.userCharges[t];
    }
}

// buildBuildTransfer (models/structures/build_transfer.cpp) without its fixed lines: the contractor
// pays the actual capex and receives the support and the instalments of a price fixed on the
// contract (forecast) capex less its support carried to completion; its tax; the city then runs
// the asset and keeps every benefit.
void ScenarioKernel::buildTransferPart(const Project& project, const ProjectFlows& f,
                                       std::array<std::vector<double>, kPartyCount>& v) const {
    const auto& terms = std::get<BuildTransferTerms>(structure_.terms);
    const SupportTerms& s = structure_.support;
    const std::size_t n = f.periods();
    const int c = f.constructionYears;
    thread_local PrivateFinanceInputs in;  // per-thread: its vectors keep their storage
    resetTerms(in);
    in.capex = f.capex;
    privateUpfrontSupportInto(s, f.capex, n, in.upfrontSupport);
    // purchasePrice and instalments, as the structure computes them.
    const auto carry = [&](int period) { return std::pow(1.0 + terms.contractorFinanceRate, c - 1 - period); };
    double gross = 0.0, credit = 0.0;
    for (int i = 0; i < c; ++i)
        gross += project.capex[static_cast<std::size_t>(i)] * f.forecastPriceIndex[static_cast<std::size_t>(i)] * carry(i);
    gross *= 1.0 + terms.contractorMargin;
    for (std::size_t i = 0; i < n; ++i)  // periods without support add nothing: their pow is skipped
        if (in.upfrontSupport[i] != 0.0) credit += in.upfrontSupport[i] * carry(static_cast<int>(i));
    const double level = -finance::pmt(terms.instalmentRate, terms.instalmentYears, std::max(0.0, gross - credit));
    in.operatingCash.assign(n, 0.0);
    const double arrears = f.paymentShortfall;  // share of the instalments the city does not pay
    for (int k = 0; k < terms.instalmentYears; ++k)
        in.operatingCash[static_cast<std::size_t>(c + k)] = level - arrears * level;
    in.constructionYears = c;
    in.taxRate = project.taxRate;
    in.depreciationYears = terms.instalmentYears;
    in.taxIncentive = s.taxIncentive;
    thread_local PrivateFinance contractor;
    financePrivatePartyInto(in, contractor, false);
    const double coShare = s.coInvestment && s.coInvestment->publicEquityShare > 0.0 ? s.coInvestment->publicEquityShare : 0.0;
    thread_local std::vector<double> equity;
    if (coShare > 0.0) equityFlowsInto(in, contractor, equity);
    for (std::size_t t = 0; t < n; ++t) {
        const double subsidy = s.constructionSubsidyShare * f.capex[t], paid = in.operatingCash[t];  // net of arrears
        const double co = coShare > 0.0 ? coShare * equity[t] : 0.0;
        v[kPrivate][t] = -f.capex[t] + subsidy + paid - contractor.tax[t] - co;
        v[kGov][t] = -subsidy - paid + contractor.tax[t] + co + (-1.0 * f.opex[t]) + (-1.0 * f.lifecycle[t]) +
                     f.marketRevenue[t] + f.residualValue[t] + f.userCharges[t] + f.energySavings[t];
        v[kUsers][t] = -f.userCharges[t];
    }
}

// buildRevenueSharing (models/structures/revenue_sharing.cpp) without its fixed lines: the operator
// pays its share of the capex and, over the term, of the costs; it collects the revenue, pays the
// city its share, receives the guarantee and pays the clawback; its tax; the city pays the rest and
// keeps the revenue after the term, the savings and the residual value.
void ScenarioKernel::revenueSharingPart(const Project& project, const ProjectFlows& f,
                                        std::array<std::vector<double>, kPartyCount>& v,
                                        std::vector<double>& guarantee) const {
    const auto& terms = std::get<RevenueSharingTerms>(structure_.terms);
    const SupportTerms& s = structure_.support;
    const std::size_t n = f.periods(), from = static_cast<std::size_t>(f.constructionYears);
    const int termYears = terms.termYears > 0 ? terms.termYears : f.operatingYears;
    const std::size_t to = from + static_cast<std::size_t>(termYears);
    guarantee.assign(n, 0.0);
    thread_local std::vector<double> clawback, opex, lifecycle, share;
    clawback.assign(n, 0.0);
    if (s.minimumRevenueGuarantee) {
        const GuaranteeFlows g = revenueGuarantee(*s.minimumRevenueGuarantee, f, static_cast<int>(to) - 1);
        guarantee = g.payment;
        clawback = g.clawback;
    }
    thread_local PrivateFinanceInputs in;  // per-thread: its vectors keep their storage
    resetTerms(in);
    in.capex.resize(n);
    in.operatingCash.assign(n, 0.0);
    opex.assign(n, 0.0);
    lifecycle.assign(n, 0.0);
    share.assign(n, 0.0);
    for (std::size_t t = 0; t < n; ++t) {
        in.capex[t] = terms.operatorCapexShare * f.capex[t];
        if (t < from || t >= to) continue;
        opex[t] = terms.operatorOpexShare * f.opex[t];
        lifecycle[t] = terms.operatorOpexShare * f.lifecycle[t];
        const double collected = f.userCharges[t] + f.marketRevenue[t];
        share[t] = (1.0 - terms.operatorRevenueShare) * collected;
        in.operatingCash[t] = collected - share[t] - opex[t] - lifecycle[t] + guarantee[t] - clawback[t];
    }
    const double arrears = f.paymentShortfall;  // share of the guarantee payments the city does not pay
    for (std::size_t t = 0; t < n; ++t) in.operatingCash[t] -= arrears * guarantee[t];
    privateUpfrontSupportInto(s, in.capex, n, in.upfrontSupport);
    in.constructionYears = f.constructionYears;
    in.taxRate = project.taxRate;
    in.depreciationYears = depreciationLife(project, termYears);
    in.taxIncentive = s.taxIncentive;
    thread_local PrivateFinance finance;
    financePrivatePartyInto(in, finance, false);
    const double coShare = s.coInvestment && s.coInvestment->publicEquityShare > 0.0 ? s.coInvestment->publicEquityShare : 0.0;
    // The co-investment's share of the operator's equity flows; the share of its crowdfunding
    // flows, fixed, is in the base.
    thread_local std::vector<double> equity;
    if (coShare > 0.0) equityFlowsInto(in, finance, equity);
    for (std::size_t t = 0; t < n; ++t) {
        const bool inTerm = t >= from && t < to, after = t >= to;
        const double subsidy = s.constructionSubsidyShare * in.capex[t];
        const double co = coShare > 0.0 ? coShare * equity[t] : 0.0;
        const double revenue = f.userCharges[t] + f.marketRevenue[t];
        pppPaidPart[t] = subsidy + guarantee[t];
        if (coShare > 0.0) coEquityPart[t] = equity[t];
        v[kPrivate][t] = -in.capex[t] - opex[t] - lifecycle[t] + (inTerm ? revenue : 0.0) - share[t] + guarantee[t] -
                         clawback[t] - finance.tax[t] + subsidy - co - arrears * guarantee[t];
        v[kGov][t] = -(f.capex[t] - in.capex[t]) - (f.opex[t] - opex[t]) - (f.lifecycle[t] - lifecycle[t]) +
                     (after ? revenue : 0.0) + f.energySavings[t] + f.residualValue[t] + share[t] - guarantee[t] +
                     clawback[t] + finance.tax[t] - subsidy + co + arrears * guarantee[t];
        v[kUsers][t] = -f.userCharges[t];
    }
}

// The SPV's pre-tax operating cash on these flows, as the structure computes it (PPP: the net
// unitary charge less opex and lifecycle; concession: the charges net of the city's fee, market
// revenue, savings, guarantee less clawback, less opex and lifecycle); guarantee: the concession's
// guarantee payments (empty for the PPP).
std::vector<double> ScenarioKernel::spvOperatingCash(const ProjectFlows& f, std::vector<double>& guarantee,
                                                     std::vector<double>* clawback) const {
    const std::size_t n = f.periods();
    std::vector<double> cash(n);
    guarantee.clear();
    if (const auto* ppp = std::get_if<PppAvailabilityTerms>(&structure_.terms)) {
        // chargeProfile: indexation x P_t / P_first + (1 - indexation) while in service.
        const double base = f.priceIndex[static_cast<std::size_t>(f.constructionYears)];
        const double keep = 1.0 - std::min(1.0, ppp->expectedDeductions + ppp->deductionMultiplier * f.availabilityShortfall);
        for (std::size_t t = 0; t < n; ++t) {
            const double profile = f.operating[t] ? ppp->indexation * f.priceIndex[t] / base + (1.0 - ppp->indexation) : 0.0;
            cash[t] = *ppp->unitaryCharge * profile * keep - f.opex[t] - f.lifecycle[t];
            if (f.paymentShortfall != 0.0) {  // the part of the net charge the city does not pay
                const double charge = *ppp->unitaryCharge * profile;
                cash[t] -= f.paymentShortfall * (charge - (1.0 - keep) * charge);
            }
        }
        return cash;
    }
    const auto& c = std::get<ConcessionTerms>(structure_.terms);
    const SupportTerms& s = structure_.support;
    guarantee.assign(n, 0.0);
    thread_local std::vector<double> noClawback;
    std::vector<double>& claw = clawback ? *clawback : noClawback;
    claw.assign(n, 0.0);
    if (s.minimumRevenueGuarantee) {  // guaranteeOf
        const GuaranteeFlows g = revenueGuarantee(*s.minimumRevenueGuarantee, f, static_cast<int>(n) - 1);
        guarantee = g.payment;
        claw = g.clawback;
    }
    for (std::size_t t = 0; t < n; ++t)
        cash[t] = f.userCharges[t] * (1.0 - c.concessionFeeShare) + f.marketRevenue[t] + f.energySavings[t] +
                  guarantee[t] - claw[t] - f.opex[t] - f.lifecycle[t] - f.paymentShortfall * guarantee[t];
    return cash;
}

// buildPppAvailability and buildConcession (with spv_finance.cpp) without the ledger: the SPV's
// financing on the scenario's cash and the forecast sizing cash, then each party's flows.
void ScenarioKernel::spvPart(const Project& project, const ProjectFlows& f,
                             std::array<std::vector<double>, kPartyCount>& v, std::vector<double>& guarantee,
                             std::optional<double>& minDscr) const {
    const SupportTerms& s = structure_.support;
    const std::size_t n = f.periods();
    const auto* ppp = std::get_if<PppAvailabilityTerms>(&structure_.terms);
    const auto* con = std::get_if<ConcessionTerms>(&structure_.terms);
    thread_local std::vector<double> clawback;
    clawback.assign(n, 0.0);
    // spvFinanceInputs
    thread_local PrivateFinanceInputs in;  // per-thread: its vectors keep their storage
    resetTerms(in);
    in.capex = f.capex;
    in.sizingCapex = sizingCapex_;
    in.sizingUpfrontSupport = sizingSupport_;
    privateUpfrontSupportInto(s, f.capex, n, in.upfrontSupport);
    in.constructionYears = project.constructionYears;
    in.debt = ppp ? ppp->debt : con->debt;
    in.taxRate = project.taxRate;
    in.depreciationYears = ppp || con->variant != ConcessionTerms::Variant::Bto ? assetTaxLife(project) : project.operatingYears;
    in.taxIncentive = s.taxIncentive;
    in.rateShift = f.interestRateShift;
    if (s.creditGuarantee) {
        in.guaranteeFeeRate = s.creditGuarantee->feeRate;
        in.rateReduction = s.creditGuarantee->spreadReduction;
    }
    in.operatingCash = spvOperatingCash(f, guarantee, &clawback);
    in.sizingCash = sizingCash_;
    thread_local PrivateFinance fin;
    financePrivatePartyInto(in, fin, false);
    if (fin.debt && fin.debt->cover) minDscr = fin.debt->cover->minDscr;

    const double coShare = s.coInvestment && s.coInvestment->publicEquityShare > 0.0 ? s.coInvestment->publicEquityShare : 0.0;
    const double base = f.priceIndex[static_cast<std::size_t>(f.constructionYears)];
    for (std::size_t t = 0; t < n; ++t) {
        const double subsidy = s.constructionSubsidyShare * f.capex[t];
        const double finance = fin.drawdown[t] - fin.interestPaid[t] - fin.principal[t];
        const double toCity = fin.tax[t] + fin.guaranteeFee[t];
        double spv = -f.capex[t] - f.opex[t] - f.lifecycle[t] + finance - toCity + subsidy;
        double city = toCity - subsidy;
        if (ppp) {
            const double profile = f.operating[t] ? ppp->indexation * f.priceIndex[t] / base + (1.0 - ppp->indexation) : 0.0;
            const double deducted =
                std::min(1.0, ppp->expectedDeductions + ppp->deductionMultiplier * f.availabilityShortfall);
            const double charge = *ppp->unitaryCharge * profile, deduction = deducted * charge;
            const double unpaid = f.paymentShortfall * (charge - deduction);
            pppPaidPart[t] = charge - deduction + subsidy;  // owed: arrears do not count (ppp_spending.hpp)
            spv += charge - deduction - unpaid;
            city += -charge + deduction + unpaid + f.userCharges[t] + f.marketRevenue[t] + f.energySavings[t] + f.residualValue[t];
        } else {
            const double fee = con->concessionFeeShare * f.userCharges[t];
            const double residual = f.residualValue[t];
            const bool boo = con->variant == ConcessionTerms::Variant::Boo;
            const double unpaid = f.paymentShortfall * guarantee[t];
            pppPaidPart[t] = guarantee[t] + subsidy;
            spv += f.userCharges[t] + f.marketRevenue[t] + f.energySavings[t] - fee + guarantee[t] - clawback[t] +
                   (boo ? residual : 0.0) - unpaid;
            city += fee - guarantee[t] + clawback[t] + (boo ? 0.0 : residual) + unpaid;
        }
        // bookCoInvestment on the SPV's flows; the share of its fixed flows (grants to it,
        // crowdfunding) is in the base.
        const double co = coShare > 0.0 ? coShare * spv : 0.0;
        coEquityPart[t] = spv;
        v[kPrivate][t] = spv - co;
        v[kGov][t] = city + co;
        v[kUsers][t] = -f.userCharges[t];
        v[kLenders][t] = -finance;
    }
    if (ppp) guarantee.clear();
}

// buildGuaranteedSavings (models/structures/espc.cpp) without its fixed lines (the fee, the city's
// M&V cost, grants, tax increment, crowdfunding): the city pays the capex with its owner's loan,
// the ESCO maintains the measures over the term and pays any shortfall against the guaranteed share
// of the forecast savings; the ESCO's tax on its profit.
void ScenarioKernel::guaranteedSavingsPart(const Project& project, const ProjectFlows& f, double capexFactor,
                                           std::array<std::vector<double>, kPartyCount>& v) const {
    const auto& terms = std::get<EspcTerms>(structure_.terms);
    const SupportTerms& s = structure_.support;
    const std::size_t n = f.periods(), from = static_cast<std::size_t>(f.constructionYears);
    const std::size_t to = from + static_cast<std::size_t>(terms.termYears);
    thread_local std::vector<double> shortfall;
    shortfall.assign(n, 0.0);
    thread_local PrivateFinanceInputs in;  // per-thread: its vectors keep their storage
    resetTerms(in);
    in.capex.assign(n, 0.0);
    privateUpfrontSupportInto(s, in.capex, n, in.upfrontSupport);
    in.operatingCash.assign(n, 0.0);
    for (std::size_t t = from; t < to && t < n; ++t) {
        const double fee = terms.annualFee * f.priceIndex[t];
        shortfall[t] = std::max(0.0, terms.guaranteedShare * f.forecastEnergySavings[t] - f.energySavings[t]);
        in.operatingCash[t] = fee - f.paymentShortfall * fee - f.opex[t] - f.lifecycle[t] - shortfall[t];
    }
    in.constructionYears = f.constructionYears;
    in.taxRate = project.taxRate;
    in.taxIncentive = s.taxIncentive;
    thread_local PrivateFinance fin;
    financePrivatePartyInto(in, fin, false);
    const double coShare = s.coInvestment && s.coInvestment->publicEquityShare > 0.0 ? s.coInvestment->publicEquityShare : 0.0;
    thread_local std::vector<double> equity;
    if (coShare > 0.0) equityFlowsInto(in, fin, equity);
    for (std::size_t t = 0; t < n; ++t) {
        const bool inTerm = t >= from && t < to;
        const double escoOpex = inTerm ? f.opex[t] : 0.0, escoLifecycle = inTerm ? f.lifecycle[t] : 0.0;
        const double loan = cityLoanFlow(t, f, capexFactor);
        const double co = coShare > 0.0 ? coShare * equity[t] : 0.0;
        // The part of the ESCO's fee the city does not pay (the fee itself: indexedPart).
        const double unpaid = inTerm ? f.paymentShortfall * (terms.annualFee * f.priceIndex[t]) : 0.0;
        v[kPrivate][t] = -escoOpex - escoLifecycle - shortfall[t] - fin.tax[t] - co - unpaid;
        v[kGov][t] = -f.capex[t] + f.userCharges[t] + f.marketRevenue[t] + f.energySavings[t] + f.residualValue[t] -
                     (f.opex[t] - escoOpex) - (f.lifecycle[t] - escoLifecycle) + shortfall[t] + fin.tax[t] + co + loan +
                     unpaid;
        v[kUsers][t] = -f.userCharges[t];
        v[kLenders][t] = -loan;
    }
}

// buildSharedSavings (models/structures/espc.cpp) without its fixed lines (the city's M&V cost,
// grants, tax increment, crowdfunding): the ESCO pays the capex and maintains the measures over the
// planned term, takes its share of the measured savings then; its financing; the city keeps the
// revenue, the savings, the residual value and the costs after the term.
void ScenarioKernel::sharedSavingsPart(const Project& project, const ProjectFlows& f,
                                       std::array<std::vector<double>, kPartyCount>& v,
                                       std::optional<double>& minDscr) const {
    const auto& terms = std::get<EspcTerms>(structure_.terms);
    const SupportTerms& s = structure_.support;
    const std::size_t n = f.periods(), from = static_cast<std::size_t>(f.constructionYears);
    const std::size_t to = from + static_cast<std::size_t>(terms.termYears);
    const double share = *terms.escoShare;
    thread_local PrivateFinanceInputs in;  // per-thread: its vectors keep their storage
    resetTerms(in);
    in.capex = f.capex;
    privateUpfrontSupportInto(s, f.capex, n, in.upfrontSupport);
    in.operatingCash.assign(n, 0.0);
    for (std::size_t t = from; t < to && t < n; ++t)
        in.operatingCash[t] = (-1.0 * f.opex[t] - f.lifecycle[t]) + share * f.energySavings[t] -
                              f.paymentShortfall * (share * f.energySavings[t]);
    in.constructionYears = f.constructionYears;
    in.debt = terms.escoDebt;
    if (terms.escoDebt) {  // sized at close on the forecast (make())
        in.sizingCash = sizingCash_;
        in.sizingCapex = sizingCapex_;
        in.sizingUpfrontSupport = sizingSupport_;
    } else {
        in.sizingCash.reset();
        in.sizingCapex.reset();
        in.sizingUpfrontSupport.reset();
    }
    in.taxRate = project.taxRate;
    in.depreciationYears = depreciationLife(project, terms.termYears);
    in.taxIncentive = s.taxIncentive;
    in.rateShift = f.interestRateShift;
    if (terms.escoDebt && s.creditGuarantee) {
        in.guaranteeFeeRate = s.creditGuarantee->feeRate;
        in.rateReduction = s.creditGuarantee->spreadReduction;
    }
    thread_local PrivateFinance fin;
    financePrivatePartyInto(in, fin, false);
    if (fin.debt && fin.debt->cover) minDscr = fin.debt->cover->minDscr;
    const double coShare = s.coInvestment && s.coInvestment->publicEquityShare > 0.0 ? s.coInvestment->publicEquityShare : 0.0;
    thread_local std::vector<double> equity;
    if (coShare > 0.0) equityFlowsInto(in, fin, equity);
    for (std::size_t t = 0; t < n; ++t) {
        const bool inTerm = t >= from && t < to;
        const double escoOpex = inTerm ? f.opex[t] : 0.0, escoLifecycle = inTerm ? f.lifecycle[t] : 0.0;
        const double shared = inTerm ? share * f.energySavings[t] : 0.0;
        const double unpaid = f.paymentShortfall * shared;  // what the city does not pay of it
        const double subsidy = s.constructionSubsidyShare * f.capex[t];
        const double finance = fin.drawdown[t] - fin.interestPaid[t] - fin.principal[t];
        const double toCity = fin.tax[t] + fin.guaranteeFee[t];
        const double co = coShare > 0.0 ? coShare * equity[t] : 0.0;
        v[kPrivate][t] = -f.capex[t] - escoOpex - escoLifecycle + shared + finance - toCity + subsidy - co - unpaid;
        v[kGov][t] = f.userCharges[t] + f.marketRevenue[t] + f.energySavings[t] + f.residualValue[t] -
                     (f.opex[t] - escoOpex) - (f.lifecycle[t] - escoLifecycle) - shared + toCity - subsidy + co + unpaid;
        v[kUsers][t] = -f.userCharges[t];
        v[kLenders][t] = -finance;
    }
}

std::vector<double> ScenarioKernel::metrics(const Project& project, const Scenario& scenario,
                                            const std::vector<RuleProbability>& rules) const {
    std::vector<double> m(kRiskMetricCount);
    metricsInto(project, scenario, projectFlows(project, scenario), rules, m);
    return m;
}

void ScenarioKernel::metricsInto(const Project& project, const Scenario& scenario, const ProjectFlows& flows,
                                 const std::vector<RuleProbability>& rules, std::span<double> out,
                                 const ScenarioOutcomes* social) const {
    thread_local Flows v;  // per-thread scratch: no allocation once a thread has run a scenario
    thread_local std::vector<double> guarantee;
    std::optional<double> minDscr;
    variablePart(project, flows, scenario.capexFactor, v, guarantee, minDscr);
    detail::ScenarioFigures p;
    // The owner's loan of a guaranteed-savings ESPC is not booked when there is no capex to borrow
    // for (a capex factor of 0): the lenders' NPV is then at the public rate, as on the full path.
    const bool noOwnerLoan = kind_ == Kind::GuaranteedSavings && scenario.capexFactor == 0.0;
    for (std::size_t i = 0; i < kParties.size(); ++i) {
        std::vector<double>& x = v[i];
        for (std::size_t t = 0; t < x.size(); ++t) x[t] += fixed_[i][t];
        p.flows[i] = x;
        p.npvRate[i] = i == kLenders && noOwnerLoan ? project.rates.publicRate
                       : i == kLenders                ? lendersRate(rates_[i], lendersFloating_, flows.interestRateShift)
                                                      : rates_[i];
        p.npv[i] = finance::npv(*p.npvRate[i], x);
    }
    // The private party's equity IRR and the DSCR achieved when it has flows; the PV of the
    // revenue guarantee at the public rate.
    if (detail::hasFlows(p.flows[kPrivate])) {
        // irr's value, found faster from the forecast's; none for an ESCO that funds no capex
        if (kind_ != Kind::GuaranteedSavings && finance::startsWithOutlay(p.flows[kPrivate]))
            p.equityIrr = finance::irrSeeded(p.flows[kPrivate], irrSeed_, false).value;
        p.minDscr = minDscr;
    }
    if (!guarantee.empty()) p.guaranteePv = finance::npv(project.rates.publicRate, guarantee);
    p.cityPresentCost = -p.npv[kGov];
    double peak = p.cityPeakOutlay;  // a local: the loop keeps it in a register
    for (double x : v[kGov]) peak = std::max(peak, -x);
    p.cityPeakOutlay = peak;
    if (pppPayments_) p.pppSpendingPeak = pppSpendingPeak(flows.periods());
    if (social && social->outcomes && !social->outcomes->empty()) {
        // socialReturn reads the structure's outcome only for its service share and its real lines;
        // the real lines' PV is that of the parties' summed flows (transfers cancel), and what users
        // pay is the users' flows (their user charges).
        StructureOutcome outcome(flows.periods());
        if (kind_ == Kind::CapitalPhasing) outcome.serviceShare = phasingInService;
        const SocialReturn r = socialReturn(project, flows, outcome, *social->outcomes, *social->carbonPrice, social->factors);
        thread_local std::vector<double> real;
        real.assign(flows.periods(), 0.0);
        for (const auto& x : v)
            for (std::size_t t = 0; t < real.size(); ++t) real[t] += x[t];
        const double socialRate = project.rates.socialRate;
        p.socialValue = r.presentValue;
        p.economicNpv = r.presentValue + finance::npv(socialRate, real) + (0.0 - finance::npv(socialRate, v[kUsers]));
    }
    detail::metricsInto(project, p, rules, out);
}

} // namespace cityfin::models
