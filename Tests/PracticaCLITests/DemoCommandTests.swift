import BinaryCodec
import EventLog
import Foundation
@testable import PracticaCLI
import RevenueCycle
import X12
import PracticaTestSupport
import XCTest

/// `practica demo`, run through the binary like a user would, then checked from
/// the raw log and the files it wrote, never from the demo's own summary.
final class DemoCommandTests: XCTestCase {
    /// Three months of a 300-patient practice: enough claims for every outcome.
    static let demo = DemoStore.make(months: 3, patients: 300, seed: 3)

    override func setUp() {
        XCTAssertEqual(Self.demo.status, 0, Self.demo.output)
    }

    func testTheStoreVerifiesAndTheLedgerBalancesAgainstTheRawEvents() throws {
        let verify = try CLI.run(["store", "verify", "--store", Self.demo.path, "--as", "maria"])
        XCTAssertEqual(verify.status, 0, verify.stderr)
        XCTAssertTrue(verify.stdout.contains("intact"), verify.stdout)

        var ledger = Ledger()
        var charges = Money.zero, payer = Money.zero, patient = Money.zero
        for event in try Self.demo.events() {
            let payload = try DemoStore.decode(event)
            ledger.apply(payload)
            XCTAssertTrue(ledger.isBalanced, "unbalanced after position \(event.position): \(ledger.firstUnbalanced ?? "")")
            switch payload {
            case let e as ChargeEntered: charges += e.amount
            case let e as ClaimPaymentPosted: payer += e.paid
            case let e as ProviderAdjustmentPosted: payer -= e.amount
            case let e as PatientPaymentPosted: patient += e.amount
            case let e as PatientRefunded: patient -= e.amount
            default: break
            }
        }
        let books = ledger.practice
        XCTAssertGreaterThan(charges, .zero)
        XCTAssertEqual(books.charges, charges, "total charges are the charges entered")
        XCTAssertEqual(books.payerPayments, payer, "payer payments are the remittances' claim payments")
        XCTAssertEqual(books.patientPayments, patient, "patient payments are the payments posted")
        XCTAssertEqual(books.charges, books.payerPayments + books.adjustments + books.patientPayments + books.openBalance)
        XCTAssertGreaterThan(books.payerPayments, .zero)
        XCTAssertGreaterThan(books.adjustments, .zero)
        XCTAssertGreaterThan(books.openBalance, .zero, "a practice always has open A/R")
    }

    func testClaimsReachPaidPartlyPaidAndDenied() throws {
        var state = PracticeState()
        var reached: Set<ClaimStatus> = []
        for event in try Self.demo.events() {
            let payload = try DemoStore.decode(event)
            state.apply(payload)
            let claim: ClaimID?
            switch payload {
            case let e as ClaimPaymentPosted: claim = e.claim
            case let e as DenialOpened: claim = e.claim
            default: claim = nil
            }
            if let claim, let status = state.claims[claim]?.status { reached.insert(status) }
        }
        XCTAssertTrue(reached.isSuperset(of: [.paid, .partlyPaid, .denied]), "reached only \(reached)")
        XCTAssertTrue(state.claims.values.contains { $0.created.isSecondary && $0.isAdjudicated }, "a secondary claim was paid")
        XCTAssertTrue(state.receivables.denials.values.contains { $0.status == .writtenOff }, "denials are written off")
        XCTAssertTrue(state.receivables.denials.values.contains { $0.status == .appealed || $0.status == .resolved },
                      "denials are appealed")
        XCTAssertFalse(state.receivables.statements.isEmpty, "statements were issued")
    }

    /// `claim show` folds the claim from its own stream: for every claim of the demo,
    /// that equals the claim in a fold of the whole log.
    func testEveryClaimFoldsFromItsOwnStreamAsFromTheWholeLog() throws {
        var state = PracticeState()
        var streams: [String: [RecordedEvent]] = [:]
        for event in try Self.demo.events() {
            state.apply(try DemoStore.decode(event))
            streams[event.stream, default: []].append(event)
        }
        XCTAssertGreaterThan(state.claims.count, 100)
        var statuses: Set<ClaimStatus> = []
        for (id, whole) in state.claims {
            let own = try ClaimShowHandler.record(id, from: streams[ClaimCommands.stream(id)] ?? [])
            XCTAssertEqual(own, whole, "\(id) differs when folded from its stream")
            statuses.insert(whole.status)
        }
        XCTAssertTrue(statuses.isSuperset(of: [.paid, .partlyPaid, .denied]), "only \(statuses)")
        XCTAssertTrue(state.claims.values.contains { $0.created.isSecondary }, "no secondary claim to compare")
    }

    /// A statement run groups the journal by chart once; every patient's statement
    /// from that grouping equals the statement read from the whole journal.
    func testStatementsFromTheGroupedJournalEqualThoseFromTheWholeJournal() throws {
        var state = PracticeState()
        for event in try Self.demo.events() { state.apply(try DemoStore.decode(event)) }
        let journal = Statements.journalByPatient(state)
        let asOf = try LocalDate.parse(DemoStore.end)
        var owing = 0
        for patient in state.patients.keys.sorted() {
            // A credit is refused (nothing to send) by both, the same way.
            let whole = try? Statements.issue(patient: patient, asOf: asOf, id: StatementID(1), state: state)
            let grouped = try? Statements.issue(patient: patient, asOf: asOf, id: StatementID(1), state: state,
                                                journal: journal[state.resolvedPatient(patient)] ?? [])
            XCTAssertEqual(grouped?.issued, whole?.issued, "\(patient)")
            XCTAssertEqual(grouped?.text, whole?.text, "\(patient)")
            if let whole, whole.issued.balance > .zero { owing += 1 }
        }
        XCTAssertGreaterThan(owing, 10, "the demo leaves patients owing")
        XCTAssertEqual(journal.values.reduce(0) { $0 + $1.count }, state.receivables.ledger.entries.filter { $0.patient != nil }.count)
    }

    func testNoShowsAreAboutOneInTen() throws {
        var state = PracticeState()
        for event in try Self.demo.events() { state.apply(try DemoStore.decode(event)) }
        let statuses = state.appointments.values.map(\.status)
        let noShows = statuses.filter { $0 == .noShow }.count
        let kept = statuses.filter { $0 == .checkedOut || $0 == .checkedIn }.count
        let share = Double(noShows) / Double(max(noShows + kept, 1))
        XCTAssertTrue((0.05...0.15).contains(share), "no-show share \(share) of \(noShows + kept)")
        XCTAssertTrue(statuses.contains(.cancelled))
        XCTAssertTrue(statuses.contains(.booked), "the days after the end are already booked")
    }

    func testEveryImportedRemittanceIsABalancedFileOnDisk() throws {
        let folder = URL(fileURLWithPath: Self.demo.path).appendingPathComponent("demo-files/835")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".835") }.sorted()
        var fileTotal: Int64 = 0
        for name in files {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
            // The reader refuses a file whose BPR, CLP or SVC does not balance.
            let remittances = try Remittance835Reader.read(bytes)
            fileTotal += remittances.reduce(0) { $0 + $1.payment.amountCents }
        }
        var received: [RemittanceReceived] = []
        for event in try Self.demo.events() where event.typeName == RemittanceReceived.typeName {
            received.append(try event.decode(as: RemittanceReceived.self))
        }
        XCTAssertFalse(files.isEmpty)
        XCTAssertEqual(received.count, files.count, "each file was imported once")
        XCTAssertEqual(Money.sum(received.map(\.totalPaid)).cents, fileTotal)
        for pattern in ["*22*", "*4*", "*2*"] {
            guard let name = files.first(where: { name in
                (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))?
                    .split(separator: "\n").contains { $0.hasPrefix("CLP*") && $0.dropFirst(4).drop { $0 != "*" }.hasPrefix(pattern) } ?? false
            }) else {
                XCTFail("no 835 with CLP02 \(pattern)")
                continue
            }
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let (ok, report) = try PyX12Validator.validate(text, name: name)
            XCTAssertTrue(ok, "pyx12 rejects \(name):\n\(report)")
        }
    }

    func testEveryBatchIsACommandRecordedInTimeOrder() throws {
        let commands: Set<String> = [
            "init", "user add", "provider add", "location add", "room add", "appointment-type add", "payer add", "fee set",
            "setting set", "billing-profile set", "availability set", "availability exception", "patient register", "patient update",
            "coverage add", "book", "cancel", "no-show", "check-in", "check-out", "charge add", "claim create", "claim scrub",
            "claim override", "claim submit", "claim create-secondary", "era import", "payment post", "statement run",
            "denial appeal", "denial write-off",
        ]
        var last: Int64 = 0
        let events = try Self.demo.events()
        for event in events {
            XCTAssertTrue(commands.contains(event.causation), "position \(event.position) caused by '\(event.causation)'")
            XCTAssertGreaterThanOrEqual(event.recordedAtMillis, last, "recorded-at goes back at position \(event.position)")
            last = event.recordedAtMillis
        }
        let end = try XCTUnwrap(ISO8601DateFormatter().date(from: DemoStore.end + "T23:59:59Z"))
        XCTAssertLessThan(Double(last) / 1000, end.timeIntervalSince1970, "nothing is recorded after the demo's end")
        XCTAssertEqual(Set(events.map(\.actor)).intersection(["jo", "lee", "sam", "kim", "maria"]).count, 5, "each desk acted")
    }

    func testReplayUntilAMidDemoDateHoldsOnlyWhatWasRecordedBefore() throws {
        let copy = temporaryStore("demo-replay")
        let replay = try CLI.run(["replay", "--until", "2026-10-01", "--into", copy, "--store", Self.demo.path, "--as", "maria"])
        XCTAssertEqual(replay.status, 0, replay.stderr)
        let zone = try TimeZoneID("America/Chicago")
        let cutoff = try zone.instant(for: LocalDateTime.parse("2026-10-02 00:00")).secondsSinceEpoch * 1000
        let original = try Self.demo.events()
        var kept = 0
        try EventStore.open(at: copy).scan(from: 1) { event in
            XCTAssertLessThan(event.recordedAtMillis, cutoff, "position \(event.position) was recorded after the cut")
            kept += 1
            return true
        }
        XCTAssertGreaterThan(kept, 0)
        XCTAssertEqual(kept, original.filter { $0.recordedAtMillis < cutoff }.count, "everything recorded before the cut is there")
    }

    func testReportsNamePayersAndProvidersAsTheDirectoryHasThem() throws {
        var payers: [String: String] = [:], providers: [String: String] = [:]
        for event in try Self.demo.events() {
            switch try DemoStore.decode(event) {
            case let e as PayerAdded: payers[e.payer.description] = e.name.description
            case let e as ProviderAdded: providers[e.provider.description] = e.name.description
            default: break
            }
        }
        XCTAssertGreaterThanOrEqual(payers.count, 5)
        for (grouping, names) in [("payer", payers), ("provider", providers)] {
            let result = try CLI.run(["report", "ar-aging", "--by", grouping, "--as-of", DemoStore.end, "--json",
                                      "--store", Self.demo.path, "--as", "maria"])
            XCTAssertEqual(result.status, 0, result.stderr)
            let rows = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])?["rows"] as? [[String: Any]])
            let named = rows.compactMap { row -> (String, String)? in
                guard let group = row["group"] as? String, let id = names[group] else { return nil }
                return (group, id)
            }
            XCTAssertFalse(named.isEmpty, "no \(grouping) row is an id on file")
            for (group, name) in named {
                XCTAssertEqual(rows.first { $0["group"] as? String == group }?["name"] as? String, name, group)
            }
            // CSV: the id in its own column, the name beside it.
            let csv = try CLI.run(["report", "ar-aging", "--by", grouping, "--as-of", DemoStore.end, "--csv", "--store", Self.demo.path, "--as", "maria"])
            XCTAssertTrue(csv.stdout.hasPrefix("\(grouping),name,responsibility,"), csv.stdout)
            for (group, name) in named {
                XCTAssertTrue(csv.stdout.contains("\n\(group),\(name.contains(",") ? "\"\(name)\"" : name),"), "\(group) \(name) missing:\n\(csv.stdout)")
            }
        }
        let kpi = try CLI.run(["report", "kpi", "--from", "2026-09-01", "--to", DemoStore.end, "--json", "--store", Self.demo.path, "--as", "maria"])
        XCTAssertEqual(kpi.status, 0, kpi.stderr)
        let figures = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(kpi.stdout.utf8)) as? [[String: Any]])
        let perPayer = figures.filter { ($0["kpi"] as? String)?.hasPrefix("days to pay ") == true }
        XCTAssertFalse(perPayer.isEmpty, kpi.stdout)
        for figure in perPayer {
            let id = String((figure["kpi"] as? String ?? "").dropFirst("days to pay ".count))
            XCTAssertEqual(figure["payerName"] as? String, payers[id], id)
        }
        let out = Self.demo.path + "-named-dashboard"
        let dashboard = try CLI.run(["report", "dashboard", "--out", out, "--to", DemoStore.end, "--store", Self.demo.path, "--as", "maria"])
        XCTAssertEqual(dashboard.status, 0, dashboard.stderr)
        let html = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        XCTAssertTrue(payers.contains { html.contains("\(escaped($0.value)) (\($0.key))") }, "the payer table names no payer")
        // Denials by reason read as words, not only codes: the demo's payers deny with CARC 50 and 16 among others.
        XCTAssertTrue(html.contains("CARC 50 — ") || html.contains("CARC 16 — "), "denial reasons without their text")
    }

    private func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }

    /// `audit account` and `audit claim` against sums taken straight from the raw
    /// events, and the account's last balance against the ledger read model.
    func testAuditsAddUpToTheRawEventsOfTheirAccounts() throws {
        var chargesOf: [PatientID: Money] = [:], patientPaidOf: [PatientID: Money] = [:], payerPaidOf: [PatientID: Money] = [:]
        var claimPatient: [ClaimID: PatientID] = [:], chargeEntered: [ChargeID: ChargeEntered] = [:]
        var paidOnClaim: [ClaimID: Money] = [:], merged: Set<PatientID> = []
        for event in try Self.demo.events() {
            switch try DemoStore.decode(event) {
            case let e as ChargeEntered:
                chargesOf[e.patient, default: .zero] += e.amount
                chargeEntered[e.charge] = e
            case let e as ChargeVoided:
                if let c = chargeEntered[e.charge] { chargesOf[c.patient, default: .zero] -= c.amount }
            case let e as ClaimCreated: claimPatient[e.claim] = e.patient
            case let e as ClaimPaymentPosted:
                paidOnClaim[e.claim, default: .zero] += e.paid
                if let p = claimPatient[e.claim] { payerPaidOf[p, default: .zero] += e.paid }
            case let e as PatientPaymentPosted: patientPaidOf[e.patient, default: .zero] += e.amount
            case let e as PatientRefunded: patientPaidOf[e.patient, default: .zero] -= e.amount
            case let e as PatientsMerged: merged.formUnion([e.kept, e.dropped])
            default: break
            }
        }
        func audit(_ arguments: [String]) throws -> [[String: Any]] {
            let result = try CLI.run(["audit"] + arguments + ["--json", "--store", Self.demo.path, "--as", "maria"])
            XCTAssertEqual(result.status, 0, result.stderr)
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            return try XCTUnwrap(object?["rows"] as? [[String: Any]])
        }
        func sum(_ rows: [[String: Any]], _ column: String) -> Int64 { rows.compactMap { cents($0[column]) }.reduce(0, +) }

        // The patients with the most charges, some of them paid by patients too.
        let patients = chargesOf.keys.filter { !merged.contains($0) && patientPaidOf[$0] != nil }
            .sorted { (chargesOf[$0]!, $1.number) > (chargesOf[$1]!, $0.number) }.prefix(4)
        XCTAssertEqual(patients.count, 4)
        for patient in patients {
            let rows = try audit(["account", patient.description])
            XCTAssertEqual(sum(rows, "charges"), chargesOf[patient]?.cents, "\(patient) charges")
            XCTAssertEqual(sum(rows, "payerPayments"), payerPaidOf[patient]?.cents ?? 0, "\(patient) payer payments")
            XCTAssertEqual(sum(rows, "patientPayments"), patientPaidOf[patient]?.cents, "\(patient) patient payments")
            let balance = sum(rows, "charges") - sum(rows, "payerPayments") - sum(rows, "adjustments") - sum(rows, "patientPayments")
            XCTAssertEqual(cents(rows.last?["balance"]), balance, "\(patient) running balance")
            let ledger = try CLI.run(["balance", "show", patient.description, "--json", "--store", Self.demo.path, "--as", "maria"])
            let account = try JSONSerialization.jsonObject(with: Data(ledger.stdout.utf8)) as? [String: Any]
            let open = (cents(account?["insuranceBalance"]) ?? -1) + (cents(account?["patientBalance"]) ?? -1)
            XCTAssertEqual(open, balance, "\(patient): the audit and the ledger model disagree")
        }
        // A claim paid in more than one posting, or the best paid one.
        let claim = try XCTUnwrap(paidOnClaim.max { ($0.value, $1.key.number) < ($1.value, $0.key.number) }?.key)
        let rows = try audit(["claim", claim.description])
        XCTAssertEqual(rows.first?["type"] as? String, "ClaimCreated")
        XCTAssertEqual(sum(rows, "payerPayments"), paidOnClaim[claim]?.cents, "\(claim) payer payments")
        XCTAssertEqual(rows.compactMap { $0["position"] as? Int }, rows.compactMap { $0["position"] as? Int }.sorted())
    }

    /// `report activity` month by month against sums of the raw events by their
    /// effective dates, and each closing A/R against the aging as of that month end.
    func testMonthEndActivityAddsUpFromTheRawEvents() throws {
        struct Sums { var charges = Money.zero, payer = Money.zero, patient = Money.zero, adjustments = Money.zero }
        var months: [String: Sums] = [:]
        var entered: [ChargeID: ChargeEntered] = [:]
        func month(_ date: LocalDate) -> String { String(date.description.prefix(7)) }
        for event in try Self.demo.events() {
            switch try DemoStore.decode(event) {
            case let e as ChargeEntered:
                entered[e.charge] = e
                months[month(e.dateOfService), default: Sums()].charges += e.amount
            case let e as ChargeVoided:
                if let c = entered[e.charge] { months[month(c.dateOfService), default: Sums()].charges -= c.amount }
            case let e as ClaimPaymentPosted:
                months[month(e.paymentDate), default: Sums()].payer += e.paid
                months[month(e.paymentDate), default: Sums()].adjustments += e.writeOff
            case let e as ProviderAdjustmentPosted:
                months[month(e.paymentDate), default: Sums()].payer -= e.amount
                months[month(e.paymentDate), default: Sums()].adjustments += e.amount
            case let e as DenialWrittenOff: months[month(e.writtenOffOn), default: Sums()].adjustments += e.amount
            case let e as PatientAdjustmentPosted: months[month(e.postedOn), default: Sums()].adjustments += e.amount
            case let e as PatientPaymentPosted: months[month(e.receivedOn), default: Sums()].patient += e.amount
            case let e as PatientRefunded: months[month(e.refundedOn), default: Sums()].patient -= e.amount
            default: break
            }
        }
        let first = try XCTUnwrap(months.keys.min())
        let result = try CLI.run(["report", "activity", "--from", first + "-01", "--to", DemoStore.end, "--json",
                                  "--store", Self.demo.path, "--as", "maria"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.compactMap { $0["month"] as? String }, months.keys.filter { $0 <= String(DemoStore.end.prefix(7)) }.sorted())
        XCTAssertEqual(cents(rows.first?["opening"]), 0, "nothing is open before the practice's first month")
        var open: Int64 = 0
        for row in rows {
            let name = row["month"] as? String ?? "?"
            let sums = months[name] ?? Sums()
            XCTAssertEqual(cents(row["charges"]), sums.charges.cents, "\(name) charges")
            XCTAssertEqual(cents(row["payerPayments"]), sums.payer.cents, "\(name) payer payments")
            XCTAssertEqual(cents(row["patientPayments"]), sums.patient.cents, "\(name) patient payments")
            XCTAssertEqual(cents(row["adjustments"]), sums.adjustments.cents, "\(name) adjustments")
            XCTAssertEqual(cents(row["opening"]), open, "\(name) opens where the month before closed")
            open += sums.charges.cents - sums.payer.cents - sums.patient.cents - sums.adjustments.cents
            XCTAssertEqual(cents(row["closing"]), open, "\(name) closing")
            XCTAssertEqual(row["rollsForward"] as? Bool, true, "\(name)")
        }
        // The closing A/R of a past month is the aging as of its last day (items, not daily totals).
        for row in rows.dropLast().suffix(2) {
            let name = try XCTUnwrap(row["month"] as? String)
            let end = try LocalDate.parse(name + "-01").adding(days: 40)
            let lastDay = end.adding(days: -end.day)
            let aging = try CLI.run(["report", "ar-aging", "--as-of", lastDay.description, "--json", "--store", Self.demo.path, "--as", "maria"])
            let object = try JSONSerialization.jsonObject(with: Data(aging.stdout.utf8)) as? [String: Any]
            XCTAssertEqual(cents(object?["total"]), cents(row["closing"]), "\(name) closing vs aging as of \(lastDay)")
        }
        XCTAssertGreaterThan(rows.count, 2)
    }

    func testTheSameSeedGivesTheSamePractice() throws {
        let first = DemoStore.make(months: 2, patients: 80, seed: 11)
        let second = DemoStore.make(months: 2, patients: 80, seed: 11)
        XCTAssertEqual(first.status, 0, first.output)
        XCTAssertEqual(second.status, 0, second.output)
        func summary(_ demo: DemoStore) throws -> (Int, LedgerAccount) {
            let events = try demo.events()
            return (events.count, Ledger(try events.map(DemoStore.decode)).practice)
        }
        let (a, b) = (try summary(first), try summary(second))
        XCTAssertEqual(a.0, b.0, "event count")
        XCTAssertEqual(a.1, b.1, "ledger totals")
        let other = DemoStore.make(months: 2, patients: 80, seed: 12)
        XCTAssertNotEqual(try summary(other).1, a.1, "another seed, another practice")
    }

    func testTheDemoOnlyCreatesNewStores() throws {
        let store = temporaryStore()
        XCTAssertEqual(try CLI.run(["init", "--store", store, "--as", "maria"]).status, 0)
        assertRefused(try CLI.run(["demo", "--store", store, "--as", "maria"]), status: 1, mentioning: "already exists")
        assertRefused(try CLI.run(["demo", "--months", "0", "--store", temporaryStore("m0"), "--as", "maria"]), status: 2,
                      mentioning: "--months")
        assertRefused(try CLI.run(["demo", "--end", "2999-01-01", "--store", temporaryStore("future"), "--as", "maria"]), status: 2,
                      mentioning: "--end")
    }
}
