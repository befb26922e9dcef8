#include "gui/app/main_window.hpp"

#include "gui/app/charts_panel.hpp"
#include "gui/app/engine_lock.hpp"
#include "gui/app/field_model.hpp"
#include "gui/app/list_items.hpp"
#include "gui/app/maturity_panel.hpp"
#include "gui/app/plan_panel.hpp"
#include "gui/app/results_models.hpp"
#include "gui/app/risk_panel.hpp"
#include "report/report.hpp"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <utility>

namespace cityfin::gui {
namespace {

constexpr int kAutosaveMs = 30'000;
constexpr int kMaxRecent = 8;

QTableView* makeTable(QAbstractItemModel* model, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

} // namespace

MainWindow::MainWindow(const QString& recoveryDir, QWidget* parent)
    : QMainWindow(parent), recovery_(recoveryDir)
{
    fields_ = new FieldModel(&doc_, this);
    comparisonModel_ = new ComparisonModel(this);
    partiesModel_ = new PartiesModel(this);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(buildFieldsPanel());
    splitter->addWidget(buildResultsPanel());
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({560, 720});
    setCentralWidget(splitter);
    buildMenus();

    connect(&doc_, &CaseDocument::caseChanged, this, &MainWindow::requestRecompute);
    connect(&doc_, &CaseDocument::errorChanged, this, &MainWindow::updateError);
    connect(&doc_, &CaseDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(&doc_, &CaseDocument::pathChanged, this, &MainWindow::updateTitle);
    const auto refreshSections = [this] {
        const QString current = sectionBox_->currentText();
        const QSignalBlocker block(sectionBox_);
        sectionBox_->clear();
        sectionBox_->addItems(fields_->sections());
        const int keep = sectionBox_->findText(current);
        sectionBox_->setCurrentIndex(keep >= 0 ? keep : 0);
        sectionFilter_->setFilterFixedString(sectionBox_->currentText());
    };
    connect(&doc_, &CaseDocument::documentReset, this, refreshSections);
    connect(&doc_, &CaseDocument::shapeChanged, this, refreshSections);
    connect(&recompute_, &Recompute::resultsReady, this, &MainWindow::showResults);

    autosaveTimer_.setInterval(kAutosaveMs);
    connect(&autosaveTimer_, &QTimer::timeout, this, &MainWindow::autosave);
    autosaveTimer_.start();
    updateTitle();
    resize(1280, 760);
}

QWidget* MainWindow::buildFieldsPanel()
{
    auto* panel = new QWidget(this);
    auto* layout = new QVBoxLayout(panel);
    sectionBox_ = new QComboBox(panel);
    sectionFilter_ = new QSortFilterProxyModel(this);
    sectionFilter_->setSourceModel(fields_);
    sectionFilter_->setFilterKeyColumn(FieldModel::Section);
    connect(sectionBox_, &QComboBox::currentTextChanged, this, [this](const QString& section) {
        sectionFilter_->setFilterFixedString(section);
    });
    fieldView_ = makeTable(sectionFilter_, panel);
    fieldView_->hideColumn(FieldModel::Section);
    fieldView_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    errorLabel_ = new QLabel(panel);
    errorLabel_->setWordWrap(true);
    errorLabel_->setStyleSheet(QStringLiteral("color: #a00000;"));
    errorLabel_->hide();
    // A list item (structure, revenue line, grant, outcome, risk, plan...) is added as a copy of the
    // one the selected field is in, or removed; each is one step of undo.
    auto* listButtons = new QHBoxLayout;
    auto* addItem = new QPushButton(tr("Copy item"), panel);
    auto* removeItem = new QPushButton(tr("Remove item"), panel);
    addItem->setToolTip(tr("Add a copy of the list item (structure, revenue, grant, outcome, risk, plan...) the "
                           "selected field belongs to"));
    removeItem->setToolTip(tr("Remove the list item the selected field belongs to"));
    const auto selectedPointer = [this]() -> std::string {
        const QModelIndex at = sectionFilter_->mapToSource(fieldView_->currentIndex());
        return at.isValid() ? fields_->pointerAt(at.row()) : std::string();
    };
    connect(addItem, &QPushButton::clicked, this, [this, selectedPointer] {
        if (!copyListItem(selectedPointer())) statusBar()->showMessage(tr("Select a field of a list item first"), 5'000);
    });
    connect(removeItem, &QPushButton::clicked, this, [this, selectedPointer] {
        if (!removeListItem(selectedPointer())) statusBar()->showMessage(tr("Select a field of a list item first"), 5'000);
    });
    listButtons->addWidget(addItem);
    listButtons->addWidget(removeItem);
    listButtons->addStretch(1);
    layout->addWidget(new QLabel(tr("Inputs"), panel));
    layout->addWidget(sectionBox_);
    layout->addWidget(fieldView_, 1);
    layout->addLayout(listButtons);
    layout->addWidget(errorLabel_);
    return panel;
}

QWidget* MainWindow::buildResultsPanel()
{
    tabs_ = new QTabWidget(this);

    auto* comparison = new QWidget(tabs_);
    auto* cl = new QVBoxLayout(comparison);
    auto* top = new QHBoxLayout;
    perspectiveBox_ = new QComboBox(comparison);
    perspectiveBox_->addItem(tr("City"), QStringLiteral("city"));
    perspectiveBox_->addItem(tr("Investor"), QStringLiteral("investor"));
    perspectiveBox_->addItem(tr("Society"), QStringLiteral("society"));
    connect(perspectiveBox_, &QComboBox::currentIndexChanged, this, &MainWindow::changePerspective);
    top->addWidget(new QLabel(tr("Perspective:"), comparison));
    top->addWidget(perspectiveBox_);
    top->addStretch(1);
    auto* copyComparison = new QPushButton(tr("Copy table"), comparison);
    connect(copyComparison, &QPushButton::clicked, this, [this] { copyTable(*comparisonModel_); });
    top->addWidget(copyComparison);
    cl->addLayout(top);
    recommendation_ = new QLabel(comparison);
    recommendation_->setWordWrap(true);
    recommendation_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    cl->addWidget(recommendation_);
    auto* comparisonView = makeTable(comparisonModel_, comparison);
    comparisonView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Structure names run long: a fixed, elided column keeps the figures in view (full name in the tip).
    comparisonView->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Interactive);
    comparisonView->setColumnWidth(1, 260);
    comparisonView->setWordWrap(false);
    cl->addWidget(comparisonView, 1);
    tabs_->addTab(comparison, tr("Comparison"));

    auto* parties = new QWidget(tabs_);
    auto* pl = new QVBoxLayout(parties);
    auto* ptop = new QHBoxLayout;
    structureBox_ = new QComboBox(parties);
    connect(structureBox_, &QComboBox::currentIndexChanged, this, [this](int i) {
        partiesModel_->setResults(recompute_.latest(), i);
    });
    ptop->addWidget(new QLabel(tr("Structure:"), parties));
    ptop->addWidget(structureBox_, 1);
    auto* copyParties = new QPushButton(tr("Copy table"), parties);
    connect(copyParties, &QPushButton::clicked, this, [this] { copyTable(*partiesModel_); });
    ptop->addWidget(copyParties);
    pl->addLayout(ptop);
    pl->addWidget(makeTable(partiesModel_, parties), 1);
    tabs_->addTab(parties, tr("Parties and cash flows"));

    plans_ = new PlanPanel(tabs_);
    tabs_->addTab(plans_, tr("Plan B"));
    risk_ = new RiskPanel(tabs_);
    connect(risk_, &RiskPanel::analysed, this, &MainWindow::showAnalysed);
    // A report waiting for its Monte Carlo is dropped when the user cancels that run, when an edit
    // makes it a run of another case, or when it fails (not on the job's own cancelled signal: a run
    // restarted for the report cancels the one in flight).
    connect(risk_->cancelButton(), &QPushButton::clicked, this, [this] { dropPendingReport(tr("its Monte Carlo was cancelled")); });
    connect(risk_->job(), &RiskJob::failed, this, [this](const QString& message) { dropPendingReport(message); });
    tabs_->addTab(risk_, tr("Risk"));

    // The chart layer's figures (the same as `cityfin report`), each with its data table.
    charts_ = new ChartsPanel(tabs_);
    tabs_->addTab(charts_, tr("Charts"));
    maturity_ = new MaturityPanel(tabs_);
    tabs_->addTab(maturity_, tr("Maturity"));
    return tabs_;
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New from template..."), QKeySequence::New, this, &MainWindow::newFromTemplate);
    file->addAction(tr("&Open..."), QKeySequence::Open, this, &MainWindow::open);
    recentMenu_ = file->addMenu(tr("Open &recent"));
    connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::save);
    file->addAction(tr("Save &as..."), QKeySequence::SaveAs, this, &MainWindow::saveAs);
    file->addSeparator();
    file->addAction(tr("&Export report (workbook, charts, summary)..."), this, &MainWindow::exportReport);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = doc_.undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = doc_.undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
}

bool MainWindow::openFile(const QString& path)
{
    try {
        doc_.open(path);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Cannot open the case"), QString::fromUtf8(e.what()));
        return false;
    }
    rememberRecent(path);
    return true;
}

void MainWindow::open()
{
    if (!maybeSave()) return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a case"), {}, tr("Case files (*.json)"));
    if (!path.isEmpty()) openFile(path);
}

void MainWindow::newFromTemplate()
{
    if (!maybeSave()) return;
    const QString path = QFileDialog::getOpenFileName(this, tr("New case from a template"),
                                                      QStringLiteral(CITYFIN_CASES_DIR), tr("Case files (*.json)"));
    if (path.isEmpty()) return;
    try {
        doc_.openTemplate(path);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Cannot open the template"), QString::fromUtf8(e.what()));
    }
}

bool MainWindow::save()
{
    if (doc_.path().isEmpty()) return saveAs();
    try {
        doc_.save();
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Cannot save the case"), QString::fromUtf8(e.what()));
        return false;
    }
    recovery_.clear();
    rememberRecent(doc_.path());
    return true;
}

bool MainWindow::saveAs()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the case"), doc_.path(), tr("Case files (*.json)"));
    if (path.isEmpty()) return false;
    try {
        doc_.save(path);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Cannot save the case"), QString::fromUtf8(e.what()));
        return false;
    }
    recovery_.clear();
    rememberRecent(path);
    return true;
}

bool MainWindow::maybeSave()
{
    if (!doc_.isModified()) return true;
    const auto answer = QMessageBox::warning(this, tr("Unsaved changes"),
                                             tr("The case has unsaved changes. Save them?"),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save) return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (maybeSave()) {
        recovery_.clear();
        event->accept();
    } else {
        event->ignore();
    }
}

void MainWindow::autosave()
{
    if (!doc_.isModified() || !doc_.lastGoodCase()) return;
    try {
        recovery_.write(*doc_.lastGoodCase());
    } catch (const std::exception& e) {
        statusBar()->showMessage(tr("Autosave failed: %1").arg(QString::fromUtf8(e.what())), 10'000);
    }
}

void MainWindow::offerRecovery()
{
    const std::optional<models::Case> recovered = recovery_.read();
    if (!recovered) return;
    const auto answer = QMessageBox::question(
        this, tr("Recover unsaved changes"),
        tr("cityfin did not close cleanly last time. Restore the unsaved case \"%1\"?")
            .arg(QString::fromStdString(recovered->name)));
    if (answer == QMessageBox::Yes) doc_.openUnsaved(*recovered);
    else recovery_.clear();
}

void MainWindow::rememberRecent(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kMaxRecent) recent.removeLast();
    settings.setValue(QStringLiteral("recentFiles"), recent);
}

void MainWindow::fillRecentMenu()
{
    recentMenu_->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString& path : recent)
        recentMenu_->addAction(path, this, [this, path] { if (maybeSave()) openFile(path); });
    if (recent.isEmpty()) recentMenu_->addAction(tr("(none)"))->setEnabled(false);
}

void MainWindow::updateTitle()
{
    const QString name = doc_.path().isEmpty() ? tr("untitled case") : QFileInfo(doc_.path()).fileName();
    setWindowTitle(tr("%1[*] - cityfin").arg(name));
    setWindowModified(doc_.isModified());
}

void MainWindow::updateError()
{
    errorLabel_->setVisible(!doc_.valid());
    errorLabel_->setText(doc_.valid() ? QString()
                                      : tr("Not recomputed, the last good results stay on screen: %1")
                                            .arg(doc_.errorMessage()));
    if (!doc_.valid()) showField(doc_.errorPointer());
}

void MainWindow::showField(const std::string& pointer)
{
    const int row = fields_->rowOf(pointer);
    if (row < 0) return;
    const QString section = fields_->data(fields_->index(row, FieldModel::Section), Qt::DisplayRole).toString();
    sectionBox_->setCurrentText(section);
    const QModelIndex at = sectionFilter_->mapFromSource(fields_->index(row, FieldModel::Value));
    if (at.isValid()) fieldView_->scrollTo(at);
}

bool MainWindow::copyListItem(const std::string& pointer)
{
    const auto item = listItemAt(doc_.json(), pointer);
    if (!item) return false;
    const auto& array = doc_.json()[nlohmann::json::json_pointer(item->arrayPointer)];
    doc_.setValue(item->arrayPointer, withItemCopied(array, item->index));
    return true;
}

bool MainWindow::removeListItem(const std::string& pointer)
{
    const auto item = listItemAt(doc_.json(), pointer);
    if (!item) return false;
    const auto& array = doc_.json()[nlohmann::json::json_pointer(item->arrayPointer)];
    doc_.setValue(item->arrayPointer, withItemRemoved(array, item->index));
    return true;
}

void MainWindow::requestRecompute()
{
    if (!doc_.lastGoodCase()) return;
    // Said with the new results: a message now would be replaced at once by "Recomputing...".
    if (!std::exchange(pendingReport_, QString()).isEmpty())
        reportDropped_ = tr("Report not written: the case changed while its Monte Carlo ran.");
    changePerspective();
}

void MainWindow::changePerspective()
{
    if (!doc_.lastGoodCase()) return;
    risk_->job()->cancel();   // its results are no longer the ones on screen; the engine is needed now
    statusBar()->showMessage(tr("Recomputing..."));
    const auto perspective = models::perspectiveFromId(perspectiveBox_->currentData().toString().toStdString());
    recompute_.request(*doc_.lastGoodCase(), perspective);
}

void MainWindow::showResults()
{
    const auto results = recompute_.latest();
    shown_ = results;
    const QString status = results->error.isEmpty() ? tr("Results up to date") : results->error;
    statusBar()->showMessage(reportDropped_.isEmpty() ? status
                                                      : std::exchange(reportDropped_, QString()) + QLatin1Char(' ') + status);
    comparisonModel_->setResults(results);
    const int keep = structureBox_->currentIndex();
    {
        const QSignalBlocker block(structureBox_);
        structureBox_->clear();
        for (const auto& e : results->evaluations) structureBox_->addItem(QString::fromStdString(e.structureName));
        structureBox_->setCurrentIndex(keep >= 0 && keep < structureBox_->count() ? keep : 0);
    }
    partiesModel_->setResults(results, structureBox_->currentIndex());
    charts_->setFigures(results->figures);
    plans_->setResults(*results);
    maturity_->setSuggestions(results->suggestions);
    risk_->setBase(results);
    // A report still waiting (the perspective changed during its Monte Carlo): run it on these results
    // if the Risk tab does not already.
    if (!pendingReport_.isEmpty() && !risk_->job()->running()) {
        risk_->run();
        if (!risk_->job()->running()) dropPendingReport(tr("the Monte Carlo could not start"));
    }

    // The engine's reasons (in English: models/ writes them) name the recommendation first.
    const auto& c = results->comparison;
    QStringList lines;
    if (!c.recommended) lines << tr("No structure is feasible.");
    for (const std::string& reason : c.reasons) lines << QStringLiteral("• ") + QString::fromStdString(reason);
    recommendation_->setText(lines.join(QLatin1Char('\n')));
}

void MainWindow::showAnalysed(std::shared_ptr<const Results> results)
{
    shown_ = results;
    charts_->setFigures(results->figures);
    plans_->setResults(*results);
    statusBar()->showMessage(tr("Monte Carlo done"), 5'000);
    if (!pendingReport_.isEmpty()) writeReportNow(std::exchange(pendingReport_, QString()));
}

void MainWindow::exportReport()
{
    if (!doc_.lastGoodCase()) return;
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export the report into a folder"));
    if (!dir.isEmpty()) exportReportTo(dir);
}

bool MainWindow::exportReportTo(const QString& dir)
{
    if (!doc_.lastGoodCase()) return false;
    // The report shows what is on screen: a Monte Carlo already run is reused, not run again
    // (shown_ goes back to the plain results on every edit, so its analyses are of this case).
    const bool analysed = shown_ && shown_->analyses && shown_->analyses->risk;
    if (analysed || doc_.lastGoodCase()->risks.empty()) return writeReportNow(dir);
    // The Monte Carlo is the slow part: it runs on the Risk tab's worker, where it shows its
    // progress and can be cancelled, and the report is written when it has finished.
    pendingReport_ = dir;
    tabs_->setCurrentWidget(risk_);
    if (!risk_->job()->running()) risk_->run();  // else the run after the last edit is this case's
    if (!risk_->job()->running()) {
        dropPendingReport(tr("the Monte Carlo could not start"));
        return false;
    }
    statusBar()->showMessage(tr("Running the Monte Carlo for the report..."));
    return false;
}

bool MainWindow::writeReportNow(const QString& dir)
{
    try {
        report::ReportOptions options;
        options.outDir = dir.toStdString();
        options.analysis.paths = static_cast<std::size_t>(risk_->pathsBox()->value());
        if (shown_ && shown_->analyses && shown_->analyses->risk) options.analyses = shown_->analyses.get();
        QApplication::setOverrideCursor(Qt::WaitCursor);
        struct RestoreCursor {
            ~RestoreCursor() { QApplication::restoreOverrideCursor(); }
        } restore;
        const QMutexLocker lock(&engineMutex());
        const report::ReportFiles files = report::writeReport(*doc_.lastGoodCase(), options);
        statusBar()->showMessage(tr("Report written: %1").arg(QString::fromStdString(files.summary)), 10'000);
        return true;
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Cannot export the report"), QString::fromUtf8(e.what()));
        return false;
    }
}

void MainWindow::dropPendingReport(const QString& why)
{
    if (pendingReport_.isEmpty()) return;
    pendingReport_.clear();
    statusBar()->showMessage(tr("Report not written: %1").arg(why), 10'000);
}

void MainWindow::copyTable(const QAbstractItemModel& model)
{
    QApplication::clipboard()->setText(tableAsTsv(model));
    statusBar()->showMessage(tr("Table copied as tab-separated values"), 5'000);
}

} // namespace cityfin::gui
