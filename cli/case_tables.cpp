#include "cli/case_tables.hpp"

#include "models/number_format.hpp"

#include <array>
#include <charconv>
#include <iomanip>

namespace cityfin::cli {
namespace {

using models::formatFixed;
using models::formatPercent;
using models::Party;

std::string rate(const finance::Answer& a) { return a.value ? formatPercent(*a.value, 2) : "n/a"; }
std::string ratio(const std::optional<double>& x) { return x ? formatFixed(*x, 2) : "n/a"; }

std::string csvNumber(double x) {
    std::array<char, 32> buffer{};
    auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), x);
    return ec == std::errc() ? std::string(buffer.data(), end) : std::string();
}

// Columns a code point takes on a terminal: 2 for the East Asian wide ranges (CJK, Hangul,
// full-width forms), 1 otherwise.
int columnsOf(char32_t c) {
    const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
                      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                      (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
    return wide ? 2 : 1;
}

// `text` cut to fewer than `width` terminal columns without splitting a UTF-8 character, then
// padded with spaces to `width` (std::setw counts bytes, which misaligns Chinese names).
std::string cell(const std::string& text, int width) {
    std::size_t end = 0;
    int used = 0;
    while (end < text.size()) {
        const auto lead = static_cast<unsigned char>(text[end]);
        const std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        char32_t c = length == 1 ? lead : lead & (0x7F >> length);
        for (std::size_t k = 1; k < length && end + k < text.size(); ++k)
            c = (c << 6) | (static_cast<unsigned char>(text[end + k]) & 0x3F);
        const int columns = columnsOf(c);
        if (used + columns > width - 1 || end + length > text.size()) break;
        used += columns;
        end += length;
    }
    return text.substr(0, end) + std::string(static_cast<std::size_t>(width - used), ' ');
}

void row(std::ostream& out, const std::string& label, const std::string& value, const std::string& note = "") {
    out << "  " << std::left << std::setw(28) << label << std::right << std::setw(18) << value;
    if (!note.empty()) out << "  " << note;
    out << "\n";
}

void writeHeadline(const models::Case& c, const models::Evaluation& e, std::ostream& out) {
    const auto& p = c.project;
    row(out, "City present cost", formatFixed(e.cityPresentCost, 0), "at " + formatPercent(p.rates.publicRate, 2));
    row(out, "City peak annual outlay", formatFixed(e.cityPeakOutlay, 0), "in " + std::to_string(e.cityPeakYear));
    if (e.pppSpendingPeak)  // gross, what the 10% PPP ceiling counts
        row(out, "City's PPP payments, peak", formatFixed(*e.pppSpendingPeak, 0), "in " + std::to_string(e.pppSpendingYear));
    if (e.guaranteePayments > 0.0)
        row(out, "Revenue guarantees paid", formatFixed(e.guaranteePayments, 0), "PV " + formatFixed(e.guaranteePaymentsPv, 0));
    row(out, "Project IRR (before financing)", rate(e.projectIrr));
    row(out, "Equity IRR", rate(e.equityIrr),
        e.equityIrr.value ? "hurdle " + formatPercent(e.outcome.privateRate, 2) + ", MIRR " + rate(e.equityMirr) : e.equityIrr.reason);
    if (e.equityPayback.value) row(out, "Equity payback", formatFixed(*e.equityPayback.value, 1) + " years");
    if (e.outcome.debt) {
        const auto& d = *e.outcome.debt;
        row(out, "Debt (" + d.borrower + ")", formatFixed(d.amount, 0), d.sizingConstraint ? "sized by " + *d.sizingConstraint : "");
        if (e.minDscr) row(out, "Min / average DSCR", ratio(e.minDscr) + " / " + ratio(e.averageDscr), "LLCR " + ratio(e.llcr));
    }
    if (e.outcome.bond) {
        const auto& b = *e.outcome.bond;
        row(out, "Bond face / proceeds", formatFixed(b.face, 0) + " / " + formatFixed(b.proceeds, 0));
        row(out, "Green / conventional price", formatFixed(b.green.cleanPrice, 3) + " / " + formatFixed(b.conventional.cleanPrice, 3),
            b.greeniumSavingPv >= 0.0 ? "greenium saves " + formatFixed(b.greeniumSavingPv, 0) + " in PV, net of green costs"
                                      : "green costs exceed the greenium by " + formatFixed(-b.greeniumSavingPv, 0) + " in PV");
    }
    for (const auto& s : e.outcome.solved) row(out, "Solved: " + s.label, formatFixed(s.value, s.unit == "share" ? 4 : 0), s.unit);
}

void writeSocialReturn(const models::Evaluation& e, std::ostream& out) {
    if (!e.social) return;
    const models::SocialReturn& s = *e.social;
    out << "\n  Social return at the social rate of " << formatPercent(s.socialRate, 2) << "\n";
    row(out, "Social value (PV, net)", formatFixed(s.presentValue, 0), "gross " + formatFixed(s.grossPresentValue, 0));
    row(out, "Economic NPV", formatFixed(s.economicNpv, 0),
        "social value + real flows " + formatFixed(s.realFlowsNpv, 0) + " + user payments " + formatFixed(s.userPaymentsPv, 0));
    row(out, "Benefit-cost ratio", ratio(s.benefitCostRatio));
    row(out, "SROI ratio", s.sroiRatio ? formatFixed(*s.sroiRatio, 2) + ":1" : "n/a", "inputs " + formatFixed(s.investmentPv, 0));
    row(out, "SROI payback", s.sroiPaybackYears.value ? formatFixed(*s.sroiPaybackYears.value, 1) + " years" : "n/a",
        s.sroiPaybackYears.value ? "" : s.sroiPaybackYears.reason);
    if (s.tonnesCo2 > 0.0)
        row(out, "CO2e abated", formatFixed(s.tonnesCo2, 0) + " t", "cost per t " + ratio(s.costPerTonneCo2));
    out << "\n  " << std::left << std::setw(44) << "Outcome" << std::setw(15) << "category" << std::right << std::setw(18)
        << "PV (net)" << std::setw(14) << "t CO2e" << "\n";
    for (const auto& o : s.outcomes)
        out << "  " << cell(o.name, 44) << std::left << std::setw(15) << models::outcomeCategoryId(o.category)
            << std::right << std::setw(18) << formatFixed(o.presentValue, 0) << std::setw(14) << formatFixed(o.tonnesCo2, 0)
            << "\n";
    if (e.greenBondImpact) {
        const models::GreenBondImpact& g = *e.greenBondImpact;
        out << "\n  Impact report (ICMA Harmonised Framework), averaged over " << g.operatingYears << " operating years\n";
        row(out, "GHG avoided per year", formatFixed(g.annualTonnesCo2, 0) + " t", formatFixed(g.tonnesCo2PerMillion, 1) + " t per million issued");
        row(out, "Energy saved per year", formatFixed(g.annualEnergySavedMwh, 0) + " MWh",
            formatFixed(g.energySavedMwhPerMillion, 1) + " MWh per million issued");
    }
}

void writePartyFlows(const models::Evaluation& e, std::ostream& out) {
    out << "\n  " << std::left << std::setw(18) << "Party" << std::right << std::setw(18) << "NPV" << std::setw(9)
        << "rate" << std::setw(10) << "IRR" << "\n";
    for (const auto& p : e.parties)
        out << "  " << std::left << std::setw(18) << models::partyName(p.party) << std::right << std::setw(18)
            << formatFixed(p.npv, 0) << std::setw(9) << formatPercent(p.discountRate, 2) << std::setw(10)
            << rate(p.irr) << "\n";
    out << "\n  " << std::left << std::setw(6) << "Year" << std::right;
    for (const auto& p : e.parties) out << std::setw(16) << models::partyName(p.party);
    out << std::setw(16) << "Real flows" << "\n";
    const auto& real = e.outcome.ledger.realFlows();
    for (std::size_t t = 0; t < real.size(); ++t) {
        out << "  " << std::left << std::setw(6) << e.project.calendarYears[t] << std::right;
        for (const auto& p : e.parties) out << std::setw(16) << formatFixed(p.flows[t], 0);
        out << std::setw(16) << formatFixed(real[t], 0) << "\n";
    }
}

} // namespace

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char ch : text) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return quoted + "\"";
}

void writeEvaluationTable(const models::Case& c, const models::Evaluation& e, std::ostream& out) {
    out << c.name << " - " << e.structureName << " (" << e.structureId << ")\n";
    out << c.project.currency << ", " << (c.project.basis == models::PriceBasis::Real ? "real" : "nominal")
        << " terms; money in positive, out negative, from each party's point of view.\n\n";
    writeHeadline(c, e, out);
    writeSocialReturn(e, out);
    writePartyFlows(e, out);
    for (const std::string& note : e.outcome.notes) out << "  note: " << note << "\n";
    out << "  Money conserved: the parties' flows sum to the real flows in every year (largest gap "
        << formatFixed(e.outcome.ledger.conservationError(), 6) << ").\n";
}

void writeComparisonTable(const models::Case& c, const models::Comparison& comparison,
                          const std::vector<models::Evaluation>& evals, std::ostream& out) {
    out << c.name << ": " << evals.size() << " structures compared from the " << models::perspectiveId(comparison.perspective)
        << "'s perspective (" << comparison.scoreLabel << ")\n\n";
    out << "  " << std::left << std::setw(5) << "Rank" << std::setw(52) << "Structure" << std::right << std::setw(18)
        << "City PV cost" << std::setw(16) << "Peak outlay" << std::setw(11) << "Equity IRR" << std::setw(9) << "Min DSCR";
    const bool social = !evals.empty() && evals.front().social;
    if (social) out << std::setw(18) << "Economic NPV" << std::setw(8) << "SROI";
    out << "  Feasible\n";
    for (const auto& r : comparison.ranking) {
        const auto& e = evals[r.evaluation];
        out << "  " << std::left << std::setw(5) << r.rank << cell(e.structureName, 52) << std::right
            << std::setw(18) << formatFixed(e.cityPresentCost, 0) << std::setw(16) << formatFixed(e.cityPeakOutlay, 0)
            << std::setw(11) << rate(e.equityIrr) << std::setw(9) << ratio(e.minDscr);
        if (social) out << std::setw(18) << formatFixed(e.social->economicNpv, 0) << std::setw(8) << ratio(e.social->sroiRatio);
        out << "  " << (r.feasible ? "yes" : "no") << "\n";
    }
    out << "\n";
    for (const std::string& reason : comparison.reasons) out << "- " << reason << "\n";
}

void writeLedgerCsv(const std::vector<models::Evaluation>& evals, std::ostream& out) {
    out << "structure,party,line,counterparty,year,amount\n";
    for (const auto& e : evals)
        for (const auto& line : e.outcome.ledger.lines())
            for (std::size_t t = 0; t < line.amounts.size(); ++t)
                out << csvField(e.structureId) << ',' << models::partyId(line.party) << ',' << models::lineKindId(line.kind)
                    << ',' << (line.counterparty ? std::string(models::partyId(*line.counterparty)) : std::string("outside"))
                    << ',' << e.project.calendarYears[t] << ',' << csvNumber(line.amounts[t]) << '\n';
    // Valued social outcomes: the party "society", line "social_value:<outcome id>" (not money).
    for (const auto& e : evals) {
        if (!e.social) continue;
        for (const auto& o : e.social->outcomes)
            for (std::size_t t = 0; t < o.netImpact.size(); ++t)
                out << csvField(e.structureId) << ",society," << csvField("social_value:" + o.id) << ",outside,"
                    << e.project.calendarYears[t] << ',' << csvNumber(o.netImpact[t]) << '\n';
    }
}

void writeComparisonCsv(const models::Comparison& comparison, const std::vector<models::Evaluation>& evals,
                        std::ostream& out) {
    out << "rank,structure,name,feasible,score,city_present_cost,city_peak_outlay,city_peak_year,project_irr,"
           "equity_irr,min_dscr,llcr,social_value_pv,economic_npv,benefit_cost_ratio,sroi_ratio,tonnes_co2,"
           "cost_per_tonne_co2\n";
    const auto opt = [](const std::optional<double>& x) { return x ? csvNumber(*x) : std::string(); };
    for (const auto& r : comparison.ranking) {
        const auto& e = evals[r.evaluation];
        out << r.rank << ',' << csvField(e.structureId) << ',' << csvField(e.structureName) << ','
            << (r.feasible ? "true" : "false") << ',' << opt(r.score) << ',' << csvNumber(e.cityPresentCost) << ','
            << csvNumber(e.cityPeakOutlay) << ',' << e.cityPeakYear << ',' << opt(e.projectIrr.value) << ','
            << opt(e.equityIrr.value) << ',' << opt(e.minDscr) << ',' << opt(e.llcr);
        if (e.social)
            out << ',' << csvNumber(e.social->presentValue) << ',' << csvNumber(e.social->economicNpv) << ','
                << opt(e.social->benefitCostRatio) << ',' << opt(e.social->sroiRatio) << ',' << csvNumber(e.social->tonnesCo2)
                << ',' << opt(e.social->costPerTonneCo2);
        else
            out << ",,,,,,";
        out << '\n';
    }
}

} // namespace cityfin::cli
