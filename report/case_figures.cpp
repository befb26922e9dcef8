#include "report/case_figures.hpp"

#include "gui/charts/figures_from_models.hpp"

#include <algorithm>
#include <cmath>

namespace cityfin::report {

std::vector<charts::Figure> caseFigures(const models::Case& c, const std::vector<models::Evaluation>& evaluations,
                                        const models::Comparison& comparison) {
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
    return figures;
}

} // namespace cityfin::report
