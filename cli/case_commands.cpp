#include "cli/case_commands.hpp"

#include "cli/app.hpp"
#include "cli/case_tables.hpp"
#include "cli/command_arguments.hpp"
#include "finance/errors.hpp"
#include "models/case_evaluation.hpp"
#include "models/case_file.hpp"
#include "models/evaluation_json.hpp"

#include <boost/program_options/options_description.hpp>

#include <optional>

namespace po = boost::program_options;

namespace cityfin::cli {

int runValidate(const std::vector<std::string>& args, std::ostream& out, std::ostream&) {
    const auto a = parseCommandArgs({.command = "validate", .synopsis = "CASE [options]",
                                     .summary = "Checks a case file: every field, its type and range."},
                                    args, po::options_description("Options"), out);
    if (!a) return Ok;
    const models::Case c = models::loadCaseFile(a->input);
    if (a->format == "json") {
        nlohmann::ordered_json j{{"case", a->input}, {"valid", true}, {"id", c.id}, {"structures", nlohmann::json::array()}};
        for (const auto& s : c.structures) j["structures"].push_back(s.id);
        out << j.dump(2) << "\n";
    } else if (a->format == "csv") {
        out << "case,id,valid,structures\n";
        std::string ids;
        for (const auto& s : c.structures) ids += (ids.empty() ? "" : " ") + s.id;
        out << csvField(a->input) << ',' << csvField(c.id) << ",true," << csvField(ids) << "\n";
    } else {
        out << a->input << ": valid. " << c.name << ", " << c.structures.size() << " structures:";
        for (const auto& s : c.structures) out << " " << s.id;
        out << "\n";
    }
    return Ok;
}

int runEvaluate(const std::vector<std::string>& args, std::ostream& out, std::ostream&) {
    po::options_description options("Options");
    options.add_options()("structure", po::value<std::string>(), "evaluate only the structure with this id");
    const auto a = parseCommandArgs({.command = "evaluate", .synopsis = "CASE [options]",
                                     .summary = "Evaluates the case's structures: ledgers per party and metrics."},
                                    args, options, out);
    if (!a) return Ok;
    const models::Case c = models::loadCaseFile(a->input);
    std::vector<models::Structure> chosen = c.structures;
    if (a->values.count("structure")) {
        const std::string id = a->values["structure"].as<std::string>();
        std::erase_if(chosen, [&](const models::Structure& s) { return s.id != id; });
        if (chosen.empty()) {
            std::string ids;
            for (const auto& s : c.structures) ids += (ids.empty() ? "" : ", ") + s.id;
            throw InputError("--structure", "\"" + id + "\"", "the id of a structure of the case: " + ids);
        }
    }
    const auto evaluations = models::evaluateCase(c, chosen);
    if (a->format == "json") {
        nlohmann::ordered_json j{{"case", c.id}, {"name", c.name}, {"currency", c.project.currency}};
        j["evaluations"] = nlohmann::ordered_json::array();
        for (const auto& e : evaluations) j["evaluations"].push_back(models::evaluationToJson(e));
        out << j.dump(2) << "\n";
    } else if (a->format == "csv") {
        writeLedgerCsv(evaluations, out);
    } else {
        for (std::size_t i = 0; i < evaluations.size(); ++i) {
            if (i) out << "\n";
            writeEvaluationTable(c, evaluations[i], out);
        }
    }
    return Ok;
}

int runCompare(const std::vector<std::string>& args, std::ostream& out, std::ostream&) {
    po::options_description options("Options");
    options.add_options()("perspective", po::value<std::string>(), "city (default), investor or society")(
        "lang", po::value<std::string>(), "language of the reasons: en (default) or zh");
    const auto a = parseCommandArgs({.command = "compare", .synopsis = "CASE [options]",
                                     .summary = "Compares the case's structures side by side and ranks them."},
                                    args, options, out);
    if (!a) return Ok;
    const auto perspective = models::perspectiveFromId(optionOr(*a, "perspective", "city"));
    const models::Case c = models::loadCaseFile(a->input);
    const auto evaluations = models::evaluateCase(c);
    const auto comparison =
        models::compareStructures(c.project, evaluations, perspective, choiceOf(a->values, "lang", "en", {"en", "zh"}));
    if (a->format == "json") {
        nlohmann::ordered_json j{{"case", c.id}, {"name", c.name}, {"currency", c.project.currency}};
        j["comparison"] = models::comparisonToJson(comparison, evaluations);
        j["evaluations"] = nlohmann::ordered_json::array();
        for (const auto& e : evaluations) j["evaluations"].push_back(models::evaluationToJson(e));
        out << j.dump(2) << "\n";
    } else if (a->format == "csv") {
        writeComparisonCsv(comparison, evaluations, out);
    } else {
        writeComparisonTable(c, comparison, evaluations, out);
    }
    return Ok;
}

} // namespace cityfin::cli
