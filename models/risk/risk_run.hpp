#pragma once
// Monte Carlo over every structure of a case. The contract terms are fixed at financial close
// (terms solved on the base-case forecast are written into the structure: unitary charge, ESCO
// share, service fee; debt is sized on the forecast by the structures themselves); each scenario
// then plays out through the structure's own mechanics (evaluate()). Per scenario and structure the
// metrics of RiskMetric are stored; summaries, rule probabilities and contingent payments follow.
// Deterministic for a seed whatever the thread count (finance/scenario_runner.hpp).
// Method and references: docs/methodology/risk.md.

#include "finance/statistics.hpp"
#include "models/evaluation.hpp"
#include "models/risk/risk_register.hpp"

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace cityfin::models {

struct RiskOptions {
    std::size_t paths = 10000;
    std::uint64_t seed = 1;
    unsigned threads = 0;   ///< 0 = the hardware's
    bool sobol = false;     ///< Sobol quasi-random numbers instead of Mersenne Twister
    std::atomic<std::size_t>* progress = nullptr;  ///< scenarios done (all structures), for a progress bar
    /// Set (from any thread) to stop the run: the scenarios not yet started are skipped and the run
    /// throws RunCancelled. For the desktop program's Cancel button; not owned.
    const std::atomic<bool>* cancel = nullptr;
    /// The case's social outcomes and carbon price path, when the social metrics are wanted (the
    /// register's outcome drivers then move them); not owned.
    const std::vector<SocialOutcome>* outcomes = nullptr;
    const std::vector<CarbonPricePoint>* carbonPrice = nullptr;
};

/// Thrown by a run whose RiskOptions::cancel was set.
struct RunCancelled : std::runtime_error {
    RunCancelled() : std::runtime_error("the Monte Carlo run was cancelled") {}
};

/// The metrics stored per scenario. NPVs are each party's, at its own rate (evaluate()); PVs are at
/// the public rate for every party, so that they add up to the project's PV (conservation) and the
/// risk-borne table can split the project's risk between parties.
enum class RiskMetric : std::size_t {
    NpvGovernment, NpvPrivate, NpvLenders, NpvUsers, NpvFunders,
    PvGovernment, PvPrivate, PvLenders, PvUsers, PvFunders,
    EquityIrr, MinDscr, CityPresentCost, CityPeakOutlay, GuaranteePv,
    RulesHold,  ///< 1 when every basic rule holds, else 0
    SocialValue, EconomicNpv, ///< models/social, when RiskOptions carries outcomes (else NaN)
    PppSpendingPeak           ///< a PPP's largest annual gross payments (models/ppp_spending.hpp; else NaN)
};
inline constexpr std::size_t kRiskMetricCount = 19;

/// "npv_government", ..., "pv_government", ..., "equity_irr", "min_dscr", "city_present_cost",
/// "city_peak_outlay", "guarantee_pv", "rules_hold", "social_value", "economic_npv",
/// "ppp_spending_peak".
std::string_view riskMetricId(RiskMetric m);
/// Throws InputError("--metric") for an unknown id.
RiskMetric riskMetricFromId(const std::string& id);
RiskMetric npvMetric(Party p);
RiskMetric pvMetric(Party p);

/// Summary of the defined (non-NaN) samples of one metric.
struct MetricSummary {
    std::size_t defined = 0;      ///< samples that are not NaN
    double mean = 0.0, stdev = 0.0, p5 = 0.0, p50 = 0.0, p95 = 0.0, min = 0.0, max = 0.0;
    finance::Histogram histogram; ///< 20 equal bins between min and max
};

/// A feasibility rule under risk: the threshold and the share of scenarios where it holds.
struct RuleProbability {
    std::string id;          ///< "equity_irr_hurdle", "min_dscr_covenant"
    double threshold = 0.0;
    double probability = 0.0;
};

struct StructureRisk {
    std::string structureId, structureName, kind;
    Structure fixedTerms;                    ///< the structure with its terms fixed at close
    std::vector<double> base;                ///< each metric in the base scenario (kRiskMetricCount)
    std::vector<std::vector<double>> samples;///< [metric][path]; NaN where undefined
    std::vector<MetricSummary> summaries;    ///< per metric
    std::vector<RuleProbability> rules;      ///< the basic rules that apply to this structure
    double allRulesProbability = 1.0;
    double expectedContingent = 0.0;         ///< mean PV of the city's guarantee payments
    double p95Contingent = 0.0;

    const std::vector<double>& metric(RiskMetric m) const { return samples[static_cast<std::size_t>(m)]; }
    const MetricSummary& summary(RiskMetric m) const { return summaries[static_cast<std::size_t>(m)]; }
    double baseValue(RiskMetric m) const { return base[static_cast<std::size_t>(m)]; }
};

struct RiskRun {
    std::size_t paths = 0;
    std::uint64_t seed = 0;
    bool sobol = false;
    std::vector<StructureRisk> structures;
};

/// Every structure with the terms it solved on the base case written into its terms.
std::vector<Structure> fixTermsAtClose(const Project& project, const std::vector<Structure>& structures);

/// The metrics of one evaluation (kRiskMetricCount values, NaN where undefined); rules are the
/// thresholds of the rules that apply (from the base evaluation).
std::vector<double> riskMetrics(const Project& project, const Evaluation& e, const std::vector<RuleProbability>& rules);

/// The same metrics for one scenario straight from the structure's ledger, without the figures of
/// evaluate() the risk analysis does not use (every party's IRR, MIRR, payback, project IRR).
/// Equal to riskMetrics(evaluate(...)) (tested); what the Monte Carlo runs per scenario.
/// With `social`, also the social value and economic NPV of the case's outcomes under its factors.
struct ScenarioOutcomes {
    const std::vector<SocialOutcome>* outcomes = nullptr;
    const std::vector<CarbonPricePoint>* carbonPrice = nullptr;
    OutcomeFactors factors;
};
std::vector<double> scenarioMetrics(const Project& project, const Structure& structure, const Scenario& scenario,
                                    const std::vector<RuleProbability>& rules, const ScenarioOutcomes* social = nullptr);

/// A scenario kernel: a structure's mechanics in one scenario without its ledger. What the structure
/// fixes at close is computed once in make() (its ledger on the forecast, the green bond's QuantLib
/// pricing, the city's loan schedules, the lenders' sizing cash); a scenario then costs the
/// arithmetic that depends on its factors, on per-thread flat arrays. Each party's flows are
/// base + V(scenario) - V(forecast): base the party's ledger flows on the forecast, V the part that
/// moves with the scenario, written out from each structure's own booking:
///  - green bond and traditional procurement: the city's pre-financing cash flow, the users'
///    charges; the municipal loan (loan_share of the actual capex: its schedule at close times the
///    capex factor);
///  - capital phasing: phaseCapex on the scenario's flows, operation and benefits in proportion to
///    the works in service;
///  - service purchase (fee fixed at close), build-transfer, revenue sharing: the private party's
///    costs, revenue, fee or instalments, guarantee and clawback, subsidy on the actual capex, its
///    tax (financePrivateParty on the scenario's cash), the public co-investment's share;
///  - PPP availability payment (charge fixed at close) and concessions: the SPV's financing by
///    financePrivateParty (debt sized on the forecast, reused through ForecastSizingMemo; actual
///    drawdowns, tax with losses, DSCR achieved), then the charge or the revenue;
///  - ESPC, shared savings (share fixed at close) and guaranteed savings: the ESCO's costs and share
///    or shortfall over the planned term, its financing and tax; the owner's loan times the capex
///    factor.
/// What V leaves out (grants, tax increment, crowdfunding, a co-investment's share of them) is the
/// same in every scenario. The social value and economic NPV come from socialReturn on the
/// scenario's flows; the economic NPV's real flows are the parties' summed flows (transfers cancel).
/// make() declines (std::nullopt: the full path, scenarioMetrics) for a term still to solve (a PPP
/// charge the structure could not solve, a service fee or an ESCO share not fixed) and for the green
/// bond with tax increment financing or crowdfunding. Every kernel is tested equal to
/// scenarioMetrics on every metric (1e-9 relative) on random scenarios with delays, with every
/// support it carries (tests/models/test_risk_run.cpp) and on every bundled case
/// (tests/models/test_risk_fast_path.cpp). Method: docs/methodology/risk.md, Performance.
class ScenarioKernel {
public:
    static std::optional<ScenarioKernel> make(const Project& project, const Structure& structure);
    std::vector<double> metrics(const Project& project, const Scenario& scenario,
                                const std::vector<RuleProbability>& rules) const;
    /// The same on the scenario's flows (projectFlows(project, scenario)), written into out
    /// (kRiskMetricCount values): what the Monte Carlo calls. With `social`, also the social value
    /// and economic NPV, as scenarioMetrics gives them.
    void metricsInto(const Project& project, const Scenario& scenario, const ProjectFlows& flows,
                     const std::vector<RuleProbability>& rules, std::span<double> out,
                     const ScenarioOutcomes* social = nullptr) const;

private:
    enum class Kind { GreenBond, Traditional, CapitalPhasing, ServicePurchase, BuildTransfer, RevenueSharing,
                      PppAvailability, Concession, SharedSavings, GuaranteedSavings };
    Kind kind_ = Kind::GreenBond;
    Structure structure_;                     // with its terms fixed at close
    std::vector<std::vector<double>> fixed_;  // per party (kParties order): base - V(forecast)
    std::vector<double> rates_;               // per party: the rate of its NPV
    std::vector<double> loan_;                // traditional, ESPC: the city's loan flows at the forecast capex
    std::vector<double> loanBalance_;         // the loan's opening balance per repayment period (forecast capex)
    double loanRate_ = 0.0, loanFloating_ = 0.0;  // its rate at close and floating share
    // The same loan from each construction year's drawdown alone, and its balance (per year).
    std::vector<std::vector<double>> loanByYear_, balanceByYear_;
    template <class LoanOfYear> void loanYears(const ProjectFlows& forecast, LoanOfYear loanOfYear);
    // The city's loan flows (drawdowns less debt service) in period t of a scenario: linear in each
    // year's capex, the floating share's interest moved by the scenario's rate shift
    // (finance::addFloatingInterest).
    double cityLoanFlow(std::size_t t, const ProjectFlows& flows, double capexFactor) const;
    double budget_ = 0.0;                     // capital phasing: the annual capex budget
    // A PPP's payments (ppp_spending.hpp) as base + V(scenario) - V(forecast), like the parties'
    // flows; the equity injection, the negative part of the co-investment's share of the private
    // equity, is not linear in it, so that share is kept apart: coShare_ x V + coFixedShare_.
    double lendersFloating_ = 0.0;  // the floating share of the debt whose rate the lenders' NPV is at
    bool pppPayments_ = false;
    double coShare_ = 0.0;
    std::vector<double> pppFixed_, coFixedShare_;
    double pppSpendingPeak(std::size_t periods) const;

    static constexpr std::size_t kPartyCount = kParties.size();
    // V: the part of each party's flows that moves with the scenario (kParties order), into v.
    // guarantee: the revenue guarantee paid to the private party (empty when the structure has none).
    void variablePart(const Project& project, const ProjectFlows& flows, double capexFactor,
                      std::array<std::vector<double>, kPartyCount>& v, std::vector<double>& guarantee,
                      std::optional<double>& minDscr) const;
    void kindPart(const Project& project, const ProjectFlows& flows, double capexFactor,
                  std::array<std::vector<double>, kPartyCount>& v, std::vector<double>& guarantee,
                  std::optional<double>& minDscr) const;
    // The escalated lines the kinds' parts leave fixed (tax increment, ESPC fee and M&V, green bond
    // reporting), moved with the scenario's price index.
    void indexedPart(const ProjectFlows& flows, std::array<std::vector<double>, kPartyCount>& v) const;
    void servicePart(const Project& project, const ProjectFlows& flows,
                     std::array<std::vector<double>, kPartyCount>& v) const;
    void buildTransferPart(const Project& project, const ProjectFlows& flows,
                           std::array<std::vector<double>, kPartyCount>& v) const;
    void guaranteedSavingsPart(const Project& project, const ProjectFlows& flows, double capexFactor,
                               std::array<std::vector<double>, kPartyCount>& v) const;
    void sharedSavingsPart(const Project& project, const ProjectFlows& flows,
                           std::array<std::vector<double>, kPartyCount>& v, std::optional<double>& minDscr) const;
    void revenueSharingPart(const Project& project, const ProjectFlows& flows,
                            std::array<std::vector<double>, kPartyCount>& v, std::vector<double>& guarantee) const;
    std::vector<double> sizingCash_, sizingCapex_, sizingSupport_;  // PPP, concession, shared-savings ESPC: the forecast the debt is sized on
    double irrSeed_ = 0.1;  // the forecast's equity IRR: where a scenario's equity IRR is searched from
    std::vector<double> spvOperatingCash(const ProjectFlows& flows, std::vector<double>& guarantee,
                                         std::vector<double>* clawback = nullptr) const;
    // PPP, concession: the SPV's financing on the scenario's flows, its flows before the public
    // co-investment (V of the parties), the DSCR achieved; guarantee as variablePart.
    void spvPart(const Project& project, const ProjectFlows& flows,
                 std::array<std::vector<double>, kPartyCount>& v, std::vector<double>& guarantee,
                 std::optional<double>& minDscr) const;
};

/// The basic rules (models::basicRules) that apply to a structure, from its base evaluation.
std::vector<RuleProbability> applicableRules(const Evaluation& base);

/// Raw samples: out[s][m][path] for the fixed structures, drawing every risk (or only the risks
/// with active[i] true: the others stay neutral, with the same random numbers for the rest).
std::vector<std::vector<std::vector<double>>> simulateMetrics(const Project& project, const Scenario& base,
                                                              const std::vector<Structure>& fixed,
                                                              const RiskRegister& reg, const RiskOptions& options,
                                                              const std::vector<bool>* active = nullptr);

/// The whole run: fixes terms, simulates, summarises. Validates "paths" (1..10^8).
RiskRun runRisk(const Project& project, const Scenario& base, const std::vector<Structure>& structures,
                const RiskRegister& reg, const RiskOptions& options = {});

MetricSummary summarise(const std::vector<double>& samples);

/// Share of the samples for which holds(x) is true; NaN samples count as not holding.
double probability(const std::vector<double>& samples, const std::function<bool(double)>& holds);

/// Share of the paths [0, paths) for which holds(path) is true (several metrics of one path).
double probabilityOfPaths(std::size_t paths, const std::function<bool(std::size_t)>& holds);

} // namespace cityfin::models
