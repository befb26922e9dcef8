#include "finance/errors.hpp"

#include <gtest/gtest.h>

#include <limits>

using cityfin::InputError;

TEST(InputErrors, MessageNamesFieldValueAndExpectation) {
    const InputError error("flows[2]", "NaN", "a finite number");
    EXPECT_STREQ(error.what(), "flows[2]: got NaN, expected a finite number");
    EXPECT_EQ(error.field(), "flows[2]");
    EXPECT_EQ(error.value(), "NaN");
    EXPECT_EQ(error.expected(), "a finite number");
}

TEST(InputErrors, FormatValueIsShortestRoundTrip) {
    EXPECT_EQ(cityfin::formatValue(0.1), "0.1");
    EXPECT_EQ(cityfin::formatValue(-40000), "-40000");
    EXPECT_EQ(cityfin::formatValue(std::numeric_limits<double>::quiet_NaN()), "NaN");
    EXPECT_EQ(cityfin::formatValue(-std::numeric_limits<double>::infinity()), "-inf");
}

TEST(InputErrors, FormatAmountShowsWholeUnitsWithSeparatorsAndSmallAmountsToTheCent) {
    EXPECT_EQ(cityfin::formatAmount(-2260323.416666668), "-2,260,323");
    EXPECT_EQ(cityfin::formatAmount(999.5), "1,000");
    EXPECT_EQ(cityfin::formatAmount(100.0), "100");
    EXPECT_EQ(cityfin::formatAmount(-10.0), "-10");
    EXPECT_EQ(cityfin::formatAmount(0.254), "0.25");
    EXPECT_EQ(cityfin::formatAmount(-0.001), "0");
    EXPECT_EQ(cityfin::formatAmount(std::nan("")), "NaN");
    EXPECT_EQ(cityfin::formatAmount(2e15), "2e+15");
}

TEST(InputErrors, RequireRateRejectsMinusHundredPercentAndBelow) {
    EXPECT_NO_THROW(cityfin::requireRate("rate", -0.99));
    try {
        cityfin::requireRate("rate", -1.0);
        FAIL() << "rate -1 accepted";
    } catch (const InputError& e) {
        EXPECT_STREQ(e.what(), "rate: got -1, expected a finite rate above -1 (-100%)");
    }
    EXPECT_THROW(cityfin::requireRate("rate", std::numeric_limits<double>::infinity()), InputError);
}

TEST(InputErrors, RequireFiniteNamesIndexedField) {
    try {
        cityfin::requireFinite(cityfin::indexedField("flows", 3),
                               std::numeric_limits<double>::quiet_NaN());
        FAIL() << "NaN accepted";
    } catch (const InputError& e) {
        EXPECT_STREQ(e.what(), "flows[3]: got NaN, expected a finite number");
    }
}
