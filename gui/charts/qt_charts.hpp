#pragma once
// Qt builders: chart data -> QChart, and headless rendering to PNG and PDF. The only code of
// cityfin that includes Qt Charts; the GUI shows a chart through createChartView().

#include "gui/charts/chart_data.hpp"

#include <QtCharts/QChart>
#include <QtCore/QSize>
#include <QtCore/QSizeF>
#include <QtCore/QString>

#include <memory>
#include <string>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace cityfin::charts {

/// The font family every chart uses: a CJK font so Chinese labels draw as characters, not boxes.
QString chartFontFamily();

std::unique_ptr<QChart> buildChart(const BarChartData& data);
std::unique_ptr<QChart> buildChart(const HeatMapData& data);
std::unique_ptr<QChart> buildChart(const RadarChartData& data);
std::unique_ptr<QChart> buildChart(const BandData& data);
std::unique_ptr<QChart> buildChart(const HistogramData& data);
std::unique_ptr<QChart> buildChart(const Figure& figure);

/// A QChartView (as a plain QWidget) showing the chart, which it takes over.
QWidget* createChartView(std::unique_ptr<QChart> chart, QWidget* parent = nullptr);

/// Makes sure a QApplication exists (Qt Charts draws with widgets). Without one, creates it on the
/// offscreen platform when `headless` or when there is no display, and restores the C numeric
/// locale Qt changes. The application lives until the process ends.
void ensureApplication(bool headless = true);

/// Renders the chart to a PNG of exactly `pixels`, drawn at `dpi` (96 = screen, 150-300 = print).
/// Throws std::runtime_error when the file cannot be written.
void renderPng(QChart& chart, const std::string& path, QSize pixels = {1800, 1050}, int dpi = 150);

/// Renders the chart as vector graphics to a one-page PDF of `millimetres` (default 240 x 140 mm).
void renderPdf(QChart& chart, const std::string& path, QSizeF millimetres = {240.0, 140.0}, int dpi = 300);

} // namespace cityfin::charts
