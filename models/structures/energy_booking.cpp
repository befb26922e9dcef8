#include "models/structures/energy_booking.hpp"

#include "models/support.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace cityfin::models::energy_booking {

Amounts window(std::span<const double> amounts, std::size_t from, std::size_t to) {
    Amounts out(amounts.size(), 0.0);
    for (std::size_t t = from; t < to && t < amounts.size(); ++t) out[t] = amounts[t];
    return out;
}

Amounts minus(std::span<const double> amounts, std::span<const double> part) {
    Amounts out(amounts.begin(), amounts.end());
    for (std::size_t t = 0; t < out.size() && t < part.size(); ++t) out[t] -= part[t];
    return out;
}

Amounts scaled(std::span<const double> amounts, double factor) {
    Amounts out(amounts.size());
    std::transform(amounts.begin(), amounts.end(), out.begin(), [factor](double x) { return factor * x; });
    return out;
}

bool anyNonZero(std::span<const double> amounts) {
    return std::any_of(amounts.begin(), amounts.end(), [](double x) { return x != 0.0; });
}

void bookCost(Ledger& ledger, Party payer, LineKind kind, std::span<const double> magnitudes) {
    if (anyNonZero(magnitudes)) ledger.addReal(payer, kind, scaled(magnitudes, -1.0));
}

void bookIncome(Ledger& ledger, Party holder, LineKind kind, std::span<const double> magnitudes) {
    if (anyNonZero(magnitudes)) ledger.addReal(holder, kind, magnitudes);
}

void bookTransfer(Ledger& ledger, Party payer, Party payee, LineKind kind, std::span<const double> amounts) {
    if (anyNonZero(amounts)) ledger.addTransfer(payer, payee, kind, amounts);
}

void bookRevenue(Ledger& ledger, const ProjectFlows& flows, Party holder, std::size_t from, std::size_t to) {
    bookTransfer(ledger, Party::Users, holder, LineKind::UserCharge, window(flows.userCharges, from, to));
    bookIncome(ledger, holder, LineKind::OtherRevenue, window(flows.marketRevenue, from, to));
}

void bookSavingsAndResidual(Ledger& ledger, const ProjectFlows& flows, Party owner) {
    bookIncome(ledger, owner, LineKind::EnergySavings, flows.energySavings);
    bookIncome(ledger, owner, LineKind::ResidualValue, flows.residualValue);
}

void bookPrivateFinance(Ledger& ledger, const PrivateFinance& f) {
    bookTransfer(ledger, Party::Lenders, Party::Private, LineKind::Drawdown, f.drawdown);
    bookTransfer(ledger, Party::Private, Party::Lenders, LineKind::Interest, f.interestPaid);
    bookTransfer(ledger, Party::Private, Party::Lenders, LineKind::Principal, f.principal);
    bookTransfer(ledger, Party::Private, Party::Government, LineKind::Tax, f.tax);
    bookTransfer(ledger, Party::Private, Party::Government, LineKind::GuaranteeFee, f.guaranteeFee);
}

Amounts crowdfundingFlows(const SupportTerms& support, const ProjectFlows& flows, Party borrower) {
    SupportTerms only;
    only.crowdfunding = support.crowdfunding;
    Ledger scratch(flows.periods());
    bookTaxIncrementAndCrowdfunding(scratch, only, flows, borrower);
    return scratch.partyFlows(borrower);
}

SupportTerms cityOnlySupport(const SupportTerms& support) {
    SupportTerms city = support;
    std::erase_if(city.grants, [](const Grant& g) { return g.toPrivate; });
    city.constructionSubsidyShare = 0.0;
    return city;
}

void noteIgnored(std::vector<std::string>& notes, bool present, std::string_view instrument, std::string_view why) {
    if (present) notes.push_back(std::string(instrument) + " is ignored: " + std::string(why) + ".");
}

int depreciationLife(const Project& project, int yearsHeld) {
    const int life = project.depreciationYears > 0 ? project.depreciationYears : project.operatingYears;
    return std::max(1, std::min(life, yearsHeld));
}

std::string money(double amount, const std::string& currency) {
    char buffer[64];
    const double rounded = std::round(amount);
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, std::abs(rounded), std::chars_format::fixed, 0).ptr;
    const std::string digits(buffer, end);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
        grouped += digits[i];
    }
    return (rounded < 0.0 ? "-" : "") + grouped + " " + currency;
}

std::string percent(double share) {
    char buffer[64];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, share * 100.0, std::chars_format::fixed, 2).ptr;
    return std::string(buffer, end) + "%";
}

} // namespace cityfin::models::energy_booking
