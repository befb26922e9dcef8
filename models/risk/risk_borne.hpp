#pragma once
// Risk borne, measured: for each structure, risk and party, the expected cost and the spread that
// the risk moves onto the party through the structure's mechanics. One at a time: the simulation is
// run with only risk r drawn (the others neutral, same random numbers), and the party's PV at the
// public rate compared with the base scenario. The interaction term is what the risks do together
// beyond their sum: total effect (every risk drawn) - sum of the one-at-a-time effects. PVs at one
// common rate add up over parties to the project's PV (money conservation), so the parties'
// effects add up to the project's. Method and why: docs/methodology/risk.md.

#include "models/risk/risk_run.hpp"

namespace cityfin::models {

struct RiskEffect {
    double expectedCost = 0.0;  ///< -(E[PV] - PV in the base scenario): > 0 is a loss to the party
    double spread = 0.0;        ///< stdev of the party's PV with this risk alone
};

struct StructureRiskBorne {
    std::string structureId;
    /// [risk][party index in kParties]
    std::vector<std::vector<RiskEffect>> byRisk;
    std::vector<RiskEffect> interaction;  ///< per party: total - sum of one-at-a-time (spread: not additive, 0)
    std::vector<RiskEffect> total;        ///< per party, every risk drawn together
};

struct RiskBorne {
    std::vector<std::string> riskIds;
    std::vector<RiskDriver> riskDrivers;  ///< the driver each risk moves (riskIds' order)
    std::vector<StructureRiskBorne> structures;
};

/// Runs the one-at-a-time simulations for every risk (paths as options) and uses run for the total.
RiskBorne measureRiskBorne(const Project& project, const Scenario& base, const RiskRun& run, const RiskRegister& reg,
                           const RiskOptions& options);

} // namespace cityfin::models
