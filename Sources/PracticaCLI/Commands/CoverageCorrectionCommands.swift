import CLIKit
import EventLog
import RevenueCycle

/// `practica coverage end|update`: correcting a coverage in place. Ending an
/// open-ended primary is what lets the patient's next primary be added.
/// The events go into the chart's stream, like `coverage add`.
enum CoverageCorrectionCommands {
    static let endSpec = CommandSpec(
        name: "end", abstract: "End a coverage on a date (its last covered day).",
        discussion: "The date is inclusive, like 'coverage add --to'. Ending an open-ended coverage makes room for the next one "
            + "of the same rank from the day after. A recorded end may be moved too, as long as no other coverage of that rank "
            + "covers the same days. Claims already created keep the coverage they were billed to; those for service after the "
            + "new end are named, to be replaced or voided.",
        arguments: [ArgumentSpec("coverage", help: "The coverage, e.g. CV1001 (see 'practica patient show').")],
        options: [
            .value("on", valueName: "date", help: "Last covered day, YYYY-MM-DD.", isRequired: true),
            .value("reason", valueName: "text", help: "Why, e.g. \"changed employer\"."),
        ],
        examples: [Example("practica coverage end CV1001 --on 2026-12-31 --reason \"new employer plan from January\"",
                           "End the primary so the new one can start on 2027-01-01.")])

    static let updateSpec = CommandSpec(
        name: "update", abstract: "Correct a coverage's member id, group, copay or rank.",
        discussion: "Only the options given change; the checks are those of 'coverage add'. A new --rank may not cover the same "
            + "days as another coverage of that rank. To change the payer or dates, end the coverage and add another.",
        arguments: [ArgumentSpec("coverage", help: "The coverage, e.g. CV1001.")],
        options: [
            .value("member-id", valueName: "id", help: "Member id on the insurance card."),
            .value("group", valueName: "number", help: "Group number on the card."),
            .value("copay", valueName: "dollars", help: "Copay collected at check-in, e.g. 25.00."),
            .value("rank", valueName: "rank", help: "primary, secondary or tertiary."),
        ],
        examples: [Example("practica coverage update CV1001 --member-id XEH123456780 --copay 30.00", "Fix a mistyped member id and the copay.")])

    static func end(_ command: ParsedCommand, _ context: CommandContext) throws {
        let id = try command.argumentValue("coverage", CoverageID.parse)
        let lastDay = try command.value("on", LocalDate.parse)
        let reason = command.string("reason")
        let session = try context.frontDesk()
        let (_, e) = try session.append(permission: .manageCoverage, command: "coverage end") { state, _ in
            let e = try CoverageCorrections.end(id, lastDay: lastDay, reason: reason, state: state)
            return ([NewEvent(stream: "patient-\(e.patient)", e)], e)
        }
        context.report("ended coverage \(e.coverage) of \(e.patient): last covered day \(e.lastDay)", json: e.json)
        let billed = claimsAfter(e, in: session.state)
        if !billed.isEmpty {
            context.note("note: " + billed.map { "\($0.id) (\($0.created.dateOfService))" }.joined(separator: ", ")
                         + " bill \(e.coverage) for service after \(e.lastDay); replace or void them")
        }
    }

    /// Active claims billed to the coverage for service after its new last day: the end does
    /// not rewrite them, so the biller is told which to replace or void.
    static func claimsAfter(_ e: CoverageEnded, in state: PracticeState) -> [ClaimRecord] {
        state.claims.values
            .filter { $0.created.coverage == e.coverage && $0.created.dateOfService > e.lastDay && !$0.status.isInactive }
            .sorted { $0.id < $1.id }
    }

    static func update(_ command: ParsedCommand, _ context: CommandContext) throws {
        let id = try command.argumentValue("coverage", CoverageID.parse)
        let member = command.string("member-id")
        let group = command.string("group")
        let copay = try command.optionalValue("copay", Money.parse)
        let rank = try command.optionalValue("rank", CoverageRank.parse)
        let (_, e) = try context.frontDesk().append(permission: .manageCoverage, command: "coverage update") { state, _ in
            let e = try CoverageCorrections.update(id, memberID: member, groupNumber: group, copay: copay, rank: rank, state: state)
            return ([NewEvent(stream: "patient-\(e.patient)", e)], e)
        }
        DirectoryUpdateCommands.report(id, e.json, context, skipping: ["patient"])
    }
}
