#pragma once
// Input checks shared by the debt units (schedule, sizing, cover ratios). Each throws
// cityfin::InputError naming the field as documented in debt.hpp / debt_sizing.hpp / coverage.hpp.

#include "finance/debt.hpp"

#include <cstddef>
#include <span>
#include <string>

namespace cityfin::finance::debt_checks {

/// Longest timeline accepted: 100 years of periods. Keeps a typo from allocating gigabytes.
constexpr int kMaxYears = 100;

/// "rate" finite and >= 0; "periodsPerYear" one of 1, 2, 4, 12.
void requireRateAndFrequency(double annualRate, int periodsPerYear);

/// "tenor" from 1 to 100 years of periods.
void requireTenor(int tenorPeriods, int periodsPerYear);

/// All of DebtTerms: rate, frequency, tenor, and "grace" from 0 to tenor - 1.
void requireTerms(const DebtTerms& terms);

/// `field` finite and >= 0.
void requireAmount(const std::string& field, double x);

/// At least `needed` values, each finite ("cfads[3]").
void requireSeries(const std::string& field, std::span<const double> values, std::size_t needed,
                   const std::string& why);

} // namespace cityfin::finance::debt_checks
