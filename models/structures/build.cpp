#include "models/structures/build.hpp"

#include <type_traits>

namespace cityfin::models {

StructureOutcome buildOutcome(const Project& project, const ProjectFlows& flows, const Structure& structure) {
    return std::visit(
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
}

std::string structureKind(const StructureTerms& terms) {
    static const char* const kinds[] = {"traditional", "ppp_availability", "concession", "build_transfer",
                                        "green_bond", "espc", "pay_as_you_go", "revenue_sharing"};
    return kinds[terms.index()];
}

} // namespace cityfin::models
