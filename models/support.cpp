#include "models/support.hpp"

#include "finance/errors.hpp"
#include "finance/metrics.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace cityfin::models {
namespace {

// The grants paid in each period to the city (toPrivate false) or to the private party.
std::vector<double> grantsPerPeriod(const SupportTerms& s, std::size_t periods, bool toPrivate) {
    std::vector<double> grants(periods, 0.0);
    for (const Grant& g : s.grants)
        if (g.toPrivate == toPrivate) grants.at(static_cast<std::size_t>(g.year)) += g.amount;
    return grants;
}

} // namespace

std::vector<double> privateUpfrontSupport(const SupportTerms& s, std::span<const double> privateCapex,
                                          std::size_t periods) {
    std::vector<double> support;
    privateUpfrontSupportInto(s, privateCapex, periods, support);
    return support;
}

void privateUpfrontSupportInto(const SupportTerms& s, std::span<const double> privateCapex, std::size_t periods,
                               std::vector<double>& support) {
    support.assign(periods, 0.0);
    for (const Grant& g : s.grants)  // grantsPerPeriod(s, periods, true)
        if (g.toPrivate) support.at(static_cast<std::size_t>(g.year)) += g.amount;
    for (std::size_t t = 0; t < periods && t < privateCapex.size(); ++t)
        support[t] += s.constructionSubsidyShare * privateCapex[t];
}

GuaranteeFlows revenueGuarantee(const MinimumRevenueGuarantee& m, const ProjectFlows& f, int lastOperatingPeriod) {
    const std::size_t n = f.periods();
    GuaranteeFlows g{std::vector<double>(n, 0.0), std::vector<double>(n, 0.0)};
    // Clawback bands are cumulative steps: each band's city share applies to revenue above it.
    std::vector<ClawbackBand> bands = m.clawback;  // sorted once, not per period
    std::sort(bands.begin(), bands.end(), [](const auto& a, const auto& b) { return a.above < b.above; });
    // The guarantee covers demand, not the operator's service: it is tested on the revenue the
    // service would have collected had it been available, so revenue lost to unavailability stays
    // with the operator (no service at all: no guarantee). The clawback shares what was collected.
    const double available = 1.0 - f.availabilityShortfall;
    for (std::size_t t = static_cast<std::size_t>(f.constructionYears); t < n; ++t) {
        if (static_cast<int>(t) > lastOperatingPeriod) break;
        const int year = static_cast<int>(t) - f.constructionYears + 1;  // contractual operating year
        const double forecast = f.forecastUserCharges[t], actual = f.userCharges[t];
        if (forecast <= 0.0) continue;
        const double demanded = available > 0.0 ? actual / available : 0.0;
        for (const GuaranteeBand& b : m.bands)
            if (available > 0.0 && year >= b.fromYear && year <= b.toYear && demanded >= m.noPaymentBelow * forecast)
                g.payment[t] = std::max(0.0, b.guaranteedShare * forecast - demanded);
        for (std::size_t i = 0; i < bands.size(); ++i) {
            const double upper = i + 1 < bands.size() ? bands[i + 1].above * forecast : actual;
            const double slice = std::min(actual, upper) - bands[i].above * forecast;
            if (slice > 0.0) g.clawback[t] += bands[i].cityShare * slice;
        }
    }
    return g;
}

void bookGrantsAndSubsidy(Ledger& ledger, const SupportTerms& s, std::span<const double> privateCapex) {
    const std::size_t n = ledger.periods();
    const auto any = [](const std::vector<double>& v) {
        return std::any_of(v.begin(), v.end(), [](double x) { return x != 0.0; });
    };
    for (const bool toPrivate : {false, true}) {
        const std::vector<double> grants = grantsPerPeriod(s, n, toPrivate);
        if (any(grants))
            ledger.addTransfer(Party::Funders, toPrivate ? Party::Private : Party::Government, LineKind::Grant, grants);
    }
    std::vector<double> subsidy(n, 0.0);
    for (std::size_t t = 0; t < n && t < privateCapex.size(); ++t) subsidy[t] = s.constructionSubsidyShare * privateCapex[t];
    if (any(subsidy)) ledger.addTransfer(Party::Government, Party::Private, LineKind::ConstructionSubsidy, subsidy);
}

void bookTaxIncrementAndCrowdfunding(Ledger& ledger, const SupportTerms& s, const ProjectFlows& f, Party borrower) {
    const std::size_t n = ledger.periods();
    if (s.taxIncrement && s.taxIncrement->annualIncrement > 0.0) {
        std::vector<double> increment(n, 0.0);
        const int years = s.taxIncrement->years > 0 ? s.taxIncrement->years : f.operatingYears;
        for (std::size_t t = static_cast<std::size_t>(f.constructionYears); t < n; ++t)
            if (static_cast<int>(t) - f.constructionYears < years)
                increment[t] = s.taxIncrement->annualIncrement * s.taxIncrement->shareCaptured * f.priceIndex[t];
        ledger.addReal(Party::Government, LineKind::TaxIncrement, increment);
    }
    if (s.crowdfunding && s.crowdfunding->amount > 0.0) {
        const auto& c = *s.crowdfunding;
        std::vector<double> drawn(n, 0.0), interest(n, 0.0), principal(n, 0.0);
        drawn[0] = c.amount;
        double balance = c.amount;
        for (int k = 1; k <= c.tenorYears; ++k) {
            const std::size_t t = static_cast<std::size_t>(k);
            interest[t] = balance * c.rate;
            principal[t] = -finance::ppmt(c.rate, k, c.tenorYears, c.amount);
            balance -= principal[t];
        }
        ledger.addTransfer(Party::Lenders, borrower, LineKind::Drawdown, drawn);
        ledger.addTransfer(borrower, Party::Lenders, LineKind::Interest, interest);
        ledger.addTransfer(borrower, Party::Lenders, LineKind::Principal, principal);
    }
}

void bookCoInvestment(Ledger& ledger, const SupportTerms& s, std::span<const double> privateEquity) {
    if (!s.coInvestment || s.coInvestment->publicEquityShare <= 0.0) return;
    const std::size_t n = ledger.periods();
    std::vector<double> injection(n, 0.0), dividend(n, 0.0);
    for (std::size_t t = 0; t < n; ++t) {
        const double share = s.coInvestment->publicEquityShare * privateEquity[t];
        (share < 0.0 ? injection[t] : dividend[t]) = std::abs(share);
    }
    ledger.addTransfer(Party::Government, Party::Private, LineKind::EquityInjection, injection);
    ledger.addTransfer(Party::Private, Party::Government, LineKind::Dividend, dividend);
}

} // namespace cityfin::models
