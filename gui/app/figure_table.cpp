#include "gui/app/figure_table.hpp"

#include <QLocale>

#include <cmath>

namespace cityfin::gui {
namespace {

QString text(const std::string& s) { return QString::fromStdString(s); }

QStandardItem* number(double x)
{
    if (std::abs(x) < 0.005) x = 0.0;   // no "-0.00"
    auto* item = new QStandardItem(QLocale().toString(x, 'f', 2));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    item->setEditable(false);
    return item;
}

QStandardItem* label(const QString& s)
{
    auto* item = new QStandardItem(s);
    item->setEditable(false);
    return item;
}

// Rows = categories, columns = the named series (each with one value per category).
std::unique_ptr<QStandardItemModel> byCategory(const QString& corner, const std::vector<std::string>& categories,
                                               const std::vector<std::pair<std::string, const std::vector<double>*>>& series)
{
    auto model = std::make_unique<QStandardItemModel>(0, static_cast<int>(series.size()) + 1);
    model->setHorizontalHeaderItem(0, new QStandardItem(corner));
    for (std::size_t s = 0; s < series.size(); ++s)
        model->setHorizontalHeaderItem(static_cast<int>(s) + 1, new QStandardItem(text(series[s].first)));
    for (std::size_t c = 0; c < categories.size(); ++c) {
        QList<QStandardItem*> row{label(text(categories[c]))};
        for (const auto& [name, values] : series)
            row << (c < values->size() ? number((*values)[c]) : label(QString()));
        model->appendRow(row);
    }
    return model;
}

} // namespace

std::unique_ptr<QStandardItemModel> figureTable(const charts::Figure& figure)
{
    std::vector<std::pair<std::string, const std::vector<double>*>> series;
    if (figure.bars) {
        const auto& b = *figure.bars;
        for (const auto& s : b.bars) series.emplace_back(s.name, &s.values);
        for (const auto& l : b.lines) series.emplace_back(l.name, &l.values);
        // The corner names the rows and the unit of every number: "Structure / NPV (CNY million)".
        const QString unit = b.valueAxisTitle.empty() ? QString() : QStringLiteral(" / ") + text(b.valueAxisTitle);
        return byCategory(text(b.categoryAxisTitle) + unit, b.categories, series);
    }
    if (figure.band) {
        const auto& b = *figure.band;
        series = {{"P5", &b.p5}, {"P50", &b.p50}, {"P95", &b.p95}};
        return byCategory(text(b.valueAxisTitle), b.categories, series);
    }
    if (figure.radar) {
        const auto& r = *figure.radar;
        for (const auto& s : r.series) series.emplace_back(s.name, &s.values);
        return byCategory(text(r.title), r.axes, series);
    }
    if (figure.heatMap) {
        const auto& h = *figure.heatMap;
        auto model = std::make_unique<QStandardItemModel>(0, static_cast<int>(h.columns.size()) + 1);
        model->setHorizontalHeaderItem(0, new QStandardItem(text(h.valueTitle)));   // what every cell is
        for (std::size_t c = 0; c < h.columns.size(); ++c)
            model->setHorizontalHeaderItem(static_cast<int>(c) + 1, new QStandardItem(text(h.columns[c])));
        for (std::size_t r = 0; r < h.rows.size(); ++r) {
            QList<QStandardItem*> row{label(text(h.rows[r]))};
            for (double v : h.values[r]) row << number(v);
            model->appendRow(row);
        }
        return model;
    }
    if (figure.histogram) {
        const auto& h = *figure.histogram;
        std::vector<std::string> bins;
        for (std::size_t i = 0; i + 1 < h.edges.size(); ++i)
            bins.push_back(QLocale().toString(h.edges[i], 'g', 4).toStdString() + " – " +
                           QLocale().toString(h.edges[i + 1], 'g', 4).toStdString());
        for (std::size_t s = 0; s < h.seriesNames.size() && s < h.counts.size(); ++s)
            series.emplace_back(h.seriesNames[s], &h.counts[s]);
        return byCategory(text(h.valueAxisTitle), bins, series);
    }
    return std::make_unique<QStandardItemModel>();
}

} // namespace cityfin::gui
