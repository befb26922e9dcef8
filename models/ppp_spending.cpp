#include "models/ppp_spending.hpp"

namespace cityfin::models {

bool isPppKind(std::string_view kind) {
    return kind == "ppp_availability" || kind == "concession" || kind == "revenue_sharing";
}

bool isGovernmentPayPpp(std::string_view kind) { return kind == "ppp_availability"; }

bool isPppPayment(LineKind kind) {
    switch (kind) {
    case LineKind::UnitaryCharge:
    case LineKind::AvailabilityDeduction:
    case LineKind::ConstructionSubsidy:
    case LineKind::RevenueGuarantee:
    case LineKind::EquityInjection: return true;
    default: return false;
    }
}

std::vector<double> pppPayments(const Ledger& ledger) {
    std::vector<double> paid(ledger.periods(), 0.0);
    for (const Line& line : ledger.lines()) {
        if (line.party != Party::Government || line.counterparty != Party::Private || !isPppPayment(line.kind)) continue;
        for (std::size_t t = 0; t < paid.size(); ++t) paid[t] -= line.amounts[t];  // the city's view: paid < 0
    }
    return paid;
}

} // namespace cityfin::models
