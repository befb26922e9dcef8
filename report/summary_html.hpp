#pragma once
// The one-page summary (XHTML, opens in any browser, well-formed XML so tools can check it): the
// comparison table, the Plan B verdict, the charts and the key assumptions.

#include "models/case_file.hpp"
#include "models/compare.hpp"
#include "models/evaluation.hpp"
#include "report/analyses.hpp"

#include <string>
#include <vector>

namespace cityfin::report {

struct SummaryImage {
    std::string path;   ///< relative to the summary, e.g. "charts/npv-by-party.png"
    std::string pdf;    ///< the vector version, relative
    std::string title;
    std::vector<std::string> notes;
};

std::string summaryHtml(const models::Case& c, const std::vector<models::Evaluation>& evaluations,
                        const models::Comparison& comparison, const std::vector<SummaryImage>& images,
                        const std::string& workbookFile, const std::vector<std::string>& notes,
                        const CaseAnalyses* analyses = nullptr);

/// Text made safe inside XHTML elements and attributes.
std::string escapeXml(const std::string& text);

} // namespace cityfin::report
