#include "finance/dates.hpp"

#include <ql/utilities/dataformatters.hpp>

#include <sstream>

namespace cityfin::finance {

std::string isoDate(const QuantLib::Date& date) {
    if (date == QuantLib::Date()) return "an empty date";
    std::ostringstream out;
    out << QuantLib::io::iso_date(date);
    return out.str();
}

} // namespace cityfin::finance
