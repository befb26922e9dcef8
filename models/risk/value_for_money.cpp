#include "models/risk/value_for_money.hpp"

#include "finance/errors.hpp"

#include <cmath>

namespace cityfin::models {

ValueForMoney valueForMoney(const RiskRun& run, const RiskBorne& borne, double competitiveNeutrality) {
    if (!(competitiveNeutrality >= 0.0) || !std::isfinite(competitiveNeutrality))
        throw InputError("competitive_neutrality", formatValue(competitiveNeutrality), "an amount >= 0");
    ValueForMoney out;
    std::size_t psc = run.structures.size();
    for (std::size_t s = 0; s < run.structures.size(); ++s)
        if (run.structures[s].kind == "traditional") {
            psc = s;
            break;
        }
    if (psc == run.structures.size()) return out;
    out.pscStructureId = run.structures[psc].structureId;
    const std::size_t city = 0;  // kParties[0] is the government
    const StructureRiskBorne& pscRisk = borne.structures[psc];
    const double rawPsc = run.structures[psc].baseValue(RiskMetric::CityPresentCost);
    for (std::size_t s = 0; s < run.structures.size(); ++s) {
        if (s == psc) continue;
        const StructureRiskBorne& b = borne.structures[s];
        VfmResult v;
        v.structureId = run.structures[s].structureId;
        v.rawPsc = rawPsc;
        v.competitiveNeutrality = competitiveNeutrality;
        for (std::size_t r = 0; r < borne.riskIds.size(); ++r) {
            const double pscCost = pscRisk.byRisk[r][city].expectedCost, kept = b.byRisk[r][city].expectedCost;
            const bool arrears = r < borne.riskDrivers.size() && borne.riskDrivers[r] == RiskDriver::PaymentShortfall;
            v.lines.push_back({borne.riskIds[r], pscCost, kept, pscCost - kept, !arrears});
        }
        v.lines.push_back({"interaction", pscRisk.interaction[city].expectedCost, b.interaction[city].expectedCost,
                           pscRisk.interaction[city].expectedCost - b.interaction[city].expectedCost});
        for (const VfmRiskLine& l : v.lines) {
            if (!l.counted) continue;
            v.retainedRisk += l.retained;
            v.transferableRisk += l.transferable;
        }
        v.riskAdjustedPsc = v.rawPsc + v.transferableRisk + v.retainedRisk + v.competitiveNeutrality;
        v.privateCityCost = run.structures[s].baseValue(RiskMetric::CityPresentCost);
        v.privateTotal = v.privateCityCost + v.retainedRisk;
        v.vfmAmount = v.riskAdjustedPsc - v.privateTotal;
        if (v.riskAdjustedPsc != 0.0) v.vfmPercent = v.vfmAmount / std::abs(v.riskAdjustedPsc);
        out.structures.push_back(std::move(v));
    }
    return out;
}

} // namespace cityfin::models
