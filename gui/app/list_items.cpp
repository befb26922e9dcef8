#include "gui/app/list_items.hpp"

#include <algorithm>
#include <set>

namespace cityfin::gui {

std::optional<ListItem> listItemAt(const nlohmann::json& doc, const std::string& pointer)
{
    std::optional<ListItem> found;
    const nlohmann::json* node = &doc;
    std::string path;   // the pointer up to the current node, tokens kept escaped
    std::size_t start = pointer.empty() || pointer[0] != '/' ? pointer.size() : 1;
    while (start <= pointer.size() && !pointer.empty()) {
        const std::size_t end = std::min(pointer.find('/', start), pointer.size());
        const std::string escaped = pointer.substr(start, end - start);
        std::string token;
        for (std::size_t i = 0; i < escaped.size(); ++i) {
            if (escaped[i] == '~' && i + 1 < escaped.size()) {
                token += escaped[i + 1] == '1' ? '/' : '~';
                ++i;
            } else {
                token += escaped[i];
            }
        }
        if (node->is_array()) {
            if (token.empty() || token.find_first_not_of("0123456789") != std::string::npos) return found;
            const std::size_t i = std::stoul(token);
            if (i >= node->size()) return found;
            found = ListItem{path, i};
            node = &(*node)[i];
        } else if (node->is_object() && node->contains(token)) {
            node = &(*node)[token];
        } else {
            return found;
        }
        path += "/" + escaped;
        start = end + 1;
    }
    return found;
}

nlohmann::json withItemCopied(const nlohmann::json& array, std::size_t index)
{
    nlohmann::json out = array;
    nlohmann::json copy = array.at(index);
    if (copy.is_object() && copy.contains("id") && copy["id"].is_string()) {
        std::set<std::string> ids;
        for (const auto& item : array)
            if (item.is_object() && item.contains("id") && item["id"].is_string()) ids.insert(item["id"].get<std::string>());
        const std::string base = copy["id"].get<std::string>();
        std::string id;
        for (int n = 2; id.empty() || ids.count(id); ++n) id = base + "-" + std::to_string(n);
        copy["id"] = id;
    }
    out.insert(out.begin() + static_cast<std::ptrdiff_t>(index) + 1, std::move(copy));
    return out;
}

nlohmann::json withItemRemoved(const nlohmann::json& array, std::size_t index)
{
    nlohmann::json out = array;
    out.erase(out.begin() + static_cast<std::ptrdiff_t>(index));
    return out;
}

} // namespace cityfin::gui
