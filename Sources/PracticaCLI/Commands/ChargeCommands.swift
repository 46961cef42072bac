import CLIKit
import Foundation
import EventLog
import RevenueCycle

/// `practica charge add|void`: procedures billed on a checked-out visit.
///
/// Charges go to the visit's stream (`visit-V1001`), so `log show --stream`
/// gives a visit's billing history. Codes are checked by format here and, when
/// `<store>/tables/icd10cm.txt` exists, diagnoses against it (see `BillingTables`).
enum ChargeCommands: CommandGroup {
    static let spec = CommandSpec(
        name: "charge", abstract: "Charges: the procedures billed on a visit.",
        subcommands: [
            CommandSpec(name: "add", abstract: "Enter a charge on a checked-out visit, priced from the fee schedule.",
                        discussion: "Needs the biller role. Up to 12 diagnoses per visit and 4 pointers per line; pointers count "
                            + "the --dx codes from 1 and default to the first four. --amount overrides the fee schedule and needs --reason.",
                        arguments: [ArgumentSpec("visit", help: "The visit, e.g. V1001 (printed by check-out).")],
                        options: [
                            .value("code", valueName: "code", help: "CPT or HCPCS code, e.g. 99213.", isRequired: true),
                            .value("modifier", valueName: "mod", help: "A modifier, e.g. 25; repeat for more (at most 4).", isRepeatable: true),
                            .value("units", valueName: "n", help: "Units of service.", defaultValue: "1"),
                            .value("dx", valueName: "codes", help: "ICD-10-CM diagnoses, primary first, comma-separated.", isRequired: true),
                            .value("pointers", valueName: "list", help: "Which diagnoses this line is for, e.g. 1,2."),
                            .value("amount", valueName: "dollars", help: "Price instead of the fee schedule's, e.g. 95.00."),
                            .value("reason", valueName: "text", help: "Why --amount differs from the fee schedule."),
                        ],
                        examples: [Example("practica charge add V1001 --code 99213 --modifier 25 --dx E11.9,I10 --pointers 1,2",
                                           "An office visit for diabetes and hypertension."),
                                   Example("practica charge add V1001 --code 99213 --dx J02.0 --amount 95.00 --reason \"hardship discount\"",
                                           "Override the fee schedule's price.")]),
            CommandSpec(name: "void", abstract: "Void a charge entered in error; it stays in the history.",
                        discussion: "A charge on a claim not sent yet is refused: void that claim first.",
                        arguments: [ArgumentSpec("charge", help: "The charge, e.g. CH1001.")],
                        options: [.value("reason", valueName: "text", help: "Why it is voided.", isRequired: true)],
                        examples: [Example("practica charge void CH1001 --reason \"entered on the wrong visit\"", "Void one charge.")]),
        ])

    static let handlers: [String: CommandHandler] = ["charge add": add, "charge void": void]

    static func add(_ command: ParsedCommand, _ context: CommandContext) throws {
        let visit: VisitID = try SchedulingInput.argumentID(command, "visit")
        guard let units = try command.int("units") else { throw UsageError(.missingOption, "--units is required", hint: "e.g. --units 1") }
        let request = ChargeRequest(visit: visit, code: try command.required("code"), modifiers: command.strings("modifier"),
                                    units: units, diagnoses: try list(try command.required("dx"), option: "dx"),
                                    pointers: try command.string("pointers").map(pointers),
                                    amount: try command.optionalValue("amount", Money.parse), overrideReason: try command.optionalText("reason", .note))
        if request.amount == nil, request.overrideReason != nil {
            throw UsageError(.unexpectedValue, "--reason is only used with --amount", hint: "add --amount, or drop --reason")
        }
        let codeList = try BillingTables(storePath: context.storePath).diagnosisCodes()
        let charge = try context.frontDesk().enterCharge(request, codeList: codeList)
        let mods = charge.modifiers.isEmpty ? "" : "-" + charge.modifiers.map(\.code).joined(separator: "-")
        context.report("charged \(charge.charge) on \(visit): \(charge.procedure)\(mods) ×\(charge.units) \(charge.amount) "
                       + "for \(charge.diagnoses.map(\.description).joined(separator: ", "))", json: charge.json)
    }

    static func void(_ command: ParsedCommand, _ context: CommandContext) throws {
        let id: ChargeID = try SchedulingInput.argumentID(command, "charge")
        let reason = try command.text("reason", .note)
        let (_, voided) = try context.frontDesk().append(permission: .enterCharges, command: "charge void") { state, _ in
            let e = try ChargeDecisions.void(id, reason: reason, state: state)
            let visit = state.charges[id]?.entered.visit
            return ([NewEvent(stream: visit.map(stream) ?? "charges", e)], e)
        }
        context.report("voided \(voided.charge): \(voided.reason)", json: voided.json)
    }

    static func stream(_ visit: VisitID) -> String { "visit-\(visit)" }

    /// "E11.9, I10" → ["E11.9", "I10"]. An empty item ("E11.9,,I10", a trailing comma) is a usage
    /// error: it usually means a code was lost while typing, and pointers count positions in this list.
    static func list(_ text: String, option: String) throws -> [String] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if let empty = items.firstIndex(where: \.isEmpty) {
            throw UsageError(.invalidValue, "--\(option): item \(empty + 1) of the list is empty",
                             hint: "separate the items with single commas, e.g. --\(option) \(option == "dx" ? "E11.9,I10" : "1,2")")
        }
        return items
    }

    /// `--pointers 1,2`: whole numbers, checked against the diagnoses by the decision.
    static func pointers(_ text: String) throws -> [Int] {
        try list(text, option: "pointers").map { item in
            guard let n = Int(item) else {
                throw UsageError(.invalidValue, "--pointers: '\(item)' is not a number", hint: "pointers count the --dx codes from 1, e.g. --pointers 1,2")
            }
            return n
        }
    }
}
