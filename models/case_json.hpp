#pragma once
// Strict JSON reading for the case file. Every value is read through an Object that knows its JSON
// path, so each error names the path, shows the value and says what was expected (InputError).
// Used by the case reader only; the names of fields are the case file's (snake_case).

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "models/case_names.hpp"

namespace cityfin::models::casejson {

using Json = nlohmann::json;

/// Deepest nesting of arrays and objects accepted (a case needs about 6).
inline constexpr int maxDepth = 64;

/// Parses text as JSON, rejecting what nlohmann would accept silently or mishandle: a key given
/// twice in one object, nesting deeper than maxDepth, a number beyond the range of a double.
/// A syntax error is reported with the field "line L, column C" (column in characters).
Json parseStrict(std::string_view text);

/// A JSON value as shown in an error message: compact, at most about 60 characters.
std::string shown(const Json& value);

/// The path of a field inside the object at path: "project.capex", "capex" at the top, and
/// ["a b"] for a key that is not a plain identifier.
std::string childPath(const std::string& path, std::string_view key);

/// The path of element i of the array at path: "structures[2]".
std::string elementPath(const std::string& path, std::size_t i);

[[noreturn]] void fail(const std::string& path, const Json& value, const std::string& expected);

/// The name among names closest to key (edit distance, case and camelCase forgiven) when it is
/// close enough to be a typo of it.
std::optional<std::string_view> closestName(std::string_view key, std::span<const std::string_view> names);

/// Allowed interval of a number and how it is described in errors.
struct NumberRange {
    double low = -std::numeric_limits<double>::infinity();
    double high = std::numeric_limits<double>::infinity();
    bool lowExcluded = false;
    std::string_view expected = "a finite number";

    bool contains(double x) const noexcept;
};
inline constexpr NumberRange amountRange{0.0, std::numeric_limits<double>::infinity(), false, "an amount >= 0"};
inline constexpr NumberRange shareRange{0.0, 1.0, false, "a share from 0 to 1"};
inline constexpr NumberRange rateRange{-1.0, std::numeric_limits<double>::infinity(), true,
                                       "a finite rate above -1 (-100%)"};
inline constexpr NumberRange nonNegativeRange{0.0, std::numeric_limits<double>::infinity(), false,
                                              "a finite number >= 0"};

/// Allowed interval of a whole number and how it is described in errors.
struct WholeRange {
    int low = 0;
    int high = 0;
    std::string expected;
};
/// "a whole number of years from low to high"
WholeRange yearsRange(int low, int high);

/// A JSON object at a path, with the fields it may hold. Construction fails on a value that is not
/// an object and on a field not in the list (suggesting the closest allowed name).
class Object {
public:
    Object(const Json& value, std::string path, std::initializer_list<std::string_view> fields);

    const std::string& path() const noexcept { return path_; }
    std::string pathOf(std::string_view key) const { return childPath(path_, key); }
    const Json* find(std::string_view key) const;
    bool has(std::string_view key) const { return find(key) != nullptr; }

    /// A required field that is absent: "got no value, expected <expected> (a required field)".
    [[noreturn]] void missing(std::string_view key, std::string_view expected) const;

    std::string text(std::string_view key) const;  ///< required, non-empty
    std::string textOr(std::string_view key, std::string fallback) const;

    double number(std::string_view key, const NumberRange& range) const;
    double numberOr(std::string_view key, double fallback, const NumberRange& range) const;
    std::optional<double> optionalNumber(std::string_view key, const NumberRange& range) const;

    int whole(std::string_view key, const WholeRange& range) const;
    int wholeOr(std::string_view key, int fallback, const WholeRange& range) const;

    bool flagOr(std::string_view key, bool fallback) const;

    template <typename E, std::size_t N>
    E choiceOr(std::string_view key, E fallback, const std::array<NamedValue<E>, N>& names) const {
        const Json* v = find(key);
        if (!v) return fallback;
        if (v->is_string())
            if (auto value = valueNamed(names, v->get_ref<const std::string&>())) return *value;
        std::vector<std::string_view> allowed;
        for (const auto& n : names) allowed.push_back(n.name);
        fail(pathOf(key), *v, oneOf(allowed));
    }

    Object object(std::string_view key, std::initializer_list<std::string_view> fields) const;
    std::optional<Object> optionalObject(std::string_view key, std::initializer_list<std::string_view> fields) const;

    /// An array field; absent gives an empty array when optional, an error when required.
    const Json& array(std::string_view key, std::string_view expected, bool required) const;

    /// "one of \"a\", \"b\""
    static std::string oneOf(std::span<const std::string_view> names);

private:
    const Json* value_;
    std::string path_;
};

/// Calls read(element, elementPath) for every element of an array.
template <typename Read>
void forEachElement(const Json& array, const std::string& path, Read read) {
    for (std::size_t i = 0; i < array.size(); ++i) read(array[i], elementPath(path, i));
}

/// A number read from a JSON value (no field around it), e.g. an element of an array.
double numberAt(const Json& value, const std::string& path, const NumberRange& range);

} // namespace cityfin::models::casejson
