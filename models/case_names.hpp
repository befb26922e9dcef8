#pragma once
// The names the case file uses for enumerations and structure types, in one table each, so the
// reader, the writer (and any front end offering a choice) can never disagree.

#include "finance/debt.hpp"
#include "models/project.hpp"
#include "models/structure.hpp"

#include <array>
#include <optional>
#include <string_view>
#include <variant>

namespace cityfin::models {

template <typename E>
struct NamedValue {
    E value;
    std::string_view name;
};

inline constexpr std::array<NamedValue<PriceBasis>, 2> priceBasisNames{{
    {PriceBasis::Nominal, "nominal"}, {PriceBasis::Real, "real"}}};

inline constexpr std::array<NamedValue<RevenueStream::Payer>, 2> payerNames{{
    {RevenueStream::Payer::Users, "users"}, {RevenueStream::Payer::Market, "market"}}};

inline constexpr std::array<NamedValue<finance::RepaymentProfile>, 4> repaymentProfileNames{{
    {finance::RepaymentProfile::Annuity, "annuity"},
    {finance::RepaymentProfile::LevelPrincipal, "level_principal"},
    {finance::RepaymentProfile::Bullet, "bullet"},
    {finance::RepaymentProfile::Sculpted, "sculpted"}}};

inline constexpr std::array<NamedValue<ConcessionTerms::Variant>, 3> concessionVariantNames{{
    {ConcessionTerms::Variant::Bot, "bot"}, {ConcessionTerms::Variant::Bto, "bto"},
    {ConcessionTerms::Variant::Boo, "boo"}}};

inline constexpr std::array<NamedValue<EspcTerms::Variant>, 2> espcVariantNames{{
    {EspcTerms::Variant::GuaranteedSavings, "guaranteed_savings"},
    {EspcTerms::Variant::SharedSavings, "shared_savings"}}};

inline constexpr std::array<NamedValue<PayAsYouGoTerms::Variant>, 2> payAsYouGoVariantNames{{
    {PayAsYouGoTerms::Variant::ServicePurchase, "service_purchase"},
    {PayAsYouGoTerms::Variant::CapitalPhasing, "capital_phasing"}}};

/// The "type" of a structure in the case file, indexed like the alternatives of StructureTerms.
/// The same identifiers as structureKind().
inline constexpr std::array<std::string_view, 8> structureTypeNames{
    "traditional", "ppp_availability", "concession",    "build_transfer",
    "green_bond",  "espc",             "pay_as_you_go", "revenue_sharing"};
static_assert(std::variant_size_v<StructureTerms> == structureTypeNames.size(),
              "every structure type needs a name in the case file");

template <typename E, std::size_t N>
constexpr std::string_view nameOf(const std::array<NamedValue<E>, N>& names, E value) {
    for (const auto& n : names)
        if (n.value == value) return n.name;
    return "?";
}

template <typename E, std::size_t N>
constexpr std::optional<E> valueNamed(const std::array<NamedValue<E>, N>& names, std::string_view name) {
    for (const auto& n : names)
        if (n.name == name) return n.value;
    return std::nullopt;
}

} // namespace cityfin::models
