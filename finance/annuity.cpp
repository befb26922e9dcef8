// Spreadsheet PMT, IPMT, PPMT: level payments on a loan of pv that leaves fv at the end, with the
// spreadsheet sign convention (money received positive: a loan of +pv has negative payments).

#include "finance/metrics.hpp"

#include "finance/errors.hpp"

#include <cmath>
#include <string>

namespace cityfin::finance {

namespace {

void requireAnnuityTerms(double rate, int nper, double pv, double fv) {
    requireRate("rate", rate);
    if (nper < 1)
        throw InputError("nper", std::to_string(nper), "a whole number of periods, at least 1");
    requireFinite("pv", pv);
    requireFinite("fv", fv);
}

void requirePeriod(int per, int nper) {
    if (per < 1 || per > nper)
        throw InputError("per", std::to_string(per),
                         "a period from 1 to nper (" + std::to_string(nper) + ")");
}

double requireFiniteAmount(double amount, double pv, double fv) {
    if (std::isfinite(amount)) return amount;
    const bool pvLarger = std::fabs(pv) >= std::fabs(fv);
    throw InputError(pvLarger ? "pv" : "fv", formatValue(pvLarger ? pv : fv),
                     "an amount for which the payments stay finite");
}

/// The level payment, rate != 0. Written with (1+r)^-n for r > 0 and (1+r)^n for r < 0 so that the
/// power never overflows, whatever nper.
double levelPayment(double rate, int nper, double pv, double fv, PaymentTiming when) {
    const double timing = when == PaymentTiming::Begin ? 1.0 + rate : 1.0;
    const double logGrowth = std::log1p(rate);
    if (rate > 0.0) {
        const double discount = std::exp(-nper * logGrowth);     // (1+r)^-n
        const double oneMinusDiscount = -std::expm1(-nper * logGrowth);
        return -rate * (pv + fv * discount) / (timing * oneMinusDiscount);
    }
    const double growth = std::exp(nper * logGrowth);            // (1+r)^n <= 1
    const double growthMinusOne = std::expm1(nper * logGrowth);
    return -rate * (pv * growth + fv) / (timing * growthMinusOne);
}

/// Spreadsheet FV(rate, k, payment, pv, when) for the level payment, k <= nper: minus the balance
/// still owed after k periods. For r > 0 the closed form in (1+r)^(k-n) avoids overflow.
double valueAfter(double rate, int k, int nper, double pv, double fv, double payment,
                  PaymentTiming when) {
    const double logGrowth = std::log1p(rate);
    if (rate > 0.0) {
        const double discount = std::exp(-nper * logGrowth);
        const double oneMinusDiscount = -std::expm1(-nper * logGrowth);
        return (std::exp((k - nper) * logGrowth) * (pv + fv) - pv - fv * discount) / oneMinusDiscount;
    }
    const double timing = when == PaymentTiming::Begin ? 1.0 + rate : 1.0;
    const double growth = std::exp(k * logGrowth);
    return -(pv * growth + payment * timing * std::expm1(k * logGrowth) / rate);
}

double interestPart(double rate, int per, int nper, double pv, double fv, PaymentTiming when) {
    if (rate == 0.0) return 0.0;
    const double payment = levelPayment(rate, nper, pv, fv, when);
    if (when == PaymentTiming::Begin) {
        // The first payment falls at the start, before any interest has accrued.
        if (per == 1) return 0.0;
        return valueAfter(rate, per - 1, nper, pv, fv, payment, when) * rate / (1.0 + rate);
    }
    return valueAfter(rate, per - 1, nper, pv, fv, payment, when) * rate;
}

} // namespace

double pmt(double rate, int nper, double pv, double fv, PaymentTiming when) {
    requireAnnuityTerms(rate, nper, pv, fv);
    const double payment = rate == 0.0 ? -(pv + fv) / nper : levelPayment(rate, nper, pv, fv, when);
    return requireFiniteAmount(payment, pv, fv);
}

double ipmt(double rate, int per, int nper, double pv, double fv, PaymentTiming when) {
    requireAnnuityTerms(rate, nper, pv, fv);
    requirePeriod(per, nper);
    return requireFiniteAmount(interestPart(rate, per, nper, pv, fv, when), pv, fv);
}

double ppmt(double rate, int per, int nper, double pv, double fv, PaymentTiming when) {
    const double payment = pmt(rate, nper, pv, fv, when);
    return requireFiniteAmount(payment - ipmt(rate, per, nper, pv, fv, when), pv, fv);
}

} // namespace cityfin::finance
