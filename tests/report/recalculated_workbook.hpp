#pragma once
// A workbook recalculated by an independent spreadsheet engine: gnumeric's ssconvert --recalc
// exports every sheet as raw CSV (full precision, no number formats), read back cell by cell.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace cityfin::test {

using CsvSheet = std::vector<std::vector<std::string>>;

inline CsvSheet readCsv(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CsvSheet rows(1);
    std::string field;
    bool quoted = false, wasQuoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (quoted) {
            if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') { field += '"'; ++i; }
            else if (ch == '"') quoted = false;
            else field += ch;
        } else if (ch == '"') { quoted = wasQuoted = true; }
        else if (ch == ',') { rows.back().push_back(field); field.clear(); wasQuoted = false; }
        else if (ch == '\n') { rows.back().push_back(field); field.clear(); rows.emplace_back(); wasQuoted = false; }
        else if (ch != '\r') field += ch;
    }
    if (!field.empty() || wasQuoted) rows.back().push_back(field);
    if (rows.back().empty()) rows.pop_back();
    return rows;
}

inline bool haveSsconvert() { return std::system("ssconvert --version >/dev/null 2>&1") == 0; }

/// Recalculates `xlsx` and returns its sheets in order; empty when ssconvert failed.
inline std::vector<CsvSheet> recalculate(const std::filesystem::path& xlsx, const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    const std::string command = "ssconvert --recalc -S --export-type=Gnumeric_stf:stf_assistant "
                                "-O 'format=raw separator=, quoting-mode=auto' '" + xlsx.string() + "' '" +
                                (dir / "sheet.%n.csv").string() + "' >/dev/null 2>&1";
    std::vector<CsvSheet> sheets;
    if (std::system(command.c_str()) != 0) return sheets;
    for (int i = 0; std::filesystem::exists(dir / ("sheet." + std::to_string(i) + ".csv")); ++i)
        sheets.push_back(readCsv(dir / ("sheet." + std::to_string(i) + ".csv")));
    return sheets;
}

/// The cell at an A1 reference ("D12"), or "" when the row or column is not in the CSV.
inline std::string cellAt(const CsvSheet& sheet, const std::string& a1) {
    std::size_t i = 0;
    int col = 0;
    for (; i < a1.size() && std::isalpha(static_cast<unsigned char>(a1[i])); ++i) col = col * 26 + (a1[i] - 'A' + 1);
    const auto row = static_cast<std::size_t>(std::stoi(a1.substr(i)) - 1);
    if (row >= sheet.size() || static_cast<std::size_t>(col - 1) >= sheet[row].size()) return "";
    return sheet[row][static_cast<std::size_t>(col - 1)];
}

} // namespace cityfin::test
