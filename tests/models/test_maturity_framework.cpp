// The framework data (models/maturity/framework.json, embedded at build time): nine characteristics
// in the seed's annex order, every level's criterion and checks in both languages, and annex 2's
// Chinese quoted as the seed prints it (spot checks copied by hand from annex 2 of the seed).
#include "finance/errors.hpp"
#include "models/maturity/framework.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>

using namespace cityfin::models::maturity;

namespace {

std::string parseError(const std::string& text) {
    try {
        parseFramework(text);
    } catch (const cityfin::InputError& e) {
        return e.what();
    }
    return "no error";
}

} // namespace

TEST(MaturityFramework, HasTheNineCharacteristicsInAnnexOrder) {
    const Framework& f = builtinFramework();
    std::vector<std::string> ids;
    for (const auto& c : f.characteristics) ids.push_back(c.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"strategy", "stakeholders", "governance", "financing", "value_assessment",
                                             "business_model", "ict_infrastructure", "services", "legal_regulatory"}));
}

TEST(MaturityFramework, EveryLevelOfEveryCharacteristicHasItsCriterionAndChecksInBothLanguages) {
    const Framework& f = builtinFramework();
    for (const auto& c : f.characteristics) {
        EXPECT_FALSE(c.name.en.empty() || c.name.zh.empty()) << c.id;
        EXPECT_FALSE(c.annex1.empty()) << c.id;
        for (const auto& q : c.annex1) EXPECT_FALSE(q.en.empty() || q.zh.empty()) << c.id;
        for (Level level : kCriterionLevels) {
            const LevelCriteria& l = c.criteria(level);
            EXPECT_FALSE(l.criterion.en.empty()) << c.id << " " << levelId(level);
            EXPECT_FALSE(l.criterion.zh.empty()) << c.id << " " << levelId(level);
            ASSERT_FALSE(l.checks.empty()) << c.id << " " << levelId(level);
            for (const auto& check : l.checks) {
                EXPECT_FALSE(check.question.en.empty() || check.question.zh.empty()) << check.id;
                EXPECT_NE(check.question.en.find('?'), std::string::npos) << check.id << " is a question";
            }
        }
    }
    for (const auto& name : f.levelNames) EXPECT_FALSE(name.en.empty() || name.zh.empty());
    EXPECT_EQ(f.levelNames[4].zh, "最成熟");  // annex 2's name for the top rung
    EXPECT_EQ(f.cannotAssess.zh, "无法评估");  // table 3
}

TEST(MaturityFramework, CheckIdsAreUniqueAndNameTheirCharacteristic) {
    const Framework& f = builtinFramework();
    const std::map<std::string, std::string> prefix{{"strategy", "strategy."}, {"stakeholders", "stakeholders."},
        {"governance", "governance."}, {"financing", "financing."}, {"value_assessment", "value."},
        {"business_model", "business."}, {"ict_infrastructure", "ict."}, {"services", "services."},
        {"legal_regulatory", "legal."}};
    std::set<std::string_view> seen;
    for (const auto& c : f.characteristics)
        for (const auto& level : c.levels)
            for (const auto& check : level.checks) {
                EXPECT_TRUE(seen.insert(check.id).second) << check.id;
                EXPECT_EQ(check.id.rfind(prefix.at(c.id), 0), 0u) << check.id;
            }
    EXPECT_EQ(seen.size(), f.checkIds().size());
}

TEST(MaturityFramework, QuotesAnnexTwoVerbatim) {
    const Framework& f = builtinFramework();
    EXPECT_EQ(f.find("governance")->criteria(Level::Basic).criterion.zh, "部门治理结构");
    EXPECT_EQ(f.find("financing")->criteria(Level::General).criterion.zh, "适当的筹集资金计划，以将一些试点项目扩展到全面部署。");
    EXPECT_EQ(f.find("financing")->criteria(Level::MostMature).criterion.zh, "资金充足，可用资金可以满足智慧城市的所有目标。");
    EXPECT_EQ(f.find("business_model")->criteria(Level::MostMature).criterion.zh, "采用多种已经在全面项目中实施的商业模式。");
    EXPECT_EQ(f.find("services")->criteria(Level::Basic).criterion.zh, "少数（<5）智慧城市服务——一些是试点项目");
    EXPECT_EQ(f.find("value_assessment")->criteria(Level::MostMature).criterion.zh,
              "考核评估所有智慧城市项目的整体影响（经济、环境、社会和文化成果）");
}

TEST(MaturityFramework, LegalCriteriaAreMarkedAsDerivedBecauseAnnexTwoHasNoRow) {
    const Framework& f = builtinFramework();
    for (const auto& c : f.characteristics) EXPECT_EQ(c.criteriaQuoted, c.id != "legal_regulatory") << c.id;
    EXPECT_NE(f.find("legal_regulatory")->criteriaSource.find("annex 2 has no row"), std::string::npos);
}

TEST(MaturityFramework, LevelIdsRoundTrip) {
    for (int i = 0; i <= 4; ++i) EXPECT_EQ(levelFromId(levelId(static_cast<Level>(i))), static_cast<Level>(i));
    EXPECT_FALSE(levelFromId("cannot_assess"));
    EXPECT_FALSE(levelFromId("expert"));
}

TEST(MaturityFramework, RejectsALevelWithoutCriteriaNamingItsPath) {
    auto j = nlohmann::json::parse(builtinFrameworkText());
    j["characteristics"][3]["levels"].erase("advanced");
    EXPECT_EQ(parseError(j.dump()),
              "characteristics[3].levels.advanced: got no value, expected the criteria of this level (a required field)");
}

TEST(MaturityFramework, RejectsACheckIdUsedTwice) {
    auto j = nlohmann::json::parse(builtinFrameworkText());
    j["characteristics"][1]["levels"]["basic"]["checks"][0]["id"] = "strategy.vision_linked";
    EXPECT_NE(parseError(j.dump()).find("characteristics[1].levels.basic.checks[0].id"), std::string::npos);
}

TEST(MaturityFramework, RejectsACriterionWithoutChinese) {
    auto j = nlohmann::json::parse(builtinFrameworkText());
    j["characteristics"][0]["levels"]["general"]["criterion"].erase("zh");
    EXPECT_NE(parseError(j.dump()).find("characteristics[0].levels.general.criterion.zh"), std::string::npos);
}
