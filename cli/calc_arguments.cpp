#include "cli/calc_arguments.hpp"

#include "finance/errors.hpp"
#include "finance/textparse.hpp"

namespace cityfin::cli {
namespace {
std::string optionField(const std::string& name) { return "--" + name; }
} // namespace

std::optional<std::string> CalcArguments::text(const std::string& name) const {
    const auto found = options_.find(name);
    if (found == options_.end()) return std::nullopt;
    return found->second;
}

double CalcArguments::number(const std::string& name) const {
    const auto value = text(name);
    if (!value) throw InputError(optionField(name), "nothing", "a value: this option is required");
    return parseNumber(optionField(name), *value);
}

double CalcArguments::number(const std::string& name, double fallback) const {
    return has(name) ? number(name) : fallback;
}

int CalcArguments::integer(const std::string& name) const {
    const auto value = text(name);
    if (!value) throw InputError(optionField(name), "nothing", "a value: this option is required");
    return parseInteger(optionField(name), *value);
}

std::vector<QuantLib::Date> CalcArguments::dates(const std::string& name) const {
    const auto value = text(name);
    if (!value) throw InputError(optionField(name), "nothing", "a comma-separated list of dates YYYY-MM-DD");
    return parseIsoDateList(optionField(name), *value);
}

QuantLib::Date CalcArguments::date(const std::string& name) const {
    const auto value = text(name);
    if (!value) throw InputError(optionField(name), "nothing", "a date YYYY-MM-DD: this option is required");
    return parseIsoDate(optionField(name), *value);
}

std::string CalcArguments::choice(const std::string& name, const std::vector<std::string>& allowed,
                                  const std::string& fallback) const {
    const auto value = text(name);
    if (!value) return fallback;
    for (const std::string& option : allowed)
        if (*value == option) return option;
    std::string list;
    for (const std::string& option : allowed) list += (list.empty() ? "" : ", ") + option;
    throw InputError(optionField(name), "\"" + *value + "\"", "one of " + list);
}

const std::vector<double>& CalcArguments::flows() const {
    if (flows_.empty())
        throw InputError("flows", "nothing", "at least one cash flow after '--', e.g. -- -1000 300 400 500");
    return flows_;
}

} // namespace cityfin::cli
