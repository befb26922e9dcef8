#include "report/case_figures.hpp"

#include "gui/charts/figures_from_models.hpp"
#include "gui/charts/figures_from_risk.hpp"
#include "models/maturity/framework.hpp"

#include <algorithm>
#include <cmath>

namespace cityfin::report {

std::vector<charts::Figure> caseFigures(const models::Case& c, const std::vector<models::Evaluation>& evaluations,
                                        const models::Comparison& comparison, const CaseAnalyses* analyses) {
    const auto& currency = c.project.currency;
    std::vector<charts::Figure> figures;
    auto add = [&](std::optional<charts::BarChartData> bars) {
        if (bars) figures.push_back(charts::Figure{std::move(bars), {}, {}, {}, {}});
    };
    if (evaluations.empty()) return figures;
    add(charts::npvByPartyChart(evaluations, currency));
    add(charts::socialValueByCategoryChart(evaluations, currency));
    add(charts::sroiChart(evaluations));
    const auto& shown = evaluations[comparison.recommended.value_or(0)];
    add(charts::socialValueByOutcomeChart(shown, currency));
    for (const auto& e : evaluations) {
        add(charts::cashFlowChart(e, models::Party::Government, currency));
        const auto& flows = e.party(models::Party::Private).flows;
        if (std::any_of(flows.begin(), flows.end(), [](double v) { return std::abs(v) > 1e-9; }))
            add(charts::cashFlowChart(e, models::Party::Private, currency));
        add(charts::debtServiceChart(e, currency));
    }
    if (!analyses) return figures;
    if (!analyses->plans.steps.empty()) add(charts::planChainFigure(analyses->plans));
    if (const auto& risk = analyses->risk) {
        add(charts::riskSharingChart(risk->run, *risk->borne, currency));
        for (auto metric : {models::RiskMetric::CityPresentCost, models::RiskMetric::NpvPrivate}) {
            charts::Figure band;
            band.band = charts::percentileBandChart(risk->run, metric, currency);
            if (!band.band->categories.empty()) figures.push_back(std::move(band));
        }
        for (std::size_t s = 0; s < risk->run.structures.size(); ++s) {
            charts::Figure heat, histogram;
            heat.heatMap = charts::riskAllocationChart(risk->reg, risk->run, *risk->borne, s, currency);
            histogram.histogram = charts::npvDistributionChart(risk->run.structures[s], currency);
            figures.push_back(std::move(heat));
            figures.push_back(std::move(histogram));
            if (s < analyses->tornadoes.size())
                add(charts::tornadoFigure(analyses->tornadoes[s], risk->run.structures[s].structureName, currency));
        }
    }
    if (analyses->maturity) {
        charts::Figure radar;
        radar.radar = charts::maturityFigure(models::maturity::builtinFramework(), *analyses->maturity);
        figures.push_back(std::move(radar));
    }
    return figures;
}

} // namespace cityfin::report
