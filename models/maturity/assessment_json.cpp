#include "models/maturity/assessment_json.hpp"

namespace cityfin::models::maturity {
namespace {

using Json = nlohmann::ordered_json;

Json text(const Text& t) { return Json{{"en", t.en}, {"zh", t.zh}}; }

Json checks(const std::vector<const Check*>& list) {
    Json out = Json::array();
    for (const Check* c : list) out.push_back(Json{{"id", c->id}, {"question", text(c->question)}});
    return out;
}

Json levelJson(const Framework& f, std::optional<Level> level) {
    if (!level) return Json{{"id", "cannot_assess"}, {"name", text(f.cannotAssess)}};
    return Json{{"id", levelId(*level)}, {"name", text(f.levelNames.at(static_cast<std::size_t>(levelRank(*level))))}};
}

} // namespace

const Suggestion* suggestionFor(const std::vector<Suggestion>& suggestions, const std::string& characteristic) {
    for (const auto& s : suggestions)
        if (s.characteristic == characteristic) return &s;
    return nullptr;
}

Json assessmentToJson(const Framework& f, const Assessment& a, const std::vector<Suggestion>& suggestions) {
    Json out;
    out["city"] = a.city;
    out["framework"] = text(f.title);
    Json list = Json::array();
    for (const auto& r : a.characteristics) {
        const Characteristic& c = *r.characteristic;
        Json j;
        j["id"] = c.id;
        j["name"] = text(c.name);
        j["level"] = levelJson(f, r.level);
        j["reached"] = levelId(r.reached);
        j["criterion"] = text(r.criterion);
        j["criteria_source"] = c.criteriaSource;
        j["criteria_quoted"] = c.criteriaQuoted && r.reached != Level::NotInvolved;
        j["failed"] = checks(r.failed);
        j["open"] = checks(r.open);
        j["target"] = r.target ? Json(levelId(*r.target)) : Json();
        if (r.nextLevel)
            j["next_step"] = Json{{"level", levelJson(f, r.nextLevel)},
                                  {"criterion", text(c.criteria(*r.nextLevel).criterion)},
                                  {"checks", checks(r.nextSteps)}};
        else
            j["next_step"] = nullptr;
        if (const Suggestion* s = suggestionFor(suggestions, c.id))
            j["suggestion"] = Json{{"level", levelJson(f, s->level)}, {"reason", text(s->reason)}};
        list.push_back(std::move(j));
    }
    out["characteristics"] = std::move(list);
    Json warnings = Json::array();
    for (const auto& w : a.warnings)
        warnings.push_back(Json{{"kind", warningKindId(w.kind)}, {"characteristic", w.characteristic}, {"text", text(w.text)}});
    out["warnings"] = std::move(warnings);
    out["unanswered"] = a.unanswered;
    return out;
}

} // namespace cityfin::models::maturity
