#pragma once
// Booking helpers shared by the green bond, ESPC and revenue-sharing structures: signed lines from
// the project's positive magnitudes, contract windows, the lines of a private party's financing,
// and notes for support instruments that cannot apply. Nothing here decides who pays what; each
// structure does.

#include "models/ledger.hpp"
#include "models/private_finance.hpp"
#include "models/project.hpp"
#include "models/structure.hpp"

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cityfin::models::energy_booking {

using Amounts = std::vector<double>;

/// The amounts of periods [from, to), zero elsewhere.
Amounts window(std::span<const double> amounts, std::size_t from, std::size_t to);
/// amounts - part, period by period.
Amounts minus(std::span<const double> amounts, std::span<const double> part);
/// factor x amounts.
Amounts scaled(std::span<const double> amounts, double factor);
bool anyNonZero(std::span<const double> amounts);

/// A real outflow of `payer` (costs given as positive magnitudes); skipped when all zero.
void bookCost(Ledger& ledger, Party payer, LineKind kind, std::span<const double> magnitudes);
/// A real inflow of `holder`; skipped when all zero.
void bookIncome(Ledger& ledger, Party holder, LineKind kind, std::span<const double> magnitudes);
/// A transfer (positive = paid by payer); skipped when all zero.
void bookTransfer(Ledger& ledger, Party payer, Party payee, LineKind kind, std::span<const double> amounts);

/// User charges (Users -> holder) and market revenue (real) of periods [from, to).
void bookRevenue(Ledger& ledger, const ProjectFlows& flows, Party holder, std::size_t from, std::size_t to);
/// Energy savings and the residual value, both with the owner.
void bookSavingsAndResidual(Ledger& ledger, const ProjectFlows& flows, Party owner);

/// Drawdowns (Lenders -> Private), interest and principal (Private -> Lenders), tax and the credit
/// guarantee fee (Private -> Government) of a financePrivateParty() result.
void bookPrivateFinance(Ledger& ledger, const PrivateFinance& finance);

/// The borrower's net flows from the crowdfunding tranche (drawdown in, debt service out), as
/// bookTaxIncrementAndCrowdfunding books them; zeros without crowdfunding.
Amounts crowdfundingFlows(const SupportTerms& support, const ProjectFlows& flows, Party borrower);

/// The support terms without what is paid to a private party (grants with toPrivate, the
/// construction subsidy), for structures where the city alone funds the capex.
SupportTerms cityOnlySupport(const SupportTerms& support);

/// Adds "<instrument> is ignored: <why>." to notes when present is true.
void noteIgnored(std::vector<std::string>& notes, bool present, std::string_view instrument, std::string_view why);

/// Depreciation life of a private party's capex: the project's tax life (0 = operating years),
/// capped at the years the party holds the asset.
int depreciationLife(const Project& project, int yearsHeld);

/// "1,234,568 CNY": rounded to a whole unit, thousands grouped; locale-independent.
std::string money(double amount, const std::string& currency);
/// "3.45%" from 0.0345.
std::string percent(double share);

} // namespace cityfin::models::energy_booking
