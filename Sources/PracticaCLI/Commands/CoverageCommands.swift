import CLIKit
import EventLog
import RevenueCycle

/// `practica coverage add|end|update`: a patient's insurance. Coverage events go into the
/// patient's own stream, since they belong to the chart and are read with it.
enum CoverageCommands: CommandGroup {
    static let spec = CommandSpec(
        name: "coverage", abstract: "Patients' insurance coverage.",
        subcommands: [
            CommandSpec(name: "add", abstract: "Add an insurance coverage to a patient.",
                        discussion: "Dates are inclusive; without --to the coverage is open-ended. Two coverages of the same "
                            + "rank may not overlap. When the patient is not the subscriber, give --relationship and the "
                            + "subscriber's name. See coverages with 'practica patient show'.",
                        options: [
                            .value("patient", valueName: "id", help: "The patient id, e.g. PT1001.", isRequired: true),
                            .value("payer", valueName: "id", help: "The payer id, e.g. PA1001.", isRequired: true),
                            .value("member-id", valueName: "id", help: "Member id on the insurance card.", isRequired: true),
                            .value("group", valueName: "number", help: "Group number on the card."),
                            .value("rank", valueName: "rank", help: "primary, secondary or tertiary.", isRequired: true),
                            .value("from", valueName: "date", help: "First covered day, YYYY-MM-DD.", isRequired: true),
                            .value("to", valueName: "date", help: "Last covered day, YYYY-MM-DD (open-ended if absent)."),
                            .value("copay", valueName: "dollars", help: "Copay collected at check-in, e.g. 25.00."),
                            .value("relationship", valueName: "rel", help: "Patient to subscriber: self, spouse, child or other.",
                                   defaultValue: "self"),
                            .value("subscriber-first", valueName: "name", help: "Subscriber's first name (not self)."),
                            .value("subscriber-last", valueName: "name", help: "Subscriber's last name (not self)."),
                            .value("subscriber-dob", valueName: "date", help: "Subscriber's date of birth (not self)."),
                        ],
                        examples: [
                            Example("practica coverage add --patient PT1001 --payer PA1001 --member-id XEH123456789 --group 0042 --rank primary --from 2026-01-01 --to 2026-12-31 --copay 25.00",
                                    "Primary coverage for 2026 with a 25.00 copay."),
                            Example("practica coverage add --patient PT1002 --payer PA1001 --member-id XEH123456789 --relationship child --subscriber-first Maria --subscriber-last Garcia --subscriber-dob 1980-04-02 --rank primary --from 2026-01-01",
                                    "A child covered by a parent's plan."),
                        ]),
            CoverageCorrectionCommands.endSpec, CoverageCorrectionCommands.updateSpec,
        ])

    static let handlers: [String: CommandHandler] = ["coverage add": add, "coverage end": CoverageCorrectionCommands.end,
                                                     "coverage update": CoverageCorrectionCommands.update]

    static func add(_ command: ParsedCommand, _ context: CommandContext) throws {
        let from = try command.value("from", PlausibleDates.date)
        let to = try command.optionalValue("to", PlausibleDates.date)
        let span: DateSpan
        do {
            span = try DateSpan(from: from, to: to)
        } catch {
            throw UsageError(.invalidValue, "--to: \(error.description)", hint: "--to must be on or after --from")
        }
        let relationship = try command.value("relationship", SubscriberRelationship.parse)
        let request = CoverageRequest(
            patient: try command.value("patient", PatientID.parse), payer: try command.value("payer", PayerID.parse),
            memberID: try command.required("member-id"), groupNumber: command.string("group"),
            relationship: relationship, subscriber: try subscriber(command, relationship: relationship),
            rank: try command.value("rank", CoverageRank.parse), span: span,
            copay: try command.optionalValue("copay", Money.parse))
        let session = try context.frontDesk()
        // A subscriber's date of birth follows the patient's rule: not in the future.
        if let dob = request.subscriber?.dateOfBirth, dob > session.today {
            throw UsageError(.invalidValue, "--subscriber-dob: \(dob) is in the future (today is \(session.today))",
                             hint: "give the subscriber's date of birth, YYYY-MM-DD")
        }
        let added = try session.addCoverage(request)
        var line = "added \(added.rank) coverage \(added.coverage) for \(added.patient) with \(added.payer) from \(added.span)"
        if let copay = added.copay { line += ", copay \(copay)" }
        context.report(line, json: added.json)
    }

    /// The subscriber, required unless the patient is the subscriber, and refused when
    /// given for `self` rather than silently dropped.
    static func subscriber(_ command: ParsedCommand, relationship: SubscriberRelationship) throws -> Subscriber? {
        let options = ["subscriber-first", "subscriber-last", "subscriber-dob"]
        if relationship == .self {
            if let given = options.first(where: command.isSet) {
                throw UsageError(.invalidValue, "--\(given): the patient is the subscriber (--relationship self)",
                                 hint: "give --relationship spouse, child or other for someone else's plan")
            }
            return nil
        }
        for option in options.prefix(2) where !command.isSet(option) {
            throw UsageError(.missingOption, "--\(option): required when --relationship is \(relationship)",
                             hint: "give the subscriber's --subscriber-first and --subscriber-last")
        }
        let name = try PersonName(first: try command.value("subscriber-first", NamePart.first),
                                  last: try command.value("subscriber-last", NamePart.last))
        return Subscriber(name: name, dateOfBirth: try command.optionalValue("subscriber-dob", PlausibleDates.date))
    }
}
