#pragma once
// A financing structure is data: the terms of one of the eight structures, plus the support
// instruments that combine with any of them. How a structure turns a project into a ledger lives in
// models/structures/<name>.cpp; the terms here carry no behaviour (the instrument/engine split).
// Rates are decimals per year; years are whole years; money is in the case's currency and price basis.

#include "finance/debt.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace cityfin::models {

/// Senior debt of a private party (SPV, concessionaire, ESCO, provider).
struct DebtFinancing {
    double gearingCap = 0.8;     ///< debt / capex at most
    double rate = 0.05;          ///< all-in interest rate
    int tenorYears = 15;         ///< repayment years, from the first operating year
    double targetDscr = 1.30;    ///< sculpting and sizing target
    int graceYears = 0;
    finance::RepaymentProfile profile = finance::RepaymentProfile::Sculpted;
    /// Share of the debt whose rate floats after close, 0 to 1: each repayment period's interest
    /// moves by the scenario's interest_rate_shift x this share. 0 (the default): fixed or swapped
    /// at close, as project lenders require (docs/methodology/risk.md, "Interest rate").
    double floatingShare = 0.0;
};

/// 1. Traditional public procurement, the public sector comparator: budget and/or a municipal loan.
struct TraditionalTerms {
    double loanShare = 0.0;      ///< share of capex borrowed; the rest from the budget
    double loanRate = 0.04;
    int loanTenorYears = 20;
    double loanFloatingShare = 0.0;  ///< share of the loan at a floating rate (DebtFinancing::floatingShare)
};

/// 2. PPP availability payment (DBFO): the SPV designs, builds, finances and operates; the city pays
/// a unitary charge from the first operating year to the end of the contract.
struct PppAvailabilityTerms {
    DebtFinancing debt;
    std::optional<double> equityHurdle;     ///< default: the project's private rate
    std::optional<double> unitaryCharge;    ///< first-year charge; solved when absent
    /// The equity return the bid prices its solved term at (a margin above the hurdle for the risks the
    /// private side keeps); default the hurdle. The hurdle stays the rule's threshold and the party's rate.
    std::optional<double> bidEquityIrr;
    double indexation = 0.0;                ///< share of the charge indexed to inflation, 0 to 1
    double expectedDeductions = 0.0;        ///< share of the charge lost to unavailability, 0 to 1
    /// Share of the charge deducted per unit of service unavailable beyond the expected (the
    /// scenario's availability_shortfall): deducted share = min(1, expected + multiplier x shortfall).
    /// 1 (the default): in proportion; above 1, the penalty regimes of availability contracts.
    double deductionMultiplier = 1.0;
};

/// 3. BOT concession on user fees; BTO and BOO are terms of the same structure.
struct ConcessionTerms {
    enum class Variant { Bot, Bto, Boo };
    Variant variant = Variant::Bot;
    DebtFinancing debt;
    std::optional<double> equityHurdle;
    double concessionFeeShare = 0.0;        ///< share of user charges paid to the city
};

/// 4. Build-transfer with deferred payment: the contractor builds with its own short-term finance,
/// hands the asset over at completion, and the city pays the price in instalments.
struct BuildTransferTerms {
    double contractorMargin = 0.05;         ///< on capex
    double contractorFinanceRate = 0.06;    ///< the contractor's cost of carrying capex to completion
    double instalmentRate = 0.05;           ///< agreed rate of the deferred payment
    int instalmentYears = 5;
};

/// 5. Green bond issued by the city, always shown beside the same bond issued conventionally.
struct GreenBondTerms {
    int tenorYears = 10;
    double couponRate = 0.035;
    double conventionalYield = 0.035;       ///< the city's yield for a conventional bond of this tenor
    double greeniumBp = 5.0;                ///< green yield = conventional yield - greenium
    double issuanceCostShare = 0.005;       ///< of face, paid at issue
    double externalReviewCost = 0.0;        ///< second-party opinion, paid at issue (green only)
    double annualReportingCost = 0.0;       ///< impact reporting per year while outstanding (green only)
    bool amortising = false;                ///< equal principal each year instead of a bullet
};

/// 6. Energy savings performance contract.
struct EspcTerms {
    enum class Variant { GuaranteedSavings, SharedSavings };
    Variant variant = Variant::GuaranteedSavings;
    int termYears = 10;
    double guaranteedShare = 0.9;           ///< guaranteed: share of forecast savings the ESCO guarantees
    double annualFee = 0.0;                 ///< guaranteed: ESCO fee for its services per year
    double ownerLoanShare = 0.0;            ///< guaranteed: share of capex the owner borrows
    double ownerLoanRate = 0.04;
    double ownerLoanFloatingShare = 0.0;    ///< guaranteed: share of the owner's loan at a floating rate
    std::optional<double> escoShare;        ///< shared: ESCO's share of measured savings; solved when absent
    std::optional<DebtFinancing> escoDebt;  ///< shared: the ESCO's own borrowing
    std::optional<double> equityHurdle;     ///< shared: default the project's private rate
    /// The equity return the bid prices its ESCO share at (a margin above the hurdle for the risks the
    /// private side keeps); default the hurdle. The hurdle stays the rule's threshold and the party's rate.
    std::optional<double> bidEquityIrr;
    double mvCostPerYear = 0.0;             ///< measurement and verification, paid by the owner
};

/// 7. Pay-as-you-go, in its two senses.
struct PayAsYouGoTerms {
    enum class Variant { ServicePurchase, CapitalPhasing };
    Variant variant = Variant::ServicePurchase;
    int contractYears = 0;                  ///< service purchase: 0 = all operating years
    std::optional<double> annualServiceFee; ///< service purchase: first-year fee; solved when absent
    std::optional<double> equityHurdle;     ///< service purchase: provider's required return
    /// The equity return the bid prices its service fee at (a margin above the hurdle for the risks the
    /// private side keeps); default the hurdle. The hurdle stays the rule's threshold and the party's rate.
    std::optional<double> bidEquityIrr;
    double annualCapexBudget = 0.0;         ///< capital phasing: cash the budget has for capex per year
};

/// 8. Revenue sharing with an operator that co-invests.
struct RevenueSharingTerms {
    double operatorCapexShare = 0.5;
    double operatorOpexShare = 0.5;
    double operatorRevenueShare = 0.5;
    int termYears = 0;                      ///< 0 = all operating years
};

using StructureTerms = std::variant<TraditionalTerms, PppAvailabilityTerms, ConcessionTerms, BuildTransferTerms,
                                    GreenBondTerms, EspcTerms, PayAsYouGoTerms, RevenueSharingTerms>;

// ---- support instruments, combinable with any structure ----

struct Grant {
    std::string source;                     ///< e.g. "UK Technology Strategy Board"
    double amount = 0.0;
    int year = 0;                           ///< period it is paid
    bool toPrivate = false;                 ///< paid to the private party instead of the city
};

/// Guaranteed share of forecast user charges over a band of operating years (Korea's MRG).
struct GuaranteeBand {
    int fromYear = 1, toYear = 1;           ///< operating years, inclusive, 1-based
    double guaranteedShare = 0.8;
};
struct ClawbackBand {
    double above = 1.2;                     ///< share of forecast above which revenue is shared
    double cityShare = 0.5;                 ///< share of the excess paid to the city
};
struct MinimumRevenueGuarantee {
    std::vector<GuaranteeBand> bands;
    double noPaymentBelow = 0.5;            ///< nothing is paid when revenue < this share of forecast
    std::vector<ClawbackBand> clawback;
};

struct CreditGuarantee {
    double spreadReduction = 0.01;          ///< lower debt rate thanks to the guarantee
    double feeRate = 0.005;                 ///< per year on debt outstanding, paid to the city's fund
};

struct TaxIncentive {
    bool exemptThreeHalfThree = false;      ///< China EIT art. 27: 3 years exempt, 3 years at half rate
    std::optional<double> reducedRate;      ///< a reduced statutory rate
};

struct TaxIncrementFinancing {
    double annualIncrement = 0.0;           ///< incremental tax base revenue per operating year
    double shareCaptured = 1.0;             ///< share pledged to the project
    int years = 0;                          ///< 0 = all operating years
};

struct Crowdfunding {
    double amount = 0.0;                    ///< retail tranche raised at financial close
    double rate = 0.05;
    int tenorYears = 5;
};

struct CoInvestmentFund {
    double publicEquityShare = 0.0;         ///< the city's share of the private equity (Pudong: 1 of 30)
};

struct SupportTerms {
    std::vector<Grant> grants;
    double constructionSubsidyShare = 0.0;  ///< of capex, paid by the city to the private party
    std::optional<MinimumRevenueGuarantee> minimumRevenueGuarantee;
    std::optional<CreditGuarantee> creditGuarantee;
    std::optional<TaxIncentive> taxIncentive;
    std::optional<TaxIncrementFinancing> taxIncrement;
    std::optional<Crowdfunding> crowdfunding;
    std::optional<CoInvestmentFund> coInvestment;
};

struct Structure {
    std::string id;                         ///< unique within the case, e.g. "ppp"
    std::string name;                       ///< for people
    StructureTerms terms;
    SupportTerms support;
};

/// The structure's kind as an identifier: "traditional", "ppp_availability", "concession",
/// "build_transfer", "green_bond", "espc", "pay_as_you_go", "revenue_sharing".
std::string structureKind(const StructureTerms& terms);

/// True when the private party funds none of the capex: the guaranteed-savings ESCO, paid a fee by
/// a city that funds the measures, paying any shortfall of the savings. Its flows have no equity
/// IRR in any scenario: fees before shortfalls, or a shortfall before fees, give a cost or a price
/// of the guarantee, not a return on capital (docs/methodology/metrics.md).
bool privateFundsNoCapital(const StructureTerms& terms);

} // namespace cityfin::models
