#pragma once
// The main window: the case's fields on the left (by section), the results on the right
// (comparison, parties and flows, Plan B, risk, charts), recomputed as the user types; the Monte
// Carlo runs after each edit on its own worker, cancelled by the next edit.

#include "gui/app/case_document.hpp"
#include "gui/app/recompute.hpp"
#include "gui/app/recovery.hpp"

#include <QMainWindow>
#include <QTimer>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QMenu;
class QSortFilterProxyModel;
class QTableView;
class QTabWidget;

namespace cityfin::gui {

class ChartsPanel;
class ComparisonModel;
class MaturityPanel;
class PlanPanel;
class RiskPanel;
class FieldModel;
class PartiesModel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// recoveryDir: where the recovery file lives (empty: AppDataLocation).
    explicit MainWindow(const QString& recoveryDir = {}, QWidget* parent = nullptr);

    CaseDocument* document() { return &doc_; }
    Recompute* recompute() { return &recompute_; }
    FieldModel* fields() { return fields_; }
    ComparisonModel* comparison() { return comparisonModel_; }
    QTableView* fieldView() { return fieldView_; }
    QLabel* errorLabel() { return errorLabel_; }
    QTabWidget* resultTabs() { return tabs_; }
    const Recovery& recovery() const { return recovery_; }
    ChartsPanel* charts() { return charts_; }
    RiskPanel* risk() { return risk_; }
    PlanPanel* plans() { return plans_; }
    MaturityPanel* maturity() { return maturity_; }
    QComboBox* perspectiveBox() { return perspectiveBox_; }

    bool openFile(const QString& path);
    /// Asks whether to restore a recovery file left by a session that did not end cleanly.
    void offerRecovery();
    /// Writes the recovery file now (the autosave timer calls this).
    void autosave();
    /// Shows the section holding this JSON pointer and selects its row.
    void showField(const std::string& pointer);
    /// Adds a copy of (or removes) the list item holding the field at this JSON pointer (a
    /// structure, revenue line, grant, outcome, risk, plan...) as one undoable edit; false when the
    /// field is in no list.
    bool copyListItem(const std::string& pointer);
    bool removeListItem(const std::string& pointer);
    /// Writes the report (workbook, charts, summary) into dir. With a risk register and no Monte
    /// Carlo on screen, runs it first on the Risk tab's worker (progress, Cancel) and writes once it
    /// has finished; false when nothing was written now (waiting for the run, or an error shown).
    bool exportReportTo(const QString& dir);
    /// The folder a report waits to be written into (empty when none waits).
    const QString& pendingReport() const { return pendingReport_; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    QWidget* buildFieldsPanel();
    QWidget* buildResultsPanel();
    void updateTitle();
    void updateError();
    void showResults();
    void showAnalysed(std::shared_ptr<const Results> results);
    /// After an edit: recomputes, cancels the Monte Carlo of the old case and drops a waiting report.
    void requestRecompute();
    /// After a change of perspective: recomputes the comparison; a waiting report (which does not
    /// depend on the perspective) still waits, for the Monte Carlo run on the new results.
    void changePerspective();
    bool maybeSave();
    bool save();
    bool saveAs();
    void newFromTemplate();
    void exportReport();
    bool writeReportNow(const QString& dir);
    void dropPendingReport(const QString& why);
    void open();
    void rememberRecent(const QString& path);
    void fillRecentMenu();
    void copyTable(const QAbstractItemModel& model);

    CaseDocument doc_;
    Recompute recompute_;
    Recovery recovery_;
    QTimer autosaveTimer_;
    FieldModel* fields_ = nullptr;
    QSortFilterProxyModel* sectionFilter_ = nullptr;
    ComparisonModel* comparisonModel_ = nullptr;
    PartiesModel* partiesModel_ = nullptr;
    QComboBox* sectionBox_ = nullptr;
    QComboBox* perspectiveBox_ = nullptr;
    QComboBox* structureBox_ = nullptr;
    QTableView* fieldView_ = nullptr;
    QLabel* errorLabel_ = nullptr;
    QLabel* recommendation_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    ChartsPanel* charts_ = nullptr;
    RiskPanel* risk_ = nullptr;
    std::shared_ptr<const Results> shown_;   ///< the results on screen (with the Monte Carlo's, once run)
    QString pendingReport_;                  ///< a report waiting for its Monte Carlo, into this folder
    QString reportDropped_;                  ///< why a waiting report was dropped by an edit, said with the next results
    PlanPanel* plans_ = nullptr;
    MaturityPanel* maturity_ = nullptr;
};

} // namespace cityfin::gui
