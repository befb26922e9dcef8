#pragma once
// `cityfin report CASE --out DIR`: the workbook, the chart images and the summary of a case.

#include <ostream>
#include <string>
#include <vector>

namespace cityfin::report {

int runReport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace cityfin::report
