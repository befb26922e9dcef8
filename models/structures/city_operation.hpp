#pragma once
// Shared steps of the structures where the city builds, buys or operates the asset itself
// (traditional procurement, build-transfer, pay-as-you-go): booking the project's operation on
// whichever party runs it, the city's benefits, and notes for support instruments that do not apply.
// Formulas: docs/methodology/structures/{traditional,build_transfer,pay_as_you_go}.md.

#include "models/ledger.hpp"
#include "models/outcome.hpp"
#include "models/project.hpp"
#include "models/structure.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cityfin::models {

/// True when some amount is not zero.
bool anyNonZero(std::span<const double> amounts);

/// Books a real line or a transfer only when it has a non-zero amount (keeps the ledger readable).
void bookRealIfAny(Ledger& ledger, Party party, LineKind kind, std::span<const double> amounts);
void bookTransferIfAny(Ledger& ledger, Party payer, Party payee, LineKind kind, std::span<const double> amounts);

/// amounts[t] * weight[t] * sign, per period.
std::vector<double> weighted(std::span<const double> amounts, std::span<const double> weight, double sign = 1.0);

/// Books on `party` the share weight[t] of the project's operation in period t, as real lines:
/// opex and lifecycle out, market revenue in; and residualShare of the residual value.
void bookOperation(Ledger& ledger, Party party, const ProjectFlows& flows, std::span<const double> weight,
                   double residualShare);

/// Books the city's benefits of the share weight[t] of the asset in service: user charges
/// (a transfer from the users) and the energy cost saved.
void bookCityBenefits(Ledger& ledger, const ProjectFlows& flows, std::span<const double> weight);

/// The support terms without the instruments paid to a private party (grants with toPrivate, the
/// construction subsidy): what bookGrantsAndSubsidy may book when there is no private party.
SupportTerms withoutPrivateSupport(const SupportTerms& support);

/// Adds "<instrument> ignored: <why>." to the outcome's notes.
void noteIgnored(StructureOutcome& outcome, std::string_view instrument, std::string_view why);

/// Notes every instrument set in `support` that needs a private party (grants to the private
/// party, construction subsidy, minimum revenue guarantee, credit guarantee, tax incentive,
/// co-investment) as ignored, because of `why`.
void noteIgnoredPrivateSupport(StructureOutcome& outcome, const SupportTerms& support, std::string_view why);

/// A money amount for a note, rounded to whole units with thousands separators: "1,234,567".
std::string formatMoney(double amount);

} // namespace cityfin::models
