#pragma once
// The kill-during-save test's child: saves two versions of a case to one file, alternately, through
// CaseDocument::save, until it is killed. Version A is the bundled Qianhai case as saved, version B
// the same with annual_opex + 1.

#include <string>

namespace cityfin::gui::test {

int saveLoop(const std::string& path);

} // namespace cityfin::gui::test
