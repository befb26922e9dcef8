#pragma once
// The workbook's cell helpers and formats, shared by its sheet writers (report/ only).

#include "report/workbook.hpp"

#include <xlsxwriter.h>

#include <string>

namespace cityfin::report {

// Formats used across the sheets.
struct Formats {
    lxw_format *title, *bold, *header, *money, *moneyBold, *rate, *ratio, *note, *check;
};

inline Formats makeFormats(lxw_workbook* wb, const std::string& currency) {
    Formats f{};
    f.title = workbook_add_format(wb);
    format_set_bold(f.title);
    format_set_font_size(f.title, 14);
    f.bold = workbook_add_format(wb);
    format_set_bold(f.bold);
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    format_set_bottom(f.header, LXW_BORDER_THIN);
    format_set_bg_color(f.header, 0xDCE6F1);
    // Thousands separators and the currency; negatives in red with a minus sign.
    const std::string money = "#,##0 \"" + currency + "\";[Red]-#,##0 \"" + currency + "\";0";
    f.money = workbook_add_format(wb);
    format_set_num_format(f.money, money.c_str());
    f.moneyBold = workbook_add_format(wb);
    format_set_num_format(f.moneyBold, money.c_str());
    format_set_bold(f.moneyBold);
    format_set_top(f.moneyBold, LXW_BORDER_THIN);
    f.rate = workbook_add_format(wb);
    format_set_num_format(f.rate, "0.00%");
    f.ratio = workbook_add_format(wb);
    format_set_num_format(f.ratio, "0.00\"x\"");
    f.note = workbook_add_format(wb);
    format_set_italic(f.note);
    format_set_font_color(f.note, 0x555555);
    f.check = workbook_add_format(wb);
    format_set_num_format(f.check, "#,##0.00;[Red]-#,##0.00;\"0 (ok)\"");
    format_set_bold(f.check);
    return f;
}

inline void text(lxw_worksheet* ws, int row, int col, const std::string& s, lxw_format* f = nullptr) {
    worksheet_write_string(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), s.c_str(), f);
}
inline void number(lxw_worksheet* ws, int row, int col, double v, lxw_format* f = nullptr) {
    worksheet_write_number(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), v, f);
}
inline void formula(lxw_worksheet* ws, int row, int col, const std::string& formula, double cached, lxw_format* f = nullptr) {
    worksheet_write_formula_num(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), formula.c_str(), f, cached);
}
inline std::string cell(int row, int col) { return columnName(col) + std::to_string(row + 1); }
inline std::string range(int row, int col0, int col1) { return cell(row, col0) + ":" + cell(row, col1); }
inline std::string quoted(const std::string& sheet) { return "'" + sheet + "'"; }

} // namespace cityfin::report
