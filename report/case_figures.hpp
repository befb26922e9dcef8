#pragma once
// The figures a report shows for one evaluated case, in reading order.

#include "gui/charts/chart_data.hpp"
#include "models/case_file.hpp"
#include "models/compare.hpp"
#include "models/evaluation.hpp"

#include <vector>

namespace cityfin::report {

/// NPV by party; per structure the city's and (when it has flows) the private party's cash flows
/// and the debt service; the social value by category and the SROI when the case has outcomes, and
/// the value by outcome for the recommended structure (else the first).
std::vector<charts::Figure> caseFigures(const models::Case& c, const std::vector<models::Evaluation>& evaluations,
                                        const models::Comparison& comparison);

} // namespace cityfin::report
