#pragma once
// Metrics on a cash-flow vector: NPV (two conventions), XNPV, IRR, XIRR, MIRR, payback, profitability
// index, PMT/IPMT/PPMT. Sign convention: money in is positive, money out negative. Rates are decimals
// per period. Formulas and references: docs/methodology/metrics.md.

#include "finance/answer.hpp"

#include <ql/time/date.hpp>

#include <span>

namespace cityfin::finance {

using Flows = std::span<const double>;

/// How the first flow is treated. FirstFlowAtT0: flows[0] is at time 0, undiscounted (textbook NPV).
/// Spreadsheet: flows[0] is discounted one full period, as a spreadsheet's NPV(rate, v1..vn).
enum class NpvConvention { FirstFlowAtT0, Spreadsheet };

double npv(double rate, Flows flows, NpvConvention convention = NpvConvention::FirstFlowAtT0);

/// Sum of flows[i] * discountFactors[i]: the loop form used on cached discount factors.
double npvWithDiscountFactors(Flows flows, std::span<const double> discountFactors);

/// Spreadsheet XNPV: flows discounted by (1 + rate)^((d_i - d_0) / 365), actual days.
double xnpv(double rate, Flows flows, std::span<const QuantLib::Date> dates);

/// Whether the first non-zero flow is an outlay: the stream is an investment, so its IRR is a return
/// on money put in. A stream that starts with a receipt (a fee earned before anything is at stake)
/// can still change sign later, but its "IRR" is then a borrowing cost, not a return.
bool startsWithOutlay(Flows flows);

/// IRR per period. Brackets a root before polishing it; no sign change or no root in
/// (-100%, +1e6%) gives an empty value with the reason; several sign changes add a warning.
Answer irr(Flows flows, double guess = 0.1);

/// irr(flows) found faster from a seed near it (the Monte Carlo's equity IRR, seeded with the
/// forecast's). When the flows change sign once, the IRR is unique, so it is bracketed by Newton
/// steps from `seed` (only the way the NPV's sign points) and polished as irr() polishes; otherwise,
/// or when that finds nothing, irr(flows). The same value as irr(flows) to its tolerance (1e-12 in
/// the rate), the same reasons and warnings (none with withWarnings false: for callers that read the
/// value alone, in every scenario of a Monte Carlo).
Answer irrSeeded(Flows flows, double seed, bool withWarnings = true);

/// Spreadsheet XIRR (actual days / 365 from the first date), same guarantees as irr().
Answer xirr(Flows flows, std::span<const QuantLib::Date> dates, double guess = 0.1);

/// Spreadsheet MIRR: negative flows financed at financeRate, positive ones reinvested at
/// reinvestRate. Needs at least one negative and one positive flow.
Answer mirr(Flows flows, double financeRate, double reinvestRate);

/// Periods (fractional, linear within the period) until the cumulative flow first turns and stays
/// non-negative; flows[0] is at time 0. Empty when never paid back.
Answer payback(Flows flows);

/// As payback(), on flows discounted at rate with the FirstFlowAtT0 convention.
Answer discountedPayback(Flows flows, double rate);

/// PV of the positive flows divided by the PV of the negative flows (magnitude), FirstFlowAtT0.
/// Equals 1 + NPV / PV(investment). Empty when there is no negative flow.
Answer profitabilityIndex(double rate, Flows flows);

/// When payments fall within each period, as the spreadsheet `type` argument (0 = end, 1 = begin).
enum class PaymentTiming { End, Begin };

/// Spreadsheet PMT/IPMT/PPMT with their sign convention: PMT(0.05, 30, 1e6) = -65051.44.
/// per is 1-based. rate = 0 is allowed (straight division).
double pmt(double rate, int nper, double pv, double fv = 0.0, PaymentTiming when = PaymentTiming::End);
double ipmt(double rate, int per, int nper, double pv, double fv = 0.0,
            PaymentTiming when = PaymentTiming::End);
double ppmt(double rate, int per, int nper, double pv, double fv = 0.0,
            PaymentTiming when = PaymentTiming::End);

} // namespace cityfin::finance
