#pragma once
// The program's entry: options (--lang, --export-charts, --screenshot), translations, the window.

#include <QString>

namespace cityfin::gui {

int runGui(int argc, char** argv);

/// --export-charts: evaluates the case headless and writes into dir what the results panel shows,
/// numbers in C form. Returns the exit code (0, or 2 with the message on stderr).
int exportCharts(const QString& casePath, const QString& dir);

} // namespace cityfin::gui
