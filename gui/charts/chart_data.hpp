#pragma once
// Plain chart data: what a figure shows, with no Qt in sight. Adapters (figures_from_models.hpp)
// build these from models' results; the Qt builders (qt_charts.hpp) turn them into QChart objects.
// Keeping the two apart lets the GUI, the report and the tests share one description of every
// figure, and a later move from Qt Charts to Qt Graphs touch only the builders.

#include <optional>
#include <string>
#include <vector>

namespace cityfin::charts {

/// Bars grouped side by side, stacked, or either of the two drawn horizontally.
enum class BarLayout { Grouped, Stacked, HorizontalGrouped, HorizontalStacked };

struct BarSeriesData {
    std::string name;
    std::vector<double> values;   ///< one per category
    bool highlighted = false;     ///< drawn in the accent colour (e.g. the city's present cost)
};

/// A line over the same categories, on the value axis or on a secondary axis at the right.
struct LineSeriesData {
    std::string name;
    std::vector<double> values;   ///< one per category; NaN-free (use `defined` for gaps)
    std::vector<bool> defined;    ///< empty: every value defined
    bool secondaryAxis = false;
    bool dashed = false;          ///< thresholds (a covenant) are dashed
};

/// Bars (grouped or stacked, vertical or horizontal) over categories, with optional lines.
/// Categories are listed top to bottom for horizontal layouts; the builder reverses them for Qt,
/// which draws the first category at the bottom.
struct BarChartData {
    std::string id;                  ///< file name stem, e.g. "npv-by-party"
    std::string title;
    std::string categoryAxisTitle;   ///< e.g. "Year"
    std::string valueAxisTitle;      ///< with unit and currency, e.g. "NPV (CNY million)"
    std::string secondaryAxisTitle;  ///< for lines on the secondary axis, e.g. "DSCR (x)"
    BarLayout layout = BarLayout::Grouped;
    std::vector<std::string> categories;
    std::vector<BarSeriesData> bars;
    std::vector<LineSeriesData> lines;
    std::vector<std::string> notes;  ///< shown under the chart in reports (warnings, footnotes)
};

/// A table-like heat map: one cell per (row, column), coloured by value.
struct HeatMapData {
    std::string id;
    std::string title;
    std::string valueTitle;          ///< what a cell's value is, with unit, e.g. "Share of risk (%)"
    std::vector<std::string> rows;   ///< top to bottom
    std::vector<std::string> columns;
    std::vector<std::vector<double>> values;  ///< values[row][column]
};

/// A radar (spider) chart: one axis per characteristic, each series a closed polygon.
struct RadarSeriesData {
    std::string name;
    std::vector<double> values;      ///< one per axis
};

struct RadarChartData {
    std::string id;
    std::string title;
    std::vector<std::string> axes;
    double maximum = 1.0;            ///< the radial scale runs from 0 to maximum
    std::vector<RadarSeriesData> series;
    std::vector<std::string> notes;  ///< warnings
};

/// A P5-P50-P95 band per category, drawn as boxes (P5..P95, median P50).
struct BandData {
    std::string id;
    std::string title;
    std::string valueAxisTitle;
    std::vector<std::string> categories;
    std::vector<double> p5, p50, p95;
};

/// A histogram already binned: bin edges and counts (Qt Charts has no histogram series).
struct HistogramData {
    std::string id;
    std::string title;
    std::string valueAxisTitle;      ///< the binned quantity, with unit
    std::vector<std::string> seriesNames;          ///< one per party (or per structure)
    std::vector<double> edges;                     ///< bins + 1 edges, ascending
    std::vector<std::vector<double>> counts;       ///< counts[series][bin]
};

/// Any figure of the layer.
struct Figure {
    std::optional<BarChartData> bars;
    std::optional<HeatMapData> heatMap;
    std::optional<RadarChartData> radar;
    std::optional<BandData> band;
    std::optional<HistogramData> histogram;

    const std::string& id() const;
    const std::string& title() const;
};

/// A money axis unit for values of this size: divisor and words, e.g. {1e6, "CNY million"}.
struct MoneyScale {
    double divisor = 1.0;
    std::string label;               ///< "CNY", "CNY thousand", "CNY million", "CNY billion"
};
MoneyScale moneyScale(double largestMagnitude, const std::string& currency);

/// Equal-width bins over [lo, hi] (lo < hi) of the samples; edges has bins + 1 entries.
HistogramData binSamples(std::string id, std::string title, std::string valueAxisTitle,
                         const std::vector<std::string>& seriesNames,
                         const std::vector<std::vector<double>>& samples, int bins);

} // namespace cityfin::charts
