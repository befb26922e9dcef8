#include "report/report_command.hpp"

#include "finance/errors.hpp"
#include "models/case_file.hpp"
#include "report/report.hpp"

#include <boost/program_options/options_description.hpp>
#include <boost/program_options/parsers.hpp>
#include <boost/program_options/positional_options.hpp>
#include <boost/program_options/variables_map.hpp>

#include <unistd.h>

#include <iostream>

namespace po = boost::program_options;

namespace cityfin::report {

int runReport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    po::options_description options("Options");
    options.add_options()("help", "show this help")("out", po::value<std::string>(), "the folder to write into (created if missing)")(
        "dpi", po::value<int>()->default_value(150), "resolution of the PNG images (72 to 600)")(
        "paths", po::value<int>()->default_value(2000), "Monte Carlo paths for the risk part (cases with a risk register)")(
        "seed", po::value<unsigned>()->default_value(1), "seed of the Monte Carlo")(
        "threads", po::value<unsigned>()->default_value(0), "threads for the Monte Carlo (0 = every core)")(
        "maturity", po::value<std::string>(), "a maturity answers file (as for cityfin assess): adds the maturity ladder")(
        "case", po::value<std::string>(), "the case file (JSON)");
    po::positional_options_description positional;
    positional.add("case", 1);
    const int style = po::command_line_style::unix_style ^ po::command_line_style::allow_short;
    po::variables_map values;
    po::store(po::command_line_parser(args).options(options).positional(positional).style(style).run(), values);
    if (values.count("help")) {
        out << "Usage: cityfin report CASE --out DIR [options]\n"
               "Writes DIR/<case-id>.xlsx (inputs, ledgers, live NPV/IRR formulas, risk, sensitivity, social return),\n"
               "every chart as PNG and PDF in DIR/charts/, and the one-page summary DIR/<case-id>.html with the\n"
               "comparison, the Plan B verdict and the risk figures. Same seed, same figures.\n\n"
            << options;
        return 0;
    }
    if (!values.count("case")) throw InputError("CASE", "nothing", "the path of a case file");
    if (!values.count("out")) throw InputError("--out", "nothing", "the folder to write the report into");
    const int dpi = values["dpi"].as<int>();
    if (dpi < 72 || dpi > 600) throw InputError("--dpi", std::to_string(dpi), "a resolution from 72 to 600");
    const int paths = values["paths"].as<int>();
    if (paths < 1 || paths > 1000000) throw InputError("--paths", std::to_string(paths), "from 1 to 1000000 scenarios");
    const auto c = models::loadCaseFile(values["case"].as<std::string>());
    ReportOptions report{values["out"].as<std::string>(), dpi, nullptr, {}};
    report.analysis.paths = static_cast<std::size_t>(paths);
    report.analysis.seed = values["seed"].as<unsigned>();
    report.analysis.threads = values["threads"].as<unsigned>();
    if (values.count("maturity")) report.analysis.maturityAnswers = values["maturity"].as<std::string>();
    // A progress line only on a terminal, so pipes and logs stay clean.
    if (&err == &std::cerr && isatty(STDERR_FILENO)) report.progress = &err;
    const auto files = writeReport(c, report);
    out << "workbook  " << files.workbook << "\n"
        << "summary   " << files.summary << "\n"
        << "charts    " << files.images.size() / 2 << " figures as PNG and PDF in "
        << values["out"].as<std::string>() << "/charts\n";
    for (const auto& note : files.notes)
        if (note.rfind("Sign convention", 0) != 0) out << "note      " << note << "\n";
    return 0;
}

} // namespace cityfin::report
