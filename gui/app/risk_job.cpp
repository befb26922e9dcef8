#include "gui/app/risk_job.hpp"

#include "gui/app/engine_language.hpp"
#include "gui/app/engine_lock.hpp"
#include "models/risk/risk_run.hpp"

#include <QtConcurrent/QtConcurrentRun>

namespace cityfin::gui {

RiskJob::RiskJob(QObject* parent) : QObject(parent)
{
    poll_.setInterval(100);
    connect(&poll_, &QTimer::timeout, this, [this] {
        if (progress_) Q_EMIT progressed(static_cast<int>(std::min(progress_->load(), total_)), static_cast<int>(total_));
    });
    connect(&watcher_, &QFutureWatcherBase::finished, this, &RiskJob::done);
}

RiskJob::~RiskJob()
{
    cancel();
    watcher_.waitForFinished();
}

bool RiskJob::start(std::shared_ptr<const Results> base, RiskSettings settings)
{
    if (!base || !base->error.isEmpty() || base->input.risks.empty()) return false;
    if (running()) {   // the run in flight stops first; this one starts when it has
        queuedBase_ = std::move(base);
        queuedSettings_ = settings;
        cancel();
        return true;
    }
    base_ = base;
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    progress_ = std::make_shared<std::atomic<std::size_t>>(0);
    report::AnalysisOptions options;
    options.paths = static_cast<std::size_t>(settings.paths);
    options.seed = settings.seed;
    options.language = engineLanguage();
    options.cancel = cancel_.get();
    options.progress = progress_.get();
    total_ = report::CaseAnalyses::scenarios(base->input, options);
    // The worker owns shared copies of what it reads, so a window closed mid-run stays safe.
    watcher_.setFuture(QtConcurrent::run([base, options, cancel = cancel_, progress = progress_]() -> Outcome {
        const QMutexLocker lock(&engineMutex());
        try {
            if (cancel->load()) return {nullptr, {}, true};
            auto analyses = std::make_shared<const report::CaseAnalyses>(report::analyseCase(base->input, options));
            return {withAnalyses(*base, std::move(analyses)), {}, false};
        } catch (const models::RunCancelled&) {
            return {nullptr, {}, true};
        } catch (const std::exception& e) {
            return {nullptr, QString::fromUtf8(e.what()), false};
        }
    }));
    poll_.start();
    Q_EMIT progressed(0, static_cast<int>(total_));
    return true;
}

void RiskJob::cancel()
{
    if (cancel_) cancel_->store(true);
}

void RiskJob::done()
{
    poll_.stop();
    const Outcome outcome = watcher_.result();
    if (queuedBase_) {   // a newer request replaced this run: start it, report nothing of this one
        auto next = std::move(queuedBase_);
        queuedBase_.reset();
        start(std::move(next), queuedSettings_);
        return;
    }
    if (outcome.cancelled) Q_EMIT cancelled();
    else if (!outcome.error.isEmpty()) Q_EMIT failed(outcome.error);
    else {
        Q_EMIT progressed(static_cast<int>(total_), static_cast<int>(total_));
        Q_EMIT finished(outcome.results);
    }
}

} // namespace cityfin::gui
