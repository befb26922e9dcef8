#include "cli/assess_command.hpp"

#include "cli/app.hpp"
#include "cli/case_tables.hpp"
#include "cli/command_arguments.hpp"
#include "finance/errors.hpp"
#include "models/case_file.hpp"
#include "models/maturity/assessment.hpp"
#include "models/maturity/assessment_json.hpp"
#include "models/maturity/case_suggestion.hpp"

#include <boost/program_options/options_description.hpp>
#include <boost/program_options/variables_map.hpp>

namespace po = boost::program_options;
namespace mat = cityfin::models::maturity;

namespace cityfin::cli {
namespace {

const std::string& levelName(const mat::Framework& f, std::optional<mat::Level> level, const std::string& lang) {
    return level ? f.levelNames.at(static_cast<std::size_t>(mat::levelRank(*level))).in(lang) : f.cannotAssess.in(lang);
}

std::string checkList(const std::vector<const mat::Check*>& checks) {
    std::string out;
    for (const auto* c : checks) out += (out.empty() ? "" : " ") + c->id;
    return out;
}

void writeTable(const mat::Framework& f, const mat::Assessment& a, const std::vector<mat::Suggestion>& suggestions,
                const std::string& lang, std::ostream& out) {
    const bool zh = lang == "zh";
    out << f.title.in(lang) << (a.city.empty() ? "" : " — " + a.city) << "\n";
    for (const auto& r : a.characteristics) {
        const mat::Characteristic& c = *r.characteristic;
        out << "\n" << c.name.in(lang) << (zh ? "：" : ": ") << levelName(f, r.level, lang);
        if (!r.level) out << (zh ? "（至少" : " (at least ") << levelName(f, r.reached, lang) << (zh ? "）" : ")");
        if (r.target) out << (zh ? "  目标：" : "  target: ") << levelName(f, r.target, lang);
        out << "\n  " << (zh ? "依据：" : "decided by: ") << r.criterion.in(lang) << "\n";
        if (!r.failed.empty()) out << "  " << (zh ? "未满足：" : "not met: ") << checkList(r.failed) << "\n";
        if (!r.open.empty()) out << "  " << (zh ? "未回答：" : "not answered: ") << checkList(r.open) << "\n";
        if (r.nextLevel)
            out << "  " << (zh ? "下一步（" : "next step (") << levelName(f, r.nextLevel, lang) << (zh ? "）：" : "): ")
                << c.criteria(*r.nextLevel).criterion.in(lang) << "\n";
        if (const auto* s = mat::suggestionFor(suggestions, c.id))
            out << "  " << (zh ? "案例建议：" : "case suggests: ") << levelName(f, s->level, lang) << " — "
                << s->reason.in(lang) << "\n";
    }
    out << "\n" << (zh ? "警告：" : "Warnings:") << (a.warnings.empty() ? (zh ? "无" : " none") : "") << "\n";
    for (const auto& w : a.warnings) out << "  [" << mat::warningKindId(w.kind) << "] " << w.text.in(lang) << "\n";
    out << (zh ? "未回答的问题：" : "Questions not answered: ") << a.unanswered.size() << "\n";
}

void writeCsv(const mat::Assessment& a, const std::vector<mat::Suggestion>& suggestions,
              const std::string& lang, std::ostream& out) {
    out << "characteristic,level,reached,target,suggested,criterion,not_met,not_answered,next_level,next_checks\n";
    for (const auto& r : a.characteristics) {
        const auto* s = mat::suggestionFor(suggestions, r.characteristic->id);
        out << r.characteristic->id << ',' << (r.level ? mat::levelId(*r.level) : "cannot_assess") << ','
            << mat::levelId(r.reached) << ',' << (r.target ? mat::levelId(*r.target) : "") << ','
            << (s ? mat::levelId(s->level) : "") << ',' << csvField(r.criterion.in(lang)) << ','
            << csvField(checkList(r.failed)) << ',' << csvField(checkList(r.open)) << ','
            << (r.nextLevel ? mat::levelId(*r.nextLevel) : "") << ',' << csvField(checkList(r.nextSteps)) << "\n";
    }
}

} // namespace

int runAssess(const std::vector<std::string>& args, std::ostream& out, std::ostream&) {
    po::options_description options("Options");
    options.add_options()(
        "lang", po::value<std::string>(), "en (default) or zh: the language of table and CSV texts (JSON has both)")(
        "case", po::value<std::string>(), "a case file: suggest the financing, value-assessment and business-model levels "
                                          "from its evaluated results");
    const auto a = parseCommandArgs({.command = "assess", .synopsis = "ANSWERS [options]",
                                     .summary = "Gives the maturity level of each of the nine characteristics of the seed's framework "
                                     "(annexes 1-2)\nfrom a city's answers, the criterion that decided it, the next step, and "
                                     "the ladder's warnings.",
                                     .input = "answers", .inputName = "ANSWERS",
                                     .inputExpected = "the path of an answers file", .inputHelp = "the answers file (JSON)"},
                                    args, options, out);
    if (!a) return Ok;
    const po::variables_map& values = a->values;
    const std::string& format = a->format;
    const std::string lang = choiceOf(values, "lang", "en", {"en", "zh"});
    const mat::Framework& framework = mat::builtinFramework();
    const mat::Answers answers = mat::loadAnswersFile(a->input, framework);
    std::vector<mat::Suggestion> suggestions;
    if (values.count("case")) suggestions = mat::suggestFromCase(models::loadCaseFile(values["case"].as<std::string>()));
    const mat::Assessment assessment = mat::assess(framework, answers);
    if (format == "json") out << mat::assessmentToJson(framework, assessment, suggestions).dump(2) << "\n";
    else if (format == "csv") writeCsv(assessment, suggestions, lang, out);
    else writeTable(framework, assessment, suggestions, lang, out);
    return Ok;
}

} // namespace cityfin::cli
