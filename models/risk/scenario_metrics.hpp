#pragma once
// Internal to models/risk: the metrics of RiskMetric from what one scenario produced (each party's
// flows and NPV, the equity IRR, min DSCR, ...), shared by riskMetrics (from an Evaluation),
// scenarioMetrics (from the ledger) and the scenario kernels (from flat arrays), so that the three
// cannot drift apart.

#include "models/party.hpp"
#include "models/project.hpp"
#include "models/risk/risk_run.hpp"

#include <array>
#include <mutex>
#include <optional>
#include <span>
#include <vector>

namespace cityfin::models::detail {

struct ScenarioFigures {
    std::array<std::span<const double>, kParties.size()> flows;  ///< kParties order
    std::array<double, kParties.size()> npv{};                   ///< each at the party's own rate
    /// The rate each npv is at, when the caller gives it: an NPV at the public rate is then the PV
    /// metric too (the same finance::npv call, so the same value), not computed twice.
    std::array<std::optional<double>, kParties.size()> npvRate{};
    std::optional<double> equityIrr, minDscr;
    double cityPresentCost = 0.0, cityPeakOutlay = 0.0, guaranteePv = 0.0;
    std::optional<double> socialValue, economicNpv;
    std::optional<double> pppSpendingPeak;  ///< a PPP's only (models/ppp_spending.hpp)
};

/// Writes the kRiskMetricCount metrics into out (NaN where undefined): the PVs at the public rate,
/// RulesHold from rules.
void metricsInto(const Project& project, const ScenarioFigures& f, const std::vector<RuleProbability>& rules,
                 std::span<double> out);

/// Held while the green bond's mechanics run: QuantLib's bond objects register with the process-wide
/// Settings, not thread-safe in Debian's build.
std::mutex& quantLibMutex();

/// The index of a party in kParties.
std::size_t partyIndex(Party p);

/// True when some flow is not zero.
bool hasFlows(std::span<const double> flows);

/// The largest payment of a series, 0 when it has none (as Evaluation::pppSpendingPeak).
double peakOf(std::span<const double> payments);

} // namespace cityfin::models::detail
