#include "models/structures/build.hpp"

#include <cctype>
#include <string>
#include <type_traits>
#include <vector>

namespace cityfin::models {

namespace {

// The finance layer counts periods ("period 9: CFADS ... is negative"); the case has calendar years,
// and period t is the year start_year + t (annual periods from the start of construction). Each
// note's "period N: " becomes "in YYYY, ", its "that period" "that year".
void dateFinanceNotes(std::vector<std::string>& notes, int startYear) {
    static const std::string kPeriod = "period ";
    for (std::string& note : notes) {
        const std::size_t at = note.find(kPeriod);
        if (at == std::string::npos) continue;
        std::size_t end = at + kPeriod.size();
        while (end < note.size() && std::isdigit(static_cast<unsigned char>(note[end]))) ++end;
        if (end == at + kPeriod.size() || note.compare(end, 2, ": ") != 0) continue;
        const int period = std::stoi(note.substr(at + kPeriod.size(), end - at - kPeriod.size()));
        note.replace(at, end + 2 - at, "in " + std::to_string(startYear + period) + ", ");
        if (const std::size_t that = note.find("that period"); that != std::string::npos)
            note.replace(that, 11, "that year");
    }
}

} // namespace

StructureOutcome buildOutcome(const Project& project, const ProjectFlows& flows, const Structure& structure) {
    StructureOutcome outcome = std::visit(
        [&](const auto& terms) -> StructureOutcome {
            using T = std::decay_t<decltype(terms)>;
            const SupportTerms& s = structure.support;
            if constexpr (std::is_same_v<T, TraditionalTerms>) return buildTraditional(project, flows, terms, s);
            else if constexpr (std::is_same_v<T, PppAvailabilityTerms>) return buildPppAvailability(project, flows, terms, s);
            else if constexpr (std::is_same_v<T, ConcessionTerms>) return buildConcession(project, flows, terms, s);
            else if constexpr (std::is_same_v<T, BuildTransferTerms>) return buildBuildTransfer(project, flows, terms, s);
            else if constexpr (std::is_same_v<T, GreenBondTerms>) return buildGreenBond(project, flows, terms, s);
            else if constexpr (std::is_same_v<T, EspcTerms>) return buildEspc(project, flows, terms, s);
            else if constexpr (std::is_same_v<T, PayAsYouGoTerms>) return buildPayAsYouGo(project, flows, terms, s);
            else return buildRevenueSharing(project, flows, terms, s);
        },
        structure.terms);
    dateFinanceNotes(outcome.notes, project.startYear);
    return outcome;
}

std::string structureKind(const StructureTerms& terms) {
    static const char* const kinds[] = {"traditional", "ppp_availability", "concession", "build_transfer",
                                        "green_bond", "espc", "pay_as_you_go", "revenue_sharing"};
    return kinds[terms.index()];
}

bool privateFundsNoCapital(const StructureTerms& terms) {
    const auto* espc = std::get_if<EspcTerms>(&terms);
    return espc && espc->variant == EspcTerms::Variant::GuaranteedSavings;
}

} // namespace cityfin::models
