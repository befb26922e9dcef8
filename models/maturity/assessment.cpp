#include "models/maturity/assessment.hpp"

#include "models/number_format.hpp"

#include <algorithm>

namespace cityfin::models::maturity {
namespace {

// Climbs the ladder: a level is reached when every check of it and of every level below is yes.
// At the first level not reached, one "no" decides (the level below is the answer); otherwise an
// open question leaves the level undecided (cannot assess), as the seed's table 3 does for cities
// that "did not provide sufficient information".
CharacteristicAssessment assessOne(const Framework& framework, const Characteristic& c, const Answers& answers) {
    CharacteristicAssessment r;
    r.characteristic = &c;
    r.reached = Level::NotInvolved;
    bool decided = true;
    for (Level level : kCriterionLevels) {
        for (const auto& check : c.criteria(level).checks) {
            const auto answer = answers.answer(check.id);
            if (!answer) r.open.push_back(&check);
            else if (!*answer) r.failed.push_back(&check);
        }
        if (r.failed.empty() && r.open.empty()) {
            r.reached = level;
            continue;
        }
        decided = !r.failed.empty();
        break;
    }
    if (decided) r.level = r.reached;
    r.criterion = r.reached == Level::NotInvolved ? framework.notInvolvedCriterion : c.criteria(r.reached).criterion;
    if (r.reached != Level::MostMature) {
        r.nextLevel = static_cast<Level>(levelRank(r.reached) + 1);
        for (const auto& check : c.criteria(*r.nextLevel).checks)
            if (answers.answer(check.id) != true) r.nextSteps.push_back(&check);
    }
    if (const auto t = answers.targets.find(c.id); t != answers.targets.end()) r.target = t->second;
    return r;
}

std::string levelsText(const Framework& f, Level level, bool zh) {
    const Text& name = f.levelNames.at(static_cast<std::size_t>(levelRank(level)));
    return zh ? "“" + name.zh + "”" : "'" + name.en + "'";
}

} // namespace

std::string_view warningKindId(Warning::Kind kind) {
    return kind == Warning::Kind::Leapfrogging ? "leapfrogging" : "isolation";
}

std::optional<double> medianOfOthers(const Assessment& assessment, std::size_t except) {
    std::vector<int> levels;
    for (std::size_t i = 0; i < assessment.characteristics.size(); ++i)
        if (i != except && assessment.characteristics[i].level) levels.push_back(levelRank(*assessment.characteristics[i].level));
    if (levels.size() < kIsolationMinOthers) return std::nullopt;
    std::sort(levels.begin(), levels.end());
    const std::size_t n = levels.size();
    return n % 2 == 1 ? levels[n / 2] : (levels[n / 2 - 1] + levels[n / 2]) / 2.0;
}

Assessment assess(const Framework& framework, const Answers& answers) {
    Assessment a;
    a.city = answers.city;
    for (const auto& c : framework.characteristics) a.characteristics.push_back(assessOne(framework, c, answers));
    for (const auto id : framework.checkIds())
        if (!answers.answer(std::string(id))) a.unanswered.emplace_back(id);

    // No leapfrogging (section 6, first principle): plan one rung at a time.
    for (const auto& r : a.characteristics) {
        if (!r.level || !r.target || levelRank(*r.target) - levelRank(*r.level) <= kLeapfrogMaxStep) continue;
        const Text& name = r.characteristic->name;
        a.warnings.push_back({Warning::Kind::Leapfrogging, r.characteristic->id,
                              Text{name.en + ": the target " + levelsText(framework, *r.target, false) + " is " +
                                       std::to_string(levelRank(*r.target) - levelRank(*r.level)) +
                                       " levels above the current " + levelsText(framework, *r.level, false) +
                                       "; the ladder advises one level at a time (no leapfrogging, section 6).",
                                   name.zh + "：目标" + levelsText(framework, *r.target, true) + "比当前的" +
                                       levelsText(framework, *r.level, true) + "高出 " +
                                       std::to_string(levelRank(*r.target) - levelRank(*r.level)) +
                                       " 级；阶梯路线图建议逐级推进（不冒进，第六章）。"}});
    }
    // No isolation (section 6, second principle): one characteristic far above the others.
    for (std::size_t i = 0; i < a.characteristics.size(); ++i) {
        const auto& r = a.characteristics[i];
        const auto median = medianOfOthers(a, i);
        if (!r.level || !median || levelRank(*r.level) - *median < kIsolationGap) continue;
        const Text& name = r.characteristic->name;
        const std::string m = formatFixed(*median, 1);
        a.warnings.push_back({Warning::Kind::Isolation, r.characteristic->id,
                              Text{name.en + " is " + levelsText(framework, *r.level, false) +
                                       ", two or more levels above the median of the other characteristics (" + m +
                                       "); advance the others with it (no isolation, section 6).",
                                   name.zh + "处于" + levelsText(framework, *r.level, true) +
                                       "，比其他特征的中位数（" + m + "）高出两级或以上；应同时推进其他特征（不孤立推进，第六章）。"}});
    }
    return a;
}

} // namespace cityfin::models::maturity
