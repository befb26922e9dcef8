#include "finance/errors.hpp"
#include "finance/dates.hpp"
#include "finance/textparse.hpp"

#include <gtest/gtest.h>

using cityfin::InputError;

namespace {

template <typename F>
std::string messageOf(F&& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.what();
    }
    return "no InputError";
}

} // namespace

TEST(TextParse, NumbersAreLocaleIndependentAndWhole) {
    EXPECT_DOUBLE_EQ(cityfin::parseNumber("rate", "0.08"), 0.08);
    EXPECT_DOUBLE_EQ(cityfin::parseNumber("rate", "+1e6"), 1e6);
    EXPECT_DOUBLE_EQ(cityfin::parseNumber("flow", "-40000"), -40000.0);
    EXPECT_EQ(messageOf([] { cityfin::parseNumber("rate", "0,08"); }),
              "rate: got \"0,08\", expected a decimal number such as 0.08 or -40000");
    EXPECT_EQ(messageOf([] { cityfin::parseNumber("rate", ""); }),
              "rate: got \"\", expected a decimal number such as 0.08 or -40000");
    EXPECT_EQ(messageOf([] { cityfin::parseNumber("rate", "inf"); }),
              "rate: got \"inf\", expected a decimal number such as 0.08 or -40000");
    EXPECT_EQ(messageOf([] { cityfin::parseNumber("rate", "1e999"); }),
              "rate: got \"1e999\", expected a decimal number such as 0.08 or -40000");
}

TEST(TextParse, IntegersRejectFractions) {
    EXPECT_EQ(cityfin::parseInteger("nper", "30"), 30);
    EXPECT_EQ(messageOf([] { cityfin::parseInteger("nper", "30.5"); }),
              "nper: got \"30.5\", expected a whole number such as 30");
}

TEST(TextParse, IsoDatesRoundTripAndRejectImpossibleDays) {
    const QuantLib::Date date = cityfin::parseIsoDate("settlement", "2008-02-29");
    EXPECT_EQ(date, QuantLib::Date(29, QuantLib::February, 2008));
    EXPECT_EQ(cityfin::finance::isoDate(date), "2008-02-29");
    const std::string expected = ", expected a date YYYY-MM-DD between 1901-01-01 and 2199-12-31";
    EXPECT_EQ(messageOf([] { cityfin::parseIsoDate("d", "2007-02-29"); }), "d: got \"2007-02-29\"" + expected);
    EXPECT_EQ(messageOf([] { cityfin::parseIsoDate("d", "2008-13-01"); }), "d: got \"2008-13-01\"" + expected);
    EXPECT_EQ(messageOf([] { cityfin::parseIsoDate("d", "1900-01-01"); }), "d: got \"1900-01-01\"" + expected);
    EXPECT_EQ(messageOf([] { cityfin::parseIsoDate("d", "2008/01/01"); }), "d: got \"2008/01/01\"" + expected);
}

TEST(TextParse, DateListNamesTheBadElement) {
    const auto dates = cityfin::parseIsoDateList("dates", "2008-01-01,2008-03-01");
    ASSERT_EQ(dates.size(), 2u);
    EXPECT_EQ(dates[1], QuantLib::Date(1, QuantLib::March, 2008));
    EXPECT_EQ(messageOf([] { cityfin::parseIsoDateList("dates", "2008-01-01,,2008-03-01"); }),
              "dates[1]: got \"\", expected a date YYYY-MM-DD between 1901-01-01 and 2199-12-31");
}
