#include "gui/app/engine_language.hpp"

#include <QCoreApplication>

namespace cityfin::gui {

std::string engineLanguage()
{
    // The Chinese translation translates this "en" to "zh" (the message is MaturityPanel's, where it began).
    const QString lang = QCoreApplication::translate("cityfin::gui::MaturityPanel", "en",
                                                     "language of the maturity framework's texts: en or zh");
    return lang == QLatin1String("zh") ? "zh" : "en";
}

} // namespace cityfin::gui
