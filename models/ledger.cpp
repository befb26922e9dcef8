#include "models/ledger.hpp"

#include "finance/errors.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace cityfin::models {
namespace {

struct KindNames {
    LineKind kind;
    std::string_view id;
    std::string_view name;
};

constexpr KindNames kKindNames[] = {
    {LineKind::Capex, "capex", "Capital expenditure"},
    {LineKind::Opex, "opex", "Operating costs"},
    {LineKind::Lifecycle, "lifecycle", "Lifecycle replacement"},
    {LineKind::EnergySavings, "energy_savings", "Energy cost saved"},
    {LineKind::OtherRevenue, "other_revenue", "Other revenue"},
    {LineKind::ResidualValue, "residual_value", "Residual value"},
    {LineKind::IssuanceCost, "issuance_cost", "Bond issuance costs"},
    {LineKind::ExternalReview, "external_review", "Green bond external review"},
    {LineKind::MeasurementAndVerification, "measurement_verification", "Measurement and verification"},
    {LineKind::UserCharge, "user_charge", "User charges"},
    {LineKind::UnitaryCharge, "unitary_charge", "Unitary (availability) charge"},
    {LineKind::AvailabilityDeduction, "availability_deduction", "Availability deductions"},
    {LineKind::ServiceFee, "service_fee", "Service fee"},
    {LineKind::Instalment, "instalment", "Deferred purchase instalment"},
    {LineKind::Grant, "grant", "Grant"},
    {LineKind::ConstructionSubsidy, "construction_subsidy", "Construction subsidy"},
    {LineKind::RevenueGuarantee, "revenue_guarantee", "Minimum revenue guarantee payment"},
    {LineKind::RevenueClawback, "revenue_clawback", "Revenue shared above the cap"},
    {LineKind::RevenueShare, "revenue_share", "Revenue share"},
    {LineKind::CostShare, "cost_share", "Cost share"},
    {LineKind::SavingsShare, "savings_share", "Share of energy savings"},
    {LineKind::SavingsShortfall, "savings_shortfall", "Guaranteed-savings shortfall payment"},
    {LineKind::Drawdown, "drawdown", "Debt drawdown"},
    {LineKind::Interest, "interest", "Interest"},
    {LineKind::Principal, "principal", "Principal repayment"},
    {LineKind::BondProceeds, "bond_proceeds", "Bond proceeds"},
    {LineKind::Coupon, "coupon", "Bond coupons"},
    {LineKind::Redemption, "redemption", "Bond redemption"},
    {LineKind::GuaranteeFee, "guarantee_fee", "Credit guarantee fee"},
    {LineKind::Tax, "tax", "Corporate income tax"},
    {LineKind::TaxIncrement, "tax_increment", "Tax increment"},
    {LineKind::EquityInjection, "equity_injection", "Public co-investment"},
    {LineKind::Dividend, "dividend", "Distributions on the public stake"},
    {LineKind::PaymentArrears, "payment_arrears", "Contractual payments the city does not pay (arrears)"},
};

const KindNames& namesOf(LineKind kind) {
    for (const KindNames& entry : kKindNames)
        if (entry.kind == kind) return entry;
    return kKindNames[0];
}

} // namespace

std::string_view lineKindId(LineKind kind) { return namesOf(kind).id; }
std::string_view lineKindName(LineKind kind) { return namesOf(kind).name; }

Ledger::Ledger(std::size_t periods) : realFlows_(periods, 0.0) {
    if (periods == 0) throw InputError("periods", "0", "at least one period");
    lines_.reserve(32);  // a structure books 10-30 lines: no reallocation while it does
}

void Ledger::requireLength(std::span<const double> amounts) const {
    if (amounts.size() != periods())
        throw InputError("ledger line", std::to_string(amounts.size()) + " amounts",
                         std::to_string(periods()) + ", one per period");
    for (std::size_t i = 0; i < amounts.size(); ++i)  // the field name is built only for an error
        if (!std::isfinite(amounts[i])) requireFinite(indexedField("ledger line", i), amounts[i]);
}

void Ledger::addReal(Party party, LineKind kind, std::span<const double> amounts) {
    requireLength(amounts);
    lines_.push_back({party, kind, std::nullopt, {amounts.begin(), amounts.end()}});
    for (std::size_t t = 0; t < amounts.size(); ++t) realFlows_[t] += amounts[t];
}

void Ledger::addTransfer(Party payer, Party payee, LineKind kind, std::span<const double> amounts) {
    requireLength(amounts);
    std::vector<double> paid(amounts.size());
    std::transform(amounts.begin(), amounts.end(), paid.begin(), [](double x) { return -x; });
    lines_.push_back({payer, kind, payee, std::move(paid)});
    lines_.push_back({payee, kind, payer, {amounts.begin(), amounts.end()}});
}

std::vector<double> Ledger::partyFlows(Party party) const {
    std::vector<double> total(periods(), 0.0);
    for (const Line& line : lines_)
        if (line.party == party)
            for (std::size_t t = 0; t < total.size(); ++t) total[t] += line.amounts[t];
    return total;
}

std::vector<double> Ledger::lineTotal(Party party, LineKind kind) const {
    std::vector<double> total(periods(), 0.0);
    for (const Line& line : lines_)
        if (line.party == party && line.kind == kind)
            for (std::size_t t = 0; t < total.size(); ++t) total[t] += line.amounts[t];
    return total;
}

double Ledger::conservationError() const {
    std::vector<double> sum(periods(), 0.0);
    for (const Line& line : lines_)
        for (std::size_t t = 0; t < sum.size(); ++t) sum[t] += line.amounts[t];
    double worst = 0.0;
    for (std::size_t t = 0; t < sum.size(); ++t) worst = std::max(worst, std::abs(sum[t] - realFlows_[t]));
    return worst;
}

} // namespace cityfin::models
