// `cityfin calc` end to end: arguments in, figures out, in both formats. Expected values are the
// spreadsheet documentation examples for each function (independent of cityfin).

#include "cli_runner.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using cityfin::test::runCli;
using nlohmann::json;

namespace {

json runJson(std::vector<std::string> args) {
    args.insert(args.begin(), "calc");
    args.insert(args.begin() + 2, {"--format", "json"});
    const auto run = runCli(args);
    EXPECT_EQ(run.exitCode, 0) << run.err;
    return json::parse(run.out);
}

} // namespace

TEST(CalcCommand, NpvDefaultsToFirstFlowAtT0) {
    // 8% on -40000 then 8000, 9200, 10000, 12000, 14500: spreadsheet NPV(8%, 8000..14500) - 40000.
    const json doc = runJson({"npv", "--rate", "0.08", "--", "-40000", "8000", "9200", "10000", "12000", "14500"});
    EXPECT_EQ(doc["function"], "npv");
    EXPECT_EQ(doc["inputs"]["convention"], "t0");
    EXPECT_NEAR(doc["result"].get<double>(), 1922.06, 0.005);
}

TEST(CalcCommand, NpvSpreadsheetConventionDiscountsFirstFlow) {
    // Spreadsheet NPV(10%, -10000, 3000, 4200, 6800) = 1188.44.
    const json doc = runJson({"npv", "--rate", "0.1", "--convention", "spreadsheet", "--", "-10000", "3000",
                              "4200", "6800"});
    EXPECT_NEAR(doc["result"].get<double>(), 1188.44, 0.005);
}

TEST(CalcCommand, IrrMatchesSpreadsheetExample) {
    const json doc = runJson({"irr", "--", "-70000", "12000", "15000", "18000", "21000", "26000"});
    EXPECT_NEAR(doc["result"].get<double>(), 0.0866, 0.00005);
}

TEST(CalcCommand, IrrWithoutSignChangeIsNullWithReason) {
    const json doc = runJson({"irr", "--", "100", "200", "300"});
    EXPECT_TRUE(doc["result"].is_null());
    EXPECT_FALSE(doc["reason"].get<std::string>().empty());
}

TEST(CalcCommand, IrrWithSeveralSignChangesWarnsAndShowsMirr) {
    const json doc = runJson({"irr", "--", "-100", "230", "-132"});  // roots at 10% and 20%
    ASSERT_TRUE(doc.contains("warnings"));
    EXPECT_TRUE(doc.contains("mirr"));
}

TEST(CalcCommand, MirrMatchesSpreadsheetExample) {
    const json doc = runJson({"mirr", "--finance-rate", "0.10", "--reinvest-rate", "0.12", "--", "-120000",
                              "39000", "30000", "21000", "37000", "46000"});
    EXPECT_NEAR(doc["result"].get<double>(), 0.1261, 0.00005);
}

TEST(CalcCommand, XnpvAndXirrMatchSpreadsheetExample) {
    const std::string dates = "2008-01-01,2008-03-01,2008-10-30,2009-02-15,2009-04-01";
    const json xnpv = runJson({"xnpv", "--rate", "0.09", "--dates", dates, "--", "-10000", "2750", "4250",
                               "3250", "2750"});
    EXPECT_NEAR(xnpv["result"].get<double>(), 2086.65, 0.005);
    const json xirr = runJson({"xirr", "--dates", dates, "--", "-10000", "2750", "4250", "3250", "2750"});
    EXPECT_NEAR(xirr["result"].get<double>(), 0.373362535, 1e-8);
    EXPECT_EQ(xirr["inputs"]["dates"][4], "2009-04-01");
}

TEST(CalcCommand, PmtIpmtPpmtMatchSpreadsheetExamples) {
    EXPECT_NEAR(runJson({"pmt", "--rate", "0.05", "--nper", "30", "--pv", "1000000"})["result"].get<double>(),
                -65051.44, 0.005);
    EXPECT_NEAR(runJson({"ipmt", "--rate", "0.1", "--per", "3", "--nper", "3", "--pv", "8000"})["result"]
                    .get<double>(),
                -292.45, 0.005);
    EXPECT_NEAR(runJson({"ppmt", "--rate", "0.08", "--per", "10", "--nper", "10", "--pv", "200000"})["result"]
                    .get<double>(),
                -27598.05, 0.005);
    const json begin = runJson({"pmt", "--rate", "0.0066666666666667", "--nper", "10", "--pv", "10000",
                                "--when", "begin"});
    EXPECT_NEAR(begin["result"].get<double>(), -1030.16, 0.005);
}

TEST(CalcCommand, PaybackSimpleAndDiscounted) {
    // Cumulative -1000, -700, -300, +200: paid back 300/500 into period 3 -> 2.6 periods.
    const json simple = runJson({"payback", "--", "-1000", "300", "400", "500"});
    EXPECT_NEAR(simple["result"].get<double>(), 2.6, 1e-12);
    // Discounted at 8%: PVs 277.78, 342.94, 396.92; 2 periods plus the remaining 379.29 / 396.92.
    const json discounted = runJson({"payback", "--rate", "0.08", "--", "-1000", "300", "400", "500"});
    const double remaining = 1000 - 300 / 1.08 - 400 / (1.08 * 1.08);
    EXPECT_NEAR(discounted["result"].get<double>(), 2 + remaining / (500 / (1.08 * 1.08 * 1.08)), 1e-12);
}

TEST(CalcCommand, BondPriceMatchesSpreadsheetPriceExample) {
    // PRICE(2008-02-15, 2017-11-15, 5.75%, 6.5%, 100, 2, 0) = 94.6343616.
    const json doc = runJson({"bond", "--settlement", "2008-02-15", "--maturity", "2017-11-15", "--coupon",
                              "0.0575", "--yield", "0.065"});
    EXPECT_NEAR(doc["result"]["clean_price"].get<double>(), 94.6343616, 1e-6);
    EXPECT_NEAR(doc["result"]["yield"].get<double>(), 0.065, 1e-12);
    for (const char* key : {"dirty_price", "accrued_interest", "macaulay_duration", "modified_duration",
                            "convexity", "bpv"})
        EXPECT_TRUE(doc["result"][key].is_number()) << key;
}

TEST(CalcCommand, BondYieldFromPriceMatchesSpreadsheetYieldExample) {
    // YIELD(2008-02-15, 2016-11-15, 5.75%, 95.04287, 100, 2, 0) = 6.5%.
    const json doc = runJson({"bond", "--settlement", "2008-02-15", "--maturity", "2016-11-15", "--coupon",
                              "0.0575", "--price", "95.04287"});
    EXPECT_NEAR(doc["result"]["yield"].get<double>(), 0.065, 1e-6);
}

TEST(CalcCommand, HumanOutputShowsLabelAndGroupedFigure) {
    const auto run = runCli({"calc", "npv", "--rate", "0.08", "--", "-40000", "8000", "9200", "10000", "12000",
                             "14500"});
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_EQ(run.out, "NPV (first flow at t0, undiscounted):  1,922.06\n");
}

TEST(CalcCommand, NegativeRateIsReadAsAValue) {
    const json doc = runJson({"npv", "--rate", "-0.05", "--", "-100", "100"});
    EXPECT_NEAR(doc["result"].get<double>(), -100 + 100 / 0.95, 1e-9);
}
