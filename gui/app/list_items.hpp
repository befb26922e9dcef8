#pragma once
// Adding and removing list items of the case (a structure, a revenue line, a grant, an outcome, a
// risk, a plan, a capex year): the list is the innermost array on the path of the field the user
// selected. A new item is a copy of the selected one (so it is valid as it stands) with a fresh id.
// Pure JSON functions; the window applies the new list as one undoable edit.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace cityfin::gui {

struct ListItem {
    std::string arrayPointer;   ///< e.g. "/structures"
    std::size_t index = 0;      ///< the item's position in it
};

/// The innermost array on the path of `pointer` in `doc`, and the item of it the pointer is in.
std::optional<ListItem> listItemAt(const nlohmann::json& doc, const std::string& pointer);

/// The array with a copy of item `index` inserted after it; an "id" member gets a suffix ("-2",
/// "-3", ...) that no other item of the array has.
nlohmann::json withItemCopied(const nlohmann::json& array, std::size_t index);

/// The array without item `index`.
nlohmann::json withItemRemoved(const nlohmann::json& array, std::size_t index);

} // namespace cityfin::gui
