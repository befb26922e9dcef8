#pragma once
// The parsed arguments of one `cityfin calc` function: named options as text, converted on request
// with errors that name the option, and the cash flows given after `--`.

#include <ql/time/date.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cityfin::cli {

class CalcArguments {
public:
    CalcArguments(std::map<std::string, std::string> options, std::vector<double> flows)
        : options_(std::move(options)), flows_(std::move(flows)) {}

    bool has(const std::string& name) const { return options_.count(name) > 0; }
    std::optional<std::string> text(const std::string& name) const;
    double number(const std::string& name) const;                   ///< required
    double number(const std::string& name, double fallback) const;  ///< optional
    int integer(const std::string& name) const;
    std::vector<QuantLib::Date> dates(const std::string& name) const;
    QuantLib::Date date(const std::string& name) const;
    /// One of `allowed`; fallback when absent.
    std::string choice(const std::string& name, const std::vector<std::string>& allowed,
                       const std::string& fallback) const;

    /// The cash flows; throws when there are none.
    const std::vector<double>& flows() const;

private:
    std::map<std::string, std::string> options_;
    std::vector<double> flows_;
};

} // namespace cityfin::cli
