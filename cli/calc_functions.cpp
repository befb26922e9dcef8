#include "cli/calc_functions.hpp"

#include "finance/errors.hpp"
#include "finance/metrics.hpp"
#include "finance/dates.hpp"
#include "finance/textparse.hpp"

namespace cityfin::cli {
namespace {

using finance::Answer;

const CalcOption kRate{"rate", "discount rate per period, decimal (0.08 = 8%)"};
const CalcOption kGuess{"guess", "starting rate for the root search (default 0.1)"};

Figure answerFigure(const std::string& key, const std::string& label, const Answer& answer,
                    FigureKind kind, CalcReport& report) {
    if (!answer.value) report.reason = answer.reason;
    report.warnings.insert(report.warnings.end(), answer.warnings.begin(), answer.warnings.end());
    return Figure{key, label, answer.value, kind};
}

std::vector<std::string> isoDates(const std::vector<QuantLib::Date>& dates) {
    std::vector<std::string> out;
    for (const auto& date : dates) out.push_back(finance::isoDate(date));
    return out;
}

CalcReport npvReport(const CalcArguments& args) {
    const std::string convention = args.choice("convention", {"t0", "spreadsheet"}, "t0");
    const double rate = args.number("rate");
    CalcReport report{"npv"};
    report.inputs = {{"rate", rate}, {"convention", convention}, {"flows", args.flows()}};
    const auto kind = convention == "t0" ? finance::NpvConvention::FirstFlowAtT0
                                         : finance::NpvConvention::Spreadsheet;
    const std::string label = convention == "t0" ? "NPV (first flow at t0, undiscounted)"
                                                 : "NPV (spreadsheet NPV(): first flow discounted one period)";
    report.figures.push_back({"npv", label, finance::npv(rate, args.flows(), kind), FigureKind::Money});
    return report;
}

CalcReport irrReport(const CalcArguments& args) {
    const double guess = args.number("guess", 0.1);
    const double financeRate = args.number("finance-rate", 0.1);
    const double reinvestRate = args.number("reinvest-rate", 0.1);
    CalcReport report{"irr"};
    report.inputs = {{"guess", guess}, {"flows", args.flows()}};
    const Answer irr = finance::irr(args.flows(), guess);
    report.figures.push_back(answerFigure("irr", "IRR", irr, FigureKind::Rate, report));
    if (!irr.warnings.empty()) {  // several sign changes: MIRR is read beside the IRR
        report.inputs["finance_rate"] = financeRate;
        report.inputs["reinvest_rate"] = reinvestRate;
        const Answer mirr = finance::mirr(args.flows(), financeRate, reinvestRate);
        report.figures.push_back({"mirr", "MIRR (finance " + std::to_string(financeRate) + ", reinvest " +
                                              std::to_string(reinvestRate) + ")",
                                  mirr.value, FigureKind::Rate});
    }
    return report;
}

CalcReport mirrReport(const CalcArguments& args) {
    const double financeRate = args.number("finance-rate");
    const double reinvestRate = args.number("reinvest-rate");
    CalcReport report{"mirr"};
    report.inputs = {{"finance_rate", financeRate}, {"reinvest_rate", reinvestRate}, {"flows", args.flows()}};
    report.figures.push_back(answerFigure(
        "mirr", "MIRR", finance::mirr(args.flows(), financeRate, reinvestRate), FigureKind::Rate, report));
    return report;
}

CalcReport xnpvReport(const CalcArguments& args) {
    const double rate = args.number("rate");
    const auto dates = args.dates("dates");
    CalcReport report{"xnpv"};
    report.inputs = {{"rate", rate}, {"dates", isoDates(dates)}, {"flows", args.flows()}};
    report.figures.push_back({"xnpv", "XNPV (actual days / 365)", finance::xnpv(rate, args.flows(), dates),
                              FigureKind::Money});
    return report;
}

CalcReport xirrReport(const CalcArguments& args) {
    const double guess = args.number("guess", 0.1);
    const auto dates = args.dates("dates");
    CalcReport report{"xirr"};
    report.inputs = {{"guess", guess}, {"dates", isoDates(dates)}, {"flows", args.flows()}};
    report.figures.push_back(answerFigure("xirr", "XIRR (actual days / 365)",
                                          finance::xirr(args.flows(), dates, guess), FigureKind::Rate, report));
    return report;
}

CalcReport paybackReport(const CalcArguments& args) {
    CalcReport report{"payback"};
    report.inputs["flows"] = args.flows();
    if (args.has("rate")) {
        const double rate = args.number("rate");
        report.inputs["rate"] = rate;
        report.figures.push_back(answerFigure("discounted_payback", "Discounted payback",
                                              finance::discountedPayback(args.flows(), rate),
                                              FigureKind::Periods, report));
    } else {
        report.figures.push_back(answerFigure("payback", "Payback", finance::payback(args.flows()),
                                              FigureKind::Periods, report));
    }
    return report;
}

CalcReport piReport(const CalcArguments& args) {
    const double rate = args.number("rate");
    CalcReport report{"pi"};
    report.inputs = {{"rate", rate}, {"flows", args.flows()}};
    report.figures.push_back(answerFigure("profitability_index", "Profitability index",
                                          finance::profitabilityIndex(rate, args.flows()),
                                          FigureKind::Ratio, report));
    return report;
}

} // namespace

const std::vector<CalcFunction>& calcFunctions() {
    const std::vector<CalcOption> annuityOptions = {
        {"rate", "interest rate per period, decimal"}, {"nper", "number of periods"},
        {"pv", "present value (a loan received is positive)"}, {"fv", "future value (default 0)"},
        {"when", "payments at period end or begin (default end)"}};
    std::vector<CalcOption> perOptions = annuityOptions;
    perOptions.push_back({"per", "the period, 1 to nper"});
    static const std::vector<CalcFunction> functions = {
        {"npv", "npv --rate R [--convention t0|spreadsheet] -- FLOWS", "net present value", {kRate,
         {"convention", "t0: first flow undiscounted (default); spreadsheet: as NPV(), first flow discounted"}},
         true, npvReport},
        {"irr", "irr [--guess G] -- FLOWS", "internal rate of return per period", {kGuess,
         {"finance-rate", "for the MIRR shown when flows change sign several times (default 0.1)"},
         {"reinvest-rate", "for the MIRR shown when flows change sign several times (default 0.1)"}},
         true, irrReport},
        {"mirr", "mirr --finance-rate F --reinvest-rate R -- FLOWS", "modified IRR",
         {{"finance-rate", "rate paid on the negative flows"}, {"reinvest-rate", "rate earned on the positive flows"}},
         true, mirrReport},
        {"xnpv", "xnpv --rate R --dates D1,D2,... -- FLOWS", "NPV of dated flows (actual/365)",
         {{"rate", "annual discount rate, decimal"}, {"dates", "comma-separated dates YYYY-MM-DD, one per flow"}},
         true, xnpvReport},
        {"xirr", "xirr --dates D1,D2,... [--guess G] -- FLOWS", "IRR of dated flows (actual/365)",
         {{"dates", "comma-separated dates YYYY-MM-DD, one per flow"}, kGuess}, true, xirrReport},
        {"payback", "payback [--rate R] -- FLOWS", "payback period, discounted when --rate is given",
         {{"rate", "discount rate per period for the discounted payback"}}, true, paybackReport},
        {"pi", "pi --rate R -- FLOWS", "profitability index: PV of inflows / PV of outflows", {kRate}, true,
         piReport},
        {"pmt", "pmt --rate R --nper N --pv PV [--fv FV] [--when end|begin]", "level payment of an annuity",
         annuityOptions, false, [](const CalcArguments& a) { return annuityReport("pmt", a); }},
        {"ipmt", "ipmt --rate R --per P --nper N --pv PV [--fv FV] [--when end|begin]",
         "interest part of payment P", perOptions, false,
         [](const CalcArguments& a) { return annuityReport("ipmt", a); }},
        {"ppmt", "ppmt --rate R --per P --nper N --pv PV [--fv FV] [--when end|begin]",
         "principal part of payment P", perOptions, false,
         [](const CalcArguments& a) { return annuityReport("ppmt", a); }},
        {"bond",
         "bond --settlement D --maturity D --coupon C (--yield Y | --price P) [--frequency 2] "
         "[--day-count 30/360|act/act|act/365|act/360|30e/360] [--redemption 100]",
         "fixed-rate bond: price, yield, durations, convexity, BPV",
         {{"settlement", "settlement date YYYY-MM-DD"}, {"maturity", "maturity date YYYY-MM-DD"},
          {"coupon", "annual coupon rate, decimal"}, {"yield", "yield to maturity, decimal"},
          {"price", "clean price per 100 of face"}, {"frequency", "coupons per year: 1, 2, 4 or 12 (default 2)"},
          {"day-count", "30/360 (default), act/act, act/365, act/360 or 30e/360"},
          {"redemption", "paid at maturity per 100 of face (default 100)"}},
         false, bondReport},
    };
    return functions;
}

} // namespace cityfin::cli
