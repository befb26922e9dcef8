#pragma once
// Recomputes the results as the user types: a change restarts a short timer (debounce); when it
// fires, the case is evaluated and compared on a worker thread (QtConcurrent) from a copy of the
// case; a result whose generation is older than the latest request is discarded.

#include "gui/charts/chart_data.hpp"
#include "models/case_file.hpp"
#include "models/compare.hpp"
#include "models/evaluation.hpp"
#include "models/maturity/case_suggestion.hpp"
#include "report/analyses.hpp"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <memory>
#include <vector>

namespace cityfin::gui {

struct Results {
    models::Case input;
    std::vector<models::Evaluation> evaluations;
    models::Comparison comparison;
    std::vector<charts::Figure> figures;   ///< the report's figures (chart data only, no Qt)
    QString error;   ///< an engine error (the results are then empty)
    /// The Plan B chain (and, after a Monte Carlo run, the risk analyses); null when the plans
    /// could not be evaluated (planError says why) or the results are empty.
    std::shared_ptr<const report::CaseAnalyses> analyses;
    QString planError;
    /// The maturity levels the evaluated case suggests (financing, value assessment, business model).
    std::vector<models::maturity::Suggestion> suggestions;
};

/// The results of `base` with these analyses (a Monte Carlo run of the same case) and the figures
/// redrawn from them; the evaluation itself is shared.
std::shared_ptr<const Results> withAnalyses(const Results& base, std::shared_ptr<const report::CaseAnalyses> analyses);

class Recompute : public QObject {
    Q_OBJECT
public:
    explicit Recompute(QObject* parent = nullptr, int debounceMs = 250);

    /// Schedules an evaluation of this case (the latest request wins).
    void request(const models::Case& c, models::Perspective perspective);
    /// Evaluates now on the calling thread (the headless export).
    static std::shared_ptr<const Results> evaluateNow(const models::Case& c, models::Perspective perspective);

    std::shared_ptr<const Results> latest() const { return latest_; }
    bool busy() const { return watcher_.isRunning() || timer_.isActive(); }

Q_SIGNALS:
    void resultsReady();

private:
    void start();
    void finished();

    QTimer timer_;
    QFutureWatcher<std::shared_ptr<const Results>> watcher_;
    std::optional<models::Case> pending_;
    models::Perspective perspective_ = models::Perspective::City;
    quint64 requested_ = 0, running_ = 0;
    std::shared_ptr<const Results> latest_;
};

} // namespace cityfin::gui
