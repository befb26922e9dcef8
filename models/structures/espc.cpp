// Energy savings performance contract (US DOE FEMP ESPC; IPMVP for measurement and verification).
// Guaranteed savings: the city finances the retrofit and pays the ESCO a fee; the ESCO guarantees a
// share of the forecast savings and pays any shortfall. Shared savings: the ESCO finances the
// retrofit and takes a share of the measured savings for the term. In both, the ESCO maintains the
// measures during the term and the city keeps every saving after it.
// Formulas: docs/methodology/structures/espc.md.

#include "finance/debt.hpp"
#include "finance/errors.hpp"
#include "finance/metrics.hpp"
#include "finance/solver.hpp"
#include "models/number_format.hpp"
#include "models/structures/build.hpp"
#include "models/structures/energy_booking.hpp"
#include "models/support.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <string>

namespace cityfin::models {
namespace {

using namespace energy_booking;

void requireShare(const std::string& field, double x) {
    if (!std::isfinite(x) || x < 0.0 || x > 1.0) throw InputError(field, formatValue(x), "a share from 0 to 1");
}

void requireAmount(const std::string& field, double x) {
    if (!std::isfinite(x) || x < 0.0) throw InputError(field, formatValue(x), "an amount >= 0");
}

void validateTerms(const ProjectFlows& flows, const EspcTerms& t) {
    if (t.termYears < 1 || t.termYears > flows.operatingYears)
        throw InputError("terms.term_years", std::to_string(t.termYears),
                         "1 to " + std::to_string(flows.operatingYears) + " years, within the operating years");
    requireShare("terms.guaranteed_share", t.guaranteedShare);
    requireAmount("terms.annual_fee", t.annualFee);
    requireShare("terms.owner_loan_share", t.ownerLoanShare);
    if (!std::isfinite(t.ownerLoanRate) || t.ownerLoanRate < 0.0)
        throw InputError("terms.owner_loan_rate", formatValue(t.ownerLoanRate), "a finite rate >= 0");
    requireShare("terms.owner_loan_floating_share", t.ownerLoanFloatingShare);
    if (t.escoShare) requireShare("terms.esco_share", *t.escoShare);
    if (t.equityHurdle) requireRate("terms.equity_hurdle", *t.equityHurdle);
    if (t.bidEquityIrr) requireRate("terms.bid_equity_irr", *t.bidEquityIrr);
    requireAmount("terms.mv_cost_per_year", t.mvCostPerYear);
    if (t.variant == EspcTerms::Variant::SharedSavings && t.escoDebt &&
        (t.escoDebt->tenorYears < 1 || t.escoDebt->tenorYears > t.termYears))
        throw InputError("terms.esco_debt.tenor_years", std::to_string(t.escoDebt->tenorYears),
                         "1 to the term of " + std::to_string(t.termYears) +
                             " years: the ESCO repays from its share of the savings");
}

// The contract term: operating periods [from, to) as planned (a delay does not extend it).
struct Term {
    std::size_t from = 0, to = 0;
    int years = 0;
};

// The ESCO maintains the measures (opex and lifecycle) during the term; the city after it.
struct EscoCosts {
    Amounts opex, lifecycle;
};

EscoCosts bookOperations(Ledger& ledger, const ProjectFlows& flows, const Term& term) {
    EscoCosts esco{window(flows.opex, term.from, term.to), window(flows.lifecycle, term.from, term.to)};
    bookCostIfAny(ledger, Party::Private, LineKind::Opex, esco.opex);
    bookCostIfAny(ledger, Party::Private, LineKind::Lifecycle, esco.lifecycle);
    bookCostIfAny(ledger, Party::Government, LineKind::Opex, minus(flows.opex, esco.opex));
    bookCostIfAny(ledger, Party::Government, LineKind::Lifecycle, minus(flows.lifecycle, esco.lifecycle));
    return esco;
}

// What both variants share: the city keeps savings, revenue and residual, and pays M&V in the term.
StructureOutcome cityOwnedBase(const Project& project, const ProjectFlows& flows, const EspcTerms& t,
                               const Term& term) {
    const std::size_t n = flows.periods();
    StructureOutcome outcome(n);
    outcome.privateRate = t.equityHurdle.value_or(project.rates.privateRate);
    bookRevenue(outcome.ledger, flows, Party::Government, 0, n);
    bookSavingsAndResidual(outcome.ledger, flows, Party::Government);
    Amounts mv(n, 0.0);
    for (std::size_t i = term.from; i < term.to; ++i) mv[i] = t.mvCostPerYear * flows.priceIndex[i];
    bookCostIfAny(outcome.ledger, Party::Government, LineKind::MeasurementAndVerification, mv);
    return outcome;
}

// The owner's loan: ownerLoanShare of each construction year's capex, interest capitalised to
// completion, then an annuity over the term.
void bookOwnerLoan(StructureOutcome& outcome, const ProjectFlows& flows, const EspcTerms& t, const Term& term) {
    std::vector<double> draws(static_cast<std::size_t>(flows.constructionYears));
    for (std::size_t i = 0; i < draws.size(); ++i) draws[i] = t.ownerLoanShare * flows.capex[i];
    if (!anyNonZero(draws)) return;
    const finance::DebtTerms terms{t.ownerLoanRate, 1, term.years, 0, finance::RepaymentProfile::Annuity,
                                   finance::DrawdownTiming::EndOfPeriod};
    DebtOutcome debt;
    debt.borrower = "government";
    debt.floatingShare = t.ownerLoanFloatingShare;
    debt.schedule = finance::constructionLoanSchedule(draws, terms);
    finance::addFloatingInterest(debt.schedule, flows.interestRateShift * t.ownerLoanFloatingShare);
    for (double d : draws) debt.amount += d;
    const std::size_t n = flows.periods();
    const auto padded = [n](std::vector<double> v) { v.resize(n, 0.0); return v; };
    Ledger& ledger = outcome.ledger;
    bookTransferIfAny(ledger, Party::Lenders, Party::Government, LineKind::Drawdown, padded(debt.schedule.drawdown));
    bookTransferIfAny(ledger, Party::Government, Party::Lenders, LineKind::Interest, padded(debt.schedule.interestPaid));
    bookTransferIfAny(ledger, Party::Government, Party::Lenders, LineKind::Principal, padded(debt.schedule.principal));
    outcome.debt = std::move(debt);
}

StructureOutcome buildGuaranteedSavings(const Project& project, const ProjectFlows& flows, const EspcTerms& t,
                                        const SupportTerms& s, const Term& term) {
    const std::size_t n = flows.periods();
    StructureOutcome outcome = cityOwnedBase(project, flows, t, term);
    Ledger& ledger = outcome.ledger;
    bookCostIfAny(ledger, Party::Government, LineKind::Capex, flows.capex);
    const EscoCosts esco = bookOperations(ledger, flows, term);
    Amounts fee(n, 0.0), shortfall(n, 0.0);
    for (std::size_t i = term.from; i < term.to; ++i) {
        fee[i] = t.annualFee * flows.priceIndex[i];
        shortfall[i] = std::max(0.0, t.guaranteedShare * flows.forecastEnergySavings[i] - flows.energySavings[i]);
    }
    bookTransferIfAny(ledger, Party::Government, Party::Private, LineKind::ServiceFee, fee);
    bookTransferIfAny(ledger, Party::Private, Party::Government, LineKind::SavingsShortfall, shortfall);
    const Amounts unpaid = unpaidPart(flows, fee);  // the scenario's payment shortfall
    bookArrears(ledger, unpaid);
    bookOwnerLoan(outcome, flows, t, term);

    // The ESCO invests nothing; its profit (fee - maintenance - shortfall) is taxed.
    const Amounts noCapex(n, 0.0);
    PrivateFinanceInputs in;
    in.capex = noCapex;
    in.upfrontSupport = privateUpfrontSupport(s, noCapex, n);
    in.operatingCash = minus(minus(minus(minus(fee, unpaid), esco.opex), esco.lifecycle), shortfall);
    in.constructionYears = flows.constructionYears;
    in.taxRate = project.taxRate;
    in.taxIncentive = s.taxIncentive;
    const PrivateFinance finance = financePrivateParty(in);
    bookGrantsAndSubsidy(ledger, s, noCapex);
    bookPrivateFinance(ledger, finance);
    bookTaxIncrementAndCrowdfunding(ledger, s, flows, Party::Government);
    bookCoInvestment(ledger, s, equityFlows(in, finance));

    auto& notes = outcome.notes;
    noteIsIgnoredIf(notes, s.constructionSubsidyShare > 0.0, "The construction subsidy",
                "in a guaranteed-savings ESPC the city itself funds the capex");
    noteIsIgnoredIf(notes, s.minimumRevenueGuarantee.has_value(), "The minimum revenue guarantee",
                "the city collects the user charges; the ESCO guarantees savings, not revenue");
    noteIsIgnoredIf(notes, s.creditGuarantee.has_value(), "The credit guarantee",
                "in a guaranteed-savings ESPC the ESCO does not borrow");
    return outcome;
}

// The ESCO's position at a given share of the savings: its financing and its equity flows
// (crowdfunding included, as the ledger books it).
struct EscoPosition {
    PrivateFinanceInputs inputs;
    PrivateFinance finance;
    Amounts equity;
};

// What the ESCO's lenders size its debt on at financial close: the forecast's ESCO costs in the term
// and forecast savings (docs/methodology/private-finance.md, section 1). Empty without ESCO debt.
struct EscoSizing {
    Amounts baseCash;       ///< -(opex + lifecycle) in the term, on the forecast
    Amounts savingsInTerm;  ///< the forecast's savings in the term
};

// unpaid: the share of what the city owes the ESCO that it does not pay (the payment shortfall).
EscoPosition escoAt(double share, const PrivateFinanceInputs& base, const Amounts& savingsInTerm,
                    const Amounts& crowdfunding, double unpaid, const std::optional<EscoSizing>& sizing) {
    EscoPosition p{base, {}, {}};
    for (std::size_t i = 0; i < savingsInTerm.size(); ++i) {
        const double owed = share * savingsInTerm[i];
        p.inputs.operatingCash[i] += owed - (unpaid == 0.0 ? 0.0 : unpaid * owed);
    }
    if (sizing) {
        Amounts cash = sizing->baseCash;
        for (std::size_t i = 0; i < cash.size(); ++i) cash[i] += share * sizing->savingsInTerm[i];
        p.inputs.sizingCash = std::move(cash);
    }
    p.finance = financePrivateParty(p.inputs);
    p.equity = equityFlows(p.inputs, p.finance);
    for (std::size_t i = 0; i < p.equity.size(); ++i) p.equity[i] += crowdfunding[i];
    return p;
}

// The ESCO share at which the ESCO's equity NPV at `hurdle` is zero; `what` names that return in the
// notes ("hurdle", or "bid return" when the terms price above the hurdle).
double solveEscoShare(StructureOutcome& outcome, const std::function<Amounts(double)>& equityAt, double hurdle,
                      const Term& term, const std::string& what) {
    const auto npvAt = [&](double share) { return finance::npv(hurdle, equityAt(share)); };
    const finance::Answer share = finance::solveBreakEven(npvAt, 0.0, 0.0, 1.0);
    if (share.value) {
        outcome.solved.push_back({"esco_share", "ESCO share of the measured savings during the term", *share.value,
                                  "share"});
        return *share.value;
    }
    if (npvAt(1.0) < 0.0) {
        const finance::Answer irr = finance::irr(equityAt(1.0));
        outcome.notes.push_back(
            "Insufficient savings: even 100% of the measured savings over the " + std::to_string(term.years) +
            "-year term does not give the ESCO its " + formatPercent(hurdle, 2) + " " + what +
            " (its equity IRR at 100% is " +
            (irr.value ? formatPercent(*irr.value, 2) : "undefined: " + irr.reason) +
            "); the ESCO share could not be solved and the ledger uses 100%.");
        return 1.0;
    }
    outcome.notes.push_back("The ESCO earns more than its " + formatPercent(hurdle, 2) + " " + what +
                            " with no share of the savings (its support exceeds what it needs); the ESCO "
                            "share could not be solved and the ledger uses 0%.");
    return 0.0;
}

// The ESCO's financing inputs on these flows, before its share of the savings: its capex, support,
// and its costs in the term.
PrivateFinanceInputs escoInputs(const Project& project, const ProjectFlows& flows, const EspcTerms& t,
                                const SupportTerms& s, const Term& term) {
    PrivateFinanceInputs in;
    in.capex = flows.capex;
    in.upfrontSupport = privateUpfrontSupport(s, flows.capex, flows.periods());
    in.operatingCash = scaled(window(flows.opex, term.from, term.to), -1.0);
    const Amounts lifecycle = window(flows.lifecycle, term.from, term.to);
    for (std::size_t i = 0; i < lifecycle.size(); ++i) in.operatingCash[i] -= lifecycle[i];
    in.constructionYears = flows.constructionYears;
    in.debt = t.escoDebt;
    in.taxRate = project.taxRate;
    in.depreciationYears = depreciationLife(project, term.years);
    in.taxIncentive = s.taxIncentive;
    in.rateShift = flows.interestRateShift;
    if (t.escoDebt && s.creditGuarantee) {
        in.guaranteeFeeRate = s.creditGuarantee->feeRate;
        in.rateReduction = s.creditGuarantee->spreadReduction;
    }
    return in;
}

StructureOutcome buildSharedSavings(const Project& project, const ProjectFlows& flows, const EspcTerms& t,
                                    const SupportTerms& s, const Term& term) {
    StructureOutcome outcome = cityOwnedBase(project, flows, t, term);
    Ledger& ledger = outcome.ledger;
    bookCostIfAny(ledger, Party::Private, LineKind::Capex, flows.capex);
    bookOperations(ledger, flows, term);

    // The contract is signed on the forecast: the ESCO prices its share of the savings on it, and its
    // lenders size the debt on it (capex, support, costs and savings), as an SPV's bidders and lenders
    // do (docs/methodology/private-finance.md, section 1). A scenario's overrun or savings shortfall
    // then falls on the ESCO's return and its cover, not on the share it bid.
    const auto forecastHandle = forecastFlows(project, flows);
    const ProjectFlows& forecast = *forecastHandle;
    PrivateFinanceInputs base = escoInputs(project, flows, t, s, term);
    const PrivateFinanceInputs forecastBase = escoInputs(project, forecast, t, s, term);
    std::optional<EscoSizing> sizing;
    if (t.escoDebt) {
        base.sizingCapex = forecast.capex;
        base.sizingUpfrontSupport = forecastBase.upfrontSupport;
        sizing = EscoSizing{forecastBase.operatingCash, window(forecast.energySavings, term.from, term.to)};
    }
    const Amounts savingsInTerm = window(flows.energySavings, term.from, term.to);
    const Amounts crowd = crowdfundingFlows(s, flows, Party::Private);
    const Amounts forecastSavingsInTerm = window(forecast.energySavings, term.from, term.to);
    const Amounts forecastCrowd = crowdfundingFlows(s, forecast, Party::Private);
    const auto bidEquityAt = [&](double share) {  // on the forecast: no shortfall, no arrears, no rate shift
        return escoAt(share, forecastBase, forecastSavingsInTerm, forecastCrowd, 0.0, sizing).equity;
    };
    // Priced at the bid's return when the terms give one, else at the hurdle.
    const double share =
        t.escoShare ? *t.escoShare : solveEscoShare(outcome, bidEquityAt, t.bidEquityIrr.value_or(outcome.privateRate), term,
                                                         t.bidEquityIrr ? "bid return" : "hurdle");
    const EscoPosition position = escoAt(share, base, savingsInTerm, crowd, flows.paymentShortfall, sizing);

    bookTransferIfAny(ledger, Party::Government, Party::Private, LineKind::SavingsShare, scaled(savingsInTerm, share));
    bookArrears(ledger, unpaidPart(flows, scaled(savingsInTerm, share)));
    bookGrantsAndSubsidy(ledger, s, flows.capex);
    bookPrivateFinance(ledger, position.finance);
    bookTaxIncrementAndCrowdfunding(ledger, s, flows, Party::Private);
    bookCoInvestment(ledger, s, position.equity);
    outcome.debt = position.finance.debt;
    outcome.notes.insert(outcome.notes.end(), position.finance.notes.begin(), position.finance.notes.end());
    noteIsIgnoredIf(outcome.notes, s.minimumRevenueGuarantee.has_value(), "The minimum revenue guarantee",
                "the city collects the user charges; the ESCO is paid from savings, not revenue");
    noteIsIgnoredIf(outcome.notes, s.creditGuarantee.has_value() && !t.escoDebt, "The credit guarantee",
                "the ESCO has no debt (terms.esco_debt is absent)");
    return outcome;
}

} // namespace

StructureOutcome buildEspc(const Project& project, const ProjectFlows& flows, const EspcTerms& t,
                           const SupportTerms& support) {
    validateSupport(support, project);
    validateTerms(flows, t);
    const std::size_t from = static_cast<std::size_t>(flows.constructionYears);
    const Term term{from, from + static_cast<std::size_t>(t.termYears), t.termYears};
    return t.variant == EspcTerms::Variant::GuaranteedSavings ? buildGuaranteedSavings(project, flows, t, support, term)
                                                              : buildSharedSavings(project, flows, t, support, term);
}

} // namespace cityfin::models
