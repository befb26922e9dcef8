#include "cli/calc_functions.hpp"

#include "finance/bond.hpp"
#include "finance/errors.hpp"
#include "finance/metrics.hpp"
#include "finance/dates.hpp"
#include "finance/textparse.hpp"

namespace cityfin::cli {
namespace {

finance::BondDayCount bondDayCount(const std::string& name) {
    if (name == "act/act") return finance::BondDayCount::ActualActual;
    if (name == "act/365") return finance::BondDayCount::Actual365Fixed;
    if (name == "act/360") return finance::BondDayCount::Actual360;
    if (name == "30e/360") return finance::BondDayCount::Thirty360European;
    return finance::BondDayCount::Thirty360US;
}

} // namespace

CalcReport annuityReport(const std::string& function, const CalcArguments& args) {
    const double rate = args.number("rate");
    const int nper = args.integer("nper");
    const double pv = args.number("pv");
    const double fv = args.number("fv", 0.0);
    const std::string when = args.choice("when", {"end", "begin"}, "end");
    const auto timing = when == "end" ? finance::PaymentTiming::End : finance::PaymentTiming::Begin;
    CalcReport report{function};
    report.inputs = {{"rate", rate}};
    if (function != "pmt") report.inputs["per"] = args.integer("per");
    report.inputs.update({{"nper", nper}, {"pv", pv}, {"fv", fv}, {"when", when}});
    if (function == "pmt") {
        report.figures.push_back({"pmt", "Payment per period", finance::pmt(rate, nper, pv, fv, timing),
                                  FigureKind::Money});
    } else {
        const int per = args.integer("per");
        const bool interest = function == "ipmt";
        const double value = interest ? finance::ipmt(rate, per, nper, pv, fv, timing)
                                      : finance::ppmt(rate, per, nper, pv, fv, timing);
        report.figures.push_back({function, std::string(interest ? "Interest" : "Principal") +
                                                " in payment " + std::to_string(per),
                                  value, FigureKind::Money});
    }
    return report;
}

CalcReport bondReport(const CalcArguments& args) {
    finance::BondSpec spec;
    spec.settlement = args.date("settlement");
    spec.maturity = args.date("maturity");
    spec.couponRate = args.number("coupon");
    spec.frequency = args.has("frequency") ? args.integer("frequency") : 2;
    const std::string dayCount =
        args.choice("day-count", {"30/360", "act/act", "act/365", "act/360", "30e/360"}, "30/360");
    spec.dayCount = bondDayCount(dayCount);
    spec.redemption = args.number("redemption", 100.0);
    if (args.has("yield") == args.has("price"))
        throw InputError("--yield/--price", args.has("yield") ? "both" : "neither", "exactly one of the two");

    CalcReport report{"bond"};
    report.inputs = {{"settlement", finance::isoDate(spec.settlement)}, {"maturity", finance::isoDate(spec.maturity)},
                     {"coupon", spec.couponRate}, {"frequency", spec.frequency},
                     {"day_count", dayCount}, {"redemption", spec.redemption}};
    finance::BondFigures figures;
    if (args.has("yield")) {
        report.inputs["yield"] = args.number("yield");
        figures = finance::bondFromYield(spec, args.number("yield"));
    } else {
        report.inputs["price"] = args.number("price");
        figures = finance::bondFromCleanPrice(spec, args.number("price"));
    }
    report.resultIsObject = true;
    report.figures = {
        {"clean_price", "Clean price (per 100)", figures.cleanPrice, FigureKind::Price},
        {"dirty_price", "Dirty price (per 100)", figures.dirtyPrice, FigureKind::Price},
        {"accrued_interest", "Accrued interest", figures.accruedInterest, FigureKind::Price},
        {"yield", "Yield to maturity", figures.yield, FigureKind::Rate},
        {"macaulay_duration", "Macaulay duration", figures.macaulayDuration, FigureKind::Years},
        {"modified_duration", "Modified duration", figures.modifiedDuration, FigureKind::Years},
        {"convexity", "Convexity", figures.convexity, FigureKind::Ratio},
        {"bpv", "Basis-point value (per 100, +1bp)", figures.basisPointValue, FigureKind::Price},
    };
    return report;
}

} // namespace cityfin::cli
