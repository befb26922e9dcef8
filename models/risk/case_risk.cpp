#include "models/risk/case_risk.hpp"

#include "finance/errors.hpp"

namespace cityfin::models {

CaseRisk analyseCaseRisk(const Case& c, const RiskOptions& options, bool withRiskBorne, double competitiveNeutrality) {
    CaseRisk out;
    out.reg = readRiskRegister(c.risks);
    if (out.reg.empty()) throw InputError("risks", "[]", "a risk register with at least one risk (see docs/case-format.md)");
    RiskOptions withOutcomes = options;  // the social metrics of the case's outcomes, when it has any
    withOutcomes.outcomes = &c.outcomes;
    withOutcomes.carbonPrice = &c.carbonPrice;
    out.run = runRisk(c.project, c.scenario, c.structures, out.reg, withOutcomes);
    if (withRiskBorne) {
        out.borne = measureRiskBorne(c.project, c.scenario, out.run, out.reg, options);
        out.vfm = valueForMoney(out.run, *out.borne, competitiveNeutrality);
    }
    return out;
}

} // namespace cityfin::models
