#pragma once
// The Monte Carlo of the desktop program: the risk run, risk borne, value for money, tornadoes and
// the Plan B chain with its risk rule (report::analyseCase) on a worker thread, with progress and
// Cancel. One run at a time; starting a new one cancels the one in flight. The result is the
// results it started from, with the analyses added and the figures redrawn.

#include "gui/app/recompute.hpp"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

namespace cityfin::gui {

struct RiskSettings {
    int paths = 2000;
    quint64 seed = 1;
};

class RiskJob : public QObject {
    Q_OBJECT
public:
    explicit RiskJob(QObject* parent = nullptr);
    ~RiskJob() override;

    /// Starts a run on these results' case (cancelling a run in flight). False when the case has
    /// no risk register (nothing to run).
    bool start(std::shared_ptr<const Results> base, RiskSettings settings);
    /// Asks the run in flight to stop; `cancelled` follows once it has.
    void cancel();
    bool running() const { return watcher_.isRunning(); }
    /// The results the run in flight (or the last one) started from.
    std::shared_ptr<const Results> base() const { return base_; }

Q_SIGNALS:
    void progressed(int done, int total);
    void finished(std::shared_ptr<const cityfin::gui::Results> results);
    void cancelled();
    void failed(const QString& message);

private:
    struct Outcome {
        std::shared_ptr<const Results> results;
        QString error;
        bool cancelled = false;
    };
    void done();

    QFutureWatcher<Outcome> watcher_;
    QTimer poll_;
    std::shared_ptr<const Results> base_;
    std::shared_ptr<const Results> queuedBase_;   // a start() while the previous run winds down
    RiskSettings queuedSettings_;
    std::shared_ptr<std::atomic<bool>> cancel_;
    std::shared_ptr<std::atomic<std::size_t>> progress_;
    std::size_t total_ = 0;
};

} // namespace cityfin::gui
