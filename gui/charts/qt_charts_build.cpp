// Chart data -> QChart. Colours, fonts and axes are set here once so every figure looks alike.
#include "gui/charts/qt_charts.hpp"

#include <QtCharts/QAreaSeries>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QBoxPlotSeries>
#include <QtCharts/QBoxSet>
#include <QtCharts/QCategoryAxis>
#include <QtCharts/QHorizontalBarSeries>
#include <QtCharts/QHorizontalStackedBarSeries>
#include <QtCharts/QLegend>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QPolarChart>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QStackedBarSeries>
#include <QtCharts/QValueAxis>
#include <QtGui/QFont>
#include <QtGui/QPen>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace cityfin::charts {
namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

// A muted palette that prints well in grey; the accent marks a highlighted series.
const QColor kAccent(0xC0, 0x39, 0x2B);
const QColor kPalette[] = {QColor(0x2E, 0x6F, 0x9E), QColor(0x7F, 0xB3, 0xD5), QColor(0x27, 0xAE, 0x60),
                           QColor(0xF3, 0x9C, 0x12), QColor(0x8E, 0x44, 0xAD), QColor(0x16, 0xA0, 0x85),
                           QColor(0x95, 0xA5, 0xA6), QColor(0xD3, 0x54, 0x00), QColor(0x34, 0x49, 0x5E),
                           QColor(0xA3, 0xCB, 0x38), QColor(0xE8, 0x43, 0x93), QColor(0x6D, 0x4C, 0x41)};
QColor paletteColour(std::size_t i) { return kPalette[i % std::size(kPalette)]; }

QFont font(int points, bool bold = false) {
    QFont f(chartFontFamily(), points);
    f.setBold(bold);
    return f;
}

std::unique_ptr<QChart> newChart(const std::string& title) {
    auto chart = std::make_unique<QChart>();
    chart->setTitle(qs(title));
    chart->setTitleFont(font(13, true));
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setFont(font(9));
    chart->setBackgroundRoundness(0);
    return chart;
}

// Ticks at 1, 2, 2.5 or 5 times a power of ten, six to eight intervals over the range. Qt's
// applyNiceNumbers() rounds the range up first and often leaves three or four coarse intervals
// (-100, -50, 0, 50 for -73..44), too few to read a bar off.
struct NiceScale {
    double min, max, step;
    int ticks;
};
NiceScale niceScale(double lo, double hi) {
    const double raw = (hi - lo) / 8.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double f = raw / magnitude;
    const double step = (f <= 1.0 ? 1.0 : f <= 2.0 ? 2.0 : f <= 2.5 ? 2.5 : f <= 5.0 ? 5.0 : 10.0) * magnitude;
    // A bound already on a tick (zero, most often) stays where it is.
    const double min = std::floor(lo / step + 1e-9) * step, max = std::ceil(hi / step - 1e-9) * step;
    return {min, max, step, static_cast<int>(std::lround((max - min) / step)) + 1};
}

QValueAxis* valueAxis(const std::string& title, double lo, double hi, bool includeZero = true) {
    if (includeZero) { lo = std::min(lo, 0.0); hi = std::max(hi, 0.0); }
    if (!(hi > lo)) { lo -= 1.0; hi += 1.0; }
    // A little room beyond the longest bar, none below a zero baseline.
    const double pad = (hi - lo) * 0.03;
    const auto scale = niceScale(lo < 0.0 ? lo - pad : lo, hi > 0.0 ? hi + pad : hi);
    auto* axis = new QValueAxis;
    axis->setRange(scale.min, scale.max);
    axis->setTickCount(scale.ticks);
    const auto whole = [](double x) { return std::abs(x - std::round(x)) < 1e-9; };
    axis->setLabelFormat(whole(scale.step) ? "%.0f" : whole(scale.step * 10) ? "%.1f" : "%.2f");
    axis->setTitleText(qs(title));
    axis->setTitleFont(font(10));
    axis->setLabelsFont(font(9));
    return axis;
}

// Long category names (structures, outcomes) break over lines instead of being cut to "...": axis
// labels are rich text, so a line break is <br/>.
QString wrapped(const std::string& label, int width = 22) {
    // Chinese has no spaces: a run longer than a line is cut into line-long pieces.
    QStringList words;
    for (const auto& word : qs(label).split(' ', Qt::SkipEmptyParts))
        for (int i = 0; i < word.size(); i += width) words.push_back(word.mid(i, width));
    QString out, line;
    for (const auto& word : words) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
            out += line.toHtmlEscaped() + "<br/>";
            line.clear();
        }
        line += (line.isEmpty() ? "" : " ") + word;
    }
    return out + line.toHtmlEscaped();
}

QBarCategoryAxis* categoryAxis(const std::string& title, const std::vector<std::string>& categories, bool horizontal) {
    auto* axis = new QBarCategoryAxis;
    for (const auto& c : categories) axis->append(wrapped(c));
    axis->setTitleText(qs(title));
    axis->setTitleFont(font(10));
    axis->setLabelsFont(font(categories.size() > 16 ? 8 : 9));
    // Many years along the bottom overlap unless turned upright.
    if (!horizontal && categories.size() > 24) axis->setLabelsAngle(-90);
    return axis;
}

void requireLength(const std::vector<double>& values, std::size_t n, const std::string& what) {
    if (values.size() != n)
        throw std::invalid_argument("chart data: " + what + " has " + std::to_string(values.size()) +
                                    " values for " + std::to_string(n) + " categories");
}

// The value range the bars span: per category, the sums of positives and negatives when stacked.
std::pair<double, double> barRange(const BarChartData& d, bool stacked) {
    double lo = 0.0, hi = 0.0;
    for (std::size_t c = 0; c < d.categories.size(); ++c) {
        double pos = 0.0, neg = 0.0;
        for (const auto& s : d.bars) {
            const double v = s.values[c];
            if (stacked) (v > 0 ? pos : neg) += v;
            else { pos = std::max(pos, v); neg = std::min(neg, v); }
        }
        lo = std::min(lo, neg);
        hi = std::max(hi, pos);
    }
    for (const auto& l : d.lines)
        if (!l.secondaryAxis)
            for (std::size_t c = 0; c < l.values.size(); ++c)
                if (l.defined.empty() || l.defined[c]) { lo = std::min(lo, l.values[c]); hi = std::max(hi, l.values[c]); }
    return {lo, hi};
}

QAbstractBarSeries* newBarSeries(BarLayout layout) {
    switch (layout) {
    case BarLayout::Grouped: return new QBarSeries;
    case BarLayout::Stacked: return new QStackedBarSeries;
    case BarLayout::HorizontalGrouped: return new QHorizontalBarSeries;
    case BarLayout::HorizontalStacked: return new QHorizontalStackedBarSeries;
    }
    return new QBarSeries;
}

// Adds a line as one QLineSeries per run of defined values (Qt draws no gaps); the first run
// carries the legend entry and later runs hide theirs.
void addLine(QChart& chart, const LineSeriesData& line, std::size_t colour, QAbstractAxis* x, QAbstractAxis* y) {
    // Lines in near-black and grey, apart from every bar colour; a threshold in the accent.
    QPen pen(line.dashed ? kAccent : colour % 2 == 0 ? QColor(0x11, 0x11, 0x11) : QColor(0x7B, 0x7D, 0x7D));
    pen.setWidthF(2.5);
    if (line.dashed) pen.setStyle(Qt::DashLine);
    bool first = true;
    std::size_t t = 0;
    const auto defined = [&](std::size_t i) { return line.defined.empty() || line.defined[i]; };
    while (t < line.values.size()) {
        if (!defined(t)) { ++t; continue; }
        auto* series = new QLineSeries;
        series->setName(qs(line.name));
        series->setPen(pen);
        for (; t < line.values.size() && defined(t); ++t) series->append(static_cast<double>(t), line.values[t]);
        series->setPointsVisible(line.values.size() <= 40 && !line.dashed);
        chart.addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
        if (!first)
            for (auto* marker : chart.legend()->markers(series)) marker->setVisible(false);
        first = false;
    }
}

} // namespace

QString chartFontFamily() { return QStringLiteral("Noto Sans CJK SC"); }

std::unique_ptr<QChart> buildChart(const BarChartData& d) {
    const bool horizontal = d.layout == BarLayout::HorizontalGrouped || d.layout == BarLayout::HorizontalStacked;
    const bool stacked = d.layout == BarLayout::Stacked || d.layout == BarLayout::HorizontalStacked;
    for (const auto& s : d.bars) requireLength(s.values, d.categories.size(), "bar series \"" + s.name + "\"");
    for (const auto& l : d.lines) requireLength(l.values, d.categories.size(), "line \"" + l.name + "\"");
    if (horizontal && !d.lines.empty()) throw std::invalid_argument("chart data: lines over horizontal bars");

    auto chart = newChart(d.title);
    // Qt draws the first category of a horizontal chart at the bottom: reverse so the data's first
    // category is at the top, as people read a list.
    auto categories = d.categories;
    if (horizontal) std::reverse(categories.begin(), categories.end());
    auto* series = newBarSeries(d.layout);
    std::size_t colour = 0;
    for (const auto& s : d.bars) {
        auto* set = new QBarSet(qs(s.name));
        auto values = s.values;
        if (horizontal) std::reverse(values.begin(), values.end());
        for (double v : values) set->append(v);
        const QColor c = s.highlighted ? kAccent : paletteColour(colour++);
        set->setColor(c);
        set->setBorderColor(c.darker(115));
        series->append(set);
    }
    if (d.bars.size() == 1 && !stacked) series->setBarWidth(0.6);
    chart->addSeries(series);

    auto* cats = categoryAxis(d.categoryAxisTitle, categories, horizontal);
    const auto [lo, hi] = barRange(d, stacked);
    auto* values = valueAxis(d.valueAxisTitle, lo, hi);
    chart->addAxis(cats, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    chart->addAxis(values, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    series->attachAxis(cats);
    series->attachAxis(values);

    QValueAxis* secondary = nullptr;
    double slo = 0.0, shi = 0.0;
    for (const auto& l : d.lines)
        if (l.secondaryAxis)
            for (std::size_t c = 0; c < l.values.size(); ++c)
                if (l.defined.empty() || l.defined[c]) { slo = std::min(slo, l.values[c]); shi = std::max(shi, l.values[c]); }
    if (std::any_of(d.lines.begin(), d.lines.end(), [](const auto& l) { return l.secondaryAxis; })) {
        secondary = valueAxis(d.secondaryAxisTitle, slo, shi * 1.1);
        secondary->setGridLineVisible(false);  // one grid, the primary axis's: two would cross
        secondary->setMinorGridLineVisible(false);
        chart->addAxis(secondary, Qt::AlignRight);
    }
    for (std::size_t i = 0; i < d.lines.size(); ++i)
        addLine(*chart, d.lines[i], i, cats, d.lines[i].secondaryAxis ? secondary : values);
    const std::size_t entries = d.bars.size() + d.lines.size();
    chart->legend()->setVisible(entries > 1);
    // A bottom legend is one row and cuts long names short: many entries go down the right side.
    if (entries > 6) chart->legend()->setAlignment(Qt::AlignRight);
    return chart;
}

std::unique_ptr<QChart> buildChart(const HeatMapData& d) {
    if (d.values.size() != d.rows.size()) throw std::invalid_argument("heat map: one row of values per row label");
    for (const auto& r : d.values) requireLength(r, d.columns.size(), "heat map row");
    auto chart = newChart(d.title);
    double top = 0.0;
    for (const auto& r : d.values) for (double v : r) top = std::max(top, std::abs(v));
    if (top == 0.0) top = 1.0;
    const auto nRows = static_cast<double>(d.rows.size()), nCols = static_cast<double>(d.columns.size());

    auto* x = new QCategoryAxis;
    auto* y = new QCategoryAxis;
    for (std::size_t c = 0; c < d.columns.size(); ++c) x->append(qs(d.columns[c]), static_cast<double>(c + 1));
    // First row at the top: Qt's y grows upwards, so row r spans [n-r-1, n-r].
    for (std::size_t r = d.rows.size(); r-- > 0;) y->append(qs(d.rows[r]), nRows - static_cast<double>(r));
    for (auto* axis : {x, y}) {
        axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
        axis->setLabelsFont(font(9));
        axis->setGridLineVisible(false);
    }
    x->setRange(0, nCols);
    y->setRange(0, nRows);
    x->setTitleText(qs(d.valueTitle));
    x->setTitleFont(font(10));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);

    for (std::size_t r = 0; r < d.rows.size(); ++r)
        for (std::size_t c = 0; c < d.columns.size(); ++c) {
            const double x0 = static_cast<double>(c), y0 = nRows - static_cast<double>(r) - 1.0;
            auto* upper = new QLineSeries;
            auto* lower = new QLineSeries;
            upper->append(x0, y0 + 1.0); upper->append(x0 + 1.0, y0 + 1.0);
            lower->append(x0, y0); lower->append(x0 + 1.0, y0);
            auto* cell = new QAreaSeries(upper, lower);
            const double share = std::abs(d.values[r][c]) / top;
            cell->setName(qs(d.rows[r] + " / " + d.columns[c]));
            cell->setColor(QColor::fromRgbF(1.0 - 0.8 * share, 1.0 - 0.55 * share, 1.0 - 0.3 * share));
            cell->setBorderColor(Qt::white);
            chart->addSeries(cell);
            cell->attachAxis(x);
            cell->attachAxis(y);
            // The value as a point label at the cell's centre; the label text is the format itself.
            auto* label = new QScatterSeries;
            label->append(x0 + 0.5, y0 + 0.5);
            label->setMarkerSize(1.0);
            label->setColor(Qt::transparent);
            label->setBorderColor(Qt::transparent);
            const double v = d.values[r][c];
            const bool whole = std::abs(v - std::round(v)) < 1e-9;
            label->setPointLabelsFormat(QString::number(v, 'f', whole || std::abs(v) >= 10 ? 0 : 1));
            label->setPointLabelsVisible(true);
            label->setPointLabelsClipping(false);
            label->setPointLabelsFont(font(10, true));
            label->setPointLabelsColor(share > 0.6 ? Qt::white : Qt::black);
            chart->addSeries(label);
            label->attachAxis(x);
            label->attachAxis(y);
        }
    chart->legend()->setVisible(false);
    return chart;
}

std::unique_ptr<QChart> buildChart(const RadarChartData& d) {
    for (const auto& s : d.series) requireLength(s.values, d.axes.size(), "radar series \"" + s.name + "\"");
    if (d.axes.size() < 3) throw std::invalid_argument("radar chart: at least three axes");
    auto polar = std::make_unique<QPolarChart>();
    polar->setTitle(qs(d.title));
    polar->setTitleFont(font(13, true));
    polar->setAnimationOptions(QChart::NoAnimation);
    polar->legend()->setAlignment(Qt::AlignBottom);
    polar->legend()->setFont(font(9));
    const auto n = static_cast<double>(d.axes.size());
    auto* angular = new QCategoryAxis;
    angular->setRange(0, n);
    angular->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (std::size_t i = 0; i < d.axes.size(); ++i) angular->append(qs(d.axes[i]), static_cast<double>(i));
    angular->setLabelsFont(font(9));
    auto* radial = new QValueAxis;
    radial->setRange(0, d.maximum > 0 ? d.maximum : 1.0);
    // Whole levels (a ladder of 0..5) get one ring per level; other scales five rings.
    const double top = d.maximum > 0 ? d.maximum : 1.0;
    const bool levels = std::abs(top - std::round(top)) < 1e-9 && top <= 10;
    radial->setTickCount(levels ? static_cast<int>(top) + 1 : 5);
    radial->setLabelFormat(levels || top >= 10 ? "%.0f" : "%.2f");
    radial->setLabelsFont(font(8));
    polar->addAxis(angular, QPolarChart::PolarOrientationAngular);
    polar->addAxis(radial, QPolarChart::PolarOrientationRadial);
    for (std::size_t s = 0; s < d.series.size(); ++s) {
        auto* line = new QLineSeries;
        line->setName(qs(d.series[s].name));
        for (std::size_t i = 0; i < d.axes.size(); ++i) line->append(static_cast<double>(i), d.series[s].values[i]);
        line->append(n, d.series[s].values.front());  // close the polygon
        QPen pen(s == 0 ? kAccent : paletteColour(s - 1));
        pen.setWidthF(2.5);
        line->setPen(pen);
        line->setPointsVisible(true);
        polar->addSeries(line);
        line->attachAxis(angular);
        line->attachAxis(radial);
    }
    polar->legend()->setVisible(d.series.size() > 1);
    return polar;
}

std::unique_ptr<QChart> buildChart(const BandData& d) {
    requireLength(d.p5, d.categories.size(), "P5");
    requireLength(d.p50, d.categories.size(), "P50");
    requireLength(d.p95, d.categories.size(), "P95");
    auto chart = newChart(d.title);
    auto* series = new QBoxPlotSeries;
    series->setName("P5 - P50 - P95");
    double lo = 0.0, hi = 0.0;
    for (std::size_t i = 0; i < d.categories.size(); ++i) {
        // The box spans P5..P95 with the median at P50; there are no separate whiskers.
        auto* box = new QBoxSet(d.p5[i], d.p5[i], d.p50[i], d.p95[i], d.p95[i], qs(d.categories[i]));
        series->append(box);
        lo = std::min({lo, d.p5[i], d.p50[i], d.p95[i]});
        hi = std::max({hi, d.p5[i], d.p50[i], d.p95[i]});
    }
    series->setBrush(paletteColour(1));
    series->setPen(QPen(paletteColour(0), 2.0));
    chart->addSeries(series);
    auto* cats = categoryAxis("Structure", d.categories, false);
    auto* values = valueAxis(d.valueAxisTitle, lo, hi);
    chart->addAxis(cats, Qt::AlignBottom);
    chart->addAxis(values, Qt::AlignLeft);
    series->attachAxis(cats);
    series->attachAxis(values);
    chart->legend()->setVisible(false);
    return chart;
}

std::unique_ptr<QChart> buildChart(const HistogramData& d) {
    if (d.edges.size() < 2) throw std::invalid_argument("histogram: at least one bin");
    if (d.counts.size() != d.seriesNames.size()) throw std::invalid_argument("histogram: one count row per series");
    const std::size_t bins = d.edges.size() - 1;
    BarChartData bars;
    bars.title = d.title;
    bars.categoryAxisTitle = d.valueAxisTitle + ", bin centre";
    bars.valueAxisTitle = "Scenarios";
    const double width = d.edges[1] - d.edges[0];
    const int decimals = std::abs(width) >= 10 ? 0 : std::abs(width) >= 1 ? 1 : 2;
    for (std::size_t b = 0; b < bins; ++b)
        bars.categories.push_back(QString::number((d.edges[b] + d.edges[b + 1]) / 2, 'f', decimals).toStdString());
    for (std::size_t s = 0; s < d.seriesNames.size(); ++s) {
        requireLength(d.counts[s], bins, "histogram counts");
        bars.bars.push_back({d.seriesNames[s], d.counts[s], false});
    }
    auto chart = buildChart(bars);
    for (auto* series : chart->series())
        if (auto* b = qobject_cast<QAbstractBarSeries*>(series)) b->setBarWidth(0.95);
    return chart;
}

std::unique_ptr<QChart> buildChart(const Figure& f) {
    if (f.bars) return buildChart(*f.bars);
    if (f.heatMap) return buildChart(*f.heatMap);
    if (f.radar) return buildChart(*f.radar);
    if (f.band) return buildChart(*f.band);
    if (f.histogram) return buildChart(*f.histogram);
    throw std::invalid_argument("buildChart: an empty figure");
}

} // namespace cityfin::charts
