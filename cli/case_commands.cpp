#include "cli/case_commands.hpp"

#include "cli/app.hpp"
#include "cli/case_tables.hpp"
#include "finance/errors.hpp"
#include "models/case_evaluation.hpp"
#include "models/case_file.hpp"
#include "models/evaluation_json.hpp"

#include <boost/program_options/options_description.hpp>
#include <boost/program_options/parsers.hpp>
#include <boost/program_options/positional_options.hpp>
#include <boost/program_options/variables_map.hpp>

#include <optional>

namespace po = boost::program_options;

namespace cityfin::cli {
namespace {

struct CaseArgs {
    std::string casePath;
    std::string format;
    po::variables_map values;
};

// Parses `<command> CASE [options]`; empty when --help was asked for (and printed).
std::optional<CaseArgs> parseCaseArgs(const std::string& command, const std::string& summary,
                                      const std::vector<std::string>& args, po::options_description options,
                                      const std::vector<std::string>& formats, std::ostream& out) {
    std::string formatHelp = formats.front() + " (default)";
    for (std::size_t i = 1; i < formats.size(); ++i) formatHelp += ", " + formats[i];
    options.add_options()("help", "show this help")("format", po::value<std::string>(), formatHelp.c_str())(
        "case", po::value<std::string>(), "the case file (JSON)");
    po::positional_options_description positional;
    positional.add("case", 1);
    const int style = po::command_line_style::unix_style ^ po::command_line_style::allow_short;
    CaseArgs parsed;
    po::store(po::command_line_parser(args).options(options).positional(positional).style(style).run(), parsed.values);
    if (parsed.values.count("help")) {
        out << "Usage: cityfin " << command << " CASE [options]\n" << summary << "\n\n" << options;
        return std::nullopt;
    }
    if (!parsed.values.count("case")) throw InputError("CASE", "nothing", "the path of a case file");
    parsed.casePath = parsed.values["case"].as<std::string>();
    parsed.format = parsed.values.count("format") ? parsed.values["format"].as<std::string>() : formats.front();
    if (std::find(formats.begin(), formats.end(), parsed.format) == formats.end())
        throw InputError("--format", "\"" + parsed.format + "\"", "one of " + formatHelp);
    return parsed;
}

std::string option(const CaseArgs& a, const std::string& name, const std::string& fallback) {
    return a.values.count(name) ? a.values[name].as<std::string>() : fallback;
}

} // namespace

int runValidate(const std::vector<std::string>& args, std::ostream& out, std::ostream&) {
    const auto a = parseCaseArgs("validate", "Checks a case file: every field, its type and range.", args,
                                 po::options_description("Options"), {"table", "json", "csv"}, out);
    if (!a) return Ok;
    const models::Case c = models::loadCaseFile(a->casePath);
    if (a->format == "json") {
        nlohmann::ordered_json j{{"case", a->casePath}, {"valid", true}, {"id", c.id}, {"structures", nlohmann::json::array()}};
        for (const auto& s : c.structures) j["structures"].push_back(s.id);
        out << j.dump(2) << "\n";
    } else if (a->format == "csv") {
        out << "case,id,valid,structures\n";
        std::string ids;
        for (const auto& s : c.structures) ids += (ids.empty() ? "" : " ") + s.id;
        out << csvField(a->casePath) << ',' << csvField(c.id) << ",true," << csvField(ids) << "\n";
    } else {
        out << a->casePath << ": valid. " << c.name << ", " << c.structures.size() << " structures:";
        for (const auto& s : c.structures) out << " " << s.id;
        out << "\n";
    }
    return Ok;
}

int runEvaluate(const std::vector<std::string>& args, std::ostream& out, std::ostream&) {
    po::options_description options("Options");
    options.add_options()("structure", po::value<std::string>(), "evaluate only the structure with this id");
    const auto a = parseCaseArgs("evaluate", "Evaluates the case's structures: ledgers per party and metrics.", args,
                                 options, {"table", "json", "csv"}, out);
    if (!a) return Ok;
    const models::Case c = models::loadCaseFile(a->casePath);
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
    options.add_options()("perspective", po::value<std::string>(), "city (default), investor or society");
    const auto a = parseCaseArgs("compare", "Compares the case's structures side by side and ranks them.", args,
                                 options, {"table", "json", "csv"}, out);
    if (!a) return Ok;
    const auto perspective = models::perspectiveFromId(option(*a, "perspective", "city"));
    const models::Case c = models::loadCaseFile(a->casePath);
    const auto evaluations = models::evaluateCase(c);
    const auto comparison = models::compareStructures(c.project, evaluations, perspective);
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
