// The maturity ladder: levels from answers (every level traced by hand to annex 2's criterion), the
// two warnings of seed section 6, cannot-assess, the strict answers reader, and the suggestions a
// bundled case gives. Rules: docs/methodology/maturity.md.
#include "finance/errors.hpp"
#include "models/case_file.hpp"
#include "models/maturity/assessment.hpp"
#include "models/maturity/assessment_json.hpp"
#include "models/maturity/case_suggestion.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <map>

using namespace cityfin::models;
using namespace cityfin::models::maturity;
using Json = nlohmann::json;

namespace {

const Framework& framework() { return builtinFramework(); }

Assessment assessText(const std::string& text) { return assess(framework(), parseAnswers(text, framework())); }

const CharacteristicAssessment& result(const Assessment& a, const std::string& id) {
    for (const auto& r : a.characteristics)
        if (r.characteristic->id == id) return r;
    throw std::runtime_error("no characteristic " + id);
}

std::vector<std::string> ids(const std::vector<const Check*>& checks) {
    std::vector<std::string> out;
    for (const auto* c : checks) out.push_back(c->id);
    return out;
}

// Answers that put each listed characteristic exactly at a level: every check up to it yes, the
// next level's checks no. Unlisted characteristics stay unanswered (cannot assess).
Json answersAt(const std::map<std::string, Level>& levels, const Json& targets = Json::object()) {
    Json answers = Json::object();
    for (const auto& [id, level] : levels)
        for (Level l : kCriterionLevels)
            for (const auto& check : framework().find(id)->criteria(l).checks) {
                if (levelRank(l) <= levelRank(level)) answers[check.id] = true;
                else if (levelRank(l) == levelRank(level) + 1) answers[check.id] = false;
            }
    return Json{{"cityfin_maturity", 1}, {"answers", answers}, {"targets", targets}};
}

std::string answersError(const std::string& text) {
    try {
        parseAnswers(text, framework());
    } catch (const cityfin::InputError& e) {
        return e.what();
    }
    return "no error";
}

std::vector<Warning::Kind> warningKinds(const Assessment& a, const std::string& characteristic) {
    std::vector<Warning::Kind> out;
    for (const auto& w : a.warnings)
        if (w.characteristic == characteristic) out.push_back(w.kind);
    return out;
}

std::string casePath(const std::string& id) {
    return std::string(std::getenv("CITYFIN_SOURCE_DIR")) + "/cases/" + id + "/case.json";
}

const Suggestion& suggestion(const std::vector<Suggestion>& s, const std::string& id) {
    const Suggestion* found = suggestionFor(s, id);
    if (!found) throw std::runtime_error("no suggestion for " + id);
    return *found;
}

} // namespace

// Hand-traced against annex 2 (the Chinese criteria quoted in the comments):
// - strategy: basic checks yes, general checks yes, advanced "measurable KPIs" yes but "strategy or
//   city plan" no -> general, decided by 一般 "智慧城市的愿景包含的目标至少涉及…", blocked by
//   strategy.in_city_plan; next step advanced needs only in_city_plan (measurable KPIs already yes).
// - stakeholders: roles defined yes, citizens in design no -> basic ("…服务的设计却没有公民的参与"),
//   even though an advanced check (feedback loops) is yes: the ladder is climbed rung by rung.
// - governance: departmental structure no -> not involved (no basic criterion met).
// - financing: pilots funded yes, basic monitoring yes, scale-up plan not answered -> cannot assess,
//   reached basic ("为试点项目提供资金…").
// - services: every check of every level yes -> most mature ("一些智慧城市服务代表“最佳实践”…"), no next step.
// - business model: basic yes; general "several pilot models" no and "beyond pilot" unanswered -> the
//   no decides: basic.
TEST(MaturityAssessment, EveryLevelIsTracedToTheCriterionThatDecidedIt) {
    Json a = {{"cityfin_maturity", 1}, {"city", "Test city"},
              {"answers",
               {{"strategy.vision_linked", true}, {"strategy.ict_strategy", true}, {"strategy.goals_all_areas", true},
                {"strategy.some_kpis", true}, {"strategy.ict_plan", true}, {"strategy.measurable_kpis", true},
                {"strategy.in_city_plan", false},
                {"stakeholders.roles_defined", true}, {"stakeholders.citizens_in_design", false},
                {"stakeholders.feedback_loops", true},
                {"governance.departmental", false},
                {"financing.pilots_funded", true}, {"financing.basic_monitoring", true}, {"financing.scale_up_plan", nullptr},
                {"services.some", true}, {"services.several", true}, {"services.broad_range", true},
                {"services.citywide", true}, {"services.best_practice", true}, {"services.open_data", true},
                {"business.pilot_model", true}, {"business.several_pilot_models", false}}}};
    const Assessment r = assessText(a.dump());
    EXPECT_EQ(r.city, "Test city");

    const auto& strategy = result(r, "strategy");
    EXPECT_EQ(strategy.level, Level::General);
    EXPECT_EQ(strategy.criterion.zh.rfind("智慧城市的愿景包含的目标至少涉及以下这些因素", 0), 0u);
    EXPECT_EQ(ids(strategy.failed), std::vector<std::string>{"strategy.in_city_plan"});
    EXPECT_EQ(strategy.nextLevel, Level::Advanced);
    EXPECT_EQ(ids(strategy.nextSteps), std::vector<std::string>{"strategy.in_city_plan"});

    const auto& stakeholders = result(r, "stakeholders");
    EXPECT_EQ(stakeholders.level, Level::Basic);
    EXPECT_EQ(stakeholders.criterion.zh, "明确定义了利益相关者的作用和关系，但是服务的设计却没有公民的参与。");

    const auto& governance = result(r, "governance");
    EXPECT_EQ(governance.level, Level::NotInvolved);
    EXPECT_EQ(governance.criterion.en, framework().notInvolvedCriterion.en);
    EXPECT_EQ(ids(governance.failed), std::vector<std::string>{"governance.departmental"});
    EXPECT_EQ(governance.nextLevel, Level::Basic);
    EXPECT_EQ(governance.criterion.zh.rfind("未满足“基本”水平的全部标准", 0), 0u);

    const auto& financing = result(r, "financing");
    EXPECT_FALSE(financing.level);
    EXPECT_EQ(financing.reached, Level::Basic);
    EXPECT_EQ(ids(financing.open), std::vector<std::string>{"financing.scale_up_plan"});
    EXPECT_EQ(financing.criterion.zh, "为试点项目提供资金，但是没有超出试点范围、扩大资助的计划。财政支出的基本监控。");

    const auto& services = result(r, "services");
    EXPECT_EQ(services.level, Level::MostMature);
    EXPECT_FALSE(services.nextLevel);
    EXPECT_TRUE(services.nextSteps.empty());

    EXPECT_EQ(result(r, "business_model").level, Level::Basic);
    EXPECT_EQ(ids(result(r, "business_model").failed), std::vector<std::string>{"business.several_pilot_models"});
}

TEST(MaturityAssessment, NothingAnsweredCannotBeAssessed) {
    const Assessment r = assessText(R"({"cityfin_maturity": 1, "answers": {}})");
    for (const auto& c : r.characteristics) {
        EXPECT_FALSE(c.level) << c.characteristic->id;
        EXPECT_EQ(c.reached, Level::NotInvolved);
        EXPECT_EQ(c.open.size(), c.characteristic->criteria(Level::Basic).checks.size());
    }
    EXPECT_EQ(r.unanswered.size(), framework().checkIds().size());
    EXPECT_TRUE(r.warnings.empty());
}

TEST(MaturityAssessment, UnansweredQuestionsAreListedInFrameworkOrder) {
    const Assessment r = assessText(answersAt({{"governance", Level::General}}).dump());
    // governance: departmental, cross_departmental yes; citywide_shared_targets no; the two most-mature checks open.
    std::vector<std::string> governanceOpen;
    for (const auto& id : r.unanswered)
        if (id.rfind("governance.", 0) == 0) governanceOpen.push_back(id);
    EXPECT_EQ(governanceOpen, (std::vector<std::string>{"governance.stakeholders_in_decisions", "governance.transparency"}));
    EXPECT_EQ(r.unanswered.front(), "strategy.vision_linked");
}

TEST(MaturityWarnings, TargetTwoLevelsAboveIsLeapfrogging) {
    const Assessment r = assessText(answersAt({{"financing", Level::Basic}}, {{"financing", "advanced"}}).dump());
    EXPECT_EQ(warningKinds(r, "financing"), std::vector<Warning::Kind>{Warning::Kind::Leapfrogging});
    EXPECT_NE(r.warnings.at(0).text.en.find("2 levels above the current 'basic'"), std::string::npos);
    EXPECT_NE(r.warnings.at(0).text.zh.find("不冒进"), std::string::npos);
}

TEST(MaturityWarnings, TargetOneLevelAboveOrBelowIsNotLeapfrogging) {
    EXPECT_TRUE(assessText(answersAt({{"financing", Level::Basic}}, {{"financing", "general"}}).dump()).warnings.empty());
    EXPECT_TRUE(assessText(answersAt({{"financing", Level::Advanced}}, {{"financing", "basic"}}).dump()).warnings.empty());
}

TEST(MaturityWarnings, NoLeapfroggingVerdictWhenTheCurrentLevelCannotBeAssessed) {
    EXPECT_TRUE(assessText(answersAt({}, {{"financing", "most_mature"}}).dump()).warnings.empty());
}

// Isolation: level - median(other assessed levels) >= 2, with at least 4 others assessed.
// Eight others at basic (median 1): ICT at advanced (3) is 2 above -> isolated; at general (2) it is not.
TEST(MaturityWarnings, OneCharacteristicTwoLevelsAboveTheMedianIsIsolated) {
    std::map<std::string, Level> levels;
    for (const auto& c : framework().characteristics) levels[c.id] = Level::Basic;
    levels["ict_infrastructure"] = Level::Advanced;
    const Assessment r = assessText(answersAt(levels).dump());
    EXPECT_EQ(warningKinds(r, "ict_infrastructure"), std::vector<Warning::Kind>{Warning::Kind::Isolation});
    EXPECT_EQ(r.warnings.size(), 1u);
    EXPECT_NE(r.warnings[0].text.en.find("median of the other characteristics (1.0)"), std::string::npos);

    levels["ict_infrastructure"] = Level::General;
    EXPECT_TRUE(assessText(answersAt(levels).dump()).warnings.empty());
}

// Others 1,1,1,1,2,2,2,2: median (1+2)/2 = 1.5. Advanced (3) is 1.5 above: no warning; most mature (4)
// is 2.5 above: isolated.
TEST(MaturityWarnings, IsolationUsesTheMeanOfTheTwoMiddleLevelsForAnEvenCount) {
    std::map<std::string, Level> levels{{"strategy", Level::Basic}, {"stakeholders", Level::Basic},
        {"governance", Level::Basic}, {"financing", Level::Basic}, {"value_assessment", Level::General},
        {"business_model", Level::General}, {"services", Level::General}, {"legal_regulatory", Level::General},
        {"ict_infrastructure", Level::Advanced}};
    Assessment r = assessText(answersAt(levels).dump());
    EXPECT_EQ(medianOfOthers(r, 6), 1.5);
    EXPECT_TRUE(r.warnings.empty());
    levels["ict_infrastructure"] = Level::MostMature;
    r = assessText(answersAt(levels).dump());
    EXPECT_EQ(warningKinds(r, "ict_infrastructure"), std::vector<Warning::Kind>{Warning::Kind::Isolation});
}

TEST(MaturityWarnings, IsolationNeedsFourOtherCharacteristicsAssessed) {
    const Assessment r = assessText(answersAt({{"strategy", Level::NotInvolved}, {"governance", Level::NotInvolved},
                                              {"financing", Level::NotInvolved}, {"ict_infrastructure", Level::MostMature}})
                                        .dump());
    EXPECT_FALSE(medianOfOthers(r, 6));
    EXPECT_TRUE(r.warnings.empty());
}

TEST(MaturityAnswers, UnknownQuestionIdSuggestsTheClosest) {
    EXPECT_EQ(answersError(R"({"cityfin_maturity": 1, "answers": {"strategy.vision_lnked": true}})"),
              "answers[\"strategy.vision_lnked\"]: got \"strategy.vision_lnked\", expected a question id of the "
              "framework: did you mean \"strategy.vision_linked\"?");
}

TEST(MaturityAnswers, AnswerMustBeTrueFalseOrNull) {
    EXPECT_EQ(answersError(R"({"cityfin_maturity": 1, "answers": {"ict.city_cio": "yes"}})"),
              "answers[\"ict.city_cio\"]: got \"yes\", expected true, false or null (not answered)");
}

TEST(MaturityAnswers, UnknownTopLevelFieldSuggestsTheClosest) {
    EXPECT_NE(answersError(R"({"cityfin_maturity": 1, "answer": {}})").find("did you mean \"answers\"?"), std::string::npos);
}

TEST(MaturityAnswers, VersionAndAnswersAreRequired) {
    EXPECT_NE(answersError(R"({"answers": {}})").find("cityfin_maturity: got no value"), std::string::npos);
    EXPECT_NE(answersError(R"({"cityfin_maturity": 2, "answers": {}})").find("cityfin_maturity: got 2"), std::string::npos);
    EXPECT_NE(answersError(R"({"cityfin_maturity": 1})").find("answers: got no value"), std::string::npos);
    EXPECT_NE(answersError(R"({"cityfin_maturity": 1, "answers": []})").find("answers: got []"), std::string::npos);
}

TEST(MaturityAnswers, TargetsNameACharacteristicAndALevel) {
    EXPECT_EQ(answersError(R"({"cityfin_maturity": 1, "answers": {}, "targets": {"financng": "basic"}})"),
              "targets.financng: got \"financng\", expected a characteristic id: did you mean \"financing\"?");
    EXPECT_NE(answersError(R"({"cityfin_maturity": 1, "answers": {}, "targets": {"financing": "expert"}})")
                  .find("targets.financing: got \"expert\", expected one of"),
              std::string::npos);
}

TEST(MaturityAnswers, SyntaxErrorNamesLineAndColumn) {
    EXPECT_NE(answersError("{\"cityfin_maturity\": 1,\n \"answers\": {,}}").find("line 2"), std::string::npos);
}

TEST(MaturityAnswers, MissingFileIsAnInputError) {
    EXPECT_THROW(loadAnswersFile("/nonexistent/answers.json", framework()), cityfin::InputError);
}

TEST(MaturityAnswers, TemplateHasEveryQuestionUnanswered) {
    const std::string dir = std::string(std::getenv("CITYFIN_SOURCE_DIR")) + "/cases/maturity/";
    const Answers t = loadAnswersFile(dir + "template.json", framework());
    EXPECT_EQ(t.answers.size(), framework().checkIds().size());
    for (const auto& [id, answer] : t.answers) EXPECT_FALSE(answer) << id;
}

// The worked examples (cases/maturity/README.md): Zhangzhou shows both warnings, Pudong neither.
TEST(MaturityAnswers, WorkedExamplesGiveTheLevelsTheirReadmesState) {
    const std::string dir = std::string(std::getenv("CITYFIN_SOURCE_DIR")) + "/cases/maturity/";
    const Assessment z = assess(framework(), loadAnswersFile(dir + "zhangzhou.json", framework()));
    EXPECT_EQ(result(z, "ict_infrastructure").level, Level::Advanced);
    EXPECT_EQ(result(z, "governance").level, Level::General);
    EXPECT_FALSE(result(z, "value_assessment").level);
    EXPECT_EQ(warningKinds(z, "financing"), std::vector<Warning::Kind>{Warning::Kind::Leapfrogging});
    EXPECT_EQ(warningKinds(z, "ict_infrastructure"), std::vector<Warning::Kind>{Warning::Kind::Isolation});
    const Assessment p = assess(framework(), loadAnswersFile(dir + "pudong.json", framework()));
    EXPECT_EQ(result(p, "strategy").level, Level::Advanced);
    EXPECT_EQ(result(p, "stakeholders").level, Level::General);
    EXPECT_EQ(result(p, "legal_regulatory").level, Level::General);
    EXPECT_FALSE(result(p, "business_model").level);
    EXPECT_EQ(result(p, "business_model").reached, Level::Advanced);
    EXPECT_TRUE(p.warnings.empty());
}

TEST(MaturityJson, CarriesBothLanguagesAndCannotAssess) {
    const Assessment r = assessText(answersAt({{"financing", Level::General}}, {{"financing", "most_mature"}}).dump());
    const auto j = assessmentToJson(framework(), r, {});
    const auto& financing = j["characteristics"][3];
    EXPECT_EQ(financing["id"], "financing");
    EXPECT_EQ(financing["level"]["id"], "general");
    EXPECT_EQ(financing["level"]["name"]["zh"], "一般");
    EXPECT_EQ(financing["criterion"]["zh"], "适当的筹集资金计划，以将一些试点项目扩展到全面部署。");
    EXPECT_EQ(financing["next_step"]["level"]["id"], "advanced");
    EXPECT_EQ(financing["target"], "most_mature");
    EXPECT_EQ(j["characteristics"][0]["level"]["id"], "cannot_assess");
    EXPECT_EQ(j["warnings"][0]["kind"], "leapfrogging");
    EXPECT_FALSE(financing.contains("suggestion"));
}

// zhangzhou-city-wifi: four structures, all feasible for the city, outcomes in two categories
// (social, cultural) and a risk register, no Plan B.
TEST(MaturitySuggestions, BundledCaseSuggestsFromItsEvaluation) {
    const auto s = suggestFromCase(loadCaseFile(casePath("zhangzhou-city-wifi")));
    ASSERT_EQ(s.size(), 3u);
    EXPECT_EQ(suggestion(s, "financing").level, Level::General);
    EXPECT_NE(suggestion(s, "financing").reason.en.find("No Plan B backs it"), std::string::npos);
    EXPECT_EQ(suggestion(s, "value_assessment").level, Level::Advanced);
    EXPECT_NE(suggestion(s, "value_assessment").reason.en.find("with a risk analysis"), std::string::npos);
    EXPECT_EQ(suggestion(s, "business_model").level, Level::Advanced);
    EXPECT_NE(suggestion(s, "business_model").reason.en.find("Revenue sharing"), std::string::npos);
}

TEST(MaturitySuggestions, OneBudgetFundedStructureWithoutOutcomesIsBasic) {
    Case c = loadCaseFile(casePath("zhangzhou-city-wifi"));
    std::erase_if(c.structures, [](const Structure& st) { return !std::holds_alternative<TraditionalTerms>(st.terms); });
    ASSERT_EQ(c.structures.size(), 1u);
    c.outcomes.clear();
    const auto s = suggestFromCase(c);
    EXPECT_EQ(suggestion(s, "financing").level, Level::Basic);
    EXPECT_EQ(suggestion(s, "value_assessment").level, Level::Basic);
    EXPECT_EQ(suggestion(s, "business_model").level, Level::Basic);
}

TEST(MaturitySuggestions, PlanBAndRiskRegisterRaiseFinancingAndValueToAdvanced) {
    Case c = loadCaseFile(casePath("zhangzhou-city-wifi"));
    c.plans = Json::array({Json{{"id", "fallback"}}});
    c.risks = Json::array({Json{{"id", "demand"}}});
    const auto s = suggestFromCase(c);
    EXPECT_EQ(suggestion(s, "financing").level, Level::Advanced);
    EXPECT_EQ(suggestion(s, "value_assessment").level, Level::Advanced);
}
