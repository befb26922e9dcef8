#pragma once
// The case file: one JSON file per case, versioned ("cityfin": 1), documented field by field in
// docs/case-format.md. parseCase() is strict: a wrong type, an unknown or duplicate field, a missing
// required field or a value out of range is an InputError naming the JSON path (e.g.
// "structures[2].terms.debt.tenor_years"), the value and what was expected.

#include "models/project.hpp"
#include "models/social/outcomes.hpp"
#include "models/structure.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace cityfin::models {

struct Case {
    int version = 1;                     ///< format version, "cityfin" in the file
    std::string id, name, description;   ///< description: free text, optional
    std::string source;                  ///< optional: the seed section the case comes from
    Project project;
    Scenario scenario;                   ///< optional in the file ("scenario"), defaults otherwise
    std::vector<Structure> structures;   ///< at least one; ids unique
    nlohmann::json plans = nlohmann::json::array();    ///< reserved for Plan B (kept verbatim)
    nlohmann::json risks = nlohmann::json::array();    ///< reserved for the risk register (verbatim)
    std::vector<SocialOutcome> outcomes;        ///< optional: social outcomes ("outcomes")
    std::vector<CarbonPricePoint> carbonPrice;  ///< optional: carbon price path ("carbon_price")
};

/// The format version this build reads and writes.
inline constexpr int caseFormatVersion = 1;

/// Parses and validates a case (validateProject, and validateSupport for every structure).
/// Throws InputError; a syntax error is reported at "line L, column C".
Case parseCase(std::string_view text);

/// Reads and parses a case file. A missing or unreadable file: InputError("case file", path,
/// "a readable file").
Case loadCaseFile(const std::string& path);

/// The canonical text of a case: pretty-printed with 2 spaces, fields in the documented order,
/// numbers locale-independent and shortest round-trip, optional parts written only when set.
/// parseCase(caseToJson(c)) gives back c, and caseToJson of that the same text. Throws InputError
/// for a value JSON cannot hold (a non-finite number, text that is not UTF-8, a version other than 1).
std::string caseToJson(const Case& c);

/// Writes caseToJson(c) to a temporary file in the target's folder, flushes it to disk and renames
/// it over path: readers see the old file or the new one, never a partial one. On any failure the
/// old file is left as it was, the temporary file is removed and InputError("case file", path, ...)
/// is thrown.
void saveCaseFileAtomically(const std::string& path, const Case& c);

} // namespace cityfin::models
