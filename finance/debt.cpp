#include "finance/debt.hpp"

#include "finance/debt_checks.hpp"
#include "finance/errors.hpp"

#include <algorithm>
#include <cmath>

namespace cityfin::finance {

double periodRate(double annualRate, int periodsPerYear) {
    debt_checks::requireRateAndFrequency(annualRate, periodsPerYear);
    return annualRate / periodsPerYear;
}

namespace {

/// A closing balance this small relative to the balance amortised is rounding dust: it is repaid
/// with the period's principal so that a repaid loan shows exactly 0 and no later ratio divides by it.
constexpr double kDustRelative = 1e-9;

DebtSchedule emptySchedule(const DebtTerms& terms, std::size_t constructionPeriods) {
    DebtSchedule s;
    s.periodRate = terms.annualRate / terms.periodsPerYear;
    s.periodsPerYear = terms.periodsPerYear;
    s.constructionPeriods = constructionPeriods;
    s.gracePeriods = static_cast<std::size_t>(terms.gracePeriods);
    s.profile = terms.profile;
    const std::size_t n = constructionPeriods + static_cast<std::size_t>(terms.tenorPeriods);
    for (auto* column : {&s.openingBalance, &s.drawdown, &s.interest, &s.capitalisedInterest,
                         &s.interestPaid, &s.principal, &s.debtService, &s.closingBalance})
        column->assign(n, 0.0);
    return s;
}

/// Construction periods: each drawdown at the start (or the end) of its period, all interest
/// capitalised.
void accrueConstruction(DebtSchedule& s, std::span<const double> drawdowns, DrawdownTiming timing) {
    double balance = 0.0;
    for (std::size_t t = 0; t < drawdowns.size(); ++t) {
        s.openingBalance[t] = balance;
        s.drawdown[t] = drawdowns[t];
        const double accruing = timing == DrawdownTiming::StartOfPeriod ? balance + drawdowns[t] : balance;
        s.interest[t] = s.periodRate * accruing;
        s.capitalisedInterest[t] = s.interest[t];
        balance += drawdowns[t] + s.interest[t];
        s.closingBalance[t] = balance;
    }
}

/// How much is due in each amortising period (after grace), for the balance B to amortise over m
/// periods at rate r.
struct AmortisationPlan {
    RepaymentProfile profile = RepaymentProfile::Annuity;
    std::size_t periods = 0;
    double level = 0.0;  ///< annuity payment, or level principal instalment
    double sculptScale = 0.0;  ///< debt service per unit of positive CFADS
    std::span<const double> cfads;  ///< the amortising periods' CFADS (Sculpted)

    double due(std::size_t k, double balance, double interest) const {
        switch (profile) {
        case RepaymentProfile::Annuity: return level;
        case RepaymentProfile::LevelPrincipal: return interest + level;
        case RepaymentProfile::Bullet: return interest + (k + 1 == periods ? balance : 0.0);
        case RepaymentProfile::Sculpted: return std::max(cfads[k], 0.0) * sculptScale;
        }
        return interest;
    }
};

/// Present value at rate r of max(CFADS, 0), the first value one period from now.
double presentValueOfPositive(std::span<const double> cfads, double r) {
    double pv = 0.0;
    for (std::size_t k = cfads.size(); k-- > 0;) pv = (pv + std::max(cfads[k], 0.0)) / (1.0 + r);
    return pv;
}

AmortisationPlan planAmortisation(DebtSchedule& s, double balance, std::size_t m,
                                  std::span<const double> cfads) {
    AmortisationPlan plan;
    plan.profile = s.profile;
    plan.periods = m;
    plan.cfads = cfads;
    const double r = s.periodRate;
    const double md = static_cast<double>(m);
    if (s.profile == RepaymentProfile::Annuity)  // 1 - (1+r)^-m, accurate for small r
        plan.level = r == 0.0 ? balance / md : balance * r / -std::expm1(-md * std::log1p(r));
    if (s.profile == RepaymentProfile::LevelPrincipal) plan.level = balance / md;
    if (s.profile == RepaymentProfile::Sculpted && balance > 0.0) {
        const double pv = presentValueOfPositive(cfads, r);
        if (pv <= 0.0) {
            const std::size_t first = s.constructionPeriods + s.gracePeriods;
            throw InputError("cfads",
                             "no positive value in periods " + std::to_string(first) + " to " +
                                 std::to_string(first + m - 1),
                             "a positive CFADS in at least one amortising period to sculpt on");
        }
        plan.sculptScale = balance / pv;
        s.sculptingDscr = pv / balance;
    }
    return plan;
}

/// Books period t: pays what is due, interest first; a shortfall against interest is capitalised.
void settle(DebtSchedule& s, std::size_t t, double due, double dust) {
    const double base = s.openingBalance[t] + s.drawdown[t];
    const double interest = s.interest[t];
    if (due >= interest) {
        s.interestPaid[t] = interest;
        s.principal[t] = due - interest;
    } else {
        s.interestPaid[t] = due;
        s.capitalisedInterest[t] = interest - due;
    }
    double closing = base + s.capitalisedInterest[t] - s.principal[t];
    if (closing != 0.0 && std::abs(closing) <= dust) {
        s.principal[t] += closing;
        closing = 0.0;
    }
    s.debtService[t] = s.interestPaid[t] + s.principal[t];
    s.closingBalance[t] = closing;
}

/// A sculpted period that does not pay its interest: say why, so the capitalisation is visible.
void warnCapitalised(DebtSchedule& s, std::size_t t, double cfads) {
    const std::string period = "period " + std::to_string(t) + ": ";
    if (cfads < 0.0)
        s.warnings.push_back(period + "CFADS " + formatAmount(cfads) +
                             " is negative; no debt service that period, its interest is capitalised");
    else
        s.warnings.push_back(period + "sculpted debt service is below the interest; the rest of the "
                                      "interest is capitalised");
}

DebtSchedule buildSchedule(std::span<const double> constructionDrawdowns, double principal,
                           const DebtTerms& terms, std::span<const double> cfads) {
    const std::size_t c = constructionDrawdowns.size();
    const auto n = static_cast<std::size_t>(terms.tenorPeriods);
    const auto g = static_cast<std::size_t>(terms.gracePeriods);
    DebtSchedule s = emptySchedule(terms, c);
    accrueConstruction(s, constructionDrawdowns, terms.drawdownTiming);

    // The balance is flat through grace (interest paid), so amortisation starts from it.
    const double balance = c == 0 ? principal : s.closingBalance[c - 1];
    const bool sculpted = terms.profile == RepaymentProfile::Sculpted;
    const auto amortisingCfads = sculpted ? cfads.subspan(c + g, n - g) : std::span<const double>{};
    const AmortisationPlan plan = planAmortisation(s, balance, n - g, amortisingCfads);
    const double dust = kDustRelative * balance;

    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t t = c + k;
        s.openingBalance[t] = t == 0 ? 0.0 : s.closingBalance[t - 1];
        s.drawdown[t] = (t == 0 && c == 0) ? principal : 0.0;
        const double base = s.openingBalance[t] + s.drawdown[t];
        s.interest[t] = s.periodRate * base;
        const double due = k < g ? s.interest[t] : plan.due(k - g, base, s.interest[t]);
        settle(s, t, due, dust);
        if (sculpted && s.capitalisedInterest[t] > 0.0 && terms.warnings) warnCapitalised(s, t, cfads[t]);
    }
    return s;
}

void requireCfadsIfSculpted(const DebtTerms& terms, std::span<const double> cfads,
                            std::size_t periods) {
    if (terms.profile == RepaymentProfile::Sculpted)
        debt_checks::requireSeries("cfads", cfads, periods, "one per period to maturity");
}

} // namespace

DebtSchedule loanSchedule(double principal, const DebtTerms& terms, std::span<const double> cfads) {
    debt_checks::requireAmount("principal", principal);
    debt_checks::requireTerms(terms);
    requireCfadsIfSculpted(terms, cfads, static_cast<std::size_t>(terms.tenorPeriods));
    return buildSchedule({}, principal, terms, cfads);
}

DebtSchedule constructionLoanSchedule(std::span<const double> drawdowns, const DebtTerms& terms,
                                      std::span<const double> cfads) {
    debt_checks::requireTerms(terms);
    const auto maxPeriods = static_cast<std::size_t>(debt_checks::kMaxYears * terms.periodsPerYear);
    if (drawdowns.empty() || drawdowns.size() > maxPeriods)
        throw InputError("drawdowns", std::to_string(drawdowns.size()) + " values",
                         "from 1 to " + std::to_string(maxPeriods) +
                             " construction periods (100 years)");
    for (std::size_t i = 0; i < drawdowns.size(); ++i)
        if (!(drawdowns[i] >= 0.0 && std::isfinite(drawdowns[i])))  // name built only for an error
            debt_checks::requireAmount(indexedField("drawdowns", i), drawdowns[i]);
    requireCfadsIfSculpted(terms, cfads,
                           drawdowns.size() + static_cast<std::size_t>(terms.tenorPeriods));
    return buildSchedule(drawdowns, 0.0, terms, cfads);
}

void addFloatingInterest(DebtSchedule& s, double rateShift) {
    if (rateShift == 0.0) return;
    const double shift = std::max(rateShift / s.periodsPerYear, -s.periodRate);
    double carried = 0.0;  // extra interest of periods without debt service, owed with the next payment
    for (std::size_t t = s.constructionPeriods; t < s.size(); ++t) {
        carried *= 1.0 + s.periodRate + shift;
        const double extra = shift * s.openingBalance[t] + carried;
        if (!(s.debtService[t] > 0.0) && t + 1 < s.size()) {  // interest capitalised (sculpted, CFADS <= 0)
            carried = extra;
            continue;
        }
        carried = 0.0;
        const double paid = std::max(extra, -s.interestPaid[t]);  // interest paid never below 0
        s.interest[t] += paid;
        s.interestPaid[t] += paid;
        s.debtService[t] += paid;
    }
}

} // namespace cityfin::finance
