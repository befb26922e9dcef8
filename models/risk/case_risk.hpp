#pragma once
// The whole risk analysis of a case: its register read from the case's "risks" section, the Monte
// Carlo over every structure, the risk-borne table and value for money. What `cityfin risk` prints.

#include "models/case_file.hpp"
#include "models/risk/risk_borne.hpp"
#include "models/risk/value_for_money.hpp"

#include <optional>

namespace cityfin::models {

struct CaseRisk {
    RiskRegister reg;
    RiskRun run;
    std::optional<RiskBorne> borne;       ///< when asked (it costs one more run per risk)
    std::optional<ValueForMoney> vfm;     ///< needs borne
};

/// Throws InputError("risks", ...) when the case has no risk register.
CaseRisk analyseCaseRisk(const Case& c, const RiskOptions& options, bool withRiskBorne = true,
                         double competitiveNeutrality = 0.0);

} // namespace cityfin::models
