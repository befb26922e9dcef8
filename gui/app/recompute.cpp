#include "gui/app/recompute.hpp"

#include "gui/app/engine_language.hpp"
#include "gui/app/engine_lock.hpp"
#include "models/case_evaluation.hpp"
#include "report/case_figures.hpp"

#include <QtConcurrent/QtConcurrentRun>

namespace cityfin::gui {

Recompute::Recompute(QObject* parent, int debounceMs) : QObject(parent)
{
    timer_.setSingleShot(true);
    timer_.setInterval(debounceMs);
    connect(&timer_, &QTimer::timeout, this, &Recompute::start);
    connect(&watcher_, &QFutureWatcherBase::finished, this, &Recompute::finished);
}

std::shared_ptr<const Results> Recompute::evaluateNow(const models::Case& c, models::Perspective perspective)
{
    auto results = std::make_shared<Results>(Results{c, {}, {}, {}, {}, {}, {}, {}});
    const QMutexLocker lock(&engineMutex());
    try {
        results->evaluations = models::evaluateCase(c);
        results->comparison = models::compareStructures(c.project, results->evaluations, perspective, engineLanguage());
    } catch (const std::exception& e) {
        results->evaluations.clear();
        results->error = QString::fromUtf8(e.what());
        return results;
    }
    try {   // the plans' own errors (a rule out of range) leave the evaluation standing
        report::AnalysisOptions deterministic;
        deterministic.withRisk = false;
        deterministic.language = engineLanguage();
        results->analyses = std::make_shared<const report::CaseAnalyses>(report::analyseCase(c, deterministic));
    } catch (const std::exception& e) {
        results->planError = QString::fromUtf8(e.what());
    }
    results->figures = report::caseFigures(c, results->evaluations, results->comparison, results->analyses.get());
    results->suggestions = models::maturity::suggestFromCase(c);
    return results;
}

std::shared_ptr<const Results> withAnalyses(const Results& base, std::shared_ptr<const report::CaseAnalyses> analyses)
{
    auto results = std::make_shared<Results>(base);
    results->analyses = std::move(analyses);
    results->planError.clear();
    results->figures = report::caseFigures(base.input, base.evaluations, base.comparison, results->analyses.get());
    return results;
}

void Recompute::request(const models::Case& c, models::Perspective perspective)
{
    pending_ = c;
    perspective_ = perspective;
    ++requested_;
    timer_.start();
}

void Recompute::start()
{
    if (!pending_) return;
    if (watcher_.isRunning()) {   // one evaluation at a time; the newest request runs next
        timer_.start();
        return;
    }
    running_ = requested_;
    // QuantLib's global evaluation date: only one evaluation runs at any time (see PLATFORM.md).
    watcher_.setFuture(QtConcurrent::run(&Recompute::evaluateNow, *pending_, perspective_));
    pending_.reset();
}

void Recompute::finished()
{
    if (running_ != requested_) return;   // stale: a newer request is pending
    latest_ = watcher_.result();
    Q_EMIT resultsReady();
}

} // namespace cityfin::gui
