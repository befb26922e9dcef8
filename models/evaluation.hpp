#pragma once
// The evaluation of one structure on one project: each party's flows and NPV at its own rate, the
// project and equity returns, debt cover, and what the structure costs the city.
// Formulas and references: docs/methodology/evaluation.md.

#include "finance/answer.hpp"
#include "models/outcome.hpp"
#include "models/project.hpp"
#include "models/social/social_return.hpp"
#include "models/structure.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cityfin::models {

struct PartyResult {
    Party party = Party::Government;
    double discountRate = 0.0;
    std::vector<double> flows;        ///< net, per period, the party's sign convention
    double npv = 0.0;                 ///< flows[0] at t0
    finance::Answer irr;
};

struct Evaluation {
    Evaluation(ProjectFlows flows, StructureOutcome result) : project(std::move(flows)), outcome(std::move(result)) {}

    std::string structureId;
    std::string structureName;
    std::string kind;                 ///< structureKind()
    ProjectFlows project;
    StructureOutcome outcome;
    std::vector<PartyResult> parties; ///< in kParties order

    finance::Answer projectIrr;       ///< of the project's own cash flow before financing
    finance::Answer equityIrr;        ///< of the private party's flows (absent when it has none)
    finance::Answer equityMirr;       ///< finance at the debt rate, reinvest at the private rate
    finance::Answer equityPayback;
    std::optional<double> minDscr, averageDscr, llcr;

    double cityPresentCost = 0.0;     ///< -NPV of the city's flows at the public rate
    double cityPeakOutlay = 0.0;      ///< largest net annual outflow of the city (>= 0)
    int cityPeakYear = 0;             ///< calendar year of that outlay
    /// A PPP's (isPppKind) largest annual PPP spending, the city's gross payments to the private
    /// party under the contract (ppp_spending.hpp), and its year; empty for other structures.
    std::optional<double> pppSpendingPeak;
    int pppSpendingYear = 0;
    double guaranteePayments = 0.0;   ///< total paid by the city under revenue guarantees
    double guaranteePaymentsPv = 0.0; ///< at the public rate

    std::optional<SocialReturn> social;             ///< when the case has outcomes (attachSocialReturn)
    std::optional<GreenBondImpact> greenBondImpact; ///< a green bond's impact report, with outcomes

    const PartyResult& party(Party p) const;
};

/// Builds the structure's ledger for the project under the scenario and evaluates it.
Evaluation evaluate(const Project& project, const Structure& structure, const Scenario& scenario = {});

/// Evaluates every structure of the list on the same project.
std::vector<Evaluation> evaluateAll(const Project& project, const std::vector<Structure>& structures,
                                    const Scenario& scenario = {});

/// Adds each evaluation's social return for the case's outcomes, and a green bond's impact report;
/// `scenario` is the one the evaluations ran under, `factors` a risk draw's outcome multipliers.
/// Does nothing when there are no outcomes.
void attachSocialReturn(std::vector<Evaluation>& evaluations, const Project& project,
                        const std::vector<SocialOutcome>& outcomes, const std::vector<CarbonPricePoint>& carbonPrice,
                        const Scenario& scenario = {}, const OutcomeFactors& factors = {});

} // namespace cityfin::models
