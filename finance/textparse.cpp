#include "finance/textparse.hpp"

#include "finance/errors.hpp"

#include <charconv>
#include <cmath>

namespace cityfin {
namespace {

// Built by appending: "\"" + std::string(...) trips GCC 12's false -Wrestrict (bug 105651).
std::string quoted(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out.append(1, '"').append(text).append(1, '"');
    return out;
}

// Parses all of `text` as T; false when anything is left over or the text is empty.
template <typename T>
bool parseWhole(std::string_view text, T& value) {
    if (text.empty()) return false;
    const char* first = text.data();
    if (*first == '+') ++first;  // from_chars rejects a leading '+', users write it
    const char* last = text.data() + text.size();
    auto [end, ec] = std::from_chars(first, last, value);
    return ec == std::errc() && end == last;
}

} // namespace

double parseNumber(const std::string& field, std::string_view text) {
    double value = 0.0;
    if (!parseWhole(text, value) || !std::isfinite(value))
        throw InputError(field, quoted(text), "a decimal number such as 0.08 or -40000");
    return value;
}

int parseInteger(const std::string& field, std::string_view text) {
    int value = 0;
    if (!parseWhole(text, value)) throw InputError(field, quoted(text), "a whole number such as 30");
    return value;
}

QuantLib::Date parseIsoDate(const std::string& field, std::string_view text) {
    const std::string expected = "a date YYYY-MM-DD between 1901-01-01 and 2199-12-31";
    int year = 0, month = 0, day = 0;
    const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                        parseWhole(text.substr(0, 4), year) && parseWhole(text.substr(5, 2), month) &&
                        parseWhole(text.substr(8, 2), day);
    if (!shaped || year < 1901 || year > 2199 || month < 1 || month > 12 || day < 1 ||
        day > QuantLib::Date::endOfMonth(QuantLib::Date(1, QuantLib::Month(month), year)).dayOfMonth())
        throw InputError(field, quoted(text), expected);
    return QuantLib::Date(QuantLib::Day(day), QuantLib::Month(month), QuantLib::Year(year));
}

std::vector<QuantLib::Date> parseIsoDateList(const std::string& field, std::string_view text) {
    std::vector<QuantLib::Date> dates;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = text.find(',', start);
        const std::string_view item = text.substr(start, comma == std::string_view::npos ? text.npos : comma - start);
        dates.push_back(parseIsoDate(indexedField(field, dates.size()), item));
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return dates;
}

} // namespace cityfin
