#include "models/risk/risk_json.hpp"

#include <cmath>

namespace cityfin::models {
namespace {

using J = nlohmann::ordered_json;

J number(double x) { return std::isfinite(x) ? J(x) : J(nullptr); }

J summaryJson(const MetricSummary& s) {
    J j;
    j["defined"] = s.defined;
    if (s.defined == 0) return j;
    j["mean"] = number(s.mean);
    j["stdev"] = number(s.stdev);
    j["p5"] = number(s.p5);
    j["p50"] = number(s.p50);
    j["p95"] = number(s.p95);
    j["min"] = number(s.min);
    j["max"] = number(s.max);
    j["histogram"] = {{"edges", s.histogram.edges}, {"counts", s.histogram.counts}};
    return j;
}

J effectJson(const RiskEffect& e) { return {{"expected_cost", number(e.expectedCost)}, {"spread", number(e.spread)}}; }

J byParty(const std::vector<RiskEffect>& effects) {
    J j = J::object();
    for (std::size_t k = 0; k < kParties.size(); ++k) j[std::string(partyId(kParties[k]))] = effectJson(effects[k]);
    return j;
}

} // namespace

J riskRunJson(const RiskRun& run) {
    J j;
    j["paths"] = run.paths;
    j["seed"] = run.seed;
    j["sampling"] = run.sobol ? "sobol" : "mersenne_twister";
    j["structures"] = J::array();
    for (const StructureRisk& s : run.structures) {
        J st;
        st["id"] = s.structureId;
        st["name"] = s.structureName;
        st["kind"] = s.kind;
        J metrics = J::object();
        for (std::size_t m = 0; m < kRiskMetricCount; ++m) {
            J mj = summaryJson(s.summaries[m]);
            mj["base"] = number(s.base[m]);
            metrics[std::string(riskMetricId(static_cast<RiskMetric>(m)))] = mj;
        }
        st["metrics"] = metrics;
        st["rules"] = J::array();
        for (const RuleProbability& r : s.rules)
            st["rules"].push_back({{"id", r.id}, {"threshold", r.threshold}, {"probability", r.probability}});
        st["probability_all_rules"] = s.allRulesProbability;
        st["contingent_payments_pv"] = {{"expected", number(s.expectedContingent)}, {"p95", number(s.p95Contingent)}};
        j["structures"].push_back(st);
    }
    return j;
}

J riskBorneJson(const RiskBorne& borne) {
    J j;
    j["method"] = "one at a time: each risk drawn alone, others neutral; PV at the public rate vs the base scenario";
    j["risks"] = borne.riskIds;
    j["structures"] = J::array();
    for (const StructureRiskBorne& s : borne.structures) {
        J st;
        st["id"] = s.structureId;
        J risks = J::object();
        for (std::size_t r = 0; r < borne.riskIds.size(); ++r) risks[borne.riskIds[r]] = byParty(s.byRisk[r]);
        st["by_risk"] = risks;
        st["interaction"] = byParty(s.interaction);
        st["total"] = byParty(s.total);
        j["structures"].push_back(st);
    }
    return j;
}

J valueForMoneyJson(const ValueForMoney& vfm) {
    J j;
    j["psc_structure"] = vfm.pscStructureId.empty() ? J(nullptr) : J(vfm.pscStructureId);
    j["structures"] = J::array();
    for (const VfmResult& v : vfm.structures) {
        J lines = J::array();
        for (const VfmRiskLine& l : v.lines)
            lines.push_back({{"risk", l.riskId}, {"psc_risk", l.pscRisk}, {"retained", l.retained}, {"transferable", l.transferable},
                             {"counted", l.counted}});
        j["structures"].push_back({{"id", v.structureId},
                                   {"raw_psc", v.rawPsc},
                                   {"transferable_risk", v.transferableRisk},
                                   {"retained_risk", v.retainedRisk},
                                   {"competitive_neutrality", v.competitiveNeutrality},
                                   {"risk_adjusted_psc", v.riskAdjustedPsc},
                                   {"private_city_cost", v.privateCityCost},
                                   {"private_total", v.privateTotal},
                                   {"vfm", v.vfmAmount},
                                   {"vfm_percent", v.vfmPercent ? J(*v.vfmPercent) : J(nullptr)},
                                   {"risks", lines}});
    }
    return j;
}

J tornadoJson(const Tornado& t) {
    J j;
    j["structure"] = t.structureId;
    j["metric"] = riskMetricId(t.metric);
    j["base"] = number(t.baseValue);
    j["range"] = t.range;
    j["bars"] = J::array();
    for (const TornadoBar& b : t.bars)
        j["bars"].push_back({{"risk", b.riskId}, {"name", b.riskName}, {"low_input", b.lowInput}, {"high_input", b.highInput},
                             {"low", number(b.lowValue)}, {"high", number(b.highValue)}, {"swing", b.swing},
                             {"range", b.range}});
    return j;
}

} // namespace cityfin::models
