#include "gui/app/json_path.hpp"

#include <cctype>

namespace cityfin::gui {

std::string pointerFromPath(const std::string& path)
{
    std::string out;
    for (char ch : path) {
        if (ch == '.' || ch == '[') out += '/';
        else if (ch == ']') continue;
        else if (ch == '~') out += "~0";
        else if (ch == '/') out += "~1";
        else out += ch;
    }
    if (!out.empty() && out.front() != '/') out.insert(out.begin(), '/');
    return out;
}

std::string pathFromPointer(const std::string& pointer)
{
    std::string out;
    std::size_t i = 0;
    while (i < pointer.size()) {
        const std::size_t next = pointer.find('/', i + 1);
        std::string token = pointer.substr(i + 1, next == std::string::npos ? std::string::npos : next - i - 1);
        const bool index = !token.empty() && std::isdigit(static_cast<unsigned char>(token.front()));
        if (index) out += "[" + token + "]";
        else out += (out.empty() ? "" : ".") + token;
        i = next == std::string::npos ? pointer.size() : next;
    }
    return out;
}

} // namespace cityfin::gui
