#pragma once
// The city's PPP spending: what the 10% ceiling of 财金〔2015〕21号 counts.
//
// The guidance (《政府和社会资本合作项目财政承受能力论证指引》, ch. 3 and art. 25) counts the
// government's expenditure responsibilities under the PPP contract, gross: its equity in the SPV,
// the availability payments and operating subsidies, the construction subsidies, and what the risks
// it bears cost it (guarantee payments). What the city receives (tax, dividends, revenue shares,
// user charges it collects, the energy bill it saves) does not reduce them. So the ceiling is
// tested on these payments, not on the city's net outlay (docs/methodology/plan-b.md).

#include "models/ledger.hpp"

#include <string_view>
#include <vector>

namespace cityfin::models {

/// True for the structure kinds that are PPPs under the guidance: availability-payment PPPs,
/// concessions (BOT, BTO, BOO) and revenue sharing with an operator. A build from the budget, a
/// build-transfer, a bond, an ESPC, a service purchase (政府购买服务, kept apart from PPP by
/// 财预〔2017〕87号) and a phased build are not.
bool isPppKind(std::string_view kind);

/// True for the PPP kinds paid by the government (政府付费): the availability-payment PPP, whose
/// private party is paid by the city alone. A concession paid by its users, with or without a
/// subsidy (可行性缺口补助), and revenue sharing are not. 财金〔2019〕10号 bars new ones where the
/// city's PPP spending is above 5% of its general public budget (docs/methodology/plan-b.md).
bool isGovernmentPayPpp(std::string_view kind);

/// True for the ledger lines the guidance counts: the city's payments to the private party under
/// the contract (unitary charge net of deductions, construction subsidy, revenue guarantee, equity
/// injection). What it owes, not what it pays: arrears (LineKind::PaymentArrears) are a default on
/// the obligation, not room under the ceiling.
bool isPppPayment(LineKind kind);

/// Per period, the city's PPP payments to the private party (>= 0 in a period where it pays).
std::vector<double> pppPayments(const Ledger& ledger);

} // namespace cityfin::models
