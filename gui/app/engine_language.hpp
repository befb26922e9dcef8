#pragma once
// The language the engine writes its texts in for this program: the Plan B memo (models/plans) and
// the maturity framework's texts. It follows the translation installed, not the system's locale.

#include <string>

namespace cityfin::gui {

/// "zh" when the Chinese translation is installed, "en" otherwise.
std::string engineLanguage();

} // namespace cityfin::gui
