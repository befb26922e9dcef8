#include "report/report.hpp"

#include "finance/errors.hpp"
#include "gui/charts/figures_from_models.hpp"
#include "gui/charts/qt_charts.hpp"
#include "models/case_evaluation.hpp"
#include "models/compare.hpp"
#include "report/case_figures.hpp"
#include "report/summary_html.hpp"
#include "report/workbook.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>

namespace cityfin::report {
namespace {

namespace fs = std::filesystem;

void showProgress(std::ostream* out, const std::string& what, std::size_t done, std::size_t total) {
    if (!out) return;
    *out << "\r" << what << " " << done << "/" << total << std::string(10, ' ') << (done == total ? "\n" : "")
         << std::flush;
}

fs::path prepareFolder(const std::string& dir) {
    std::error_code ec;
    fs::create_directories(fs::path(dir) / "charts", ec);
    if (ec || !fs::is_directory(fs::path(dir) / "charts"))
        throw InputError("--out", dir, "a folder that exists or can be created (" + ec.message() + ")");
    return fs::path(dir);
}

// The analyses, with a progress line for their Monte Carlo part when a terminal is given.
CaseAnalyses runAnalyses(const models::Case& c, const ReportOptions& options) {
    std::atomic<std::size_t> done{0};
    AnalysisOptions analysis = options.analysis;
    analysis.progress = &done;
    const std::size_t total = CaseAnalyses::scenarios(c, analysis);
    if (!options.progress || total == 0) return analyseCase(c, analysis);
    auto task = std::async(std::launch::async, [&] { return analyseCase(c, analysis); });
    while (task.wait_for(std::chrono::milliseconds(200)) != std::future_status::ready)
        showProgress(options.progress, "Monte Carlo scenarios", std::min(done.load(), total), total);
    showProgress(options.progress, "Monte Carlo scenarios", total, total);
    return task.get();
}

} // namespace

ReportFiles writeReport(const models::Case& c, const ReportOptions& options) {
    const fs::path dir = prepareFolder(options.outDir);
    const auto evaluations = models::evaluateCase(c);
    const auto comparison = models::compareStructures(c.project, evaluations, models::Perspective::City);
    const std::string stem = charts::fileStem(c.id.empty() ? c.name : c.id);
    const CaseAnalyses analyses = options.analyses ? *options.analyses : runAnalyses(c, options);

    ReportFiles files;
    files.workbook = (dir / (stem + ".xlsx")).string();
    const auto book = writeWorkbook(files.workbook, c, evaluations, comparison, &analyses);
    files.notes = book.notes;

    charts::ensureApplication(true);
    const auto figures = caseFigures(c, evaluations, comparison, &analyses);
    std::vector<SummaryImage> images;
    for (std::size_t i = 0; i < figures.size(); ++i) {
        showProgress(options.progress, "charts", i, figures.size());
        const auto chart = charts::buildChart(figures[i]);
        const std::string name = "charts/" + figures[i].id();
        // 12 x 7 inches at the resolution asked for: the same figure, sharper at a higher dpi.
        charts::renderPng(*chart, (dir / (name + ".png")).string(), {12 * options.dpi, 7 * options.dpi}, options.dpi);
        charts::renderPdf(*chart, (dir / (name + ".pdf")).string());
        files.images.push_back((dir / (name + ".png")).string());
        files.images.push_back((dir / (name + ".pdf")).string());
        images.push_back({name + ".png", name + ".pdf", figures[i].title(),
                          figures[i].bars ? figures[i].bars->notes : std::vector<std::string>{}});
    }
    showProgress(options.progress, "charts", figures.size(), figures.size());

    files.summary = (dir / (stem + ".html")).string();
    std::ofstream html(files.summary, std::ios::binary);
    html << summaryHtml(c, evaluations, comparison, images, stem + ".xlsx", files.notes, &analyses);
    if (!html.flush()) throw InputError("--out", options.outDir, "a folder where the summary can be written");
    return files;
}

} // namespace cityfin::report
