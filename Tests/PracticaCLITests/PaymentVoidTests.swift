import Foundation
import XCTest

/// `payment void` through the real binary, on two self-pay visits of PT1001 (160.50 each).
final class PaymentVoidTests: XCTestCase {
    struct Desk {
        let f: ClaimsFixture
        let older: String, newer: String
    }

    func desk(_ name: String = #function) throws -> Desk {
        let f = try ClaimsFixture(name)
        let newer = try f.visit(daysLater: 1, selfPay: true)
        let older = try f.visit(hour: 10, selfPay: true)
        for v in [older, newer] {
            try f.ok(["charge", "add", v, "--code", "99213", "--dx", "E11.9"])
            try f.ok(["charge", "add", v, "--code", "87880", "--dx", "J02.0"])
        }
        return Desk(f: f, older: older, newer: newer)
    }

    func balance(_ d: Desk, _ arguments: [String]) throws -> [String: Any] {
        try d.f.json(["balance", "show"] + arguments, as: "sam")
    }

    func pay(_ d: Desk, _ amount: String, _ extra: [String] = ["--method", "cash"]) throws -> String {
        try d.f.json(["payment", "post", "--patient", "PT1001", "--amount", amount] + extra)["payment"] as? String ?? "?"
    }

    func testVoidRestoresTheBalancesAndShowsInTheAudit() throws {
        let d = try desk()
        let payment = try pay(d, "200.00")
        XCTAssertEqual(cents(try balance(d, ["PT1001"])["patientBalance"]), 32_100 - 20_000)
        let out = try d.f.ok(["payment", "void", payment, "--reason", "keyed twice"]).stdout
        XCTAssertEqual(out, "voided \(payment): 200.00 taken back from PT1001 (39.50 from \(d.newer), 160.50 from \(d.older))\n")
        let account = try balance(d, ["PT1001"])
        XCTAssertEqual(cents(account["patientBalance"]), 32_100)
        XCTAssertEqual(cents(account["patientPayments"]), 0)
        XCTAssertEqual(cents(try balance(d, ["--visit", d.older])["patientBalance"]), 16_050)
        XCTAssertEqual(cents(try balance(d, ["--visit", d.newer])["patientBalance"]), 16_050)
        let audit = try d.f.ok(["audit", "account", "PT1001"], as: "sam").stdout
        XCTAssertTrue(audit.contains("PatientPaymentVoided"), audit)
        let stream = try d.f.ok(["log", "show", "--stream", "account-PT1001"], as: "sam").stdout
        XCTAssertTrue(stream.contains("PatientPaymentVoided") && stream.contains("keyed twice"), stream)
        try assertLedgerReadModelMatchesTheFold(d.f)
        let month = String(d.f.dateOfService.description.prefix(8)) + "01"
        let today = d.f.dateOfService.adding(days: 3).description
        let activity = try d.f.ok(["report", "activity", "--from", month, "--to", today, "--json"], as: "sam").stdout
        let kpi = try d.f.ok(["report", "kpi", "--from", month, "--to", today, "--json"], as: "sam").stdout
        // The A/R and KPI read models take the void as a refund: no patient money collected this month.
        XCTAssertEqual(try JSONArray(activity).first.map { cents($0["patientPayments"]) }, 0, activity)
        let gross = try JSONArray(kpi).first { $0["kpi"] as? String == "gross collection rate" }
        XCTAssertEqual(gross?["numerator"] as? Int, 0, kpi)

        try assertRefusedAndNothingAppended(d.f.practice, ["payment", "void", payment, "--reason", "again"], as: "bill",
                                            status: 1, mentioning: "<payment>: \(payment) was already voided")
        try assertRefusedAndNothingAppended(d.f.practice, ["refund", payment, "--amount", "1.00", "--reason", "after"], as: "bill",
                                            status: 1, mentioning: "<payment>: \(payment) was voided")
    }

    /// A payment refunded in part is voided for what is left; one refunded in full has nothing to void.
    func testVoidAfterRefundsTakesOnlyWhatIsLeft() throws {
        let d = try desk()
        let partly = try pay(d, "50.00")
        try d.f.ok(["refund", partly, "--amount", "20.00", "--reason", "overpaid"])
        let voided = try d.f.json(["payment", "void", partly, "--reason", "bounced check"])
        XCTAssertEqual(cents(voided["amount"]), 3_000)
        XCTAssertEqual(cents(try balance(d, ["PT1001"])["patientBalance"]), 32_100)

        let whole = try pay(d, "10.00")
        try d.f.ok(["refund", whole, "--amount", "10.00", "--reason", "wrong patient"])
        try assertRefusedAndNothingAppended(d.f.practice, ["payment", "void", whole, "--reason", "x"], as: "bill",
                                            status: 1, mentioning: "<payment>: \(whole) was refunded in full (10.00); nothing is left to void")
        try assertLedgerReadModelMatchesTheFold(d.f)
    }

    func testCardPaymentIsVoidedThroughTheGatewayAndRefusalsAppendNothing() throws {
        let d = try desk()
        let card = try pay(d, "60.00", ["--method", "card", "--card-number", "4242424242424242", "--exp", "12/39"])
        let out = try d.f.ok(["payment", "void", card, "--reason", "charged the wrong card"]).stdout
        XCTAssertTrue(out.hasPrefix("voided \(card): 60.00 taken back from PT1001"), out)
        XCTAssertEqual(cents(try balance(d, ["PT1001"])["patientBalance"]), 32_100)

        let cash = try pay(d, "5.00")
        try assertRefusedAndNothingAppended(d.f.practice, ["payment", "void", "PY9999", "--reason", "x"], as: "bill",
                                            status: 1, mentioning: "<payment>: unknown payment PY9999")
        try assertRefusedAndNothingAppended(d.f.practice, ["payment", "void", cash], as: "bill", status: 2, mentioning: "--reason")
        try assertRefusedAndNothingAppended(d.f.practice, ["payment", "void", cash, "--reason", "  "], as: "bill", status: 2, mentioning: "--reason")
        try assertRefusedAndNothingAppended(d.f.practice, ["payment", "void", "PT1001", "--reason", "x"], as: "bill", status: 2, mentioning: "<payment>")
        try assertRefusedAndNothingAppended(d.f.practice, ["payment", "void", cash, "--reason", "x"], as: "jo", status: 1, mentioning: "post-payments")
    }
}
