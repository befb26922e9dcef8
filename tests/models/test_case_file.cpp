// The case file: parsing into the domain types, the canonical text and its round trip, the docs'
// examples. Error messages are in test_case_errors.cpp, files and the atomic save in test_case_save.cpp.
#include "case_samples.hpp"

#include "finance/errors.hpp"
#include "models/case_file.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace cityfin::models;
using cityfin::test::errorOf;
using cityfin::test::fullCase;
using cityfin::test::minimalCase;
namespace fs = std::filesystem;

namespace {

const Structure& structureWithId(const Case& c, const std::string& id) {
    for (const Structure& s : c.structures)
        if (s.id == id) return s;
    throw std::runtime_error("no structure " + id);
}

template <typename T>
const T& termsOf(const Case& c, const std::string& id) {
    return std::get<T>(structureWithId(c, id).terms);
}

std::string readText(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

fs::path sourceDir() {
    if (const char* dir = std::getenv("CITYFIN_SOURCE_DIR")) return dir;
    return fs::path(__FILE__).parent_path().parent_path().parent_path();
}

} // namespace

// ---- parsing ----

TEST(CaseFile, MinimalCaseTakesTheDocumentedDefaults) {
    const Case c = parseCase(minimalCase);
    EXPECT_EQ(c.version, 1);
    EXPECT_EQ(c.id, "led-pilot");
    EXPECT_EQ(c.name, "LED street lighting pilot");
    EXPECT_EQ(c.description, "");
    EXPECT_EQ(c.project.name, "LED retrofit of 2,000 street lights");
    EXPECT_EQ(c.project.currency, "CNY");
    EXPECT_EQ(c.project.basis, PriceBasis::Real);
    EXPECT_EQ(c.project.startYear, 2026);
    EXPECT_EQ(c.project.constructionYears, 1);
    EXPECT_EQ(c.project.operatingYears, 10);
    EXPECT_EQ(c.project.capex, std::vector<double>{1000000.0});
    EXPECT_EQ(c.project.rates.publicRate, 0.04);
    EXPECT_EQ(c.project.taxRate, 0.25);
    EXPECT_EQ(c.scenario.demandFactor, 1.0);
    EXPECT_EQ(c.scenario.delayYears, 0);
    ASSERT_EQ(c.structures.size(), 1u);
    const auto& t = std::get<TraditionalTerms>(c.structures[0].terms);
    EXPECT_EQ(t.loanShare, 0.0);
    EXPECT_EQ(t.loanTenorYears, 20);  // not taken, so not bounded by the 10 operating years
    EXPECT_TRUE(c.structures[0].support.grants.empty());
    EXPECT_FALSE(c.structures[0].support.minimumRevenueGuarantee.has_value());
    EXPECT_EQ(c.plans, nlohmann::json::array());
}

TEST(CaseFile, FullCaseParsesProjectAndScenario) {
    const Case c = parseCase(fullCase);
    EXPECT_EQ(c.description, "Eight ways to pay for the same project.");
    EXPECT_EQ(c.source, "5.(三)-(四), box 10");
    const Project& p = c.project;
    EXPECT_EQ(p.basis, PriceBasis::Nominal);
    EXPECT_EQ(p.inflation, 0.02);
    EXPECT_EQ(p.startYear, 2027);
    EXPECT_EQ(p.periods(), 17);
    EXPECT_EQ(p.capex, (std::vector<double>{60e6, 40e6}));
    EXPECT_EQ(p.annualOpex, 3.5e6);
    EXPECT_EQ(p.opexEscalation, 0.005);
    ASSERT_EQ(p.lifecycle.size(), 1u);
    EXPECT_EQ(p.lifecycle[0].operatingYear, 8);
    EXPECT_EQ(p.lifecycle[0].amount, 12e6);
    ASSERT_EQ(p.revenues.size(), 2u);
    EXPECT_EQ(p.revenues[0].payer, RevenueStream::Payer::Users);
    EXPECT_EQ(p.revenues[0].unitPrice, 4.5);
    EXPECT_EQ(p.revenues[0].rampUpYears, 2);
    EXPECT_EQ(p.revenues[1].payer, RevenueStream::Payer::Market);
    EXPECT_EQ(p.revenues[1].volumeGrowth, 0.0);
    ASSERT_EQ(p.energySavings.size(), 1u);
    EXPECT_EQ(p.energySavings[0].savingFraction, 0.3);
    EXPECT_EQ(p.energySavings[0].degradation, 0.01);
    EXPECT_EQ(p.residualValue, 5e6);
    EXPECT_EQ(p.rates.privateRate, 0.09);
    EXPECT_EQ(p.rates.socialRate, 0.03);
    EXPECT_EQ(p.depreciationYears, 12);
    EXPECT_EQ(c.scenario.capexFactor, 1.1);
    EXPECT_EQ(c.scenario.savingsFactor, 0.95);
    EXPECT_EQ(c.scenario.delayYears, 1);
    EXPECT_EQ(c.plans.size(), 2u);
}

TEST(CaseFile, EveryStructureTypeParsesItsTerms) {
    const Case c = parseCase(fullCase);
    ASSERT_EQ(c.structures.size(), 8u);
    for (std::size_t i = 0; i < 8; ++i) EXPECT_EQ(c.structures[i].terms.index(), i);  // one of each, in order

    EXPECT_EQ(termsOf<TraditionalTerms>(c, "psc").loanRate, 0.038);
    const auto& ppp = termsOf<PppAvailabilityTerms>(c, "ppp");
    EXPECT_EQ(ppp.debt.gearingCap, 0.8);
    EXPECT_EQ(ppp.debt.tenorYears, 12);
    EXPECT_EQ(ppp.debt.graceYears, 1);
    EXPECT_EQ(ppp.debt.profile, cityfin::finance::RepaymentProfile::Sculpted);
    EXPECT_EQ(ppp.equityHurdle, 0.1);
    EXPECT_FALSE(ppp.unitaryCharge.has_value());  // absent: solved by the structure
    EXPECT_EQ(ppp.indexation, 1.0);
    const auto& bot = termsOf<ConcessionTerms>(c, "bot");
    EXPECT_EQ(bot.variant, ConcessionTerms::Variant::Bot);
    EXPECT_EQ(bot.debt.profile, cityfin::finance::RepaymentProfile::Annuity);
    EXPECT_EQ(bot.debt.targetDscr, 1.30);  // default
    EXPECT_EQ(bot.concessionFeeShare, 0.05);
    const auto& bt = termsOf<BuildTransferTerms>(c, "bt");
    EXPECT_EQ(bt.contractorFinanceRate, 0.065);
    EXPECT_EQ(bt.instalmentYears, 5);
    const auto& green = termsOf<GreenBondTerms>(c, "green");
    EXPECT_EQ(green.greeniumBp, 8.0);
    EXPECT_EQ(green.externalReviewCost, 150000.0);
    EXPECT_TRUE(green.amortising);
    const auto& espc = termsOf<EspcTerms>(c, "espc");
    EXPECT_EQ(espc.variant, EspcTerms::Variant::SharedSavings);
    EXPECT_EQ(espc.escoShare, 0.6);
    ASSERT_TRUE(espc.escoDebt.has_value());
    EXPECT_EQ(espc.escoDebt->profile, cityfin::finance::RepaymentProfile::LevelPrincipal);
    EXPECT_EQ(espc.escoDebt->targetDscr, 1.25);
    EXPECT_EQ(espc.mvCostPerYear, 80000.0);
    const auto& service = termsOf<PayAsYouGoTerms>(c, "service");
    EXPECT_EQ(service.variant, PayAsYouGoTerms::Variant::ServicePurchase);
    EXPECT_EQ(service.annualServiceFee, 9e6);
    EXPECT_EQ(service.contractYears, 10);
    const auto& op = termsOf<RevenueSharingTerms>(c, "operator");
    EXPECT_EQ(op.operatorOpexShare, 0.4);
    EXPECT_EQ(op.termYears, 15);
}

TEST(CaseFile, VariantsAndProfilesParseByName) {
    using cityfin::test::editedCase;
    const auto terms = [](const std::string& type, nlohmann::json t) {
        return parseCase(editedCase([&](nlohmann::json& d) {
                   d["project"]["operating_years"] = 20;
                   d["structures"][0]["type"] = type;
                   d["structures"][0]["terms"] = t;
               })).structures[0].terms;
    };
    EXPECT_EQ(std::get<ConcessionTerms>(terms("concession", {{"variant", "bto"}})).variant, ConcessionTerms::Variant::Bto);
    EXPECT_EQ(std::get<ConcessionTerms>(terms("concession", {{"variant", "boo"}})).variant, ConcessionTerms::Variant::Boo);
    EXPECT_EQ(std::get<EspcTerms>(terms("espc", {{"variant", "guaranteed_savings"}})).variant,
              EspcTerms::Variant::GuaranteedSavings);
    EXPECT_EQ(std::get<PayAsYouGoTerms>(terms("pay_as_you_go", {{"variant", "capital_phasing"},
                                                                {"annual_capex_budget", 250000}})).annualCapexBudget,
              250000.0);
    EXPECT_EQ(std::get<PppAvailabilityTerms>(terms("ppp_availability", {{"debt", {{"profile", "bullet"}}},
                                                                         {"unitary_charge", 120000.5}})).unitaryCharge,
              120000.5);
}

TEST(CaseFile, EverySupportInstrumentParses) {
    const Case c = parseCase(fullCase);
    const SupportTerms& psc = structureWithId(c, "psc").support;
    ASSERT_EQ(psc.grants.size(), 1u);
    EXPECT_EQ(psc.grants[0].source, "National smart-city pilot fund");
    EXPECT_FALSE(psc.grants[0].toPrivate);

    const SupportTerms& ppp = structureWithId(c, "ppp").support;
    ASSERT_TRUE(ppp.creditGuarantee && ppp.coInvestment);
    EXPECT_EQ(ppp.creditGuarantee->spreadReduction, 0.01);
    EXPECT_EQ(ppp.creditGuarantee->feeRate, 0.004);
    EXPECT_EQ(ppp.coInvestment->publicEquityShare, 0.0333);

    const SupportTerms& bot = structureWithId(c, "bot").support;
    EXPECT_TRUE(bot.grants.at(0).toPrivate);
    EXPECT_EQ(bot.grants.at(0).year, 1);
    EXPECT_EQ(bot.constructionSubsidyShare, 0.3);
    ASSERT_TRUE(bot.minimumRevenueGuarantee.has_value());
    const MinimumRevenueGuarantee& mrg = *bot.minimumRevenueGuarantee;
    ASSERT_EQ(mrg.bands.size(), 2u);
    EXPECT_EQ(mrg.bands[1].fromYear, 6);
    EXPECT_EQ(mrg.bands[1].toYear, 10);
    EXPECT_EQ(mrg.bands[1].guaranteedShare, 0.7);
    EXPECT_EQ(mrg.noPaymentBelow, 0.5);
    ASSERT_EQ(mrg.clawback.size(), 1u);
    EXPECT_EQ(mrg.clawback[0].above, 1.2);
    EXPECT_EQ(mrg.clawback[0].cityShare, 0.5);
    ASSERT_TRUE(bot.taxIncentive.has_value());
    EXPECT_TRUE(bot.taxIncentive->exemptThreeHalfThree);
    EXPECT_EQ(bot.taxIncentive->reducedRate, 0.15);

    const SupportTerms& green = structureWithId(c, "green").support;
    ASSERT_TRUE(green.taxIncrement.has_value());
    EXPECT_EQ(green.taxIncrement->annualIncrement, 1.5e6);
    EXPECT_EQ(green.taxIncrement->shareCaptured, 0.6);
    EXPECT_EQ(green.taxIncrement->years, 10);

    const SupportTerms& op = structureWithId(c, "operator").support;
    ASSERT_TRUE(op.crowdfunding.has_value());
    EXPECT_EQ(op.crowdfunding->amount, 3e6);
    EXPECT_EQ(op.crowdfunding->rate, 0.045);
    EXPECT_EQ(op.crowdfunding->tenorYears, 5);

    EXPECT_FALSE(structureWithId(c, "bt").support.creditGuarantee.has_value());
}

// ---- the canonical text ----

TEST(CaseFile, RoundTripGivesTheSameText) {
    for (const char* text : {minimalCase, fullCase}) {
        const std::string first = caseToJson(parseCase(text));
        const std::string second = caseToJson(parseCase(first));
        EXPECT_EQ(first, second);
    }
}

TEST(CaseFile, RoundTripKeepsEveryValue) {
    // The writer's output, read as plain JSON, holds every field of the input with the same value:
    // compare the input document with the output restricted to the input's fields.
    const nlohmann::json in = nlohmann::json::parse(fullCase);
    const nlohmann::json out = nlohmann::json::parse(caseToJson(parseCase(fullCase)));
    const nlohmann::json patch = nlohmann::json::diff(in, out);
    for (const auto& op : patch) EXPECT_EQ(op["op"], "add") << op.dump();  // only defaults are added
}

TEST(CaseFile, CanonicalTextOfTheMinimalCase) {
    // Written out by hand from the rules in docs/case-format.md: fields in the documented order,
    // every plain field with its default, optional parts left out, whole numbers as integers.
    const std::string expected = R"({
  "cityfin": 1,
  "id": "led-pilot",
  "name": "LED street lighting pilot",
  "project": {
    "name": "LED retrofit of 2,000 street lights",
    "currency": "CNY",
    "price_basis": "real",
    "inflation": 0,
    "start_year": 2026,
    "construction_years": 1,
    "operating_years": 10,
    "capex": [
      1000000
    ],
    "annual_opex": 0,
    "opex_escalation": 0,
    "residual_value": 0,
    "rates": {
      "public": 0.04,
      "private": 0.1,
      "social": 0.035
    },
    "tax_rate": 0.25,
    "depreciation_years": 0
  },
  "structures": [
    {
      "id": "psc",
      "name": "Public procurement",
      "type": "traditional",
      "terms": {
        "loan_share": 0,
        "loan_rate": 0.04,
        "loan_tenor_years": 20
      }
    }
  ]
}
)";
    EXPECT_EQ(caseToJson(parseCase(minimalCase)), expected);
}

TEST(CaseFile, NumbersRoundTripExactly) {
    Case c = parseCase(minimalCase);
    c.project.rates.publicRate = 0.1 + 0.2;  // 0.30000000000000004: needs all 17 digits
    c.project.capex = {1e20};                 // whole but beyond 2^53: written as a double
    c.project.annualOpex = 1234.5678;
    c.project.residualValue = 9007199254740992.0;  // 2^53, the largest written as an integer
    const std::string text = caseToJson(c);
    EXPECT_NE(text.find("\"public\": 0.30000000000000004"), std::string::npos);
    EXPECT_NE(text.find("1e+20"), std::string::npos);
    EXPECT_NE(text.find("\"residual_value\": 9007199254740992,"), std::string::npos);
    const Case back = parseCase(text);
    EXPECT_EQ(back.project.rates.publicRate, 0.1 + 0.2);
    EXPECT_EQ(back.project.capex, std::vector<double>{1e20});
    EXPECT_EQ(back.project.annualOpex, 1234.5678);
    EXPECT_EQ(back.project.residualValue, 9007199254740992.0);
}

TEST(CaseFile, ReservedSectionsAreKeptVerbatim) {
    const std::string text = cityfin::test::editedCase([](nlohmann::json& d) {
        d["risks"] = {{{"id", "demand"}, {"driver", "demand_factor"},
                       {"distribution", {{"type", "triangular"}, {"min", 0.7}, {"mode", 1}, {"max", 1.1}}}}};
    });
    const Case c = parseCase(text);
    EXPECT_EQ(c.risks, nlohmann::json::parse(text)["risks"]);
    const Case back = parseCase(caseToJson(c));
    EXPECT_EQ(back.risks, c.risks);
    EXPECT_TRUE(back.plans.empty());
}

TEST(CaseFile, WriterRejectsWhatJsonCannotHold) {
    Case c = parseCase(fullCase);
    c.structures[1].terms = PppAvailabilityTerms{};
    std::get<PppAvailabilityTerms>(c.structures[1].terms).debt.rate = std::nan("");
    EXPECT_EQ(errorOf([&] { caseToJson(c); }),
              "structures[1].terms.debt.rate: got NaN, expected a finite number (JSON has no NaN or infinity)");
    c = parseCase(minimalCase);
    c.project.capex = {100.0, INFINITY};
    EXPECT_EQ(errorOf([&] { caseToJson(c); }),
              "project.capex[1]: got inf, expected a finite number (JSON has no NaN or infinity)");
    c = parseCase(minimalCase);
    c.name = "bad \xff text";
    EXPECT_EQ(errorOf([&] { caseToJson(c); }), "name: got text that is not valid UTF-8, expected UTF-8 text");
    c = parseCase(minimalCase);
    c.version = 2;
    EXPECT_EQ(errorOf([&] { caseToJson(c); }), "cityfin: got 2, expected a supported format version: 1");
    c = parseCase(minimalCase);
    c.plans = nlohmann::json::object();
    EXPECT_EQ(errorOf([&] { caseToJson(c); }), "plans: got {}, expected an array");
}

TEST(CaseFile, ExamplesInTheFormatDocumentParseAndRoundTrip) {
    const std::string doc = readText(sourceDir() / "docs" / "case-format.md");
    ASSERT_FALSE(doc.empty());
    int cases = 0;
    const std::string open = "```json\n", close = "```";
    for (std::size_t at = doc.find(open); at != std::string::npos; at = doc.find(open, at)) {
        at += open.size();
        const std::size_t end = doc.find(close, at);
        ASSERT_NE(end, std::string::npos);
        const std::string text = doc.substr(at, end - at);
        if (text.find("\"cityfin\"") == std::string::npos) continue;  // a fragment, not a whole case
        ++cases;
        SCOPED_TRACE(text.substr(0, 80));
        const std::string first = caseToJson(parseCase(text));
        EXPECT_EQ(caseToJson(parseCase(first)), first);
    }
    EXPECT_GE(cases, 2);
}

TEST(CaseFile, BidEquityIrrParsesAndRoundTrips) {
    nlohmann::json doc = nlohmann::json::parse(fullCase);
    doc["structures"][1]["terms"]["bid_equity_irr"] = 0.125;
    doc["structures"][5]["terms"]["bid_equity_irr"] = 0.14;
    doc["structures"][6]["terms"]["bid_equity_irr"] = 0.105;
    const Case c = parseCase(doc.dump());
    EXPECT_EQ(termsOf<PppAvailabilityTerms>(c, "ppp").bidEquityIrr, 0.125);
    EXPECT_EQ(termsOf<EspcTerms>(c, "espc").bidEquityIrr, 0.14);
    EXPECT_EQ(termsOf<PayAsYouGoTerms>(c, "service").bidEquityIrr, 0.105);
    EXPECT_FALSE(termsOf<PppAvailabilityTerms>(parseCase(fullCase), "ppp").bidEquityIrr);  // absent: the hurdle
    // Written back where it was read, and read again to the same value.
    const nlohmann::json out = nlohmann::json::parse(caseToJson(c));
    EXPECT_EQ(out["structures"][1]["terms"]["bid_equity_irr"], 0.125);
    EXPECT_EQ(out["structures"][5]["terms"]["bid_equity_irr"], 0.14);
    EXPECT_EQ(out["structures"][6]["terms"]["bid_equity_irr"], 0.105);
    EXPECT_FALSE(nlohmann::json::parse(caseToJson(parseCase(fullCase)))["structures"][1]["terms"].contains("bid_equity_irr"));
    const Case again = parseCase(out.dump());
    EXPECT_EQ(termsOf<PppAvailabilityTerms>(again, "ppp").bidEquityIrr, 0.125);
    EXPECT_EQ(caseToJson(again), caseToJson(c));
}
