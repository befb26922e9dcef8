#include "models/structures/booking.hpp"

#include "models/support.hpp"

#include <algorithm>

namespace cityfin::models {

bool anyNonZero(std::span<const double> amounts) {
    return std::any_of(amounts.begin(), amounts.end(), [](double x) { return x != 0.0; });
}

void bookRealIfAny(Ledger& ledger, Party party, LineKind kind, std::span<const double> amounts) {
    if (anyNonZero(amounts)) ledger.addReal(party, kind, amounts);
}

void bookCostIfAny(Ledger& ledger, Party payer, LineKind kind, std::span<const double> magnitudes) {
    if (!anyNonZero(magnitudes)) return;
    std::vector<double> amounts(magnitudes.size());
    std::transform(magnitudes.begin(), magnitudes.end(), amounts.begin(), [](double x) { return -1.0 * x; });
    ledger.addReal(payer, kind, amounts);
}

void bookTransferIfAny(Ledger& ledger, Party payer, Party payee, LineKind kind, std::span<const double> amounts) {
    if (anyNonZero(amounts)) ledger.addTransfer(payer, payee, kind, amounts);
}

void bookPrivateFinance(Ledger& ledger, const PrivateFinance& f) {
    bookTransferIfAny(ledger, Party::Lenders, Party::Private, LineKind::Drawdown, f.drawdown);
    bookTransferIfAny(ledger, Party::Private, Party::Lenders, LineKind::Interest, f.interestPaid);
    bookTransferIfAny(ledger, Party::Private, Party::Lenders, LineKind::Principal, f.principal);
    bookTransferIfAny(ledger, Party::Private, Party::Government, LineKind::Tax, f.tax);
    bookTransferIfAny(ledger, Party::Private, Party::Government, LineKind::GuaranteeFee, f.guaranteeFee);
}

std::vector<double> crowdfundingFlows(const SupportTerms& support, const ProjectFlows& flows, Party borrower) {
    if (!support.crowdfunding) return std::vector<double>(flows.periods(), 0.0);
    SupportTerms only;  // the tranche alone, booked on a scratch ledger as the real ledger will book it
    only.crowdfunding = support.crowdfunding;
    Ledger scratch(flows.periods());
    bookTaxIncrementAndCrowdfunding(scratch, only, flows, borrower);
    return scratch.partyFlows(borrower);
}

SupportTerms withoutPrivateSupport(const SupportTerms& support) {
    SupportTerms city = support;
    std::erase_if(city.grants, [](const Grant& g) { return g.toPrivate; });
    city.constructionSubsidyShare = 0.0;
    return city;
}

void noteIgnored(std::vector<std::string>& notes, std::string_view instrument, std::string_view why) {
    notes.push_back(std::string(instrument) + " ignored: " + std::string(why) + ".");
}

void noteIsIgnoredIf(std::vector<std::string>& notes, bool present, std::string_view instrument,
                     std::string_view why) {
    if (present) notes.push_back(std::string(instrument) + " is ignored: " + std::string(why) + ".");
}

void noteIgnoredPrivateSupport(std::vector<std::string>& notes, const SupportTerms& s, std::string_view why) {
    for (const Grant& g : s.grants)
        if (g.toPrivate)
            noteIgnored(notes, "Grant to the private party" + (g.source.empty() ? "" : " from " + g.source), why);
    if (s.constructionSubsidyShare > 0.0) noteIgnored(notes, "Construction subsidy", why);
    if (s.minimumRevenueGuarantee) noteIgnored(notes, "Minimum revenue guarantee", why);
    if (s.creditGuarantee) noteIgnored(notes, "Credit guarantee", why);
    if (s.taxIncentive) noteIgnored(notes, "Tax incentive", why);
    if (s.coInvestment) noteIgnored(notes, "Public co-investment", why);
}

int assetTaxLife(const Project& project) {
    return project.depreciationYears > 0 ? project.depreciationYears : project.operatingYears;
}

int depreciationLife(const Project& project, int yearsHeld) {
    return std::max(1, std::min(assetTaxLife(project), yearsHeld));
}

std::vector<double> unpaidPart(const ProjectFlows& flows, std::span<const double> contractual) {
    std::vector<double> unpaid(contractual.size(), 0.0);
    if (flows.paymentShortfall == 0.0) return unpaid;
    for (std::size_t t = 0; t < unpaid.size(); ++t) unpaid[t] = flows.paymentShortfall * contractual[t];
    return unpaid;
}

void bookArrears(Ledger& ledger, std::span<const double> unpaid) {
    bookTransferIfAny(ledger, Party::Private, Party::Government, LineKind::PaymentArrears, unpaid);
}

} // namespace cityfin::models
