#pragma once
// The data table beside each chart: the figure's numbers as rows and columns (for bars, one row per
// category and one column per series), shown next to the chart and copied as tab-separated values.

#include "gui/charts/chart_data.hpp"

#include <QStandardItemModel>

#include <memory>

namespace cityfin::gui {

/// A table model of the figure's data; numbers in the current default QLocale.
std::unique_ptr<QStandardItemModel> figureTable(const charts::Figure& figure);

} // namespace cityfin::gui
