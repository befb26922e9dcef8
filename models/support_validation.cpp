// validateSupport(), apart from the booking of support in support.cpp so that reading a case
// (which validates support) does not pull in the cash-flow metrics the booking needs.
#include "models/support.hpp"

#include "finance/errors.hpp"

#include <cmath>
#include <string>

namespace cityfin::models {
namespace {

void requireShare(const std::string& field, double x) {
    if (!std::isfinite(x) || x < 0.0 || x > 1.0) throw InputError(field, formatValue(x), "a share from 0 to 1");
}

void requireAmount(const std::string& field, double x) {
    if (!std::isfinite(x) || x < 0.0) throw InputError(field, formatValue(x), "an amount >= 0");
}

void validateGuarantee(const MinimumRevenueGuarantee& m, int operatingYears) {
    const std::string at = "support.minimum_revenue_guarantee";
    if (m.bands.empty()) throw InputError(at + ".bands", "[]", "at least one band of years");
    for (std::size_t i = 0; i < m.bands.size(); ++i) {
        const auto& b = m.bands[i];
        const std::string band = indexedField(at + ".bands", i);
        if (b.fromYear < 1 || b.toYear < b.fromYear || b.toYear > operatingYears)
            throw InputError(band, std::to_string(b.fromYear) + "-" + std::to_string(b.toYear),
                             "operating years within 1-" + std::to_string(operatingYears) + ", from <= to");
        requireShare(band + ".guaranteed_share", b.guaranteedShare);
    }
    requireShare(at + ".no_payment_below", m.noPaymentBelow);
    for (std::size_t i = 0; i < m.clawback.size(); ++i) {
        const std::string band = indexedField(at + ".clawback", i);
        if (!std::isfinite(m.clawback[i].above) || m.clawback[i].above < 1.0)
            throw InputError(band + ".above", formatValue(m.clawback[i].above), "a share of forecast >= 1");
        requireShare(band + ".city_share", m.clawback[i].cityShare);
    }
}

} // namespace

void validateSupport(const SupportTerms& s, const Project& project) {
    for (std::size_t i = 0; i < s.grants.size(); ++i) {
        const std::string at = indexedField("support.grants", i);
        requireAmount(at + ".amount", s.grants[i].amount);
        if (s.grants[i].year < 0 || s.grants[i].year >= project.periods())
            throw InputError(at + ".year", std::to_string(s.grants[i].year),
                             "a period from 0 to " + std::to_string(project.periods() - 1));
    }
    requireShare("support.construction_subsidy_share", s.constructionSubsidyShare);
    if (s.minimumRevenueGuarantee) validateGuarantee(*s.minimumRevenueGuarantee, project.operatingYears);
    if (s.creditGuarantee) {
        requireShare("support.credit_guarantee.spread_reduction", s.creditGuarantee->spreadReduction);
        requireShare("support.credit_guarantee.fee_rate", s.creditGuarantee->feeRate);
    }
    if (s.taxIncentive && s.taxIncentive->reducedRate)
        requireShare("support.tax_incentive.reduced_rate", *s.taxIncentive->reducedRate);
    if (s.taxIncrement) {
        requireAmount("support.tax_increment.annual_increment", s.taxIncrement->annualIncrement);
        requireShare("support.tax_increment.share_captured", s.taxIncrement->shareCaptured);
        if (s.taxIncrement->years < 0)
            throw InputError("support.tax_increment.years", std::to_string(s.taxIncrement->years), "0 or more");
    }
    if (s.crowdfunding) {
        requireAmount("support.crowdfunding.amount", s.crowdfunding->amount);
        requireRate("support.crowdfunding.rate", s.crowdfunding->rate);
        if (s.crowdfunding->tenorYears < 1 || s.crowdfunding->tenorYears >= project.periods())
            throw InputError("support.crowdfunding.tenor_years", std::to_string(s.crowdfunding->tenorYears),
                             "1 to " + std::to_string(project.periods() - 1));
    }
    if (s.coInvestment) requireShare("support.co_investment.public_equity_share", s.coInvestment->publicEquityShare);
}

} // namespace cityfin::models
