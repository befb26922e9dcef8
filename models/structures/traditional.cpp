// Traditional public procurement, the public sector comparator: the city pays the capex from its
// budget and, for terms.loanShare of it, a municipal loan; it operates the asset, keeps every
// benefit and every risk, and pays no tax. Formulas: docs/methodology/structures/traditional.md.

#include "finance/debt.hpp"
#include "finance/errors.hpp"
#include "models/structures/build.hpp"
#include "models/structures/city_operation.hpp"
#include "models/support.hpp"

#include <cmath>
#include <string>

namespace cityfin::models {
namespace {

void validateTerms(const TraditionalTerms& t, const Project& project) {
    if (!std::isfinite(t.loanShare) || t.loanShare < 0.0 || t.loanShare > 1.0)
        throw InputError("terms.loan_share", formatValue(t.loanShare), "a share from 0 to 1");
    if (!(t.loanFloatingShare >= 0.0 && t.loanFloatingShare <= 1.0))
        throw InputError("terms.loan_floating_share", formatValue(t.loanFloatingShare), "a share of the loan from 0 to 1");
    if (t.loanShare == 0.0) return;  // no loan: its rate and tenor are not used
    if (!std::isfinite(t.loanRate) || t.loanRate < 0.0)
        throw InputError("terms.loan_rate", formatValue(t.loanRate), "a finite rate >= 0");
    if (t.loanTenorYears < 1 || t.loanTenorYears > project.operatingYears)
        throw InputError("terms.loan_tenor_years", std::to_string(t.loanTenorYears),
                         "1 to " + std::to_string(project.operatingYears) +
                             " years, repaid within the operating years");
}

std::vector<double> padded(std::vector<double> v, std::size_t n) {
    v.resize(n, 0.0);
    return v;
}

// The municipal loan: loanShare of each construction year's capex drawn with it (end of the year),
// interest capitalised to the end of construction, then an annuity over the tenor.
DebtOutcome bookMunicipalLoan(Ledger& ledger, const ProjectFlows& flows, const TraditionalTerms& t) {
    const std::size_t n = flows.periods(), c = static_cast<std::size_t>(flows.constructionYears);
    std::vector<double> drawdowns(c);
    for (std::size_t i = 0; i < c; ++i) drawdowns[i] = t.loanShare * flows.capex[i];
    const finance::DebtTerms terms{t.loanRate, 1, t.loanTenorYears, 0, finance::RepaymentProfile::Annuity,
                                   finance::DrawdownTiming::EndOfPeriod};
    DebtOutcome debt;
    debt.borrower = "government";
    debt.floatingShare = t.loanFloatingShare;
    debt.schedule = finance::constructionLoanSchedule(drawdowns, terms);
    finance::addFloatingInterest(debt.schedule, flows.interestRateShift * t.loanFloatingShare);
    for (double d : drawdowns) debt.amount += d;
    bookTransferIfAny(ledger, Party::Lenders, Party::Government, LineKind::Drawdown, padded(debt.schedule.drawdown, n));
    bookTransferIfAny(ledger, Party::Government, Party::Lenders, LineKind::Interest,
                      padded(debt.schedule.interestPaid, n));
    bookTransferIfAny(ledger, Party::Government, Party::Lenders, LineKind::Principal, padded(debt.schedule.principal, n));
    return debt;
}

} // namespace

StructureOutcome buildTraditional(const Project& project, const ProjectFlows& flows, const TraditionalTerms& terms,
                                  const SupportTerms& support) {
    validateSupport(support, project);
    validateTerms(terms, project);
    const std::size_t n = flows.periods();
    StructureOutcome outcome(n);
    outcome.privateRate = project.rates.privateRate;
    Ledger& ledger = outcome.ledger;

    const std::vector<double> all(n, 1.0);
    bookCostIfAny(ledger, Party::Government, LineKind::Capex, flows.capex);
    bookOperation(ledger, Party::Government, flows, all, 1.0);
    bookCityBenefits(ledger, flows, all);
    if (terms.loanShare > 0.0) outcome.debt = bookMunicipalLoan(ledger, flows, terms);

    bookGrantsAndSubsidy(ledger, withoutPrivateSupport(support), {});
    bookTaxIncrementAndCrowdfunding(ledger, support, flows, Party::Government);
    noteIgnoredPrivateSupport(outcome.notes, support, "traditional procurement has no private party");
    return outcome;
}

} // namespace cityfin::models
