#include "models/case_json.hpp"

#include "finance/errors.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <utility>

namespace cityfin::models::casejson {
namespace {

constexpr std::size_t maxShownChars = 60;
constexpr std::string_view topLevelName = "case file";

bool isIdentifier(std::string_view key) {
    return !key.empty() && std::all_of(key.begin(), key.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '_' || c == '-';
    });
}

// Cuts text to at most `limit` bytes without splitting a UTF-8 character, marking the cut.
std::string truncated(std::string text, std::size_t limit) {
    if (text.size() <= limit) return text;
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    text.resize(end);
    return text + "...";
}

// nlohmann's message "...: syntax error while parsing object key - unexpected '}'; expected string
// literal" as (problem, expected).
std::pair<std::string, std::string> describeSyntaxError(const std::string& message) {
    std::string detail = message;
    if (auto dash = detail.find(" - "); dash != std::string::npos) detail = detail.substr(dash + 3);
    else if (auto colon = detail.find(": "); colon != std::string::npos) detail = detail.substr(colon + 2);
    std::string expected = "valid JSON";
    if (auto at = detail.find("; expected "); at != std::string::npos) {
        expected = detail.substr(at + 11);
        detail.resize(at);
    }
    if (auto at = detail.find("; last read"); at != std::string::npos) detail.resize(at);
    return {truncated(detail, 2 * maxShownChars), truncated(expected, 2 * maxShownChars)};
}

// "line L, column C" of the byte nlohmann stopped at (1-based count of bytes read); columns count
// characters, not bytes, so that a line with Chinese text points at the right place.
std::string lineAndColumn(std::string_view text, std::size_t byte) {
    const std::size_t at = std::min(byte > 0 ? byte - 1 : 0, text.size());
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < at; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// Optimal string alignment distance (Levenshtein with adjacent transpositions).
std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

// "annualVolume" -> "annual_volume", "Name" -> "name".
std::string snakeCase(std::string_view key) {
    std::string out;
    for (char c : key) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isupper(u)) {
            if (!out.empty()) out += '_';
            out += static_cast<char>(std::tolower(u));
        } else {
            out += c;
        }
    }
    return out;
}

int wholeFrom(const Json& v, const std::string& path, const WholeRange& range) {
    long long x = 0;
    if (v.is_number_unsigned()) {
        const auto u = v.get<unsigned long long>();
        if (u > static_cast<unsigned long long>(range.high)) fail(path, v, range.expected);
        x = static_cast<long long>(u);
    } else if (v.is_number_integer()) {
        x = v.get<long long>();
    } else if (v.is_number_float()) {
        const double d = v.get<double>();
        if (!std::isfinite(d) || d != std::floor(d) || d < range.low || d > range.high) fail(path, v, range.expected);
        x = static_cast<long long>(d);
    } else {
        fail(path, v, range.expected);
    }
    if (x < range.low || x > range.high) fail(path, v, range.expected);
    return static_cast<int>(x);
}

} // namespace

namespace {

std::string label(const std::string& path) { return path.empty() ? std::string(topLevelName) : path; }

// A SAX handler that builds the document with nlohmann's own DOM builder and follows the parser
// through it: where it is (for errors nlohmann reports without a position), which keys each open
// object already has, and how deep it is. (nlohmann's parse callbacks would do, but they make
// reading an array of n objects O(n^2).)
class StrictSax {
public:
    StrictSax(Json& result, std::string_view text) : dom_(result, true), text_(text) {}

    bool null() { return value(), dom_.null(); }
    bool boolean(bool x) { return value(), dom_.boolean(x); }
    bool number_integer(Json::number_integer_t x) { return value(), dom_.number_integer(x); }
    bool number_unsigned(Json::number_unsigned_t x) { return value(), dom_.number_unsigned(x); }
    bool number_float(Json::number_float_t x, const Json::string_t& s) { return value(), dom_.number_float(x, s); }
    bool string(Json::string_t& x) { return value(), dom_.string(x); }
    bool binary(Json::binary_t& x) { return value(), dom_.binary(x); }
    bool start_object(std::size_t n) { return open(false), dom_.start_object(n); }
    bool start_array(std::size_t n) { return open(true), dom_.start_array(n); }
    bool end_object() { return frames_.pop_back(), dom_.end_object(); }
    bool end_array() { return frames_.pop_back(), dom_.end_array(); }

    bool key(Json::string_t& key) {
        Frame& top = frames_.back();
        top.key = key;
        if (!top.keys.insert(key).second)
            throw InputError(label(path(false)), "a second value for the same field", "each field at most once");
        return dom_.key(key);
    }

    bool parse_error(std::size_t byte, const std::string& token, const Json::exception& e) {
        if (e.id == 406)  // number overflow: nlohmann gives no position, name the value being read
            throw InputError(label(path(true)), truncated(token, maxShownChars), "a finite number");
        auto [problem, expected] = describeSyntaxError(e.what());
        throw InputError(lineAndColumn(text_, byte), problem, expected);
    }

private:
    struct Frame {
        bool array = false;
        std::size_t count = 0;  // elements begun so far, in an array
        std::string key;        // the current key, in an object
        std::set<std::string, std::less<>> keys;
    };

    void value() {
        if (!frames_.empty() && frames_.back().array) ++frames_.back().count;
    }

    void open(bool array) {
        value();
        if (frames_.size() >= static_cast<std::size_t>(maxDepth))
            throw InputError(label(path(false)),
                             "a value nested more than " + std::to_string(maxDepth) + " levels deep",
                             "at most " + std::to_string(maxDepth) + " levels of arrays and objects");
        frames_.push_back(Frame{array, 0, {}, {}});
    }

    // Path of the value being read (pending: not yet begun, so not yet counted in its array).
    std::string path(bool pending) const {
        std::string out;
        for (std::size_t i = 0; i < frames_.size(); ++i) {
            const Frame& f = frames_[i];
            if (!f.array) out = childPath(out, f.key);
            else out = elementPath(out, pending && i + 1 == frames_.size() ? f.count : f.count - 1);
        }
        return out;
    }

    nlohmann::detail::json_sax_dom_parser<Json> dom_;
    std::string_view text_;
    std::vector<Frame> frames_;
};

} // namespace

Json parseStrict(std::string_view text) {
    Json result;
    StrictSax sax(result, text);
    try {
        Json::sax_parse(text.begin(), text.end(), &sax);
    } catch (const Json::exception&) {  // not expected: every parse error goes through the handler
        throw InputError(std::string(topLevelName), "text that is not valid JSON", "valid JSON");
    }
    return result;
}

std::string shown(const Json& value) {
    if (value.is_number_float() && !std::isfinite(value.get<double>())) return formatValue(value.get<double>());
    return truncated(value.dump(-1, ' ', false, Json::error_handler_t::replace), maxShownChars);
}

std::string childPath(const std::string& path, std::string_view key) {
    std::string name;
    if (isIdentifier(key)) {
        name = key;
    } else {
        name = "[" + truncated(Json(std::string(key)).dump(-1, ' ', false, Json::error_handler_t::replace),
                               maxShownChars) + "]";
        return path + name;
    }
    return path.empty() ? name : path + "." + name;
}

std::string elementPath(const std::string& path, std::size_t i) { return indexedField(path, i); }

void fail(const std::string& path, const Json& value, const std::string& expected) {
    throw InputError(label(path), shown(value), expected);
}

std::optional<std::string_view> closestName(std::string_view key, std::span<const std::string_view> names) {
    if (key.size() > 64) return std::nullopt;  // not a typo; and keeps the distance cheap
    const std::string lower = [&] {
        std::string s(key);
        for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    }();
    const std::string snake = snakeCase(key);
    std::optional<std::string_view> best;
    std::size_t bestDistance = 0;
    for (std::string_view name : names) {
        std::size_t d = std::min(editDistance(lower, name), editDistance(snake, name));
        if (snake.size() >= 4 && name.substr(0, snake.size()) == snake) d = 1;  // "loan_tenor" for "loan_tenor_years"
        const std::size_t allowed = name.size() <= 4 ? 1 : 2;
        if (d <= allowed && (!best || d < bestDistance)) {
            best = name;
            bestDistance = d;
        }
    }
    return best;
}

bool NumberRange::contains(double x) const noexcept {
    return std::isfinite(x) && (lowExcluded ? x > low : x >= low) && x <= high;
}

WholeRange yearsRange(int low, int high) {
    return {low, high, "a whole number of years from " + std::to_string(low) + " to " + std::to_string(high)};
}

double numberAt(const Json& value, const std::string& path, const NumberRange& range) {
    if (!value.is_number()) fail(path, value, std::string(range.expected));
    const double x = value.get<double>();
    if (!range.contains(x)) fail(path, value, std::string(range.expected));
    return x;
}

Object::Object(const Json& value, std::string path, std::initializer_list<std::string_view> fields)
    : value_(&value), path_(std::move(path)) {
    if (!value.is_object()) fail(path_, value, "an object");
    const std::vector<std::string_view> allowed(fields);
    for (const auto& [key, item] : value.items()) {
        if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
        std::string expected;
        if (auto suggestion = closestName(key, allowed)) expected = "a known field: did you mean \"" + std::string(*suggestion) + "\"?";
        else {
            expected = "a known field: one of ";
            for (std::size_t i = 0; i < allowed.size(); ++i) expected += (i ? ", " : "") + std::string(allowed[i]);
        }
        throw InputError(pathOf(key), "an unknown field", expected);
    }
}

const Json* Object::find(std::string_view key) const {
    auto it = value_->find(key);
    return it == value_->end() ? nullptr : &*it;
}

void Object::missing(std::string_view key, std::string_view expected) const {
    throw InputError(pathOf(key), "no value", std::string(expected) + " (a required field)");
}

std::string Object::text(std::string_view key) const {
    const Json* v = find(key);
    if (!v) missing(key, "a non-empty string");
    if (!v->is_string() || v->get_ref<const std::string&>().empty()) fail(pathOf(key), *v, "a non-empty string");
    return v->get<std::string>();
}

std::string Object::textOr(std::string_view key, std::string fallback) const {
    const Json* v = find(key);
    if (!v) return fallback;
    if (!v->is_string()) fail(pathOf(key), *v, "a string");
    return v->get<std::string>();
}

double Object::number(std::string_view key, const NumberRange& range) const {
    const Json* v = find(key);
    if (!v) missing(key, range.expected);
    return numberAt(*v, pathOf(key), range);
}

double Object::numberOr(std::string_view key, double fallback, const NumberRange& range) const {
    if (const Json* v = find(key)) return numberAt(*v, pathOf(key), range);
    if (!range.contains(fallback))
        throw InputError(pathOf(key), formatValue(fallback) + " (the default)", std::string(range.expected));
    return fallback;
}

std::optional<double> Object::optionalNumber(std::string_view key, const NumberRange& range) const {
    if (const Json* v = find(key)) return numberAt(*v, pathOf(key), range);
    return std::nullopt;
}

int Object::whole(std::string_view key, const WholeRange& range) const {
    const Json* v = find(key);
    if (!v) missing(key, range.expected);
    return wholeFrom(*v, pathOf(key), range);
}

int Object::wholeOr(std::string_view key, int fallback, const WholeRange& range) const {
    if (const Json* v = find(key)) return wholeFrom(*v, pathOf(key), range);
    if (fallback < range.low || fallback > range.high)
        throw InputError(pathOf(key), std::to_string(fallback) + " (the default)", range.expected);
    return fallback;
}

bool Object::flagOr(std::string_view key, bool fallback) const {
    const Json* v = find(key);
    if (!v) return fallback;
    if (!v->is_boolean()) fail(pathOf(key), *v, "true or false");
    return v->get<bool>();
}

Object Object::object(std::string_view key, std::initializer_list<std::string_view> fields) const {
    const Json* v = find(key);
    if (!v) missing(key, "an object");
    return Object(*v, pathOf(key), fields);
}

std::optional<Object> Object::optionalObject(std::string_view key,
                                             std::initializer_list<std::string_view> fields) const {
    const Json* v = find(key);
    if (!v) return std::nullopt;
    return Object(*v, pathOf(key), fields);
}

const Json& Object::array(std::string_view key, std::string_view expected, bool required) const {
    static const Json empty = Json::array();
    const Json* v = find(key);
    if (!v) {
        if (required) missing(key, expected);
        return empty;
    }
    if (!v->is_array()) fail(pathOf(key), *v, std::string(expected));
    return *v;
}

std::string Object::oneOf(std::span<const std::string_view> names) {
    std::string out = "one of ";
    for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", \"" : "\"") + std::string(names[i]) + "\"";
    return out;
}

} // namespace cityfin::models::casejson
