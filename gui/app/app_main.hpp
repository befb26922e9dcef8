#pragma once
// The program's entry: options (--lang, --export-charts, --screenshot), translations, the window.

namespace cityfin::gui {

int runGui(int argc, char** argv);

} // namespace cityfin::gui
