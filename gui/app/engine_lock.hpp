#pragma once
// One engine job at a time: the evaluation as the user types and the Monte Carlo run both take this
// lock, because QuantLib's global Settings (the evaluation date the bond pricing sets) are shared
// by every thread (see ../shared/PLATFORM.md). The Monte Carlo is cancelled on every edit, so the
// evaluation never waits long.

#include <QMutex>

namespace cityfin::gui {

inline QMutex& engineMutex()
{
    static QMutex mutex;
    return mutex;
}

} // namespace cityfin::gui
