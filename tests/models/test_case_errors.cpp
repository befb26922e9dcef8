// Every kind of error the case reader reports, with its exact message: the JSON path, the value
// as it was written, and what was expected.
#include "case_samples.hpp"

#include "finance/errors.hpp"
#include "models/case_file.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace cityfin::models;
using cityfin::test::editedCase;
using cityfin::test::errorOf;
using cityfin::test::fullCase;
using Json = nlohmann::json;

namespace {

std::string parseError(const std::string& text) {
    return errorOf([&] { parseCase(text); });
}

std::string editError(const std::function<void(Json&)>& change, const char* base = cityfin::test::minimalCase) {
    return parseError(editedCase(change, base));
}

} // namespace

TEST(CaseErrors, ErrorIsAnInputErrorWithItsParts) {
    try {
        parseCase(editedCase([](Json& d) { d["project"]["capex"][0] = "lots"; }));
        FAIL() << "no error";
    } catch (const cityfin::InputError& e) {
        EXPECT_EQ(e.field(), "project.capex[0]");
        EXPECT_EQ(e.value(), "\"lots\"");
        EXPECT_EQ(e.expected(), "a number");
    }
}

TEST(CaseErrors, UnknownFieldSuggestsTheClosestName) {
    EXPECT_EQ(editError([](Json& d) { d["project"]["anual_opex"] = 5; }),
              "project.anual_opex: got an unknown field, expected a known field: did you mean \"annual_opex\"?");
    // camelCase, as a C++ or JavaScript user would write it
    EXPECT_EQ(editError([](Json& d) { d["project"]["operatingYears"] = 5; }),
              "project.operatingYears: got an unknown field, expected a known field: did you mean \"operating_years\"?");
    EXPECT_EQ(editError([](Json& d) { d["structures"][0]["terms"]["loan_tenor"] = 5; }),
              "structures[0].terms.loan_tenor: got an unknown field, expected a known field: did you mean "
              "\"loan_tenor_years\"?");
    EXPECT_EQ(editError([](Json& d) {
                  d["project"]["revenues"] = {{{"name", "fees"}, {"anual_volume", 1}, {"unit_price", 2}}};
              }),
              "project.revenues[0].anual_volume: got an unknown field, expected a known field: did you mean "
              "\"annual_volume\"?");
}

TEST(CaseErrors, UnknownFieldWithoutACloseNameListsTheAllowedOnes) {
    EXPECT_EQ(editError([](Json& d) { d["structures"][0]["colour"] = "red"; }),
              "structures[0].colour: got an unknown field, expected a known field: one of id, name, type, terms, "
              "support");
    EXPECT_EQ(editError([](Json& d) { d["project"]["rates"] = {{"discount", 0.05}}; }),
              "project.rates.discount: got an unknown field, expected a known field: one of public, private, social");
    // A key that is not an identifier is quoted in the path.
    EXPECT_EQ(editError([](Json& d) { d["my note"] = "x"; }),
              "[\"my note\"]: got an unknown field, expected a known field: one of cityfin, id, name, description, "
              "source, project, scenario, structures, plans, risks, outcomes, carbon_price");
}

TEST(CaseErrors, TermsFieldsDependOnTheType) {
    EXPECT_EQ(editError([](Json& d) { d["structures"][0]["terms"]["debt"] = Json::object(); }),
              "structures[0].terms.debt: got an unknown field, expected a known field: one of loan_share, loan_rate, "
              "loan_tenor_years, loan_floating_share");
}

TEST(CaseErrors, WrongType) {
    EXPECT_EQ(editError([](Json& d) { d["project"]["annual_opex"] = "5000"; }),
              "project.annual_opex: got \"5000\", expected a number");
    EXPECT_EQ(editError([](Json& d) { d["project"]["capex"] = 1000; }),
              "project.capex: got 1000, expected an array of amounts, one per construction year");
    EXPECT_EQ(editError([](Json& d) { d["project"] = Json::array(); }), "project: got [], expected an object");
    EXPECT_EQ(editError([](Json& d) { d["name"] = true; }), "name: got true, expected a non-empty string");
    EXPECT_EQ(editError([](Json& d) { d["structures"][0]["terms"]["loan_rate"] = "4%"; }),
              "structures[0].terms.loan_rate: got \"4%\", expected a finite rate above -1 (-100%)");
    EXPECT_EQ(editError([](Json& d) { d["structures"][0]["type"] = "bot"; }),
              "structures[0].type: got \"bot\", expected one of \"traditional\", \"ppp_availability\", "
              "\"concession\", \"build_transfer\", \"green_bond\", \"espc\", \"pay_as_you_go\", \"revenue_sharing\"");
    EXPECT_EQ(editError([](Json& d) { d["project"]["price_basis"] = "Nominal"; }),
              "project.price_basis: got \"Nominal\", expected one of \"nominal\", \"real\"");
    EXPECT_EQ(editError([](Json& d) { d["project"]["currency"] = "usd"; }),
              "project.currency: got \"usd\", expected a currency code of 3 capital letters, such as \"CNY\" or "
              "\"EUR\"");
    EXPECT_EQ(editError([](Json& d) { d["id"] = "my case"; }),
              "id: got \"my case\", expected an id of 1 to 64 letters, digits, '_', '-' or '.'");
    EXPECT_EQ(editError([](Json& d) { d["plans"] = {{"a", 1}}; }),
              "plans: got {\"a\":1}, expected an array (reserved for a later version, kept as it is)");
    EXPECT_EQ(parseError("[1, 2]"), "case file: got [1,2], expected an object with the fields of a case");
}

TEST(CaseErrors, WrongTypeInDeepPaths) {
    EXPECT_EQ(editError([](Json& d) { d["structures"][1]["terms"]["debt"]["profile"] = "balloon"; }, fullCase),
              "structures[1].terms.debt.profile: got \"balloon\", expected one of \"annuity\", \"level_principal\", "
              "\"bullet\", \"sculpted\"");
    EXPECT_EQ(editError([](Json& d) { d["structures"][2]["support"]["tax_incentive"]["exempt_three_half_three"] = 1; },
                        fullCase),
              "structures[2].support.tax_incentive.exempt_three_half_three: got 1, expected true or false");
    EXPECT_EQ(editError([](Json& d) { d["project"]["revenues"][0]["unit_price"] = Json::array({4.5}); }, fullCase),
              "project.revenues[0].unit_price: got [4.5], expected a number");
}

TEST(CaseErrors, ShownValuesAreTruncated) {
    // At most 60 bytes of the value, cut at a character boundary, then "...".
    EXPECT_EQ(editError([](Json& d) { d["id"] = std::string(100, 'x'); }),
              "id: got \"" + std::string(59, 'x') + "..., expected an id of 1 to 64 letters, digits, '_', '-' or '.'");
    // 2 + 20 bytes, then 3-byte characters: the 13th would straddle byte 60, so 12 are shown.
    EXPECT_EQ(editError([](Json& d) { d["name"] = Json::array({std::string(20, 'x') + "智慧城市智慧城市智慧城市智慧城市"}); }),
              "name: got [\"" + std::string(20, 'x') + "智慧城市智慧城市智慧城市..., expected a non-empty string");
}

TEST(CaseErrors, MissingRequiredField) {
    EXPECT_EQ(editError([](Json& d) { d["project"].erase("capex"); }),
              "project.capex: got no value, expected an array of amounts, one per construction year (a required field)");
    EXPECT_EQ(editError([](Json& d) { d.erase("structures"); }),
              "structures: got no value, expected an array of at least one structure (a required field)");
    EXPECT_EQ(editError([](Json& d) { d["structures"][0].erase("type"); })
                  .substr(0, 70),
              "structures[0].type: got no value, expected one of \"traditional\", \"ppp_");
    EXPECT_EQ(editError([](Json& d) { d["structures"][0].erase("terms"); }),
              "structures[0].terms: got no value, expected an object (a required field)");
    EXPECT_EQ(editError([](Json& d) { d["structures"][0]["support"] = {{"grants", {{{"amount", 5}, {"year", 0}}}}}; }),
              "structures[0].support.grants[0].source: got no value, expected a non-empty string (a required field)");
    EXPECT_EQ(editError([](Json& d) { d.erase("id"); }),
              "id: got no value, expected an id of 1 to 64 letters, digits, '_', '-' or '.' (a required field)");
}

TEST(CaseErrors, OutOfRangeTermsAreNamedByTheirPath) {
    EXPECT_EQ(editError([](Json& d) { d["structures"][1]["terms"]["debt"]["gearing_cap"] = 1.2; }, fullCase),
              "structures[1].terms.debt.gearing_cap: got 1.2, expected a share from 0 to 1");
    EXPECT_EQ(editError([](Json& d) { d["structures"][1]["terms"]["debt"]["rate"] = -1; }, fullCase),
              "structures[1].terms.debt.rate: got -1, expected a finite rate above -1 (-100%)");
    EXPECT_EQ(editError([](Json& d) { d["structures"][1]["terms"]["debt"]["target_dscr"] = 0.9; }, fullCase),
              "structures[1].terms.debt.target_dscr: got 0.9, expected a ratio >= 1");
    EXPECT_EQ(editError([](Json& d) { d["structures"][4]["terms"]["external_review_cost"] = -1; }, fullCase),
              "structures[4].terms.external_review_cost: got -1, expected an amount >= 0");
}

TEST(CaseErrors, YearsMustLieWithinTheProject) {
    // 15 operating years: a 16-year debt cannot be repaid from operations.
    EXPECT_EQ(editError([](Json& d) { d["structures"][1]["terms"]["debt"]["tenor_years"] = 16; }, fullCase),
              "structures[1].terms.debt.tenor_years: got 16, expected a whole number of years from 1 to 15");
    // 17 periods: a bond issued at period 0 must be redeemed by period 16.
    EXPECT_EQ(editError([](Json& d) { d["structures"][4]["terms"]["tenor_years"] = 17; }, fullCase),
              "structures[4].terms.tenor_years: got 17, expected a whole number of years from 1 to 16");
    EXPECT_EQ(editError([](Json& d) { d["scenario"]["delay_years"] = -1; }, fullCase),
              "scenario.delay_years: got -1, expected a whole number of years from 0 to 15");
    // A default that does not fit the project is reported as such.
    EXPECT_EQ(editError([](Json& d) {
                  d["structures"][0] = {{"id", "ppp"}, {"name", "PPP"}, {"type", "ppp_availability"},
                                        {"terms", Json::object()}};
              }),
              "structures[0].terms.debt.tenor_years: got 15 (the default), expected a whole number of years from 1 "
              "to 10");
    // An unused municipal loan does not need to fit, a used one does.
    EXPECT_EQ(editError([](Json& d) { d["structures"][0]["terms"]["loan_share"] = 0.5; }),
              "structures[0].terms.loan_tenor_years: got 20 (the default), expected a whole number of years from 1 "
              "to 10");
}

TEST(CaseErrors, ProjectRangesComeFromValidateProjectWithTheSamePaths) {
    EXPECT_EQ(editError([](Json& d) { d["project"]["capex"] = {100, 200}; }),
              "project.capex: got 2 values, expected 1 values, one per construction year");
    EXPECT_EQ(editError([](Json& d) { d["project"]["tax_rate"] = 1.5; }),
              "project.tax_rate: got 1.5, expected a fraction from 0 to 1");
    EXPECT_EQ(editError([](Json& d) { d["project"]["revenues"][1]["unit_price"] = -3; }, fullCase),
              "project.revenues[1].unit_price: got -3, expected a finite number >= 0");
    EXPECT_EQ(editError([](Json& d) { d["project"]["construction_years"] = 0; }),
              "project.construction_years: got 0, expected a whole number of years from 1 to 10");
    EXPECT_EQ(editError([](Json& d) { d["project"]["start_year"] = 1800; }),
              "project.start_year: got 1800, expected a calendar year from 1901 to 2150");
}

TEST(CaseErrors, SupportErrorsGetTheFullPath) {
    EXPECT_EQ(editError([](Json& d) { d["structures"][2]["support"]["construction_subsidy_share"] = 1.5; }, fullCase),
              "structures[2].support.construction_subsidy_share: got 1.5, expected a share from 0 to 1");
    EXPECT_EQ(editError([](Json& d) { d["structures"][0]["support"]["grants"][0]["year"] = 17; }, fullCase),
              "structures[0].support.grants[0].year: got 17, expected a period from 0 to 16");
    EXPECT_EQ(editError([](Json& d) {
                  d["structures"][2]["support"]["minimum_revenue_guarantee"]["bands"][1]["to_year"] = 16;
              }, fullCase),
              "structures[2].support.minimum_revenue_guarantee.bands[1]: got 6-16, expected operating years within "
              "1-15, from <= to");
    EXPECT_EQ(editError([](Json& d) { d["structures"][4]["support"]["tax_increment"]["years"] = 16; }, fullCase),
              "structures[4].support.tax_increment.years: got 16, expected a whole number of years from 0 to 15");
}

TEST(CaseErrors, IntegerExpected) {
    EXPECT_EQ(editError([](Json& d) { d["structures"][1]["terms"]["debt"]["tenor_years"] = 2.5; }, fullCase),
              "structures[1].terms.debt.tenor_years: got 2.5, expected a whole number of years from 1 to 15");
    EXPECT_EQ(editError([](Json& d) { d["project"]["operating_years"] = 10.5; }),
              "project.operating_years: got 10.5, expected a whole number");
    EXPECT_EQ(editError([](Json& d) { d["project"]["operating_years"] = 1e12; }),
              "project.operating_years: got 1000000000000.0, expected a whole number");
    EXPECT_EQ(editError([](Json& d) { d["project"]["operating_years"] = 4294967296u; }),
              "project.operating_years: got 4294967296, expected a whole number");
    // A whole number written with a fraction is a whole number.
    EXPECT_EQ(parseCase(editedCase([](Json& d) { d["project"]["operating_years"] = 12.0; })).project.operatingYears,
              12);
}

TEST(CaseErrors, DuplicateStructureId) {
    EXPECT_EQ(editError([](Json& d) { d["structures"][3]["id"] = "ppp"; }, fullCase),
              "structures[3].id: got \"ppp\", expected an id no other structure has (structures[1] has it)");
}

TEST(CaseErrors, DuplicateKeyInAnObject) {
    EXPECT_EQ(parseError(R"({"cityfin": 1, "project": {"name": "a", "annual_opex": 1, "annual_opex": 2}})"),
              "project.annual_opex: got a second value for the same field, expected each field at most once");
    EXPECT_EQ(parseError(R"({"cityfin": 1, "plans": [{}, {"x": 1, "x": 1}]})"),
              "plans[1].x: got a second value for the same field, expected each field at most once");
}

TEST(CaseErrors, BadVersion) {
    EXPECT_EQ(editError([](Json& d) { d["cityfin"] = 2; }), "cityfin: got 2, expected a supported format version: 1");
    EXPECT_EQ(editError([](Json& d) { d["cityfin"] = "1"; }),
              "cityfin: got \"1\", expected a supported format version: 1");
    EXPECT_EQ(editError([](Json& d) { d.erase("cityfin"); }),
              "cityfin: got no value, expected a supported format version: 1 (a required field)");
    // The version is checked first: a newer file's new fields are not reported as unknown.
    EXPECT_EQ(editError([](Json& d) {
                  d["cityfin"] = 2;
                  d["portfolio"] = Json::array();
              }),
              "cityfin: got 2, expected a supported format version: 1");
}

TEST(CaseErrors, SyntaxErrorWithLineAndColumn) {
    EXPECT_EQ(parseError("{\n  \"cityfin\": 1,\n  \"id\": \"x\",}"),
              "line 3, column 13: got unexpected '}', expected string literal");
    EXPECT_EQ(parseError(""), "line 1, column 1: got unexpected end of input, expected '[', '{', or a literal");
    EXPECT_EQ(parseError("{\"cityfin\": 1"), "line 1, column 14: got unexpected end of input, expected '}'");
    // Columns count characters: four Chinese characters are four columns, not twelve bytes.
    EXPECT_EQ(parseError("{\"name\": \"智慧城市\" x}"), "line 1, column 17: got invalid literal, expected '}'");
    EXPECT_EQ(parseError("{\"name\": \"\xff\"}"),
              "line 1, column 11: got invalid string: ill-formed UTF-8 byte, expected valid JSON");
}

TEST(CaseErrors, NonFiniteNumbers) {
    // JSON has no NaN or infinity, but a huge exponent overflows a double.
    EXPECT_EQ(parseError(R"({"cityfin": 1, "project": {"name": "p", "annual_opex": 1e400}})"),
              "project.annual_opex: got 1e400, expected a finite number");
    EXPECT_EQ(parseError(R"({"cityfin": 1, "project": {"capex": [5, -2e999]}})"),
              "project.capex[1]: got -2e999, expected a finite number");
    EXPECT_EQ(parseError("1e400"), "case file: got 1e400, expected a finite number");
}

TEST(CaseErrors, DeepNestingIsRefused) {
    const std::string deep = "{\"cityfin\": 1, \"plans\": " + std::string(100, '[') + std::string(100, ']') + "}";
    EXPECT_EQ(parseError(deep),
              "plans[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]"
              "[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]: got a "
              "value nested more than 64 levels deep, expected at most 64 levels of arrays and objects");
}

TEST(CaseErrors, AtLeastOneStructure) {
    EXPECT_EQ(editError([](Json& d) { d["structures"] = Json::array(); }),
              "structures: got [], expected an array of at least one structure");
}

TEST(CaseErrors, EveryFieldReplacedByOddValuesGivesAnInputErrorOrAValidCase) {
    // A structured complement to the fuzzer, which rarely gets past the syntax: every value of the
    // full case (leaves and containers) replaced by values of every kind and edge. Each result is a
    // clean InputError, or a case that writes and reads back to the same text.
    const Json full = Json::parse(fullCase);
    const Json odd[] = {nullptr, true, -1, 0, 2.5, 1e300, -1e300, 4294967296u, "", "x", Json::array(),
                        Json::object(), Json::array({1, 2}), std::string(80, 'y')};
    std::vector<std::string> pointers;
    const Json leaves = full.flatten();
    for (const auto& [pointer, value] : leaves.items()) {
        for (std::string p = pointer; !p.empty(); p = p.substr(0, p.rfind('/')))
            if (std::find(pointers.begin(), pointers.end(), p) == pointers.end()) pointers.push_back(p);
    }
    int errors = 0, valid = 0;
    for (const std::string& pointer : pointers)
        for (const Json& value : odd) {
            Json doc = full;
            doc[Json::json_pointer(pointer)] = value;
            const std::string text = doc.dump();
            try {
                const std::string first = caseToJson(parseCase(text));
                EXPECT_EQ(caseToJson(parseCase(first)), first) << pointer << " = " << value.dump();
                ++valid;
            } catch (const cityfin::InputError& e) {
                EXPECT_FALSE(e.field().empty());
                ++errors;
            } catch (const std::exception& e) {
                ADD_FAILURE() << pointer << " = " << value.dump() << ": " << e.what();
            }
        }
    EXPECT_GT(errors, 1000);
    EXPECT_GT(valid, 50);  // e.g. a name that is any text, a rate that is any number above -1
}

TEST(CaseErrors, BidEquityIrrIsARateOnTheStructuresThatSolveAPrice) {
    for (int i : {1, 5, 6})  // ppp_availability, espc, pay_as_you_go
        EXPECT_EQ(editError([i](Json& d) { d["structures"][i]["terms"]["bid_equity_irr"] = -1.5; }, fullCase),
                  "structures[" + std::to_string(i) + "].terms.bid_equity_irr: got -1.5, expected a finite rate above -1 (-100%)");
    EXPECT_EQ(editError([](Json& d) { d["structures"][1]["terms"]["bid_equity_irr"] = "9%"; }, fullCase),
              "structures[1].terms.bid_equity_irr: got \"9%\", expected a finite rate above -1 (-100%)");
    // A concession solves no price: the field is not one of its terms.
    EXPECT_NE(editError([](Json& d) { d["structures"][2]["terms"]["bid_equity_irr"] = 0.1; }, fullCase)
                  .find("structures[2].terms.bid_equity_irr: got an unknown field"),
              std::string::npos);
}
