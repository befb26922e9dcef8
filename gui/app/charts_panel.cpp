#include "gui/app/charts_panel.hpp"

#include "gui/app/figure_table.hpp"
#include "gui/app/results_models.hpp"
#include "gui/charts/qt_charts.hpp"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QComboBox>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace cityfin::gui {

ChartsPanel::ChartsPanel(QWidget* parent) : QWidget(parent)
{
    auto* right = new QVBoxLayout(this);
    auto* buttons = new QHBoxLayout;
    list_ = new QComboBox(this);
    list_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    list_->setMinimumContentsLength(24);
    buttons->addWidget(list_, 1);
    auto* copy = new QPushButton(tr("Copy table"), this);
    auto* png = new QPushButton(tr("Export PNG..."), this);
    auto* pdf = new QPushButton(tr("Export PDF..."), this);
    buttons->addWidget(copy);
    buttons->addWidget(png);
    buttons->addWidget(pdf);
    right->addLayout(buttons);
    split_ = new QSplitter(Qt::Vertical, this);
    tableView_ = new QTableView(split_);
    tableView_->verticalHeader()->hide();
    split_->addWidget(tableView_);
    right->addWidget(split_, 1);

    connect(list_, &QComboBox::currentIndexChanged, this, &ChartsPanel::show);
    connect(copy, &QPushButton::clicked, this, [this] {
        if (table_) QApplication::clipboard()->setText(tableAsTsv(*table_));
    });
    connect(png, &QPushButton::clicked, this, [this] { exportChart(false); });
    connect(pdf, &QPushButton::clicked, this, [this] { exportChart(true); });
}

void ChartsPanel::setFigures(std::vector<charts::Figure> figures)
{
    // Keep the figure on screen by its id: a Monte Carlo run adds figures, edits may remove some.
    const int current = list_->currentIndex();
    const std::string keep = current >= 0 && current < static_cast<int>(figures_.size())
                                 ? figures_[static_cast<std::size_t>(current)].id() : std::string();
    figures_ = std::move(figures);
    const QSignalBlocker block(list_);
    list_->clear();
    for (const auto& f : figures_) list_->addItem(QString::fromStdString(f.title()));
    int row = 0;
    for (std::size_t i = 0; i < figures_.size(); ++i)
        if (figures_[i].id() == keep) row = static_cast<int>(i);
    list_->setCurrentIndex(row);
    show(figures_.empty() ? -1 : row);
}

bool ChartsPanel::showFigure(const std::string& id)
{
    for (std::size_t i = 0; i < figures_.size(); ++i)
        if (figures_[i].id() == id) {
            list_->setCurrentIndex(static_cast<int>(i));
            return true;
        }
    return false;
}

void ChartsPanel::show(int index)
{
    delete chartView_;
    chartView_ = nullptr;
    tableView_->setModel(nullptr);
    table_.reset();
    if (index < 0 || index >= static_cast<int>(figures_.size())) return;
    const charts::Figure& figure = figures_[static_cast<std::size_t>(index)];
    chartView_ = charts::createChartView(charts::buildChart(figure), split_);
    chartView_->setMinimumHeight(360);   // below this Qt Charts elides the value axis labels
    split_->insertWidget(0, chartView_);
    split_->setStretchFactor(0, 3);
    split_->setStretchFactor(1, 1);
    table_ = figureTable(figure);
    tableView_->setModel(table_.get());
    tableView_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
}

void ChartsPanel::exportChart(bool pdf)
{
    const int index = list_->currentIndex();
    if (index < 0 || index >= static_cast<int>(figures_.size())) return;
    const charts::Figure& figure = figures_[static_cast<std::size_t>(index)];
    const QString filter = pdf ? tr("PDF (*.pdf)") : tr("PNG image (*.png)");
    const QString suggested = QString::fromStdString(figure.id()) + (pdf ? QStringLiteral(".pdf") : QStringLiteral(".png"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the chart"), suggested, filter);
    if (path.isEmpty()) return;
    try {
        auto chart = charts::buildChart(figure);
        if (pdf) charts::renderPdf(*chart, path.toStdString());
        else charts::renderPng(*chart, path.toStdString());
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Cannot export the chart"), QString::fromUtf8(e.what()));
    }
}

} // namespace cityfin::gui
