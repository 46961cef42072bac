import BinaryCodec
import CLIKit
import Foundation
import RevenueCycle

/// `practica era import FILE`: post a payer's 835 electronic remittance advice.
/// The work is `RemittanceImport.perform`; this file only parses and prints.
enum EraCommands: CommandGroup {
    static let spec = CommandSpec(
        name: "era", abstract: "Electronic remittance advice (X12 835) from payers.",
        subcommands: [
            CommandSpec(name: "import", abstract: "Post an 835 file: payments, adjustments, patient responsibility, denials, suspense, PLB.",
                        discussion: "The file is read whole and checked before anything is posted: envelope counts, and balancing "
                            + "(BPR02 = Σ CLP04 − Σ PLB; per claim and per line charge − paid = Σ CAS). A malformed or unbalanced file, "
                            + "or one from a payer the practice does not have, is refused with the segment and the difference (exit 1). "
                            + "All its transaction sets are posted in one atomic batch. Claim payments are matched by CLP01 (our claim id), "
                            + "else by patient + date of service + charge; the rest goes to suspense. A set whose payer and TRN02 trace "
                            + "number (or whose exact bytes) were imported before posts nothing and is reported (exit 0). With the "
                            + "practice setting auto-secondary on, secondary claims are created for the adjudicated claims in the same batch.",
                        arguments: [ArgumentSpec("file", help: "The 835 file.")],
                        examples: [Example("practica era import inbox/acme-2026-12-10.835", "Post Acme's remittance."),
                                   Example("practica era import inbox/acme.835 --json", "The summary as JSON.")]),
        ])

    static let handlers: [String: CommandHandler] = ["era import": importFile]

    static func importFile(_ command: ParsedCommand, _ context: CommandContext) throws {
        let path = try command.requiredPathArgument("file")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("<file>: \(path) cannot be read", hint: "check the path and its permissions")
        }
        let outcome = try RemittanceImport.perform(RemittanceImportRequest(bytes: Array(data), name: path), session: try context.frontDesk())
        if context.json {
            context.printJSON(json(outcome))
            return
        }
        for (trace, earlier) in outcome.alreadyImported {
            context.print("\(path): trace \(trace.isEmpty ? "(none)" : trace) was already imported as \(earlier); nothing posted")
        }
        for s in outcome.posted {
            context.print("posted \(s.remittance) from \(s.payer), trace \(s.trace.isEmpty ? "(none)" : s.trace), total \(s.totalPaid)")
            context.print("  claims posted \(s.claimsPosted), paid \(s.paid), adjustments \(s.adjustments), "
                          + "patient responsibility \(s.patientResponsibility)")
            context.print("  denials opened \(s.denialsOpened), suspense items \(s.suspenseItems) (\(s.suspensePaid)), PLB \(s.providerAdjustments)")
            for w in s.warnings { context.note("warning: \(w)") }
            for reason in s.suspenseReasons { context.print("  suspended \(reason)") }
            for o in s.overpayments { context.print("  overpayment flagged: \(o.reason) (see `practica queue show overpayments`)") }
        }
        for c in outcome.secondaryClaims {
            context.print("created secondary claim \(c.claim) to \(c.payer) for \(c.priorAdjudication?.claim.description ?? "?"); scrub and submit it")
        }
    }

    static func json(_ o: ImportOutcome) -> JSONValue {
        .object([
            ("posted", .array(o.posted.map { s in
                .object([("remittance", .string(s.remittance.description)), ("payer", .string(s.payer.description)),
                         ("trace", .string(s.trace)), ("totalPaid", s.totalPaid.json), ("claimsPosted", .int(Int64(s.claimsPosted))),
                         ("paid", s.paid.json), ("adjustments", s.adjustments.json), ("patientResponsibility", s.patientResponsibility.json),
                         ("denialsOpened", .int(Int64(s.denialsOpened))), ("suspenseItems", .int(Int64(s.suspenseItems))),
                         ("suspensePaid", s.suspensePaid.json), ("providerAdjustments", s.providerAdjustments.json),
                         ("warnings", .array(s.warnings.map { .string($0) })),
                         ("suspenseReasons", .array(s.suspenseReasons.map { .string($0) })),
                         ("overpayments", .array(s.overpayments.map(\.json)))])
            })),
            ("alreadyImported", .array(o.alreadyImported.map {
                .object([("trace", .string($0.trace)), ("remittance", .string($0.remittance.description))])
            })),
            ("secondaryClaims", .array(o.secondaryClaims.map { .string($0.claim.description) })),
        ])
    }
}
