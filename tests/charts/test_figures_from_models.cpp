// The adapters from models: every value shown is the engine's figure, scaled to the axis unit.
#include "gui/charts/figures_from_models.hpp"
#include "models/case_evaluation.hpp"
#include "models/case_file.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>

namespace cityfin::charts {
namespace {

using models::Party;

const models::Case& qianhai() {
    static const models::Case c =
        models::loadCaseFile(std::string(std::getenv("CITYFIN_SOURCE_DIR")) + "/cases/qianhai-parking/case.json");
    return c;
}

const std::vector<models::Evaluation>& evaluations() {
    static const auto e = models::evaluateCase(qianhai());
    return e;
}

TEST(FiguresFromModels, NpvByPartyShowsEachStructuresNpvsInMillionsWithTheCityHighlighted) {
    const auto chart = npvByPartyChart(evaluations(), "CNY");
    ASSERT_EQ(chart.categories.size(), evaluations().size());
    EXPECT_EQ(chart.categories[1], evaluations()[1].structureName);
    EXPECT_EQ(chart.valueAxisTitle, "NPV at each party's rate (CNY million)");
    ASSERT_FALSE(chart.bars.empty());
    EXPECT_TRUE(chart.bars[0].highlighted);
    for (std::size_t s = 0; s < evaluations().size(); ++s)
        EXPECT_NEAR(chart.bars[0].values[s], -evaluations()[s].cityPresentCost / 1e6, 1e-9);
    for (const auto& b : chart.bars) EXPECT_NE(b.name, "Users");  // left out, noted
}

TEST(FiguresFromModels, CashFlowBarsStackToThePartysNetFlowAndTheLineAccumulatesIt) {
    for (const auto& e : evaluations()) {
        const auto chart = cashFlowChart(e, Party::Government, "CNY");
        const auto& net = e.party(Party::Government).flows;
        ASSERT_EQ(chart.categories.size(), net.size());
        EXPECT_EQ(chart.categories.front(), std::to_string(e.project.calendarYears.front()));
        const double unit = chart.valueAxisTitle.find("million") != std::string::npos ? 1e6 : 1e3;
        double cumulative = 0.0;
        for (std::size_t t = 0; t < net.size(); ++t) {
            double stacked = 0.0;
            for (const auto& b : chart.bars) stacked += b.values[t];
            EXPECT_NEAR(stacked * unit, net[t], 1e-6 * unit) << e.structureId << " year " << t;
            cumulative += net[t];
            EXPECT_NEAR(chart.lines[0].values[t] * unit, cumulative, 1e-6 * unit);
        }
    }
}

TEST(FiguresFromModels, DebtServiceIsInterestPlusPrincipalWithTheDscrAndTheCovenant) {
    int withCover = 0;
    for (const auto& e : evaluations()) {
        const auto chart = debtServiceChart(e, "CNY");
        if (!e.outcome.debt) {
            EXPECT_FALSE(chart.has_value());
            continue;
        }
        ASSERT_TRUE(chart.has_value());
        const auto& s = e.outcome.debt->schedule;
        for (std::size_t t = 0; t < s.debtService.size(); ++t)
            EXPECT_NEAR((chart->bars[0].values[t] + chart->bars[1].values[t]) * 1e6, s.debtService[t], 1e-3);
        if (e.outcome.debt->cover && e.outcome.debt->targetDscr) {
            ++withCover;
            ASSERT_EQ(chart->lines.size(), 2u);
            const auto& dscr = e.outcome.debt->cover->dscr;
            for (std::size_t t = 0; t < dscr.size(); ++t) {
                EXPECT_EQ(chart->lines[0].defined[t], dscr[t].has_value());
                if (dscr[t]) {
                    EXPECT_DOUBLE_EQ(chart->lines[0].values[t], *dscr[t]);
                }
            }
            EXPECT_DOUBLE_EQ(chart->lines[1].values[0], *e.outcome.debt->targetDscr);
            EXPECT_TRUE(chart->lines[1].dashed);
        }
    }
    EXPECT_GT(withCover, 0);  // the concession is sized on its CFADS
}

TEST(FiguresFromModels, SocialValueByCategoryStacksToEachStructuresPresentValue) {
    const auto chart = socialValueByCategoryChart(evaluations(), "CNY");
    ASSERT_TRUE(chart.has_value());
    const double unit = chart->valueAxisTitle.find("million") != std::string::npos ? 1e6 : 1e3;
    for (std::size_t s = 0; s < evaluations().size(); ++s) {
        double total = 0.0;
        for (const auto& b : chart->bars) total += b.values[s];
        EXPECT_NEAR(total * unit, evaluations()[s].social->presentValue, 1e-6 * unit);
    }
    const auto sroi = sroiChart(evaluations());
    ASSERT_TRUE(sroi.has_value());
    EXPECT_DOUBLE_EQ(sroi->bars[0].values[0], evaluations()[0].social->sroiRatio.value_or(0.0));
}

TEST(FiguresFromModels, NoOutcomesMeansNoSocialFigure) {
    auto c = qianhai();
    c.outcomes.clear();
    const auto e = models::evaluateCase(c);
    EXPECT_FALSE(socialValueByCategoryChart(e, "CNY").has_value());
    EXPECT_FALSE(sroiChart(e).has_value());
    EXPECT_FALSE(socialValueByOutcomeChart(e[0], "CNY").has_value());
}

TEST(FiguresFromModels, FileStemsAreLowerCaseAsciiWithDashes) {
    EXPECT_EQ(fileStem("PPP availability (DBFO)"), "ppp-availability-dbfo");
    EXPECT_EQ(fileStem("前海"), "figure");
    EXPECT_EQ(fileStem("bot_2"), "bot-2");
}

} // namespace
} // namespace cityfin::charts
