#include "finance/errors.hpp"
#include "models/ledger.hpp"

#include <gtest/gtest.h>

using namespace cityfin::models;

TEST(Ledger, TransferIsBookedOnBothSidesAndConserved) {
    Ledger ledger(3);
    const std::vector<double> charge{0.0, 100.0, 100.0};
    ledger.addTransfer(Party::Government, Party::Private, LineKind::UnitaryCharge, charge);
    EXPECT_EQ(ledger.partyFlows(Party::Government), (std::vector<double>{0.0, -100.0, -100.0}));
    EXPECT_EQ(ledger.partyFlows(Party::Private), (std::vector<double>{0.0, 100.0, 100.0}));
    EXPECT_EQ(ledger.realFlows(), (std::vector<double>{0.0, 0.0, 0.0}));
    EXPECT_EQ(ledger.conservationError(), 0.0);
    ASSERT_EQ(ledger.lines().size(), 2u);
    EXPECT_EQ(ledger.lines()[0].counterparty, Party::Private);
}

TEST(Ledger, RealLinesAddToTheProjectFlows) {
    Ledger ledger(2);
    ledger.addReal(Party::Private, LineKind::Capex, std::vector<double>{-500.0, 0.0});
    ledger.addReal(Party::Government, LineKind::EnergySavings, std::vector<double>{0.0, 80.0});
    EXPECT_EQ(ledger.realFlows(), (std::vector<double>{-500.0, 80.0}));
    EXPECT_EQ(ledger.lineTotal(Party::Private, LineKind::Capex), (std::vector<double>{-500.0, 0.0}));
    EXPECT_EQ(ledger.lineTotal(Party::Government, LineKind::Capex), (std::vector<double>{0.0, 0.0}));
    EXPECT_EQ(ledger.conservationError(), 0.0);
}

TEST(Ledger, RejectsLinesOfTheWrongLengthOrNotFinite) {
    Ledger ledger(2);
    try {
        ledger.addReal(Party::Private, LineKind::Capex, std::vector<double>{1.0});
        FAIL();
    } catch (const cityfin::InputError& e) {
        EXPECT_STREQ(e.what(), "ledger line: got 1 amounts, expected 2, one per period");
    }
    EXPECT_THROW(ledger.addTransfer(Party::Users, Party::Private, LineKind::UserCharge,
                                    std::vector<double>{1.0, std::nan("")}),
                 cityfin::InputError);
    EXPECT_THROW(Ledger(0), cityfin::InputError);
}

TEST(Ledger, KindAndPartyIdentifiersAreStable) {
    EXPECT_EQ(lineKindId(LineKind::UnitaryCharge), "unitary_charge");
    EXPECT_EQ(lineKindName(LineKind::RevenueGuarantee), "Minimum revenue guarantee payment");
    EXPECT_EQ(partyId(Party::Lenders), "lenders");
    EXPECT_EQ(partyName(Party::Government), "City");
}
