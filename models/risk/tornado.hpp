#pragma once
// Tornado sensitivity: each risk's driver moved alone from a low to a high value (the P10 and P90
// of its distribution, or its mean -x% and +x%), the others neutral, the terms fixed at close; the
// chosen metric of one structure at both ends, sorted by swing (largest first).

#include "models/risk/risk_run.hpp"

#include <optional>

namespace cityfin::models {

struct TornadoBar {
    std::string riskId, riskName;
    double lowInput = 0.0, highInput = 0.0;    ///< the driver's values
    double lowValue = 0.0, highValue = 0.0;    ///< the metric at them (NaN where undefined)
    double swing = 0.0;                        ///< |high - low|; 0 when either is undefined
    std::string range;                         ///< "p10-p90" or "+-10%": how low and high were chosen
};

struct Tornado {
    std::string structureId;
    RiskMetric metric = RiskMetric::NpvPrivate;
    double baseValue = 0.0;
    std::string range;                         ///< "p10-p90" or "+-10%"
    std::vector<TornadoBar> bars;              ///< sorted by swing, largest first
};

/// swing empty: P10/P90; else the mean -+ swing (a fraction, e.g. 0.1) for drivers that multiply a
/// factor, and still P10/P90 for additive ones (a delay, a shift or a shortfall, whose neutral value
/// is 0 and whose mean x (1 +- 10%) would say nothing): each bar says which. Throws InputError
/// "--structure" for an unknown id.
Tornado tornado(const Project& project, const Scenario& base, const std::vector<Structure>& structures,
                const RiskRegister& reg, const std::string& structureId, RiskMetric metric,
                std::optional<double> swing = std::nullopt);

} // namespace cityfin::models
