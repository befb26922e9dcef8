#include "gui/charts/figures_from_models.hpp"

#include "models/ledger.hpp"
#include "models/social/outcomes.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace cityfin::charts {
namespace {

using models::Evaluation;
using models::Party;

double largest(const std::vector<double>& values) {
    double m = 0.0;
    for (double v : values) m = std::max(m, std::abs(v));
    return m;
}

std::vector<double> scaled(std::vector<double> values, double divisor) {
    for (double& v : values) v /= divisor;
    return values;
}

bool anyNonZero(const std::vector<double>& values) {
    return std::any_of(values.begin(), values.end(), [](double v) { return std::abs(v) > 1e-9; });
}

std::vector<std::string> yearLabels(const Evaluation& e) {
    std::vector<std::string> years;
    for (int y : e.project.calendarYears) years.push_back(std::to_string(y));
    return years;
}

std::string categoryName(models::OutcomeCategory c) {
    std::string id(models::outcomeCategoryId(c));
    if (!id.empty()) id[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(id[0])));
    return id;
}

} // namespace

std::string fileStem(const std::string& text) {
    std::string stem;
    for (unsigned char ch : text) {
        if (std::isalnum(ch) && ch < 128) stem += static_cast<char>(std::tolower(ch));
        else if (!stem.empty() && stem.back() != '-') stem += '-';
    }
    while (!stem.empty() && stem.back() == '-') stem.pop_back();
    return stem.empty() ? "figure" : stem;
}

BarChartData npvByPartyChart(const std::vector<Evaluation>& evaluations, const std::string& currency) {
    double big = 0.0;
    for (const auto& e : evaluations)
        for (const auto& p : e.parties) big = std::max(big, std::abs(p.npv));
    const auto scale = moneyScale(big, currency);
    BarChartData chart;
    chart.id = "npv-by-party";
    chart.title = "NPV by party and structure";
    chart.categoryAxisTitle = "Structure";
    chart.valueAxisTitle = "NPV at each party's rate (" + scale.label + ")";
    for (const auto& e : evaluations) chart.categories.push_back(e.structureName);
    // Users are left out: what they pay in charges dwarfs every other party's NPV and would flatten
    // the figure; their flows are in the ledger and the workbook.
    for (Party party : models::kParties) {
        if (party == Party::Users) continue;
        BarSeriesData series{std::string(models::partyName(party)), {}, party == Party::Government};
        bool active = false;
        for (const auto& e : evaluations) {
            const auto& r = e.party(party);
            series.values.push_back(r.npv / scale.divisor);
            active = active || anyNonZero(r.flows);
        }
        if (party == Party::Government) series.name += " (NPV = - present cost)";
        if (active) chart.bars.push_back(std::move(series));
    }
    chart.notes.push_back("Each party discounts at its own rate; the city's bar is minus its present cost. Users "
                          "(who pay the charges) are left out of the figure; their NPVs are in the workbook.");
    return chart;
}

BarChartData cashFlowChart(const Evaluation& e, Party party, const std::string& currency) {
    // Sum the party's lines by kind, in the ledger's order of first appearance.
    std::vector<models::LineKind> kinds;
    std::map<models::LineKind, std::vector<double>> byKind;
    const std::size_t n = e.outcome.ledger.periods();
    for (const auto& line : e.outcome.ledger.lines()) {
        if (line.party != party) continue;
        auto [it, inserted] = byKind.try_emplace(line.kind, std::vector<double>(n, 0.0));
        if (inserted) kinds.push_back(line.kind);
        for (std::size_t t = 0; t < n; ++t) it->second[t] += line.amounts[t];
    }
    const auto& net = e.party(party).flows;
    double big = largest(net);
    for (const auto& [kind, values] : byKind) big = std::max(big, largest(values));
    std::vector<double> cumulative(net.size(), 0.0);
    for (std::size_t t = 0; t < net.size(); ++t) cumulative[t] = (t ? cumulative[t - 1] : 0.0) + net[t];
    big = std::max(big, largest(cumulative));
    const auto scale = moneyScale(big, currency);

    BarChartData chart;
    chart.id = "cash-flows-" + fileStem(e.structureId) + "-" + std::string(models::partyId(party));
    chart.title = std::string(models::partyName(party)) + ": cash flows under " + e.structureName;
    chart.categoryAxisTitle = "Year";
    chart.valueAxisTitle = "Cash flow, money in + (" + scale.label + ")";
    chart.layout = BarLayout::Stacked;
    chart.categories = yearLabels(e);
    for (auto kind : kinds)
        if (anyNonZero(byKind[kind]))
            chart.bars.push_back({std::string(models::lineKindName(kind)), scaled(byKind[kind], scale.divisor), false});
    chart.lines.push_back({"Cumulative net flow", scaled(cumulative, scale.divisor), {}, false, false});
    return chart;
}

std::optional<BarChartData> debtServiceChart(const Evaluation& e, const std::string& currency) {
    if (!e.outcome.debt) return std::nullopt;
    const auto& debt = *e.outcome.debt;
    const auto& s = debt.schedule;
    if (!anyNonZero(s.debtService)) return std::nullopt;
    const auto scale = moneyScale(largest(s.debtService), currency);
    BarChartData chart;
    chart.id = "debt-service-" + fileStem(e.structureId);
    chart.title = "Debt service and cover under " + e.structureName;
    chart.categoryAxisTitle = "Year";
    chart.valueAxisTitle = "Debt service (" + scale.label + ")";
    chart.layout = BarLayout::Stacked;
    chart.categories = yearLabels(e);
    // A schedule that ends before the project's horizon owes nothing afterwards.
    const auto onTimeline = [&](std::vector<double> v) {
        v.resize(chart.categories.size(), 0.0);
        return scaled(std::move(v), scale.divisor);
    };
    chart.bars.push_back({"Interest paid", onTimeline(s.interestPaid), false});
    chart.bars.push_back({"Principal", onTimeline(s.principal), false});
    if (debt.cover) {
        chart.secondaryAxisTitle = "DSCR (x)";
        LineSeriesData dscr{"DSCR", {}, {}, true, false};
        for (const auto& d : debt.cover->dscr) {
            dscr.values.push_back(d.value_or(0.0));
            dscr.defined.push_back(d.has_value());
        }
        dscr.values.resize(chart.categories.size(), 0.0);
        dscr.defined.resize(chart.categories.size(), false);
        chart.lines.push_back(std::move(dscr));
        if (debt.targetDscr) {
            LineSeriesData covenant{"Covenant (minimum DSCR)", std::vector<double>(chart.categories.size(), *debt.targetDscr),
                                    {}, true, true};
            chart.lines.push_back(std::move(covenant));
        }
    } else {
        chart.notes.push_back("No CFADS for this borrower: the DSCR is not defined.");
    }
    return chart;
}

std::optional<BarChartData> socialValueByCategoryChart(const std::vector<Evaluation>& evaluations,
                                                       const std::string& currency) {
    double big = 0.0;
    bool any = false;
    for (const auto& e : evaluations)
        if (e.social) {
            any = true;
            for (double v : e.social->presentValueByCategory) big += std::abs(v);
        }
    if (!any) return std::nullopt;
    const auto scale = moneyScale(big / static_cast<double>(evaluations.size()), currency);
    BarChartData chart;
    chart.id = "social-value-by-category";
    chart.title = "Social value by outcome category";
    chart.categoryAxisTitle = "Structure";
    chart.valueAxisTitle = "Present value at the social rate (" + scale.label + ")";
    chart.layout = BarLayout::Stacked;
    for (const auto& e : evaluations) chart.categories.push_back(e.structureName);
    for (std::size_t c = 0; c < models::kOutcomeCategories.size(); ++c) {
        BarSeriesData series{categoryName(models::kOutcomeCategories[c]), {}, false};
        for (const auto& e : evaluations)
            series.values.push_back(e.social ? e.social->presentValueByCategory[c] / scale.divisor : 0.0);
        if (anyNonZero(series.values)) chart.bars.push_back(std::move(series));
    }
    return chart;
}

std::optional<BarChartData> socialValueByOutcomeChart(const Evaluation& e, const std::string& currency) {
    if (!e.social || e.social->outcomes.empty()) return std::nullopt;
    double big = 0.0;
    for (const auto& o : e.social->outcomes) big = std::max(big, std::abs(o.presentValue));
    const auto scale = moneyScale(big, currency);
    BarChartData chart;
    chart.id = "social-value-by-outcome-" + fileStem(e.structureId);
    chart.title = "Social value by outcome under " + e.structureName;
    chart.categoryAxisTitle = "Outcome";
    chart.valueAxisTitle = "Present value at the social rate (" + scale.label + ")";
    chart.layout = BarLayout::HorizontalGrouped;
    BarSeriesData series{"Present value", {}, false};
    for (const auto& o : e.social->outcomes) {
        chart.categories.push_back(o.name);
        series.values.push_back(o.presentValue / scale.divisor);
    }
    chart.bars.push_back(std::move(series));
    return chart;
}

std::optional<BarChartData> sroiChart(const std::vector<Evaluation>& evaluations) {
    BarChartData chart;
    chart.id = "sroi-by-structure";
    chart.title = "Social return on investment by structure";
    chart.categoryAxisTitle = "Structure";
    chart.valueAxisTitle = "Ratio (x)";
    BarSeriesData sroi{"SROI ratio", {}, true}, bcr{"Benefit-cost ratio", {}, false};
    bool any = false;
    for (const auto& e : evaluations) {
        chart.categories.push_back(e.structureName);
        sroi.values.push_back(e.social && e.social->sroiRatio ? *e.social->sroiRatio : 0.0);
        bcr.values.push_back(e.social && e.social->benefitCostRatio ? *e.social->benefitCostRatio : 0.0);
        any = any || (e.social && (e.social->sroiRatio || e.social->benefitCostRatio));
    }
    if (!any) return std::nullopt;
    chart.bars.push_back(std::move(sroi));
    chart.bars.push_back(std::move(bcr));
    // Above 1 the benefits exceed what was put in.
    chart.lines.push_back({"Break-even (1x)", std::vector<double>(chart.categories.size(), 1.0), {}, false, true});
    chart.notes.push_back("A ratio that cannot be computed (no inputs) shows as 0.");
    return chart;
}

} // namespace cityfin::charts
