#pragma once
// Value for money: the risk-adjusted public sector comparator (PSC) against each private-finance
// structure's cost to the city plus the risks the city keeps there. Risk figures come from the
// risk-borne table (the city's expected risk cost, PV at the public rate), not typed-in shares.
//   risk-adjusted PSC = raw PSC + transferable risk + retained risk + competitive neutrality
//   private cost      = city present cost under the structure (base case) + retained risk
//   VfM               = risk-adjusted PSC - private cost;  VfM % = VfM / |risk-adjusted PSC|
// (the magnitude, so that a PSC that nets the city money keeps the sign of VfM meaningful)
// where, per risk r, retained_r is the city's expected cost of r under the private structure and
// transferable_r = (city's expected cost of r under the PSC) - retained_r; the interaction term is
// split the same way. The city's own arrears (a payment_shortfall risk) are listed but not counted:
// what the city does not pay it still owes, so it is no value for money. Method and references:
// docs/methodology/risk.md.

#include "models/risk/risk_borne.hpp"

#include <optional>

namespace cityfin::models {

struct VfmRiskLine {
    std::string riskId;         ///< "interaction" for the joint term
    double pscRisk = 0.0;       ///< city's expected cost of the risk under the PSC
    double retained = 0.0;      ///< city's expected cost under the private structure
    double transferable = 0.0;  ///< pscRisk - retained
    bool counted = true;        ///< false for the city's own arrears: listed, left out of the sums
};

struct VfmResult {
    std::string structureId;
    double rawPsc = 0.0;
    double transferableRisk = 0.0, retainedRisk = 0.0, competitiveNeutrality = 0.0;
    double riskAdjustedPsc = 0.0;
    double privateCityCost = 0.0;   ///< base-case city present cost under the structure
    double privateTotal = 0.0;      ///< privateCityCost + retainedRisk
    double vfmAmount = 0.0;
    std::optional<double> vfmPercent;  ///< empty when the risk-adjusted PSC is 0
    std::vector<VfmRiskLine> lines;
};

struct ValueForMoney {
    std::string pscStructureId;     ///< empty when the case has no traditional structure
    std::vector<VfmResult> structures;
};

/// The PSC is the first structure of kind "traditional". Every other structure is compared with it.
/// competitiveNeutrality (>= 0, "competitive_neutrality"): PV of the advantages a public provider has
/// and the PSC must add back (taxes it does not pay, ...).
ValueForMoney valueForMoney(const RiskRun& run, const RiskBorne& borne, double competitiveNeutrality = 0.0);

} // namespace cityfin::models
