#include "gui/app/app_main.hpp"

int main(int argc, char** argv) { return cityfin::gui::runGui(argc, argv); }
