// The library as a teaching set: every structure (and every variant of the concession, ESPC and
// pay-as-you-go) appears in at least two cases, at least five cases compare four or more structures,
// and the library holds at least twelve cases. Counted from the case files as they are.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

namespace fs = std::filesystem;

namespace {

std::vector<nlohmann::json> cases() {
    std::vector<nlohmann::json> out;
    for (const auto& entry : fs::directory_iterator(CITYFIN_CASES_DIR))
        if (std::ifstream in(entry.path() / "case.json"); in) out.push_back(nlohmann::json::parse(in));
    return out;
}

// "concession/bot", "espc/shared_savings", "traditional", ... with each type's default variant.
std::string kindOf(const nlohmann::json& structure) {
    static const std::map<std::string, std::string> defaultVariant = {
        {"concession", "bot"}, {"espc", "guaranteed_savings"}, {"pay_as_you_go", "service_purchase"}};
    const std::string type = structure.at("type");
    const auto variant = defaultVariant.find(type);
    if (variant == defaultVariant.end()) return type;
    return type + "/" + structure.at("terms").value("variant", variant->second);
}

} // namespace

TEST(CaseLibraryCoverage, EveryStructureAndVariantAppearsInAtLeastTwoCases) {
    std::map<std::string, std::set<std::string>> casesOf;
    for (const auto& c : cases())
        for (const auto& s : c.at("structures")) casesOf[kindOf(s)].insert(c.at("id").get<std::string>());
    for (const char* kind : {"traditional", "ppp_availability", "concession/bot", "concession/bto", "concession/boo",
                             "build_transfer", "green_bond", "espc/guaranteed_savings", "espc/shared_savings",
                             "pay_as_you_go/service_purchase", "pay_as_you_go/capital_phasing", "revenue_sharing"})
        EXPECT_GE(casesOf[kind].size(), 2u) << kind;
}

TEST(CaseLibraryCoverage, AtLeastFiveCasesCompareFourOrMoreStructures) {
    int wide = 0;
    for (const auto& c : cases()) wide += c.at("structures").size() >= 4 ? 1 : 0;
    EXPECT_GE(wide, 5);
}

TEST(CaseLibraryCoverage, TheLibraryHoldsAtLeastTwelveCases) { EXPECT_GE(cases().size(), 12u); }
