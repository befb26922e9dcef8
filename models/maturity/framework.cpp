#include "models/maturity/framework.hpp"

#include "finance/errors.hpp"
#include "models/case_json.hpp"

#include <set>

namespace cityfin::models::maturity {
namespace {

using casejson::Json;
using casejson::Object;

constexpr std::array<std::string_view, 5> kLevelIds{"not_involved", "basic", "general", "advanced", "most_mature"};

Text readText(const Object& parent, std::string_view key) {
    const Object o = parent.object(key, {"en", "zh", "quoted"});
    return Text{o.text("en"), o.text("zh")};
}

Text readTextAt(const Json& value, const std::string& path) {
    const Object o(value, path, {"en", "zh"});
    return Text{o.text("en"), o.text("zh")};
}

Characteristic readCharacteristic(const Json& value, const std::string& path, std::set<std::string>& checkIds) {
    const Object o(value, path, {"id", "name", "criteria_source", "criteria_quoted", "annex1", "levels"});
    Characteristic c;
    c.id = o.text("id");
    c.name = readText(o, "name");
    c.criteriaSource = o.text("criteria_source");
    c.criteriaQuoted = o.flagOr("criteria_quoted", true);
    casejson::forEachElement(o.array("annex1", "a list of the annex-1 questions", true), o.pathOf("annex1"),
                             [&](const Json& q, const std::string& qPath) { c.annex1.push_back(readTextAt(q, qPath)); });
    const Object levels = o.object("levels", {"basic", "general", "advanced", "most_mature"});
    for (Level level : kCriterionLevels) {
        const std::string_view id = levelId(level);
        if (!levels.has(id)) levels.missing(id, "the criteria of this level");
        const Object l = levels.object(id, {"criterion", "checks"});
        LevelCriteria& criteria = c.levels.at(levelRank(level) - 1);
        criteria.criterion = readText(l, "criterion");
        const Json& checks = l.array("checks", "at least one yes/no check", true);
        if (checks.empty()) casejson::fail(l.pathOf("checks"), checks, "at least one yes/no check");
        casejson::forEachElement(checks, l.pathOf("checks"), [&](const Json& q, const std::string& qPath) {
            const Object co(q, qPath, {"id", "en", "zh"});
            Check check{co.text("id"), Text{co.text("en"), co.text("zh")}};
            if (!checkIds.insert(check.id).second) casejson::fail(co.pathOf("id"), q["id"], "a check id used once");
            criteria.checks.push_back(std::move(check));
        });
    }
    return c;
}

} // namespace

std::string_view levelId(Level level) { return kLevelIds.at(static_cast<std::size_t>(levelRank(level))); }

std::optional<Level> levelFromId(std::string_view id) {
    for (std::size_t i = 0; i < kLevelIds.size(); ++i)
        if (kLevelIds[i] == id) return static_cast<Level>(i);
    return std::nullopt;
}

const Characteristic* Framework::find(std::string_view id) const {
    for (const auto& c : characteristics)
        if (c.id == id) return &c;
    return nullptr;
}

std::vector<std::string_view> Framework::checkIds() const {
    std::vector<std::string_view> ids;
    for (const auto& c : characteristics)
        for (const auto& level : c.levels)
            for (const auto& check : level.checks) ids.push_back(check.id);
    return ids;
}

Framework parseFramework(std::string_view text) {
    const Json root = casejson::parseStrict(text);
    const Object o(root, "", {"framework", "source", "levels", "cannot_assess", "not_involved_criterion", "characteristics"});
    Framework f;
    f.title = readText(o, "framework");
    f.source = o.text("source");
    const Json& levels = o.array("levels", "the five levels in order", true);
    if (levels.size() != kLevelIds.size()) casejson::fail(o.pathOf("levels"), levels, "the five levels in order");
    casejson::forEachElement(levels, o.pathOf("levels"), [&](const Json& l, const std::string& path) {
        const Object lo(l, path, {"id", "en", "zh"});
        const std::size_t i = static_cast<std::size_t>(&l - &levels[0]);
        if (lo.text("id") != kLevelIds.at(i)) casejson::fail(lo.pathOf("id"), l["id"], "\"" + std::string(kLevelIds[i]) + "\"");
        f.levelNames.at(i) = Text{lo.text("en"), lo.text("zh")};
    });
    f.cannotAssess = readText(o, "cannot_assess");
    f.notInvolvedCriterion = readText(o, "not_involved_criterion");
    std::set<std::string> checkIds, ids;
    casejson::forEachElement(o.array("characteristics", "the nine characteristics", true), o.pathOf("characteristics"),
                             [&](const Json& c, const std::string& path) {
                                 f.characteristics.push_back(readCharacteristic(c, path, checkIds));
                                 if (!ids.insert(f.characteristics.back().id).second)
                                     casejson::fail(path + ".id", c["id"], "a characteristic id used once");
                             });
    if (f.characteristics.empty()) casejson::fail(o.pathOf("characteristics"), root["characteristics"], "the nine characteristics");
    return f;
}

const Framework& builtinFramework() {
    static const Framework framework = parseFramework(builtinFrameworkText());
    return framework;
}

} // namespace cityfin::models::maturity
