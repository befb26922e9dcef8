#include "gui/app/maturity_panel.hpp"

#include "gui/app/engine_language.hpp"

#include "gui/charts/figures_from_risk.hpp"
#include "gui/charts/qt_charts.hpp"
#include "models/maturity/answers.hpp"
#include "models/maturity/assessment_json.hpp"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace cityfin::gui {
namespace {

namespace mat = models::maturity;

QStandardItem* cell(const std::string& text)
{
    auto* item = new QStandardItem(QString::fromStdString(text));
    item->setEditable(false);
    item->setToolTip(item->text());
    return item;
}

const std::string& levelName(const mat::Framework& f, std::optional<mat::Level> level, const std::string& lang)
{
    return level ? f.levelNames.at(static_cast<std::size_t>(mat::levelRank(*level))).in(lang) : f.cannotAssess.in(lang);
}

} // namespace

std::string MaturityPanel::language()
{
    return engineLanguage();  // the framework carries both languages
}

MaturityPanel::MaturityPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    auto* open = new QPushButton(tr("Open answers..."), this);
    message_ = new QLabel(tr("Open a city's answers file (cases/maturity/template.json lists every question) to place "
                             "it on the maturity ladder."), this);
    message_->setWordWrap(true);
    top->addWidget(open);
    top->addWidget(message_, 1);
    layout->addLayout(top);
    split_ = new QSplitter(Qt::Horizontal, this);
    auto* view = new QTableView(split_);
    view->setModel(&table_);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->setWordWrap(false);
    split_->addWidget(view);
    layout->addWidget(split_, 1);
    warnings_ = new QLabel(this);
    warnings_->setWordWrap(true);
    layout->addWidget(warnings_);
    connect(open, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open a maturity answers file"),
                                                          QStringLiteral(CITYFIN_CASES_DIR "/maturity"),
                                                          tr("Answers (*.json)"));
        if (!path.isEmpty()) loadAnswers(path);
    });
}

bool MaturityPanel::loadAnswers(const QString& path)
{
    const auto& framework = mat::builtinFramework();
    try {
        assessment_ = mat::assess(framework, mat::loadAnswersFile(path.toStdString(), framework));
    } catch (const std::exception& e) {
        message_->setText(tr("Cannot read the answers: %1").arg(QString::fromUtf8(e.what())));
        return false;
    }
    message_->setText(tr("%1: %2 questions not answered.")
                          .arg(QFileInfo(path).fileName())
                          .arg(assessment_->unanswered.size()));
    fill();
    return true;
}

void MaturityPanel::setSuggestions(std::vector<models::maturity::Suggestion> suggestions)
{
    suggestions_ = std::move(suggestions);
    if (assessment_) fill();
}

void MaturityPanel::fill()
{
    const auto& f = mat::builtinFramework();
    const std::string lang = language();
    table_.clear();
    table_.setHorizontalHeaderLabels({tr("Characteristic"), tr("Level"), tr("Target"), tr("Decided by"),
                                      tr("Next step"), tr("The case suggests")});
    for (const auto& r : assessment_->characteristics) {
        const auto* s = mat::suggestionFor(suggestions_, r.characteristic->id);
        table_.appendRow({cell(r.characteristic->name.in(lang)), cell(levelName(f, r.level, lang)),
                          cell(r.target ? levelName(f, r.target, lang) : std::string("—")), cell(r.criterion.in(lang)),
                          cell(r.nextLevel ? r.characteristic->criteria(*r.nextLevel).criterion.in(lang) : std::string("—")),
                          cell(s ? levelName(f, s->level, lang) + ": " + s->reason.in(lang) : std::string("—"))});
    }
    QStringList warnings;
    for (const auto& w : assessment_->warnings) warnings << QString::fromStdString(w.text.in(lang));
    warnings_->setText(warnings.isEmpty() ? tr("No warnings.") : tr("Warnings: %1").arg(warnings.join(QLatin1Char(' '))));
    delete chartView_;
    charts::Figure radar;
    radar.radar = charts::maturityFigure(f, *assessment_, lang);
    chartView_ = charts::createChartView(charts::buildChart(radar), split_);
    chartView_->setMinimumWidth(360);
    split_->addWidget(chartView_);
}

} // namespace cityfin::gui
