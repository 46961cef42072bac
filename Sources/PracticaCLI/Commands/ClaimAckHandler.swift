import BinaryCodec
import CLIKit
import EventLog
import Foundation
import RevenueCycle
import X12

/// `claim ack FILE`: a 999 (did the clearinghouse accept our transaction sets?)
/// or a 277CA (did the payer take each claim in?), told apart by the
/// transaction set the file carries.
///
/// The whole file is read and checked before anything is decided, and all its
/// events are appended in one batch: a malformed file, an unknown control
/// number or claim id refuses it whole, naming the segment (exit 1).
enum ClaimAckHandler {
    enum Kind: String { case ack999 = "999", ack277 = "277CA" }

    static func ack(_ command: ParsedCommand, _ context: CommandContext) throws {
        let path = try command.requiredPathArgument("file")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("<file>: \(path) cannot be read", hint: "check the path and its permissions")
        }
        let (kind, acks999, acks277) = try read(Array(data), path: path)
        let events: [any EventPayload]
        do {
            (_, events) = try context.frontDesk().append(permission: .manageClaims, command: "claim ack") { state, _ in
                let today = context.today(in: state.directory.practice?.timeZone)
                let events: [any EventPayload] = kind == .ack999
                    ? try AcknowledgmentDecisions.apply999(acks999, receivedOn: today, state: state)
                    : try AcknowledgmentDecisions.apply277(acks277, receivedOn: today, state: state)
                return (try ClaimWriteHandlers.streamed(events), events)
            }
        } catch let failure as RejectionFailure where failure.rejection.field == "file" {
            // The decision blames "file"; the command's argument is <file>, and the path says which one.
            throw CommandFailure("<file>: \(path): \(failure.rejection.reason)", hint: failure.hint)
        }
        if context.json {
            context.printJSON(.object([("kind", .string(kind.rawValue)), ("events", .array(events.map(\.json)))]))
            return
        }
        context.print("applied \(kind.rawValue) \(path): \(events.count) claim(s)")
        for e in events { context.print("  " + line(e)) }
    }

    /// Reads the envelope once, decides which acknowledgement it is, and reads every set as that kind.
    /// - throws: `CommandFailure` naming the segment for any X12 problem; nothing has been applied yet.
    static func read(_ bytes: [UInt8], path: String) throws -> (Kind, [Acknowledgment999], [ClaimAcknowledgment277]) {
        do {
            let interchange = try X12Reader.read(bytes)
            let kinds = Set(interchange.transactionSets.map(\.identifier))
            switch kinds {
            case ["999"]:
                var acks: [Acknowledgment999] = []
                for set in interchange.transactionSets { acks.append(try Acknowledgment999Reader.read(set)) }
                return (.ack999, acks, [])
            case ["277"]:
                var acks: [ClaimAcknowledgment277] = []
                for set in interchange.transactionSets { acks.append(try ClaimAcknowledgment277Reader.read(set)) }
                return (.ack277, [], acks)
            default:
                let found = kinds.isEmpty ? "no transaction set" : "transaction sets " + kinds.sorted().joined(separator: ", ")
                throw CommandFailure("<file>: \(path) holds \(found); expected 999 or 277 (277CA)",
                                     hint: "remittances (835) are posted by another command; nothing was applied")
            }
        } catch let error as X12Error {
            throw CommandFailure("<file>: \(path): \(error.description)",
                                 hint: "nothing was applied; ask the sender for a corrected file")
        }
    }

    static func line(_ e: any EventPayload) -> String {
        switch e {
        case let a as ClaimAcknowledged:
            return a.accepted ? "\(a.claim) acknowledged (999 accepted)"
                : "\(a.claim) ack-rejected: " + a.reasons.joined(separator: "; ")
        case let a as ClaimAcceptedByPayer:
            return "\(a.claim) accepted by the payer" + (a.payerClaimNumber.map { " as \($0)" } ?? "")
        case let r as ClaimRejectedByPayer:
            return "\(r.claim) rejected by the payer: " + r.statuses.map(\.text).joined(separator: "; ")
        default:
            return e.json.rendered
        }
    }
}
