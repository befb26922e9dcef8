#include "models/party.hpp"

namespace cityfin::models {

std::string_view partyId(Party party) {
    switch (party) {
    case Party::Government: return "government";
    case Party::Private: return "private";
    case Party::Lenders: return "lenders";
    case Party::Users: return "users";
    case Party::Funders: return "funders";
    }
    return "unknown";
}

std::string_view partyName(Party party) {
    switch (party) {
    case Party::Government: return "City";
    case Party::Private: return "Private partner";
    case Party::Lenders: return "Lenders";
    case Party::Users: return "Users";
    case Party::Funders: return "Outside funders";
    }
    return "Unknown";
}

} // namespace cityfin::models
