// Bad input to `cityfin calc`: exit code 2 and a message naming the argument, the value and what
// was expected. Never a crash, never NaN in the output.

#include "cli_runner.hpp"

#include <gtest/gtest.h>

using cityfin::test::runCli;

namespace {

void expectBadInput(const std::vector<std::string>& args, const std::string& message) {
    const auto run = runCli(args);
    EXPECT_EQ(run.exitCode, 2) << run.out;
    EXPECT_EQ(run.err, message);
    EXPECT_EQ(run.out, "");
}

} // namespace

TEST(CalcCommandErrors, UnparsableRateNamesTheOption) {
    expectBadInput({"calc", "npv", "--rate", "eight", "--", "-1", "2"},
                   "cityfin calc: error: --rate: got \"eight\", expected a decimal number such as 0.08 or -40000\n");
}

TEST(CalcCommandErrors, MissingRateIsRequired) {
    expectBadInput({"calc", "npv", "--", "-1", "2"},
                   "cityfin calc: error: --rate: got nothing, expected a value: this option is required\n");
}

TEST(CalcCommandErrors, BadFlowNamesItsIndex) {
    expectBadInput({"calc", "irr", "--", "-100", "abc", "50"},
                   "cityfin calc: error: flows[1]: got \"abc\", expected a decimal number such as 0.08 or -40000\n");
}

TEST(CalcCommandErrors, NoFlowsAsksForThem) {
    expectBadInput({"calc", "irr"}, "cityfin calc: error: flows: got nothing, expected at least one cash flow "
                                    "after '--', e.g. -- -1000 300 400 500\n");
}

TEST(CalcCommandErrors, NanFlowIsRejected) {
    expectBadInput({"calc", "npv", "--rate", "0.1", "--", "-100", "nan"},
                   "cityfin calc: error: flows[1]: got \"nan\", expected a decimal number such as 0.08 or -40000\n");
}

TEST(CalcCommandErrors, BadDateNamesItsPosition) {
    expectBadInput({"calc", "xirr", "--dates", "2008-01-01,2008-02-30", "--", "-100", "110"},
                   "cityfin calc: error: --dates[1]: got \"2008-02-30\", expected a date YYYY-MM-DD between "
                   "1901-01-01 and 2199-12-31\n");
}

TEST(CalcCommandErrors, UnknownConventionListsTheChoices) {
    expectBadInput({"calc", "npv", "--rate", "0.1", "--convention", "excel", "--", "-1", "2"},
                   "cityfin calc: error: --convention: got \"excel\", expected one of t0, spreadsheet\n");
}

TEST(CalcCommandErrors, BondNeedsYieldOrPriceNotBoth) {
    expectBadInput({"calc", "bond", "--settlement", "2008-02-15", "--maturity", "2017-11-15", "--coupon", "0.05",
                    "--yield", "0.06", "--price", "99"},
                   "cityfin calc: error: --yield/--price: got both, expected exactly one of the two\n");
}

TEST(CalcCommandErrors, NonIntegerPeriodsRejected) {
    expectBadInput({"calc", "pmt", "--rate", "0.05", "--nper", "2.5", "--pv", "100"},
                   "cityfin calc: error: --nper: got \"2.5\", expected a whole number such as 30\n");
}

TEST(CalcCommandErrors, UnknownOptionAndFunctionExitTwo) {
    EXPECT_EQ(runCli({"calc", "npv", "--bogus", "1", "--rate", "0.1", "--", "1"}).exitCode, 2);
    EXPECT_EQ(runCli({"calc", "nvp"}).exitCode, 2);
    EXPECT_EQ(runCli({"frobnicate"}).exitCode, 2);
}

TEST(CalcCommandErrors, EngineValidationReachesTheUser) {
    // rate <= -100% is the engine's own check; its message comes through unchanged.
    const auto run = runCli({"calc", "npv", "--rate", "-1", "--", "-100", "100"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("rate"), std::string::npos) << run.err;
}

TEST(CalcCommandHelp, EveryFunctionHasHelp) {
    for (const char* function : {"npv", "irr", "mirr", "xnpv", "xirr", "payback", "pi", "pmt", "ipmt", "ppmt",
                                 "bond"}) {
        const auto run = runCli({"calc", function, "--help"});
        EXPECT_EQ(run.exitCode, 0) << function;
        EXPECT_NE(run.out.find("Usage: cityfin calc "), std::string::npos) << function;
    }
    EXPECT_EQ(runCli({"--help"}).exitCode, 0);
    EXPECT_EQ(runCli({"calc", "--help"}).exitCode, 0);
}
