import BinaryCodec
import CLIKit
import EventLog
import RevenueCycle

/// `practica provider|payer|location|appointment-type update`: correcting the
/// practice's setup. Only the options given change; the rest stays. Each update
/// is an event in the record's own stream, and listings show the new values.
enum DirectoryUpdateCommands {
    static let onlyGiven = "Only the options given change. The same checks as 'add' apply to the result. Needs the admin role."

    static let providerSpec = CommandSpec(
        name: "update", abstract: "Correct a provider's name, NPI or taxonomy.",
        discussion: onlyGiven + " Claims already created keep the values they were created with.",
        arguments: [ArgumentSpec("provider", help: "The provider, e.g. PR1001.")],
        options: [
            .value("name", valueName: "name", help: "Name as it appears on claims."),
            .value("npi", valueName: "npi", help: "10-digit NPI; the check digit is verified."),
            .value("taxonomy", valueName: "code", help: "NUCC taxonomy code, e.g. 207Q00000X."),
        ],
        examples: [Example("practica provider update PR1001 --name \"Ana Ruiz-Lopez MD\"", "Correct a provider's name.")])

    static let payerSpec = CommandSpec(
        name: "update", abstract: "Correct a payer's name, electronic payer id or timely-filing limit.",
        discussion: onlyGiven + " Claims already sent keep the payer id they were sent with.",
        arguments: [ArgumentSpec("payer", help: "The payer, e.g. PA1001.")],
        options: [
            .value("name", valueName: "name", help: "The payer's name."),
            .value("payer-id", valueName: "id", help: "Electronic payer id at the clearinghouse, e.g. 60054."),
            .value("timely-filing-days", valueName: "days", help: "Days after service a claim may still be filed."),
        ],
        examples: [Example("practica payer update PA1001 --timely-filing-days 180", "Aetna allows 180 days to file.")])

    static let locationSpec = CommandSpec(
        name: "update", abstract: "Correct a location's name, address, place of service or time zone.",
        discussion: onlyGiven + " A new --timezone is refused while appointments not yet over are booked at the location: "
            + "they were booked as wall-clock times in the old zone and would move. Reschedule or cancel them first.",
        arguments: [ArgumentSpec("location", help: "The location, e.g. LO1001.")],
        options: [
            .value("name", valueName: "name", help: "A name unique in the practice."),
            .value("address", valueName: "text", help: "Street address, one line."),
            .value("pos", valueName: "code", help: "CMS place-of-service code (11 = office)."),
            .value("timezone", valueName: "zone", help: "IANA time zone, e.g. America/Chicago."),
        ],
        examples: [Example("practica location update LO1001 --address \"14 Shore Rd, Chicago IL 60601\"", "The office moved next door.")])

    static let appointmentTypeSpec = CommandSpec(
        name: "update", abstract: "Correct an appointment type's name or default length.",
        discussion: onlyGiven + " Appointments already booked keep the length they were booked with.",
        arguments: [ArgumentSpec("appointment-type", help: "The appointment type, e.g. AT1001.")],
        options: [
            .value("name", valueName: "name", help: "A name unique in the practice."),
            .value("minutes", valueName: "n", help: "Default length in minutes (1 to 720)."),
        ],
        examples: [Example("practica appointment-type update AT1001 --minutes 30", "Follow-ups now take 30 minutes.")])

    static func provider(_ command: ParsedCommand, _ context: CommandContext) throws {
        let id = try command.argumentValue("provider", ProviderID.parse)
        let name = try command.optionalValue("name") { try DisplayName($0, kind: "provider name") }
        let npi = try command.optionalValue("npi", NPI.parse)
        let taxonomy = try command.optionalValue("taxonomy") { try TaxonomyCode($0) }
        let (_, e) = try context.frontDesk().append(permission: .setUpPractice, command: "provider update") { state, _ in
            let e = try DirectoryCorrections.updateProvider(id, name: name, npi: npi, taxonomy: taxonomy, directory: state.directory)
            return ([NewEvent(stream: "provider-\(id)", e)], e)
        }
        report(id, e.json, context)
    }

    static func payer(_ command: ParsedCommand, _ context: CommandContext) throws {
        let id = try command.argumentValue("payer", PayerID.parse)
        let name = try command.optionalValue("name") { try DisplayName($0, kind: "payer name") }
        let electronicID = command.string("payer-id")
        let days = try command.int("timely-filing-days")
        let (_, e) = try context.frontDesk().append(permission: .setUpPractice, command: "payer update") { state, _ in
            let e = try DirectoryCorrections.updatePayer(id, name: name, electronicPayerID: electronicID, timelyFilingDays: days,
                                                         directory: state.directory)
            return ([NewEvent(stream: "payer-\(id)", e)], e)
        }
        report(id, e.json, context)
    }

    static func location(_ command: ParsedCommand, _ context: CommandContext) throws {
        let id = try command.argumentValue("location", LocationID.parse)
        let name = try command.optionalValue("name") { try DisplayName($0, kind: "location name") }
        let address = try command.optionalValue("address") { try DisplayName($0, kind: "address").text }
        let pos = try command.optionalValue("pos") { try PlaceOfService($0) }
        let zone = try command.optionalValue("timezone", TimeZoneID.parse)
        let session = try context.frontDesk()
        let (_, e) = try session.append(permission: .setUpPractice, command: "location update") { state, _ in
            let e = try DirectoryCorrections.updateLocation(id, name: name, address: address, placeOfService: pos, timeZone: zone,
                                                            now: session.clock.now, state: state)
            return ([NewEvent(stream: "location-\(id)", e)], e)
        }
        report(id, e.json, context)
    }

    static func appointmentType(_ command: ParsedCommand, _ context: CommandContext) throws {
        let id = try command.argumentValue("appointment-type", AppointmentTypeID.parse)
        let name = try command.optionalValue("name") { try DisplayName($0, kind: "appointment type name") }
        let minutes = try command.int("minutes")
        let (_, e) = try context.frontDesk().append(permission: .setUpPractice, command: "appointment-type update") { state, _ in
            let e = try DirectoryCorrections.updateAppointmentType(id, name: name, minutes: minutes, directory: state.directory)
            return ([NewEvent(stream: "appointment-type-\(id)", e)], e)
        }
        report(id, e.json, context)
    }

    /// "updated PR1001: name, npi" — the fields that changed, as the event names them.
    static func report(_ id: some PrefixedID, _ json: JSONValue, _ context: CommandContext, skipping: Set<String> = []) {
        var changed: [String] = []
        if case .object(let pairs) = json {
            for (key, value) in pairs.dropFirst() where value != .null && !skipping.contains(key) { changed.append(key) }
        }
        context.report("updated \(id): \(changed.joined(separator: ", "))", json: json)
    }
}
