import BinaryCodec
import CLIKit
import EventLog
import RevenueCycle

/// `practica cancel APPT --reason`: frees the slot and shows who on the waitlist could take it.
enum CancelCommand: CommandGroup {
    static let spec = CommandSpec(
        name: "cancel", abstract: "Cancel a booked appointment; lists the waitlist entries that fit the freed slot.",
        discussion: "A patient's cancellation within the practice's late-cancel-hours of the start is flagged late; the practice's never is.",
        arguments: [ArgumentSpec("appointment", help: "The appointment, e.g. AP1001.")],
        options: [
            .value("reason", valueName: "text", help: "Why it is cancelled.", isRequired: true),
            .value("by", valueName: "patient|practice", help: "Who cancelled.", defaultValue: "patient"),
        ],
        examples: [Example("practica cancel AP1001 --reason \"patient has the flu\"", "Cancel at the patient's request."),
                   Example("practica cancel AP1001 --reason \"provider out sick\" --by practice", "Cancel on the practice's side.")])

    static let handlers: [String: CommandHandler] = ["cancel": run]

    static func run(_ command: ParsedCommand, _ context: CommandContext) throws {
        let id: AppointmentID = try SchedulingInput.argumentID(command, "appointment")
        let reason = try command.text("reason", .note)
        let by = try DomainInput.parse("--by", command.string("by") ?? "patient") { try CancelledBy.parse($0) }
        let (cancelled, matches) = try context.frontDesk().cancel(id, reason: reason, by: by)
        if context.json {
            context.printJSON(.object([("cancelled", cancelled.json), ("waitlistMatches", .array(matches.map(\.json)))]))
            return
        }
        context.print("cancelled \(id) by \(by)\(cancelled.isLate ? " (late cancellation)" : "")")
        if matches.isEmpty {
            context.print("no waitlist entries match the freed slot")
        } else {
            context.print("waitlist entries that fit the freed slot, longest waiting first:")
            context.output.write(WaitlistCommands.table(matches).render())
        }
    }
}

/// `practica no-show APPT`.
enum NoShowCommand: CommandGroup {
    static let spec = CommandSpec(
        name: "no-show", abstract: "Mark a booked appointment whose start has passed as a no-show.",
        arguments: [ArgumentSpec("appointment", help: "The appointment, e.g. AP1001.")],
        examples: [Example("practica no-show AP1001", "The patient did not come.")])

    static let handlers: [String: CommandHandler] = ["no-show": run]

    static func run(_ command: ParsedCommand, _ context: CommandContext) throws {
        let id: AppointmentID = try SchedulingInput.argumentID(command, "appointment")
        let e = try context.frontDesk().noShow(id)
        if context.json { context.printJSON(e.json) } else { context.print("\(id) marked as a no-show") }
    }
}

/// `practica check-in APPT [--self-pay]`: shows the copay to collect.
enum CheckInCommand: CommandGroup {
    static let spec = CommandSpec(
        name: "check-in", abstract: "Check a patient in; shows the copay due from the coverage active that day.",
        discussion: "Needs a coverage active on the date of service, unless --self-pay. The check-in decides the visit's "
            + "financial class: --self-pay wins over active coverage (the patient is billed, no claim is made); change it "
            + "later only with 'practica visit financial-class'.",
        arguments: [ArgumentSpec("appointment", help: "The appointment, e.g. AP1001.")],
        options: [.flag("self-pay", help: "Check in without insurance, even when coverage is active.")],
        examples: [Example("practica check-in AP1001", "Check in and see the copay due."),
                   Example("practica check-in AP1001 --self-pay", "Check in a patient paying themselves.")])

    static let handlers: [String: CommandHandler] = ["check-in": run]

    static func run(_ command: ParsedCommand, _ context: CommandContext) throws {
        let id: AppointmentID = try SchedulingInput.argumentID(command, "appointment")
        let selfPay = command.flag("self-pay")
        let session = try context.frontDesk()
        let (e, declined) = try session.checkInDecidingClass(id, selfPay: selfPay)
        if context.json {
            context.printJSON(e.json)
        } else {
            let source = e.coverage.map { "coverage \($0)" } ?? "self-pay"
            context.print("checked in \(id); copay due \(e.copayDue) (\(source))")
            if let declined {
                context.print("coverage \(declined) is active but not used: the visit is self-pay and the patient is billed; "
                              + "to bill it later, 'practica visit financial-class VISIT --insurance --reason \"…\"'")
            }
            if e.copayDue > .zero, let patient = session.state.appointments[id]?.patient {
                let collect = "`practica payment post --patient \(patient) --amount \(e.copayDue) --method cash --appointment \(id)`"
                context.note("hint: the front desk may take it: \(collect)")
            }
        }
    }
}

/// `practica check-out APPT`: opens the visit charges are entered against.
enum CheckOutCommand: CommandGroup {
    static let spec = CommandSpec(
        name: "check-out", abstract: "Check a patient out and open a visit for charges; prints the visit id.",
        arguments: [ArgumentSpec("appointment", help: "The appointment, e.g. AP1001.")],
        examples: [Example("practica check-out AP1001", "Check out and open visit V…")])

    static let handlers: [String: CommandHandler] = ["check-out": run]

    static func run(_ command: ParsedCommand, _ context: CommandContext) throws {
        let id: AppointmentID = try SchedulingInput.argumentID(command, "appointment")
        let e = try context.frontDesk().checkOut(id)
        if context.json {
            context.printJSON(e.json)
        } else {
            context.print("checked out \(id); opened visit \(e.visit) for charges")
        }
    }
}
