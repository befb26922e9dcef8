#include "finance/errors.hpp"
#include "models/project.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>

using namespace cityfin::models;

namespace {

// Two construction years then three operating years; parking fees and an energy saving.
Project parking() {
    Project p;
    p.name = "test parking";
    p.constructionYears = 2;
    p.operatingYears = 3;
    p.capex = {600.0, 400.0};
    p.annualOpex = 50.0;
    p.revenues.push_back({"fees", RevenueStream::Payer::Users, 1000.0, 0.2, 0.10, 0.0, 1});
    p.energySavings.push_back({"lights", 10000.0, 0.3, 0.5, 0.0, 0.0});
    p.residualValue = 100.0;
    return p;
}

} // namespace

TEST(ProjectFlows, ConstructionThenOperationWithRampUpAndGrowth) {
    const ProjectFlows f = projectFlows(parking());
    ASSERT_EQ(f.periods(), 5u);
    EXPECT_EQ(f.capex, (std::vector<double>{600, 400, 0, 0, 0}));
    EXPECT_EQ(f.opex, (std::vector<double>{0, 0, 50, 50, 50}));
    // Operating year 1 earns 1/2 of its volume (ramp-up of one year); volume grows 10% a year.
    EXPECT_DOUBLE_EQ(f.userCharges[2], 1000.0 * 0.5 * 0.2);
    EXPECT_DOUBLE_EQ(f.userCharges[3], 1100.0 * 0.2);
    EXPECT_DOUBLE_EQ(f.userCharges[4], 1210.0 * 0.2);
    EXPECT_DOUBLE_EQ(f.energySavings[2], 10000.0 * 0.3 * 0.5);
    EXPECT_EQ(f.residualValue, (std::vector<double>{0, 0, 0, 0, 100}));
    EXPECT_EQ(f.calendarYears.front(), 2026);
    // Pre-financing flow of the last year: 242 + 1500 - 50 + 100.
    EXPECT_DOUBLE_EQ(f.preFinancingCashFlow()[4], 242.0 + 1500.0 - 50.0 + 100.0);
}

TEST(ProjectFlows, NominalCaseEscalatesWithInflation) {
    Project p = parking();
    p.basis = PriceBasis::Nominal;
    p.inflation = 0.02;
    const ProjectFlows f = projectFlows(p);
    EXPECT_DOUBLE_EQ(f.capex[1], 400.0 * 1.02);
    EXPECT_DOUBLE_EQ(f.opex[4], 50.0 * std::pow(1.02, 4));
    EXPECT_DOUBLE_EQ(f.residualValue[4], 100.0 * std::pow(1.02, 4));
}

TEST(ProjectFlows, ScenarioScalesAndDelaysButForecastStays) {
    Scenario s;
    s.demandFactor = 0.5;
    s.capexFactor = 1.2;
    s.delayYears = 1;
    const ProjectFlows f = projectFlows(parking(), s);
    EXPECT_DOUBLE_EQ(f.capex[0], 720.0);
    EXPECT_EQ(f.userCharges[2], 0.0);  // not yet in service
    EXPECT_EQ(f.opex[2], 0.0);
    EXPECT_DOUBLE_EQ(f.userCharges[3], 1000.0 * 0.5 * 0.2 * 0.5);  // first year of service, ramping
    EXPECT_DOUBLE_EQ(f.forecastUserCharges[3], 1100.0 * 0.2);
    EXPECT_FALSE(f.operating[2]);
    EXPECT_TRUE(f.operating[3]);
}

// The Monte Carlo reuses one ProjectFlows per block: flows written over another scenario's (a delay,
// another lifecycle year, a longer project before) are exactly projectFlows' for the new scenario.
TEST(ProjectFlows, WrittenIntoFlowsOfAnotherScenarioEqualsFreshFlows) {
    Project longer = parking();
    longer.operatingYears = 6;
    longer.lifecycle = {{2, 40.0}};
    Scenario delayed;
    delayed.delayYears = 2;
    delayed.opexFactor = 1.3;
    Scenario s;
    s.demandFactor = 0.7;
    s.savingsFactor = 1.1;
    ProjectFlows reused = projectFlows(longer, delayed);
    const auto forecast = std::make_shared<const ProjectFlows>(projectFlows(parking()));
    reused.forecast = forecast;
    for (const Project& p : {parking(), longer}) {
        projectFlowsInto(p, s, reused);
        const ProjectFlows fresh = projectFlows(p, s);
        EXPECT_EQ(reused.constructionYears, fresh.constructionYears);
        EXPECT_EQ(reused.operatingYears, fresh.operatingYears);
        EXPECT_EQ(reused.calendarYears, fresh.calendarYears);
        for (auto member : {&ProjectFlows::priceIndex, &ProjectFlows::capex, &ProjectFlows::opex, &ProjectFlows::lifecycle,
                            &ProjectFlows::userCharges, &ProjectFlows::marketRevenue, &ProjectFlows::energySavings,
                            &ProjectFlows::residualValue, &ProjectFlows::forecastUserCharges,
                            &ProjectFlows::forecastEnergySavings})
            EXPECT_EQ(reused.*member, fresh.*member);
        EXPECT_EQ(reused.operating, fresh.operating);
        EXPECT_EQ(reused.forecast, forecast);  // left as the caller set it
    }
}

TEST(ProjectValidation, NamesTheJsonPathOfTheBadField) {
    Project p = parking();
    p.capex = {600.0, -1.0};
    try {
        projectFlows(p);
        FAIL();
    } catch (const cityfin::InputError& e) {
        EXPECT_STREQ(e.what(), "project.capex[1]: got -1, expected a finite number >= 0");
    }
    p = parking();
    p.capex = {600.0};
    EXPECT_THROW(projectFlows(p), cityfin::InputError);
    p = parking();
    p.inflation = 0.02;  // a real case cannot carry inflation
    try {
        projectFlows(p);
        FAIL();
    } catch (const cityfin::InputError& e) {
        EXPECT_STREQ(e.what(), "project.inflation: got 0.02, expected 0 in a case in real terms");
    }
    p = parking();
    p.energySavings[0].savingFraction = 1.5;
    EXPECT_THROW(projectFlows(p), cityfin::InputError);
}
