#pragma once
// Shared by the GUI tests: where the bundled cases are, and a temporary folder per test.

#include <QDir>
#include <QSignalSpy>
#include <QString>
#include <QTemporaryDir>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <type_traits>

namespace cityfin::gui::test {

inline QString sourceDir()
{
    const char* dir = std::getenv("CITYFIN_SOURCE_DIR");
    return QString::fromUtf8(dir ? dir : CITYFIN_TEST_SOURCE_DIR);
}

inline QString bundledCase(const char* id) { return sourceDir() + QStringLiteral("/cases/") + QString::fromUtf8(id) + QStringLiteral("/case.json"); }

inline std::string readFile(const QString& path)
{
    std::ifstream in(path.toStdString(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// Opens a bundled case in the window and waits for its first results; false on failure.
template <class Window>
bool openAndWait(Window& window, const char* id)
{
    QSignalSpy ready(window.recompute(), &std::remove_pointer_t<decltype(window.recompute())>::resultsReady);
    return window.openFile(bundledCase(id)) && ready.wait(20'000);
}

} // namespace cityfin::gui::test
