#pragma once
// The decision analyses a report adds to the evaluation: the Monte Carlo with the risk-borne table
// and value for money (when the case has a risk register), a tornado per structure, the Plan B chain
// and, when answers are given, the maturity assessment. All computed by models; gathered here once
// so that the workbook, the charts and the summary show the same run.

#include "models/case_file.hpp"
#include "models/maturity/assessment.hpp"
#include "models/plans/plan_chain.hpp"
#include "models/risk/case_risk.hpp"
#include "models/risk/tornado.hpp"

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cityfin::report {

struct AnalysisOptions {
    std::size_t paths = 2000;          ///< Monte Carlo paths (risk run, risk borne, Plan B risk rule)
    std::uint64_t seed = 1;
    unsigned threads = 0;              ///< 0 = the hardware's
    std::atomic<std::size_t>* progress = nullptr;  ///< scenarios done, for a progress line
    const std::atomic<bool>* cancel = nullptr;     ///< set to stop: analyseCase throws models::RunCancelled
    bool withRisk = true;              ///< false: only the Plan B chain (deterministic rules) and maturity
    std::string maturityAnswers;       ///< a maturity answers file (cityfin assess), or empty
    std::string language = "en";       ///< the Plan B memo's language: "en" or "zh"
};

struct CaseAnalyses {
    std::optional<models::CaseRisk> risk;   ///< when the case has a risk register
    /// The metric the tornadoes show (the city's present cost: what a finance officer budgets).
    models::RiskMetric tornadoMetric = models::RiskMetric::CityPresentCost;
    std::vector<models::Tornado> tornadoes; ///< one per structure, when the case has a register
    models::plans::PlanChain plans;         ///< the case's plans, or its structures in file order
    bool casePlans = false;                 ///< the case lists its own plans
    std::optional<models::maturity::Assessment> maturity;

    /// Scenarios the Monte Carlo part runs, for a progress line's total. Never throws for the
    /// case's plans (analyseCase does).
    static std::size_t scenarios(const models::Case& c, const AnalysisOptions& options);
};

/// Runs the analyses; InputError from the models for a bad register or answers file.
CaseAnalyses analyseCase(const models::Case& c, const AnalysisOptions& options);

} // namespace cityfin::report
