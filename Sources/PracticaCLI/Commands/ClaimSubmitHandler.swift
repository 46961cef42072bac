import CLIKit
import EventLog
import Foundation
import RevenueCycle

/// `claim submit`: clean claims into one 837P interchange, with control
/// numbers allocated inside the append and the file staged so the log and
/// the file agree (see `ClaimFileStaging` for what happens when writing fails).
enum ClaimSubmitHandler {
    static func submit(_ command: ParsedCommand, _ context: CommandContext) throws {
        let allClean = command.flag("all-clean")
        let named: [ClaimID] = try command.argumentList("claims").map { text in
            try DomainInput.parse("<claims>", text) { try ClaimID.parse($0) }
        }
        guard allClean != !named.isEmpty else {
            throw UsageError(.invalidValue, "give claim ids or --all-clean, not \(allClean ? "both" : "neither")",
                             hint: "e.g. 'practica claim submit --all-clean --out claims.837'")
        }
        let out = try command.requiredPath("out")
        let staging = try ClaimFileStaging(path: out, permissions: context.filePermissions)
        defer { staging.discard() }
        let file = try context.frontDesk().submitClaims(allClean ? nil : named, staging: staging)
        guard let first = file.events.first else { throw CommandFailure("internal: the submission recorded no claim") }
        try staging.publish(interchange: first.interchangeControlNumber)
        if context.json {
            context.printJSON(.object([("file", .string(staging.target.path)),
                                       ("interchangeControlNumber", .int(Int64(first.interchangeControlNumber))),
                                       ("groupControlNumber", .int(Int64(first.groupControlNumber))),
                                       ("claims", .array(file.events.map(\.json))), ("held", .array(file.held.map(\.json)))]))
            return
        }
        context.print("wrote \(staging.target.path): \(file.events.count) claim(s), interchange \(first.interchangeControlNumber), "
                      + "group \(first.groupControlNumber)")
        for e in file.events { context.print("  \(e.claim) in set \(ClaimSubmissionDecision.stControl(e.transactionSetControlNumber))") }
        for h in file.held {
            context.print("held \(h.claim), not sent: " + h.findings.map { "\($0.rule) \($0.message)" }.joined(separator: "; "))
        }
        if !file.held.isEmpty { context.print("see them with 'practica queue show holds'") }
    }
}

extension IDAllocator {
    /// The next ISA13/GS06/ST02 from a store counter, kept above the highest
    /// number the log records (`mark`), so one is never used twice even if
    /// submissions were recorded by another tool.
    func nextControlNumber(_ counter: String, above mark: Int) throws -> Int {
        max(Int(try context.nextNumber(counter)), mark + 1)
    }
}
