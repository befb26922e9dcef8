#include "report/analyses.hpp"

#include "models/maturity/answers.hpp"
#include "models/plans/plan.hpp"
#include "models/plans/plan_risk.hpp"

namespace cityfin::report {

std::size_t CaseAnalyses::scenarios(const models::Case& c, const AnalysisOptions& options) {
    const auto reg = models::readRiskRegister(c.risks);
    if (reg.empty() || !options.withRisk) return 0;
    // The joint run, one run per risk for the risk-borne table, one per plan for the risk rule.
    // Plans that do not read are counted as none: analyseCase reports their error.
    std::size_t plans = 0;
    try {
        plans = models::plans::readPlans(c).size();
    } catch (const std::exception&) {
    }
    return options.paths * (1 + reg.risks.size() + plans);
}

CaseAnalyses analyseCase(const models::Case& c, const AnalysisOptions& options) {
    CaseAnalyses out;
    models::RiskOptions risk;
    risk.paths = options.paths;
    risk.seed = options.seed;
    risk.threads = options.threads;
    risk.progress = options.progress;
    risk.cancel = options.cancel;
    const bool withRegister = options.withRisk && !models::readRiskRegister(c.risks).empty();
    if (withRegister) {
        out.risk = models::analyseCaseRisk(c, risk, true);
        for (const auto& s : c.structures)
            out.tornadoes.push_back(
                models::tornado(c.project, c.scenario, c.structures, out.risk->reg, s.id, out.tornadoMetric));
    }
    models::plans::ChainOptions chain;
    chain.language = options.language;
    if (withRegister) chain.risk = models::plans::riskProbabilityFor(c, risk);
    out.casePlans = !c.plans.empty();
    out.plans = models::plans::runPlanChain(c, chain);
    if (!options.maturityAnswers.empty()) {
        const auto& framework = models::maturity::builtinFramework();
        out.maturity = models::maturity::assess(framework, models::maturity::loadAnswersFile(options.maturityAnswers, framework));
    }
    return out;
}

} // namespace cityfin::report
