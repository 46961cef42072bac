import BinaryCodec
import CLIKit
import EventLog
import RevenueCycle

/// `patient register`, `update` and `merge`: every value parsed up front, the
/// decision made inside the append so a duplicate registered a moment ago by
/// another desk is seen.
enum PatientWriteHandlers {
    static func register(_ command: ParsedCommand, _ context: CommandContext) throws {
        let name = try PersonName(first: try command.value("first", NamePart.first),
                                  middle: try command.optionalValue("middle", NamePart.middle) ?? nil,
                                  last: try command.value("last", NamePart.last))
        let registration = PatientRegistration(
            name: name, dateOfBirth: try command.value("dob", PlausibleDates.date), sex: try command.value("sex", Sex.parse),
            phone: try command.optionalValue("phone", PhoneNumber.parse), email: try command.optionalValue("email", EmailAddress.parse),
            address: try command.address("address"))
        let confirmNew = command.flag("confirm-new")
        let session = try context.frontDesk()
        let registered: PatientRegistered
        do {
            registered = try session.registerPatient(registration, confirmNew: confirmNew)
        } catch let failure as RejectionFailure where !failure.rejection.duplicates.isEmpty {
            let who = failure.rejection.duplicates.map { id in
                session.state.patients[id].map(PatientText.summary) ?? id.description
            }
            throw CommandFailure("--confirm-new: likely duplicate of " + who.joined(separator: "; "),
                                 hint: "check with 'practica patient show \(failure.rejection.duplicates[0])'; "
                                     + "if this is someone else, repeat with --confirm-new")
        }
        var line = "registered \(registered.patient) \(PatientText.fullName(registered.name)) (\(registered.dateOfBirth))"
        if !registered.confirmedNotDuplicateOf.isEmpty {
            line += "; confirmed not a duplicate of " + registered.confirmedNotDuplicateOf.map(\.description).joined(separator: ", ")
        }
        context.report(line, json: registered.json)
    }

    static func update(_ command: ParsedCommand, _ context: CommandContext) throws {
        let patient = try command.argumentValue("patient", PatientID.parse)
        let first = try command.optionalValue("first", NamePart.first)
        let middle = try command.optionalValue("middle", NamePart.middle)
        let last = try command.optionalValue("last", NamePart.last)
        let dob = try command.optionalValue("dob", PlausibleDates.date)
        let sex = try command.optionalValue("sex", Sex.parse)
        let cleared = try clearedFields(command)
        let phone = try fieldUpdate(command, "phone", cleared, PhoneNumber.parse)
        let email = try fieldUpdate(command, "email", cleared, EmailAddress.parse)
        let address = try fieldUpdate(command, "address", cleared) { try FreeText.validate($0, as: .address, kind: "address") }
        let clearMiddle = cleared.contains("middle")
        if clearMiddle && middle != nil { throw UsageError(.invalidValue, "--middle and --clear middle contradict each other", hint: "give one of them") }
        let (_, updated) = try context.frontDesk().append(permission: .registerPatients, command: "patient update") { state, _ in
            let record = state.patients[patient]
            var name: PersonName?
            if let record, first != nil || middle != nil || last != nil || clearMiddle {
                name = try PersonName(first: first ?? record.name.first, middle: clearMiddle ? nil : (middle ?? record.name.middle),
                                      last: last ?? record.name.last)
            }
            let event = try PatientDecisions.update(patient, current: record, name: name, dateOfBirth: dob, sex: sex, phone: phone,
                                                    email: email, address: address, today: context.today(in: state.directory.practice?.timeZone))
            return ([NewEvent(stream: "patient-\(patient)", event)], event)
        }
        let changed = updated.json.objectKeys.filter { $0 != "patient" }
        context.report("updated \(patient): \(changed.joined(separator: ", "))", json: updated.json)
    }

    static func merge(_ command: ParsedCommand, _ context: CommandContext) throws {
        let keep = try command.argumentValue("keep", PatientID.parse)
        let drop = try command.argumentValue("drop", PatientID.parse)
        let confirmed = command.flag("confirm")
        let (_, merged) = try context.frontDesk().append(permission: .registerPatients, command: "patient merge") { state, _ in
            let event = try PatientDecisions.merge(keep: keep, drop: drop, keptRecord: state.patients[keep], droppedRecord: state.patients[drop],
                                                   keptCoverages: state.coverages(of: keep), droppedCoverages: state.coverages(of: drop),
                                                   confirmed: confirmed)
            return ([NewEvent(stream: "patient-\(keep)", event)], event)
        }
        context.report("merged \(merged.dropped) into \(merged.kept); both histories stay in the log", json: merged.json)
    }

    static let clearable: Set<String> = ["middle", "phone", "email", "address"]

    static func clearedFields(_ command: ParsedCommand) throws -> Set<String> {
        var fields = Set<String>()
        for raw in command.strings("clear") {
            let field = raw.lowercased()
            guard clearable.contains(field) else {
                throw UsageError(.invalidValue, "--clear: cannot clear '\(EchoedWord.of(raw))'", hint: "give middle, phone, email or address")
            }
            fields.insert(field)
        }
        return fields
    }

    static func fieldUpdate<T: Hashable & Sendable>(_ command: ParsedCommand, _ option: String, _ cleared: Set<String>,
                               _ make: (String) throws -> T) throws -> FieldUpdate<T>? {
        let value = try command.optionalValue(option, make)
        switch (value, cleared.contains(option)) {
        case (.some, true):
            throw UsageError(.invalidValue, "--\(option) and --clear \(option) contradict each other", hint: "give one of them")
        case (.some(let v), false): return .set(v)
        case (nil, true): return .clear
        case (nil, false): return nil
        }
    }
}

extension JSONValue {
    /// The keys of an object, in order; empty for other values.
    var objectKeys: [String] {
        if case .object(let pairs) = self { return pairs.map(\.0) }
        return []
    }
}
