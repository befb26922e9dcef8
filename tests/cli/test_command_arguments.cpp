// The option parsing shared by every `cityfin <command> INPUT [options]`.

#include "cli/command_arguments.hpp"
#include "finance/errors.hpp"

#include <boost/program_options/value_semantic.hpp>
#include <gtest/gtest.h>

#include <sstream>

using namespace cityfin::cli;
namespace po = boost::program_options;

namespace {

const CommandUsage kUsage{.command = "planb", .synopsis = "CASE [options]", .summary = "Evaluates the plans.",
                          .epilogue = "METRIC: equity_irr", .formats = {"table", "json"}};

po::options_description withPaths() {
    po::options_description options("Options");
    options.add_options()("paths", po::value<int>()->default_value(5000), "paths");
    return options;
}

std::string errorOf(const std::vector<std::string>& args, const CommandUsage& usage = kUsage) {
    std::ostringstream out;
    try {
        parseCommandArgs(usage, args, withPaths(), out);
    } catch (const cityfin::InputError& e) {
        return e.what();
    }
    return "no error";
}

} // namespace

TEST(CommandArguments, TheInputIsPositionalAndTheFirstFormatIsTheDefault) {
    std::ostringstream out;
    const auto a = parseCommandArgs(kUsage, {"case.json", "--paths", "20"}, withPaths(), out);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->input, "case.json");
    EXPECT_EQ(a->format, "table");
    EXPECT_EQ(a->values["paths"].as<int>(), 20);
    EXPECT_EQ(parseCommandArgs(kUsage, {"--format", "json", "case.json"}, withPaths(), out)->format, "json");
    EXPECT_TRUE(out.str().empty());
}

TEST(CommandArguments, HelpPrintsUsageOptionsAndEpilogueAndParsesNothing) {
    std::ostringstream out;
    EXPECT_FALSE(parseCommandArgs(kUsage, {"--help"}, withPaths(), out));
    const std::string help = out.str();
    EXPECT_EQ(help.rfind("Usage: cityfin planb CASE [options]\nEvaluates the plans.\n", 0), 0u) << help;
    EXPECT_NE(help.find("--paths"), std::string::npos);
    EXPECT_NE(help.find("table (default), json"), std::string::npos);
    EXPECT_EQ(help.substr(help.size() - 19), "METRIC: equity_irr\n");
}

TEST(CommandArguments, MissingInputAndUnknownFormatAreNamedWithWhatTheyTake) {
    EXPECT_EQ(errorOf({"--paths", "3"}), "CASE: got nothing, expected the path of a case file");
    EXPECT_EQ(errorOf({"case.json", "--format", "csv"}), "--format: got \"csv\", expected one of table, json");
    CommandUsage assess{.command = "assess", .input = "answers", .inputName = "ANSWERS",
                        .inputExpected = "the path of an answers file"};
    EXPECT_EQ(errorOf({}, assess), "ANSWERS: got nothing, expected the path of an answers file");
}

TEST(CommandArguments, ChoiceOfNamesTheOptionAndItsAllowedValues) {
    po::variables_map values;
    values.emplace("lang", po::variable_value(std::string("fr"), false));
    EXPECT_EQ(choiceOf(values, "missing", "en", {"en", "zh"}), "en");
    EXPECT_THROW(choiceOf(values, "lang", "en", {"en", "zh"}), cityfin::InputError);
}
