#pragma once
// The social return of one structure: each outcome's quantity and value per period as the structure
// delivers the project (a phased build delivers a growing share), net of deadweight, attribution,
// displacement and drop-off, discounted at the social rate; economic NPV, benefit-cost ratio, SROI
// ratio and payback, and the cost per t CO2e abated. Method and references:
// docs/methodology/social-return.md.

#include "finance/answer.hpp"
#include "models/outcome.hpp"
#include "models/project.hpp"
#include "models/social/outcomes.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace cityfin::models {

struct OutcomeValue {
    std::string id, name, unit;
    OutcomeCategory category = OutcomeCategory::Social;
    std::vector<double> quantity;     ///< per period, attributable (after the three adjustments)
    std::vector<double> grossValue;   ///< per period, quantity before adjustments x proxy
    std::vector<double> netImpact;    ///< per period, after deadweight, attribution and displacement
    double presentValue = 0.0;        ///< of netImpact at the social rate
    double tonnesCo2 = 0.0;           ///< attributable t CO2e over the horizon
};

struct SocialReturn {
    double socialRate = 0.0;
    std::vector<OutcomeValue> outcomes;
    std::array<double, 4> presentValueByCategory{};  ///< in kOutcomeCategories order
    double grossPresentValue = 0.0;   ///< before the adjustments
    double presentValue = 0.0;        ///< PV of the net impact of every outcome
    double realFlowsNpv = 0.0;        ///< the structure's real flows at the social rate
    double userPaymentsPv = 0.0;      ///< user charges paid: a lower bound of the users' willingness to pay
    double economicNpv = 0.0;         ///< presentValue + realFlowsNpv + userPaymentsPv
    double benefitsPv = 0.0;          ///< presentValue + PV of the real inflows + userPaymentsPv
    double costsPv = 0.0;             ///< PV of the real outflows (> 0)
    std::optional<double> benefitCostRatio;  ///< benefitsPv / costsPv
    double investmentPv = 0.0;        ///< the SROI "inputs": PV of the real outflows
    std::optional<double> sroiRatio;  ///< presentValue / investmentPv
    finance::Answer sroiPaybackYears; ///< years until the cumulative PV of impact repays the inputs
    double tonnesCo2 = 0.0;           ///< attributable t CO2e over the horizon
    double carbonPresentValue = 0.0;  ///< PV of the outcomes valued at the carbon price
    /// Net cost to society before valuing carbon, per tonne: -(economicNpv - carbonPresentValue) /
    /// tonnesCo2; negative when the project abates and gains. Empty without tonnes.
    std::optional<double> costPerTonneCo2;
};

/// A risk scenario's multipliers on one outcome (the outcome with `id`), on top of the global ones.
struct OutcomeFactor {
    std::string id;
    double quantity = 1.0;
    double proxy = 1.0;   ///< on the value per unit, proxy or carbon price alike
};

/// Multipliers a risk scenario puts on the outcomes; all 1 in the base case. Outcome k's quantity
/// is multiplied by `quantity` x the `quantity` of every entry of `byOutcome` with its id (several
/// entries multiply, like several risks on one Scenario factor); likewise its value per unit by
/// `proxy` x the entries' `proxy`, and by `carbonPrice` when it is valued at the carbon price.
///
/// Hook for the risk Monte Carlo (docs/methodology/social-return.md, "Risk"): per draw, build the
/// factors from the draws of the risks on outcomes and call
///     socialReturn(project, e.project, e.outcome, case.outcomes, case.carbonPrice, factors)
/// on that draw's Evaluation `e` (its flows already carry the draw's delay and phasing).
/// Every factor must be finite and >= 0 and every id one of the outcomes', else InputError naming
/// "outcome_factors..." (the risk reader should check its own paths first).
struct OutcomeFactors {
    double quantity = 1.0;
    double proxy = 1.0;
    double carbonPrice = 1.0;
    std::vector<OutcomeFactor> byOutcome;

    /// The quantity and proxy multipliers for the outcome `id` (global x its entries).
    double quantityFor(const std::string& id) const;
    double proxyFor(const std::string& id) const;
};

/// Throws InputError for a negative or non-finite factor or an id that names no outcome.
void validateOutcomeFactors(const OutcomeFactors& factors, const std::vector<SocialOutcome>& outcomes);

/// The social return of a structure whose ledger and service share are in `outcome`, on the
/// project's flows. Outcomes run from the first operating period of `flows`, scaled by the share
/// of the service the structure delivers (StructureOutcome::serviceShare, or full service).
SocialReturn socialReturn(const Project& project, const ProjectFlows& flows, const StructureOutcome& outcome,
                          const std::vector<SocialOutcome>& outcomes,
                          const std::vector<CarbonPricePoint>& carbonPrice, const OutcomeFactors& factors = {});

/// The impact report of a green bond in the shape of the ICMA Harmonised Framework for Impact
/// Reporting: annual figures averaged over the operating years, and per million of currency issued.
struct GreenBondImpact {
    double face = 0.0;                      ///< amount issued
    double annualTonnesCo2 = 0.0;           ///< t CO2e avoided per year (attributable)
    double annualEnergySavedMwh = 0.0;      ///< MWh saved per year (the project's energy savings)
    double tonnesCo2PerMillion = 0.0;       ///< per million of currency issued
    double energySavedMwhPerMillion = 0.0;
    int operatingYears = 0;                 ///< years the averages run over
};

/// Empty when the outcome has no bond. Energy saved comes from the project's energy savings
/// (baseline x saving fraction with degradation, x the scenario's savings factor, x the structure's
/// service share): pass the scenario the flows were built under.
std::optional<GreenBondImpact> greenBondImpact(const Project& project, const ProjectFlows& flows,
                                               const StructureOutcome& outcome, const SocialReturn& social,
                                               const Scenario& scenario = {});

} // namespace cityfin::models
