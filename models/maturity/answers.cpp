#include "models/maturity/answers.hpp"

#include "finance/errors.hpp"
#include "models/case_json.hpp"

#include <fstream>
#include <sstream>
#include <vector>

namespace cityfin::models::maturity {
namespace {

using casejson::Json;

// "got \"strategy.vision_lnked\", expected a question id of the framework: did you mean ...?"
[[noreturn]] void unknownKey(const std::string& path, const std::string& key, std::span<const std::string_view> known,
                             const std::string& what) {
    std::string expected = what;
    if (auto suggestion = casejson::closestName(key, known)) expected += ": did you mean \"" + std::string(*suggestion) + "\"?";
    throw InputError(path, "\"" + key + "\"", expected);
}

} // namespace

std::optional<bool> Answers::answer(const std::string& checkId) const {
    const auto found = answers.find(checkId);
    return found == answers.end() ? std::nullopt : found->second;
}

Answers parseAnswers(std::string_view text, const Framework& framework) {
    const Json root = casejson::parseStrict(text);
    const casejson::Object o(root, "", {"cityfin_maturity", "city", "notes", "answers", "targets"});
    const casejson::WholeRange version{answersFormatVersion, answersFormatVersion, "1 (the answers format this build reads)"};
    if (!o.has("cityfin_maturity")) o.missing("cityfin_maturity", version.expected);
    o.whole("cityfin_maturity", version);
    Answers a;
    a.city = o.textOr("city", "");
    a.notes = o.textOr("notes", "");

    const std::vector<std::string_view> checkIds = framework.checkIds();
    if (!o.has("answers")) o.missing("answers", "an object of question id: true, false or null");
    const Json& answers = *o.find("answers");
    if (!answers.is_object()) casejson::fail("answers", answers, "an object of question id: true, false or null");
    for (const auto& [key, value] : answers.items()) {
        const std::string path = casejson::childPath("answers", key);
        if (std::find(checkIds.begin(), checkIds.end(), key) == checkIds.end())
            unknownKey(path, key, checkIds, "a question id of the framework");
        if (value.is_boolean()) a.answers[key] = value.get<bool>();
        else if (value.is_null()) a.answers[key] = std::nullopt;
        else casejson::fail(path, value, "true, false or null (not answered)");
    }

    if (const Json* targets = o.find("targets")) {
        if (!targets->is_object()) casejson::fail("targets", *targets, "an object of characteristic id: level id");
        std::vector<std::string_view> ids;
        for (const auto& c : framework.characteristics) ids.push_back(c.id);
        for (const auto& [key, value] : targets->items()) {
            const std::string path = casejson::childPath("targets", key);
            if (!framework.find(key)) unknownKey(path, key, ids, "a characteristic id");
            const auto level = value.is_string() ? levelFromId(value.get<std::string>()) : std::nullopt;
            if (!level) casejson::fail(path, value, "one of \"not_involved\", \"basic\", \"general\", \"advanced\", \"most_mature\"");
            a.targets[key] = *level;
        }
    }
    return a;
}

Answers loadAnswersFile(const std::string& path, const Framework& framework) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError("answers file", path, "a readable file");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw InputError("answers file", path, "a readable file");
    return parseAnswers(text.str(), framework);
}

} // namespace cityfin::models::maturity
