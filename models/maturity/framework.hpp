#pragma once
// The maturity framework of the seed's annexes 1 and 2 as data: nine characteristics, the annex-1
// questions quoted for context, and per level the annex-2 criterion with the yes/no checks that
// decide it. The texts live in models/maturity/framework.json (English and Simplified Chinese),
// embedded into the library at build time. Method: docs/methodology/maturity.md.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cityfin::models::maturity {

/// The ladder's rungs, in order (seed section 4 table 3 and annex 2).
enum class Level { NotInvolved = 0, Basic = 1, General = 2, Advanced = 3, MostMature = 4 };
inline constexpr std::array<Level, 4> kCriterionLevels{Level::Basic, Level::General, Level::Advanced, Level::MostMature};

/// "not_involved", "basic", "general", "advanced", "most_mature"; and back (empty when unknown).
std::string_view levelId(Level level);
std::optional<Level> levelFromId(std::string_view id);
inline int levelRank(Level level) { return static_cast<int>(level); }

struct Text {
    std::string en, zh;
    const std::string& in(std::string_view lang) const { return lang == "zh" ? zh : en; }
};

/// One yes/no question; answering yes means the part of the criterion it names is met.
struct Check {
    std::string id;   ///< "<characteristic prefix>.<name>", e.g. "financing.scale_up_plan"
    Text question;
};

struct LevelCriteria {
    Text criterion;                  ///< annex 2's cell (quoted), or cityfin's where marked
    std::vector<Check> checks;       ///< all must be yes to reach the level
};

struct Characteristic {
    std::string id;                  ///< "strategy", ..., "legal_regulatory"
    Text name;
    std::string criteriaSource;      ///< where the criteria come from
    bool criteriaQuoted = true;      ///< false: annex 2 has no row, cityfin derived the criteria
    std::vector<Text> annex1;        ///< the annex-1 questions, for context
    std::array<LevelCriteria, 4> levels;  ///< basic, general, advanced, most mature
    const LevelCriteria& criteria(Level level) const { return levels.at(levelRank(level) - 1); }
};

struct Framework {
    Text title;
    std::string source;
    std::array<Text, 5> levelNames;  ///< indexed by levelRank
    Text cannotAssess;
    Text notInvolvedCriterion;
    std::vector<Characteristic> characteristics;  ///< the nine, in annex order

    const Characteristic* find(std::string_view id) const;
    /// Every check id, in framework order.
    std::vector<std::string_view> checkIds() const;
};

/// Reads and validates a framework text: every characteristic has four levels, each with a
/// criterion and at least one check in both languages; check ids unique. InputError otherwise.
Framework parseFramework(std::string_view text);

/// The framework embedded at build time (parsed once).
const Framework& builtinFramework();

/// The embedded JSON text itself (generated from framework.json).
std::string_view builtinFrameworkText();

} // namespace cityfin::models::maturity
