#pragma once
// The parties of a financing structure. Sign convention, stated once and used everywhere: every
// amount is seen from the party that holds the line; money in is positive, money out negative.

#include <array>
#include <string_view>

namespace cityfin::models {

enum class Party {
    Government,  ///< the city (procuring authority, owner, budget)
    Private,     ///< the private side's equity: SPV, concessionaire, contractor, ESCO, provider, operator
    Lenders,     ///< senior lenders, bondholders, retail (crowdfunding) investors
    Users,       ///< those who pay user charges (parking fees, tourists' Wi-Fi fees)
    Funders,     ///< outside funders of grants: EU, national programmes, development funds
};

inline constexpr std::array<Party, 5> kParties = {Party::Government, Party::Private, Party::Lenders,
                                                  Party::Users, Party::Funders};

/// Stable identifier used in files and JSON: "government", "private", "lenders", "users", "funders".
std::string_view partyId(Party party);

/// Name for people: "City", "Private partner", ...
std::string_view partyName(Party party);

} // namespace cityfin::models
