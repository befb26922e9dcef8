#pragma once
// A city's answers to the maturity questionnaire (docs/methodology/maturity.md, "The answers
// file"): yes/no per check id, null for a question left open, and optional target levels.

#include "models/maturity/framework.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace cityfin::models::maturity {

inline constexpr int answersFormatVersion = 1;

struct Answers {
    std::string city;                                   ///< optional, for the report
    std::string notes;                                  ///< optional free text
    std::map<std::string, std::optional<bool>> answers; ///< check id -> yes/no; null: left open
    std::map<std::string, Level> targets;               ///< characteristic id -> planned level

    /// The answer to a check: empty when absent or null.
    std::optional<bool> answer(const std::string& checkId) const;
};

/// Strict: unknown fields and unknown check or characteristic ids are InputErrors naming the JSON
/// path (with a did-you-mean); an answer must be true, false or null; a target a level id.
Answers parseAnswers(std::string_view text, const Framework& framework);

/// Reads and parses an answers file; InputError("answers file", path, ...) when unreadable.
Answers loadAnswersFile(const std::string& path, const Framework& framework);

} // namespace cityfin::models::maturity
