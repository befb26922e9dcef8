#include "gui/app/risk_panel.hpp"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace cityfin::gui {
namespace {

using models::RiskMetric;

QString money(double x) { return std::isfinite(x) ? QLocale().toString(x, 'f', 0) : QStringLiteral("—"); }
QString percent(double x) { return std::isfinite(x) ? QLocale().toString(x * 100.0, 'f', 1) + QLatin1String(" %") : QStringLiteral("—"); }
QString ratio(double x) { return std::isfinite(x) ? QLocale().toString(x, 'f', 2) : QStringLiteral("—"); }

QStandardItem* cell(const QString& text, bool number = true)
{
    auto* item = new QStandardItem(text);
    item->setEditable(false);
    if (number) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

// P(rules hold) with, as its tooltip, each basic rule and its own share; a dash where no rule applies
// (a structure with neither private equity nor project debt), rather than a certain 100%.
QStandardItem* rulesCell(const models::StructureRisk& s)
{
    if (s.rules.empty()) {
        QStandardItem* item = cell(QStringLiteral("—"));
        item->setToolTip(RiskPanel::tr("No equity or debt rule applies to this structure."));
        return item;
    }
    QStringList lines;
    for (const auto& r : s.rules) {
        const QString rule = r.id == "min_dscr_covenant"
                                 ? RiskPanel::tr("Minimum DSCR at least %1x").arg(QLocale().toString(r.threshold, 'f', 2))
                                 : RiskPanel::tr("Equity IRR at least %1").arg(percent(r.threshold));
        lines << RiskPanel::tr("%1: %2 of the scenarios").arg(rule, percent(r.probability));
    }
    QStandardItem* item = cell(percent(s.allRulesProbability));
    item->setToolTip(lines.join(QLatin1Char('\n')));
    return item;
}

} // namespace

RiskPanel::RiskPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* controls = new QHBoxLayout;
    paths_ = new QSpinBox(this);
    paths_->setRange(100, 1'000'000);
    paths_->setSingleStep(1000);
    paths_->setValue(2000);
    paths_->setGroupSeparatorShown(true);
    seed_ = new QSpinBox(this);
    seed_->setRange(1, 1'000'000);
    seed_->setValue(1);
    run_ = new QPushButton(tr("Run Monte Carlo"), this);
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->setEnabled(false);
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 1);
    progress_->setValue(0);
    autoRun_ = new QCheckBox(tr("Run again after each edit"), this);
    autoRun_->setChecked(true);
    controls->addWidget(new QLabel(tr("Paths:"), this));
    controls->addWidget(paths_);
    controls->addWidget(new QLabel(tr("Seed:"), this));
    controls->addWidget(seed_);
    controls->addWidget(run_);
    controls->addWidget(cancel_);
    controls->addWidget(progress_, 1);
    controls->addWidget(autoRun_);
    layout->addLayout(controls);
    status_ = new QLabel(tr("Not run yet."), this);
    status_->setWordWrap(true);
    layout->addWidget(status_);
    auto* view = new QTableView(this);
    view->setModel(&table_);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->setWordWrap(false);
    layout->addWidget(view, 1);
    layout->addWidget(new QLabel(tr("The risk sharing, allocation, distributions and tornadoes are in the Charts tab."), this));

    connect(run_, &QPushButton::clicked, this, &RiskPanel::run);
    connect(cancel_, &QPushButton::clicked, &job_, &RiskJob::cancel);
    connect(&job_, &RiskJob::progressed, this, [this](int done, int total) {
        progress_->setRange(0, std::max(total, 1));
        progress_->setValue(done);
    });
    connect(&job_, &RiskJob::finished, this, [this](std::shared_ptr<const Results> results) {
        setRunning(false);
        if (job_.base() != base_) {   // the case changed while it ran: its figures are not the case's
            status_->setText(tr("The case has changed since this run: run it again."));
            return;
        }
        setResults(results);
        Q_EMIT analysed(std::move(results));
    });
    connect(&job_, &RiskJob::cancelled, this, [this] {
        setRunning(false);
        progress_->setValue(0);
        status_->setText(tr("Cancelled: the figures below, if any, are of the last completed run."));
    });
    connect(&job_, &RiskJob::failed, this, [this](const QString& message) {
        setRunning(false);
        status_->setText(tr("The Monte Carlo could not run: %1").arg(message));
    });
}

void RiskPanel::setRunning(bool running)
{
    cancel_->setEnabled(running);
    run_->setEnabled(!running);
    if (running) status_->setText(tr("Running %1 scenarios...").arg(QLocale().toString(paths_->value())));
}

void RiskPanel::setBase(std::shared_ptr<const Results> base)
{
    base_ = std::move(base);
    const bool hasRegister = base_ && base_->error.isEmpty() && !base_->input.risks.empty();
    run_->setEnabled(hasRegister && !job_.running());
    if (!hasRegister) {
        job_.cancel();
        table_.clear();
        status_->setText(tr("The case has no risk register: add risks to run the Monte Carlo."));
        return;
    }
    if (autoRun_->isChecked()) {
        run();
        return;
    }
    job_.cancel();
    if (table_.rowCount() > 0) status_->setText(tr("The case has changed since this run: run it again."));
}

void RiskPanel::run()
{
    if (job_.start(base_, {paths_->value(), static_cast<quint64>(seed_->value())})) setRunning(true);
}

void RiskPanel::setResults(std::shared_ptr<const Results> results)
{
    if (!results || !results->analyses || !results->analyses->risk) return;
    fill(*results);
    const auto& run = results->analyses->risk->run;
    status_->setText(tr("%1 scenarios, seed %2; terms fixed at financial close. P(rules hold) is the share of scenarios "
                        "in which the investors' hurdle and the lenders' covenant both hold, where they apply (hover "
                        "for each); the Plan B tab tests each plan's own rules.")
                         .arg(QLocale().toString(static_cast<qulonglong>(run.paths)))
                         .arg(run.seed));
}

void RiskPanel::fill(const Results& results)
{
    const auto& risk = *results.analyses->risk;
    table_.clear();
    table_.setHorizontalHeaderLabels({tr("Structure"), tr("P(rules hold)"), tr("City cost P5"), tr("City cost P50"),
                                      tr("City cost P95"), tr("Private NPV P50"), tr("Equity IRR P50"),
                                      tr("Min DSCR P5"), tr("Guarantees, expected PV"), tr("Guarantees, P95 PV"),
                                      tr("Value for money")});
    for (const auto& s : risk.run.structures) {
        const auto& cost = s.summary(RiskMetric::CityPresentCost);
        const auto defined = [&](RiskMetric m, double v) { return s.summary(m).defined ? v : std::nan(""); };
        QString vfm = QStringLiteral("—");
        if (risk.vfm)
            for (const auto& v : risk.vfm->structures)
                if (v.structureId == s.structureId)
                    vfm = money(v.vfmAmount) + (v.vfmPercent ? QStringLiteral(" (%1)").arg(percent(*v.vfmPercent)) : QString());
        table_.appendRow({cell(QString::fromStdString(s.structureName), false), rulesCell(s),
                          cell(money(cost.p5)), cell(money(cost.p50)), cell(money(cost.p95)),
                          cell(money(defined(RiskMetric::NpvPrivate, s.summary(RiskMetric::NpvPrivate).p50))),
                          cell(percent(defined(RiskMetric::EquityIrr, s.summary(RiskMetric::EquityIrr).p50))),
                          cell(ratio(defined(RiskMetric::MinDscr, s.summary(RiskMetric::MinDscr).p5))),
                          cell(money(s.expectedContingent)), cell(money(s.p95Contingent)), cell(vfm)});
    }
}

} // namespace cityfin::gui
