// The GUI tests' main: offscreen when there is no display (gtest_discover_tests runs the binary at
// build time), and the child mode of the kill-during-save test (--save-loop FILE).
#include "tests/gui_app/save_loop.hpp"

#include <QApplication>
#include <QStandardPaths>

#include <gtest/gtest.h>

#include <string>

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (argc == 3 && std::string(argv[1]) == "--save-loop") return cityfin::gui::test::saveLoop(argv[2]);
    QStandardPaths::setTestModeEnabled(true);   // settings and app data away from the user's
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("cityfin-tests"));
    QApplication::setApplicationName(QStringLiteral("gui_app_tests"));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
