// The CLI's plain-text tables: columns as wide as their widest cell.
#include "cli/text_table.hpp"

#include <gtest/gtest.h>

#include <sstream>

using cityfin::cli::TextTable;

TEST(TextTable, ColumnsWidenToTheirWidestCellSoLargeFiguresNeverTouch) {
    TextTable t;
    t.addRow({"risk", "government", "private"});
    t.addRow({"capex_overrun", "1,266,184,720 (1,079,606,611)", "1,725,521,528 (1,488,480,550)"});
    t.addRow({"opex", "7", "-3"});
    std::ostringstream out;
    t.write(out);
    EXPECT_EQ(out.str(),
              "  risk                              government                        private\n"
              "  capex_overrun  1,266,184,720 (1,079,606,611)  1,725,521,528 (1,488,480,550)\n"
              "  opex                                       7                             -3\n");
}

TEST(TextTable, AMultiByteNameCountsOneColumnPerCharacterAndShortRowsLeaveCellsEmpty) {
    TextTable t;
    t.addRow({"structure", "VfM"});
    t.addRow({"前海", "12"});
    t.addRow({"psc"});
    std::ostringstream out;
    t.write(out, "");
    EXPECT_EQ(out.str(), "structure  VfM\n前海          12\npsc\n");
}
