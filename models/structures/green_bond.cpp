// Green bond (ICMA Green Bond Principles): the city issues a fixed-rate bond at period 0 whose net
// proceeds fund the capex; it builds, operates and keeps the project's income. Shown beside the same
// bond issued conventionally. Formulas: docs/methodology/structures/green_bond.md.

#include "finance/bond.hpp"
#include "finance/errors.hpp"
#include "finance/metrics.hpp"
#include "models/number_format.hpp"
#include "models/structures/build.hpp"
#include "models/structures/energy_booking.hpp"
#include "models/support.hpp"

#include <ql/time/date.hpp>

#include <algorithm>
#include <cmath>
#include <string>

namespace cityfin::models {
namespace {

using namespace energy_booking;

// "1,234,568 CNY": rounded half away from zero to a whole unit, the currency after the amount.
std::string money(double amount, const std::string& currency) {
    return formatFixed(std::round(amount), 0) + " " + currency;
}

constexpr double kBasisPoint = 1e-4;

void requireAmount(const std::string& field, double x) {
    if (!std::isfinite(x) || x < 0.0) throw InputError(field, formatValue(x), "an amount >= 0");
}

void validateTerms(const Project& project, const ProjectFlows& flows, const GreenBondTerms& t) {
    const int periods = static_cast<int>(flows.periods());
    if (t.tenorYears < 1 || t.tenorYears > periods - 1)
        throw InputError("terms.tenor_years", std::to_string(t.tenorYears),
                         "1 to " + std::to_string(periods - 1) + " years, repaid within the project's " +
                             std::to_string(periods) + " periods");
    if (project.startYear < 1901 || project.startYear + t.tenorYears > 2199)
        throw InputError("project.start_year", std::to_string(project.startYear),
                         "a year from 1901 to " + std::to_string(2199 - t.tenorYears) + " for a " +
                             std::to_string(t.tenorYears) + "-year bond");
    if (!std::isfinite(t.couponRate) || t.couponRate < 0.0)
        throw InputError("terms.coupon_rate", formatValue(t.couponRate), "a finite rate >= 0");
    requireRate("terms.conventional_yield", t.conventionalYield);
    requireFinite("terms.greenium_bp", t.greeniumBp);
    if (t.conventionalYield - t.greeniumBp * kBasisPoint <= -1.0)
        throw InputError("terms.greenium_bp", formatValue(t.greeniumBp),
                         "a greenium leaving the green yield above -100%");
    if (!std::isfinite(t.issuanceCostShare) || t.issuanceCostShare < 0.0 || t.issuanceCostShare >= 1.0)
        throw InputError("terms.issuance_cost_share", formatValue(t.issuanceCostShare), "a share of face from 0 to 1");
    requireAmount("terms.external_review_cost", t.externalReviewCost);
    requireAmount("terms.annual_reporting_cost", t.annualReportingCost);
}

// Settlement 1 January of the start year (period 0), annual coupons, Actual/Actual (ISMA): every
// coupon period is a whole year, so each coupon is exactly coupon rate x face outstanding.
finance::BondSpec bondSpec(const Project& project, const GreenBondTerms& t) {
    finance::BondSpec spec;
    spec.settlement = QuantLib::Date(1, QuantLib::January, project.startYear);
    spec.maturity = QuantLib::Date(1, QuantLib::January, project.startYear + t.tenorYears);
    spec.couponRate = t.couponRate;
    spec.frequency = 1;
    spec.dayCount = finance::BondDayCount::ActualActual;
    if (t.amortising)
        for (int k = 0; k < t.tenorYears; ++k)
            spec.amortisingNotionals.push_back(100.0 * (t.tenorYears - k) / t.tenorYears);
    return spec;
}

// One issue (green or conventional) sized so that its net proceeds fund the capex.
struct Issue {
    finance::BondFigures figures;
    double face = 0.0, proceeds = 0.0, issuanceCost = 0.0, reviewCost = 0.0;
    Amounts coupon, redemption, reporting;  // magnitudes per period
    Amounts cityFlows;                      // the city's net debt flows, money in positive
};

Issue issue(const finance::BondSpec& spec, double yield, double capexToFund, const GreenBondTerms& t, bool green,
            const ProjectFlows& flows) {
    Issue b;
    b.figures = finance::bondFromYield(spec, yield);
    const double netPerFace = b.figures.dirtyPrice / 100.0 - t.issuanceCostShare;
    if (netPerFace <= 0.0)
        throw InputError("terms.issuance_cost_share", formatValue(t.issuanceCostShare),
                         "below the bond's price per unit of face, " + formatValue(b.figures.dirtyPrice / 100.0));
    b.reviewCost = green ? t.externalReviewCost : 0.0;
    b.face = (capexToFund + b.reviewCost) / netPerFace;
    b.proceeds = b.face * b.figures.dirtyPrice / 100.0;
    b.issuanceCost = t.issuanceCostShare * b.face;
    const std::size_t n = flows.periods(), tenor = static_cast<std::size_t>(t.tenorYears);
    b.coupon = b.redemption = b.reporting = b.cityFlows = Amounts(n, 0.0);
    for (std::size_t k = 1; k <= tenor; ++k) {
        const double outstanding = t.amortising ? b.face * static_cast<double>(tenor - k + 1) / tenor : b.face;
        b.coupon[k] = t.couponRate * outstanding;
        b.redemption[k] = t.amortising ? b.face / tenor : (k == tenor ? b.face : 0.0);
        if (green) b.reporting[k] = t.annualReportingCost * flows.priceIndex[k];
    }
    b.cityFlows[0] = b.proceeds - b.issuanceCost - b.reviewCost;
    for (std::size_t k = 1; k < n; ++k) b.cityFlows[k] = -(b.coupon[k] + b.redemption[k] + b.reporting[k]);
    return b;
}

void bookBond(Ledger& ledger, const Issue& b) {
    Amounts proceeds(ledger.periods(), 0.0), issuance(ledger.periods(), 0.0), review(ledger.periods(), 0.0);
    proceeds[0] = b.proceeds;
    issuance[0] = b.issuanceCost;
    review[0] = b.reviewCost;
    bookTransferIfAny(ledger, Party::Lenders, Party::Government, LineKind::BondProceeds, proceeds);
    bookTransferIfAny(ledger, Party::Government, Party::Lenders, LineKind::Coupon, b.coupon);
    bookTransferIfAny(ledger, Party::Government, Party::Lenders, LineKind::Redemption, b.redemption);
    bookCostIfAny(ledger, Party::Government, LineKind::IssuanceCost, issuance);
    bookCostIfAny(ledger, Party::Government, LineKind::ExternalReview, review);
    bookCostIfAny(ledger, Party::Government, LineKind::ExternalReview, b.reporting);
}

std::string greeniumNote(const GreenBondTerms& t, double savingPv, const Project& project) {
    const std::string pv = money(std::abs(savingPv), project.currency);
    const std::string head = "The greenium of " + formatValue(t.greeniumBp) + " bp (green yield " +
                             formatPercent(t.conventionalYield - t.greeniumBp * kBasisPoint, 2) + " against " +
                             formatPercent(t.conventionalYield, 2) + ") ";
    const std::string at = " in present value at the public rate " + formatPercent(project.rates.publicRate, 2);
    if (savingPv >= 0.0)
        return head + "saves the city " + pv + at + " against the same bond issued conventionally, net of the "
                                                    "external review and reporting costs.";
    return head + "costs the city " + pv + at + ": the external review and reporting costs exceed what the "
                                                "lower yield saves against a conventional bond.";
}

void bookSupport(StructureOutcome& outcome, const SupportTerms& s, const ProjectFlows& flows) {
    bookGrantsAndSubsidy(outcome.ledger, withoutPrivateSupport(s), {});
    bookTaxIncrementAndCrowdfunding(outcome.ledger, s, flows, Party::Government);
    const std::string why = "a green bond has no private party";
    auto& notes = outcome.notes;
    const bool privateGrant = std::any_of(s.grants.begin(), s.grants.end(), [](const Grant& g) { return g.toPrivate; });
    noteIsIgnoredIf(notes, privateGrant, "A grant to the private party", why + "; the city funds the capex");
    noteIsIgnoredIf(notes, s.constructionSubsidyShare > 0.0, "The construction subsidy",
                    why + "; the city funds the capex");
    noteIsIgnoredIf(notes, s.minimumRevenueGuarantee.has_value(), "The minimum revenue guarantee",
                why + " collecting user charges");
    noteIsIgnoredIf(notes, s.creditGuarantee.has_value(), "The credit guarantee", why + " borrowing");
    noteIsIgnoredIf(notes, s.taxIncentive.has_value(), "The tax incentive", why + " paying corporate tax");
    noteIsIgnoredIf(notes, s.coInvestment.has_value(), "The co-investment fund", why + " with equity to share");
}

} // namespace

StructureOutcome buildGreenBond(const Project& project, const ProjectFlows& flows, const GreenBondTerms& t,
                                const SupportTerms& support) {
    validateSupport(support, project);
    validateTerms(project, flows, t);
    // The bond is sized at issue on the budgeted capex (at the forecast price index); an overrun in a
    // scenario, construction inflation above the forecast included, falls on the budget.
    double budgetedCapex = 0.0;
    for (int i = 0; i < project.constructionYears; ++i)
        budgetedCapex += project.capex[static_cast<std::size_t>(i)] * flows.forecastPriceIndex[static_cast<std::size_t>(i)];
    const finance::BondSpec spec = bondSpec(project, t);
    const Issue green = issue(spec, t.conventionalYield - t.greeniumBp * kBasisPoint, budgetedCapex, t, true, flows);
    const Issue conventional = issue(spec, t.conventionalYield, budgetedCapex, t, false, flows);

    StructureOutcome outcome(flows.periods());
    outcome.privateRate = project.rates.privateRate;
    Ledger& ledger = outcome.ledger;
    bookCostIfAny(ledger, Party::Government, LineKind::Capex, flows.capex);
    bookCostIfAny(ledger, Party::Government, LineKind::Opex, flows.opex);
    bookCostIfAny(ledger, Party::Government, LineKind::Lifecycle, flows.lifecycle);
    bookRevenue(ledger, flows, Party::Government, 0, flows.periods());
    bookSavingsAndResidual(ledger, flows, Party::Government);
    bookBond(ledger, green);
    bookSupport(outcome, support, flows);

    BondOutcome bond;
    bond.face = green.face;
    bond.proceeds = green.proceeds;
    bond.green = green.figures;
    bond.conventional = conventional.figures;
    const double rate = project.rates.publicRate;
    bond.greeniumSavingPv = finance::npv(rate, green.cityFlows) - finance::npv(rate, conventional.cityFlows);
    outcome.bond = bond;
    outcome.solved.push_back({"face", "Face value of the green bond", green.face, project.currency});
    outcome.notes.push_back(greeniumNote(t, bond.greeniumSavingPv, project));
    outcome.notes.push_back("The same bond issued conventionally would need a face of " +
                            money(conventional.face, project.currency) + " against " +
                            money(green.face, project.currency) + " for the green bond.");
    return outcome;
}

} // namespace cityfin::models
