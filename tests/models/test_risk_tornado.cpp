// Tornado: each risk alone from P10 to P90 (or the mean +-x%), the metric's swing, sorted.

#include "models/risk/tornado.hpp"

#include "finance/errors.hpp"
#include "risk_fixtures.hpp"

#include <gtest/gtest.h>

using namespace cityfin;
using namespace cityfin::models;
using namespace risk_fixtures;

TEST(Tornado, BarsRunFromP10ToP90AndAreSortedBySwing) {
    const RiskRegister risks = reg();
    const Tornado t = tornado(project(), {}, structures(), reg(), "bot", RiskMetric::NpvPrivate);
    ASSERT_EQ(t.bars.size(), 4u);
    for (std::size_t i = 1; i < t.bars.size(); ++i) EXPECT_GE(t.bars[i - 1].swing, t.bars[i].swing);
    for (const TornadoBar& b : t.bars) {
        const Risk& r = *std::find_if(risks.risks.begin(), risks.risks.end(), [&](const Risk& x) { return x.id == b.riskId; });
        EXPECT_DOUBLE_EQ(b.lowInput, r.distribution.quantile(0.1));
        EXPECT_DOUBLE_EQ(b.highInput, r.distribution.quantile(0.9));
        EXPECT_DOUBLE_EQ(b.swing, std::abs(b.highValue - b.lowValue));
    }
    EXPECT_EQ(t.range, "p10-p90");
    EXPECT_NEAR(t.baseValue, evaluate(project(), fixTermsAtClose(project(), {structures()[2]})[0]).party(Party::Private).npv, 1e-6);
}

TEST(Tornado, DemandDoesNotMoveTheAvailabilityPppsEquity) {
    const Tornado t = tornado(project(), {}, structures(), reg(), "ppp", RiskMetric::NpvPrivate);
    for (const TornadoBar& b : t.bars)
        if (b.riskId == "demand") {
            EXPECT_EQ(b.swing, 0.0);
        } else if (b.riskId == "capex") {
            EXPECT_GT(b.swing, 0.0);
        }
}

TEST(Tornado, SwingMovesTheMeanByTheFraction) {
    const RiskRegister risks = reg();
    const Tornado t = tornado(project(), {}, structures(), reg(), "psc", RiskMetric::CityPresentCost, 0.1);
    EXPECT_EQ(t.range, "+-10%");
    for (const TornadoBar& b : t.bars) {
        const Risk& r = *std::find_if(risks.risks.begin(), risks.risks.end(), [&](const Risk& x) { return x.id == b.riskId; });
        EXPECT_NEAR(b.lowInput, 0.9 * r.distribution.mean(), 1e-12);
        EXPECT_NEAR(b.highInput, 1.1 * r.distribution.mean(), 1e-12);
    }
}

TEST(Tornado, UnknownStructureOrBadSwingIsAnInputError) {
    EXPECT_THROW(tornado(project(), {}, structures(), reg(), "nope", RiskMetric::NpvPrivate), InputError);
    EXPECT_THROW(tornado(project(), {}, structures(), reg(), "ppp", RiskMetric::NpvPrivate, -0.1), InputError);
}
