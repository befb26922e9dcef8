#pragma once
// The loader names a field by its JSON path ("structures[2].terms.debt.tenor_years"); the GUI keeps
// the case as a JSON document addressed by JSON pointers ("/structures/2/terms/debt/tenor_years").
// These two functions translate between them so an InputError lands on the widget that holds it.

#include <string>

namespace cityfin::gui {

/// "structures[2].terms.debt.tenor_years" -> "/structures/2/terms/debt/tenor_years"; "" -> "".
std::string pointerFromPath(const std::string& path);

/// The inverse: "/project/capex/1" -> "project.capex[1]".
std::string pathFromPointer(const std::string& pointer);

} // namespace cityfin::gui
