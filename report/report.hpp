#pragma once
// `cityfin report`: for one case, the workbook, every chart as PNG and PDF, and the summary HTML.

#include "models/case_file.hpp"
#include "report/analyses.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace cityfin::report {

struct ReportOptions {
    std::string outDir;
    int dpi = 150;                   ///< of the PNG images (the PDFs are vector)
    std::ostream* progress = nullptr;  ///< a terminal to redraw one progress line on, or none
    AnalysisOptions analysis;          ///< Monte Carlo paths and seed, maturity answers (progress is set here)
    /// Analyses already run on this case (the desktop program's Monte Carlo), used instead of
    /// running them again; not owned.
    const CaseAnalyses* analyses = nullptr;
};

struct ReportFiles {
    std::string workbook;            ///< DIR/<case-id>.xlsx
    std::string summary;             ///< DIR/<case-id>.html
    std::vector<std::string> images; ///< DIR/charts/<figure>.png and .pdf
    std::vector<std::string> notes;  ///< what was left out and why
};

/// Evaluates the case (every structure, social return attached), compares from the city's
/// perspective, runs the analyses (risk, tornadoes, Plan B, maturity) and writes the files. Creates DIR when missing. InputError for an unusable DIR.
ReportFiles writeReport(const models::Case& c, const ReportOptions& options);

} // namespace cityfin::report
