#pragma once
// The figures a report shows for one evaluated case, in reading order.

#include "gui/charts/chart_data.hpp"
#include "models/case_file.hpp"
#include "models/compare.hpp"
#include "models/evaluation.hpp"
#include "report/analyses.hpp"

#include <vector>

namespace cityfin::report {

/// NPV by party; per structure the city's and (when it has flows) the private party's cash flows
/// and the debt service; the social value by category and the SROI when the case has outcomes, and
/// the value by outcome for the recommended structure (else the first). With `analyses`: the Plan B
/// chain; with a risk register the risk sharing, the city's present cost and the private partner's
/// NPV as P5-P50-P95 bands, and per structure the allocation heat map, the NPV histogram and the
/// tornado; the maturity radar when answers were assessed.
std::vector<charts::Figure> caseFigures(const models::Case& c, const std::vector<models::Evaluation>& evaluations,
                                        const models::Comparison& comparison, const CaseAnalyses* analyses = nullptr);

} // namespace cityfin::report
