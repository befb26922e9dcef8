#pragma once
// Ledger-booking steps shared by all the structures: lines that skip all-zero series, the lines of a
// private party's financing, the crowdfunding tranche, the support a city-only structure may book,
// notes for support instruments that do not apply, and the tax life of the asset. Nothing here decides
// who pays what; each structure does. Money and percent text: models/number_format.hpp.

#include "models/ledger.hpp"
#include "models/outcome.hpp"
#include "models/private_finance.hpp"
#include "models/project.hpp"
#include "models/structure.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cityfin::models {

/// True when some amount is not zero.
bool anyNonZero(std::span<const double> amounts);

/// A real line of `party`, amounts from its view (money in positive); skipped when all zero, to keep
/// the ledger readable.
void bookRealIfAny(Ledger& ledger, Party party, LineKind kind, std::span<const double> amounts);
/// A real outflow of `payer`, costs given as positive magnitudes (booked negated); skipped when all zero.
void bookCostIfAny(Ledger& ledger, Party payer, LineKind kind, std::span<const double> magnitudes);
/// A transfer (positive = paid by payer to payee); skipped when all zero.
void bookTransferIfAny(Ledger& ledger, Party payer, Party payee, LineKind kind, std::span<const double> amounts);

/// Drawdowns (Lenders -> Private), interest and principal (Private -> Lenders), tax and the credit
/// guarantee fee (Private -> Government) of a financePrivateParty() result.
void bookPrivateFinance(Ledger& ledger, const PrivateFinance& finance);

/// The borrower's net flows from the crowdfunding tranche (drawdown in, debt service out), as
/// bookTaxIncrementAndCrowdfunding books them; zeros without crowdfunding.
std::vector<double> crowdfundingFlows(const SupportTerms& support, const ProjectFlows& flows, Party borrower);

/// The support terms without the instruments paid to a private party (grants with toPrivate, the
/// construction subsidy): what bookGrantsAndSubsidy may book when the city alone funds the capex.
SupportTerms withoutPrivateSupport(const SupportTerms& support);

/// Adds "<instrument> ignored: <why>." to notes (the wording of the city-run structures:
/// "Credit guarantee ignored: ...").
void noteIgnored(std::vector<std::string>& notes, std::string_view instrument, std::string_view why);

/// Adds "<instrument> is ignored: <why>." to notes when present is true (the sentence wording of the
/// green bond, ESPC and revenue sharing: "The credit guarantee is ignored: ...").
void noteIsIgnoredIf(std::vector<std::string>& notes, bool present, std::string_view instrument,
                     std::string_view why);

/// Notes (noteIgnored wording) every instrument set in `support` that needs a private party (grants
/// to the private party, construction subsidy, minimum revenue guarantee, credit guarantee, tax
/// incentive, co-investment) as ignored, because of `why`.
void noteIgnoredPrivateSupport(std::vector<std::string>& notes, const SupportTerms& support, std::string_view why);

/// The part of the city's contractual payments to the private party that it does not pay in the
/// scenario: flows.paymentShortfall x contractual (all zeros when the shortfall is 0).
std::vector<double> unpaidPart(const ProjectFlows& flows, std::span<const double> contractual);
/// Books the unpaid part as arrears (Private -> Government, LineKind::PaymentArrears): the
/// contractual line stays as the contract has it, the city keeps what it does not pay.
void bookArrears(Ledger& ledger, std::span<const double> unpaid);

/// The tax life of the capex: project.depreciationYears, or the operating years when it is 0.
int assetTaxLife(const Project& project);

/// Depreciation life of a private party's capex: assetTaxLife capped at the years the party holds
/// the asset, at least 1.
int depreciationLife(const Project& project, int yearsHeld);

} // namespace cityfin::models
