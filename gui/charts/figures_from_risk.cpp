#include "gui/charts/figures_from_risk.hpp"

#include "gui/charts/figure_builders.hpp"
#include "gui/charts/figures_from_models.hpp"

#include <algorithm>
#include <cmath>

namespace cityfin::charts {
namespace {

using models::Party;
using models::RiskMetric;

std::size_t index(Party p) {
    return static_cast<std::size_t>(std::find(models::kParties.begin(), models::kParties.end(), p) -
                                    models::kParties.begin());
}

bool moves(const std::vector<double>& samples) {
    if (samples.empty()) return false;
    return std::any_of(samples.begin(), samples.end(), [&](double v) { return std::abs(v - samples.front()) > 1e-6; });
}

/// The parties a risk figure shows: those whose PV moves in some structure (users only then).
std::vector<Party> partiesThatMove(const models::RiskRun& run) {
    std::vector<Party> shown;
    for (Party p : models::kParties) {
        bool any = false;
        for (const auto& s : run.structures) any = any || moves(s.metric(models::pvMetric(p)));
        if (any || p == Party::Government || p == Party::Private) shown.push_back(p);
    }
    return shown;
}

std::string ruleLabel(const std::string& id) {
    if (id == "equity_irr") return "equity IRR >= hurdle";
    if (id == "min_dscr") return "min DSCR >= covenant";
    if (id == "budget_cap") return "peak outlay <= budget cap";
    if (id == "ppp_budget_share") return "PPP spending <= 10% of budget";
    if (id == "government_pay_ppp") return "other PPP spending <= 5% (government pay)";
    if (id == "funds_secured") return "funds secured >= capex";
    if (id == "risk_confidence") return "P(cover, caps hold) >= confidence";
    return id;
}

} // namespace

MetricDisplay metricDisplay(RiskMetric metric, double largestMagnitude, const std::string& currency) {
    switch (metric) {
    case RiskMetric::EquityIrr: return {"Equity IRR", "%", 0.01};
    case RiskMetric::MinDscr: return {"Min DSCR", "x", 1.0};
    case RiskMetric::RulesHold: return {"Rules hold", "share of scenarios", 1.0};
    default: break;
    }
    static const std::vector<std::pair<RiskMetric, std::string>> names = {
        {RiskMetric::NpvGovernment, "City's NPV"},     {RiskMetric::NpvPrivate, "Private partner's NPV"},
        {RiskMetric::NpvLenders, "Lenders' NPV"},      {RiskMetric::NpvUsers, "Users' NPV"},
        {RiskMetric::NpvFunders, "Funders' NPV"},      {RiskMetric::PvGovernment, "City's PV at the public rate"},
        {RiskMetric::PvPrivate, "Private partner's PV at the public rate"},
        {RiskMetric::PvLenders, "Lenders' PV at the public rate"}, {RiskMetric::PvUsers, "Users' PV at the public rate"},
        {RiskMetric::PvFunders, "Funders' PV at the public rate"}, {RiskMetric::CityPresentCost, "City present cost"},
        {RiskMetric::CityPeakOutlay, "City peak annual outlay"},    {RiskMetric::GuaranteePv, "Guarantee payments (PV)"},
        {RiskMetric::SocialValue, "Social value (PV)"},            {RiskMetric::EconomicNpv, "Economic NPV"},
        {RiskMetric::PppSpendingPeak, "City's PPP payments, peak year"}};
    const auto it = std::find_if(names.begin(), names.end(), [&](const auto& n) { return n.first == metric; });
    const auto scale = moneyScale(largestMagnitude, currency);
    return {it == names.end() ? std::string(models::riskMetricId(metric)) : it->second, scale.label, scale.divisor};
}

BarChartData riskSharingChart(const models::RiskRun& run, const models::RiskBorne& borne, const std::string& currency) {
    const auto parties = partiesThatMove(run);
    double big = 0.0;
    std::vector<std::string> structures, partyNames;
    for (const auto& s : run.structures) structures.push_back(s.structureName);
    for (Party p : parties) partyNames.emplace_back(models::partyName(p));
    for (const auto& s : borne.structures)
        for (Party p : parties) big = std::max(big, std::abs(s.total[index(p)].expectedCost));
    const auto scale = moneyScale(big, currency);
    std::vector<std::vector<double>> rows;
    for (const auto& s : borne.structures) {
        rows.emplace_back();
        for (Party p : parties) rows.back().push_back(s.total[index(p)].expectedCost / scale.divisor);
    }
    BarChartData chart = riskSharingChart(structures, partyNames, rows, "PV, " + scale.label);
    chart.notes.push_back("Expected cost of every risk drawn together, as present values at the public rate: a "
                          "party's bars add up to the project's expected cost. Below zero, the party gains.");
    if (std::find(parties.begin(), parties.end(), Party::Users) != parties.end())
        chart.notes.push_back("Users gain what they do not pay in charges when demand or tariffs fall short.");
    return chart;
}

HeatMapData riskAllocationChart(const models::RiskRegister& reg, const models::RiskRun& run,
                                const models::RiskBorne& borne, std::size_t structure, const std::string& currency) {
    const auto parties = partiesThatMove(run);
    const auto& b = borne.structures.at(structure);
    double big = 0.0;
    for (const auto& risk : b.byRisk)
        for (Party p : parties) big = std::max(big, risk[index(p)].spread);
    for (Party p : parties) big = std::max(big, b.total[index(p)].spread);
    const auto scale = moneyScale(big, currency);
    std::vector<std::string> risks, partyNames;
    std::vector<std::vector<double>> values;
    for (std::size_t r = 0; r < reg.risks.size(); ++r) {
        risks.push_back(reg.risks[r].name.empty() ? reg.risks[r].id : reg.risks[r].name);
        values.emplace_back();
        for (Party p : parties) values.back().push_back(b.byRisk[r][index(p)].spread / scale.divisor);
    }
    risks.emplace_back("All risks together");
    values.emplace_back();
    for (Party p : parties) values.back().push_back(b.total[index(p)].spread / scale.divisor);
    for (Party p : parties) partyNames.emplace_back(models::partyName(p));
    auto map = riskAllocationHeatMap(run.structures.at(structure).structureName,
                                     "Spread of the party's PV with the risk alone (stdev, " + scale.label + ")", risks,
                                     partyNames, values);
    map.id = "risk-allocation-" + fileStem(run.structures.at(structure).structureId);  // short file names
    return map;
}

HistogramData npvDistributionChart(const models::StructureRisk& structure, const std::string& currency) {
    std::vector<std::string> names;
    std::vector<std::vector<double>> samples;
    double big = 0.0;
    for (Party p : models::kParties) {
        // Users' charges dwarf the other parties' NPVs (as in the NPV-by-party chart).
        if (p == Party::Users) continue;
        const auto& s = structure.metric(models::npvMetric(p));
        if (!moves(s) && p != Party::Government) continue;
        names.emplace_back(models::partyName(p));
        samples.push_back(s);
        for (double v : s)
            if (std::isfinite(v)) big = std::max(big, std::abs(v));
    }
    const auto scale = moneyScale(big, currency);
    for (auto& s : samples)
        for (double& v : s) v /= scale.divisor;
    auto histogram = npvHistogram(structure.structureName, names, samples, "each party at its own rate, " + scale.label);
    histogram.id = "npv-distribution-" + fileStem(structure.structureId);
    return histogram;
}

BandData percentileBandChart(const models::RiskRun& run, RiskMetric metric, const std::string& currency) {
    double big = 0.0;
    for (const auto& s : run.structures) {
        const auto& sm = s.summary(metric);
        if (sm.defined) big = std::max({big, std::abs(sm.p5), std::abs(sm.p95)});
    }
    const auto display = metricDisplay(metric, big, currency);
    std::vector<std::string> structures;
    std::vector<double> p5, p50, p95;
    for (const auto& s : run.structures) {
        const auto& sm = s.summary(metric);
        if (sm.defined == 0) continue;
        structures.push_back(s.structureName);
        p5.push_back(sm.p5 / display.divisor);
        p50.push_back(sm.p50 / display.divisor);
        p95.push_back(sm.p95 / display.divisor);
    }
    return percentileBand(display.name, display.unit, structures, p5, p50, p95);
}

BarChartData tornadoFigure(const models::Tornado& t, const std::string& structureName, const std::string& currency) {
    double big = std::isfinite(t.baseValue) ? std::abs(t.baseValue) : 0.0;
    for (const auto& b : t.bars)
        for (double v : {b.lowValue, b.highValue})
            if (std::isfinite(v)) big = std::max(big, std::abs(v));
    const auto display = metricDisplay(t.metric, big, currency);
    std::vector<TornadoInput> inputs;
    std::vector<std::string> undefined;
    const double base = t.baseValue / display.divisor;
    for (const auto& b : t.bars) {
        if (!std::isfinite(b.lowValue) || !std::isfinite(b.highValue)) {
            undefined.push_back(b.riskName);
            continue;  // a bar needs both ends; named in the notes instead
        }
        inputs.push_back({b.riskName, b.lowValue / display.divisor, b.highValue / display.divisor});
    }
    BarChartData chart = tornadoChart(display.name + " under " + structureName, display.unit, base, std::move(inputs));
    chart.id = "tornado-" + fileStem(t.structureId);
    chart.notes.push_back("Each risk alone from its " + (t.range == "p10-p90" ? std::string("P10 to its P90")
                                                                              : "mean " + t.range) +
                          ", the others at their base values; terms fixed at financial close.");
    for (const auto& name : undefined)
        chart.notes.push_back(name + ": the metric is not defined at one end, so no bar.");
    return chart;
}

BarChartData planChainFigure(const models::plans::PlanChain& chain) {
    std::vector<PlanRules> plans;
    std::string names;
    for (const auto& step : chain.steps) {
        // "Plan A: BTO concession with MRG" -> "Plan A" on the axis (long labels are elided there),
        // the whole name in a note.
        const std::string label = step.plan.label.empty() ? step.structureName : step.plan.label;
        const auto colon = label.find(':');
        const bool lettered = label.rfind("Plan ", 0) == 0 && colon != std::string::npos && colon <= 8;
        if (lettered) names += (names.empty() ? "" : "; ") + label;
        PlanRules plan{lettered ? label.substr(0, colon) : label, {}};
        for (const auto& rule : step.rules) {
            // The margin relative to the threshold puts IRRs, covers and money on one axis.
            const double scale = std::abs(rule.threshold) > 1e-12 ? std::abs(rule.threshold) : 1.0;
            plan.rules.push_back({ruleLabel(rule.id), rule.margin / scale, rule.holds});
        }
        plans.push_back(std::move(plan));
    }
    BarChartData chart = planChainChart(plans);
    if (!names.empty()) chart.notes.push_back(names + ".");
    if (!chain.conclusion.empty()) chart.notes.push_back(chain.conclusion);
    return chart;
}

RadarChartData maturityFigure(const models::maturity::Framework& framework,
                              const models::maturity::Assessment& assessment, const std::string& lang) {
    using models::maturity::levelRank;
    std::vector<std::string> axes, warnings;
    std::vector<double> reached, planned;
    bool anyTarget = false;
    for (const auto& c : assessment.characteristics) {
        axes.push_back(c.characteristic->name.in(lang));
        reached.push_back(c.level ? levelRank(*c.level) : 0.0);
        planned.push_back(c.target ? levelRank(*c.target) : reached.back());
        anyTarget = anyTarget || c.target.has_value();
        if (!c.level) warnings.push_back(c.characteristic->name.in(lang) + ": " + framework.cannotAssess.in(lang));
    }
    for (const auto& w : assessment.warnings) warnings.push_back(w.text.in(lang));
    // The framework is bilingual, so this one figure speaks Chinese too (the others are English).
    const bool zh = lang == "zh";
    auto radar = maturityRadar(axes, reached, zh ? "规划等级" : "Level planned", planned,
                               static_cast<double>(levelRank(models::maturity::Level::MostMature)), std::move(warnings));
    if (zh) {
        radar.title = "成熟度阶梯";
        radar.series[0].name = "已达等级";
    }
    if (!anyTarget) radar.series.pop_back();  // no plan given: nothing to compare with
    if (!assessment.city.empty()) radar.title += (zh ? "：" : ": ") + assessment.city;
    return radar;
}

} // namespace cityfin::charts
