#pragma once
// A plain-text table whose columns are as wide as their widest cell, so that large figures (billions
// of won with their spread) never run into the next column: the first column left-aligned, the
// others right-aligned, at least two spaces between columns.

#include <ostream>
#include <string>
#include <vector>

namespace cityfin::cli {

class TextTable {
public:
    /// The first row added is the header; rows may be shorter than the header (empty cells).
    void addRow(std::vector<std::string> cells);
    /// Each row on its own line, after `indent`.
    void write(std::ostream& out, const std::string& indent = "  ") const;

private:
    std::vector<std::vector<std::string>> rows_;
};

} // namespace cityfin::cli
