#include "models/risk/tornado.hpp"

#include "finance/errors.hpp"
#include "models/number_format.hpp"
#include "models/ppp_spending.hpp"

#include <algorithm>
#include <cmath>

namespace cityfin::models {
namespace {

double metricAt(const Project& project, const Structure& s, const Scenario& sc, const std::vector<RuleProbability>& rules,
                RiskMetric m) {
    return riskMetrics(project, evaluate(project, s, sc), rules)[static_cast<std::size_t>(m)];
}

} // namespace

Tornado tornado(const Project& project, const Scenario& base, const std::vector<Structure>& structures,
                const RiskRegister& reg, const std::string& structureId, RiskMetric metric, std::optional<double> swing) {
    const auto found = std::find_if(structures.begin(), structures.end(), [&](const Structure& s) { return s.id == structureId; });
    if (found == structures.end()) throw InputError("--structure", "\"" + structureId + "\"", "the id of a structure of the case");
    if (metric == RiskMetric::SocialValue || metric == RiskMetric::EconomicNpv || metric == RiskMetric::RulesHold)
        throw InputError("--metric", "\"" + std::string(riskMetricId(metric)) + "\"",
                         "a financial metric (the social metrics' spread is in `cityfin risk`)");
    if (metric == RiskMetric::PppSpendingPeak && !isPppKind(structureKind(found->terms)))
        throw InputError("--metric", "\"ppp_spending_peak\"",
                         "a PPP structure (availability payments, concession, revenue sharing); '" + structureId + "' is " +
                             structureKind(found->terms));
    if (swing && !(*swing > 0.0 && *swing < 10.0)) throw InputError("--swing", formatValue(*swing), "a fraction above 0, e.g. 0.1");
    validateRegisterForProject(reg, project);
    const Structure fixed = fixTermsAtClose(project, {*found}).front();
    const auto rules = applicableRules(evaluate(project, fixed, base));
    Tornado t;
    t.structureId = structureId;
    t.metric = metric;
    t.baseValue = metricAt(project, fixed, base, rules, metric);
    t.range = swing ? "+-" + formatFixed(*swing * 100.0, 0) + "%" : "p10-p90";
    for (std::size_t i = 0; i < reg.risks.size(); ++i) {
        const Risk& r = reg.risks[i];
        TornadoBar bar;
        bar.riskId = r.id;
        bar.riskName = r.name;
        if (swing && !isAdditive(r.driver)) {
            bar.lowInput = r.distribution.mean() * (1.0 - *swing);
            bar.highInput = r.distribution.mean() * (1.0 + *swing);
            bar.range = t.range;
        } else {
            bar.lowInput = r.distribution.quantile(0.10);
            bar.highInput = r.distribution.quantile(0.90);
            bar.range = "p10-p90";
        }
        std::vector<bool> active(reg.risks.size(), false);
        active[i] = true;
        std::vector<double> draws(reg.risks.size(), 0.0);
        const auto valueAt = [&](double x) {
            draws[i] = x;
            Scenario sc = applyDraws(base, reg, draws.data(), &active);
            sc.delayYears = std::min(sc.delayYears, std::max(0, project.operatingYears - 1));
            return metricAt(project, fixed, sc, rules, metric);
        };
        bar.lowValue = valueAt(bar.lowInput);
        bar.highValue = valueAt(bar.highInput);
        bar.swing = std::isnan(bar.lowValue) || std::isnan(bar.highValue) ? 0.0 : std::abs(bar.highValue - bar.lowValue);
        t.bars.push_back(bar);
    }
    std::stable_sort(t.bars.begin(), t.bars.end(), [](const TornadoBar& a, const TornadoBar& b) { return a.swing > b.swing; });
    return t;
}

} // namespace cityfin::models
