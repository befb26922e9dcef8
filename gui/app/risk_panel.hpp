#pragma once
// The Risk tab: paths and seed, Run / Cancel with a progress bar, "run again after each edit", and
// per structure the Monte Carlo's headline figures (probability that every rule holds, the city's
// present cost at P5/P50/P95, the private partner's NPV, equity IRR, DSCR, guarantee payments,
// value for money) with copy as tab-separated values. The risk charts go to the Charts tab.

#include "gui/app/risk_job.hpp"

#include <QStandardItemModel>
#include <QWidget>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace cityfin::gui {

class RiskPanel : public QWidget {
    Q_OBJECT
public:
    explicit RiskPanel(QWidget* parent = nullptr);

    /// New results of the evaluation as the user types: stale figures are marked, and a run starts
    /// when "run again after each edit" is on and the case has a risk register.
    void setBase(std::shared_ptr<const Results> base);
    /// Shows the analyses of a finished run.
    void setResults(std::shared_ptr<const Results> results);

    RiskJob* job() { return &job_; }
    QStandardItemModel* table() { return &table_; }
    QSpinBox* pathsBox() { return paths_; }
    QCheckBox* autoRun() { return autoRun_; }
    QLabel* status() { return status_; }
    QPushButton* runButton() { return run_; }
    QPushButton* cancelButton() { return cancel_; }

    void run();

Q_SIGNALS:
    /// A run finished: the results with the risk analyses (and their figures).
    void analysed(std::shared_ptr<const cityfin::gui::Results> results);

private:
    void fill(const Results& results);
    void setRunning(bool running);

    RiskJob job_;
    QStandardItemModel table_;
    std::shared_ptr<const Results> base_;
    QSpinBox* paths_ = nullptr;
    QSpinBox* seed_ = nullptr;
    QPushButton* run_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QCheckBox* autoRun_ = nullptr;
    QLabel* status_ = nullptr;
};

} // namespace cityfin::gui
