#pragma once
// The ledger of one structure applied to one project: per period and per party, signed lines.
//
// Two kinds of line keep money conserved by construction:
//  - a real line is money exchanged with the world outside the parties (contractors paid for capex,
//    suppliers for opex, the energy bill saved, the asset's residual value); it is held by one party
//    and also adds to the project's real flows;
//  - a transfer is money moving between two parties (a unitary charge, a loan drawdown, a user fee,
//    tax): it is booked twice, negative for the payer and positive for the payee.
// So in every period the parties' lines sum to the project's real flows; conservationError() checks it.

#include "models/party.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace cityfin::models {

enum class LineKind {
    // real flows
    Capex, Opex, Lifecycle, EnergySavings, OtherRevenue, ResidualValue, IssuanceCost, ExternalReview,
    MeasurementAndVerification,
    // transfers
    UserCharge, UnitaryCharge, AvailabilityDeduction, ServiceFee, Instalment, Grant, ConstructionSubsidy,
    RevenueGuarantee, RevenueClawback, RevenueShare, CostShare, SavingsShare, SavingsShortfall, Drawdown,
    Interest, Principal, BondProceeds, Coupon, Redemption, GuaranteeFee, Tax, TaxIncrement,
    EquityInjection, Dividend,
    PaymentArrears,  ///< the part of the city's contractual payments it does not pay (Scenario::paymentShortfall)
};

/// Stable identifier used in files and JSON, e.g. "unitary_charge".
std::string_view lineKindId(LineKind kind);
/// Name for people, e.g. "Unitary charge".
std::string_view lineKindName(LineKind kind);

struct Line {
    Party party;
    LineKind kind;
    std::optional<Party> counterparty;  ///< empty for a real line
    std::vector<double> amounts;        ///< one per period, from the party's point of view
};

class Ledger {
public:
    explicit Ledger(std::size_t periods);

    std::size_t periods() const noexcept { return realFlows_.size(); }

    /// Money between `party` and the outside world; amounts from the party's view (in positive).
    void addReal(Party party, LineKind kind, std::span<const double> amounts);

    /// Money from payer to payee; positive amounts are paid by payer. Booked on both sides.
    void addTransfer(Party payer, Party payee, LineKind kind, std::span<const double> amounts);

    const std::vector<Line>& lines() const noexcept { return lines_; }
    const std::vector<double>& realFlows() const noexcept { return realFlows_; }

    /// The party's net flow per period: the sum of its lines.
    std::vector<double> partyFlows(Party party) const;

    /// The sum of the party's lines of one kind per period (zeros when it has none).
    std::vector<double> lineTotal(Party party, LineKind kind) const;

    /// Largest absolute gap, over periods, between the sum of all parties' lines and the real flows.
    double conservationError() const;

private:
    void requireLength(std::span<const double> amounts) const;
    std::vector<Line> lines_;
    std::vector<double> realFlows_;
};

} // namespace cityfin::models
