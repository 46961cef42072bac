import CLIKit

/// `practica patient register|update|show|find|merge`: patient charts.
///
/// Each chart is the stream `patient-PT1001`; its coverages and merges are
/// appended there too, so `log show --stream patient-PT1001` is the chart's
/// whole history. Handlers live in `PatientWriteHandlers` and `PatientReadHandlers`.
enum PatientCommands: CommandGroup {
    static let demographicOptions: [OptionSpec] = [
        .value("middle", valueName: "name", help: "Middle name."),
        .value("phone", valueName: "phone", help: "10-digit US phone number, any punctuation."),
        .value("email", valueName: "address", help: "E-mail address."),
        .value("address", valueName: "text", help: "Postal address, one line."),
    ]

    static let spec = CommandSpec(
        name: "patient", abstract: "Patient charts: register, update (to correct a chart), show, find, merge duplicates.",
        subcommands: [
            CommandSpec(name: "register", abstract: "Register a new patient.",
                        discussion: "A patient with the same last name and date of birth, or the same phone, is a likely "
                            + "duplicate: registration is refused and names them unless --confirm-new is given.",
                        options: [
                            .value("first", valueName: "name", help: "First name.", isRequired: true),
                            .value("last", valueName: "name", help: "Last name.", isRequired: true),
                            .value("dob", valueName: "date", help: "Date of birth, YYYY-MM-DD.", isRequired: true),
                            .value("sex", valueName: "F|M|U", help: "Administrative sex as claims carry it.", isRequired: true),
                        ] + demographicOptions + [
                            .flag("confirm-new", help: "Register even though a likely duplicate exists."),
                        ],
                        examples: [Example("practica patient register --first Maria --last Garcia --dob 1980-04-02 --sex F --phone \"(312) 555-0100\"",
                                           "Register Maria Garcia."),
                                   Example("practica patient register --first Mario --last Garcia --dob 1980-04-02 --sex M --confirm-new",
                                           "Register someone who only looks like a duplicate.")]),
            CommandSpec(name: "update", abstract: "Correct a patient's demographics; only the given fields change.",
                        arguments: [ArgumentSpec("patient", help: "The patient id, e.g. PT1001.")],
                        options: [
                            .value("first", valueName: "name", help: "First name."),
                            .value("last", valueName: "name", help: "Last name."),
                            .value("dob", valueName: "date", help: "Date of birth, YYYY-MM-DD."),
                            .value("sex", valueName: "F|M|U", help: "Administrative sex."),
                        ] + demographicOptions + [
                            .value("clear", valueName: "field", help: "Remove middle, phone, email or address.", isRepeatable: true),
                        ],
                        examples: [Example("practica patient update PT1001 --phone 312-555-0199 --clear email",
                                           "Change the phone number and remove the e-mail address.")]),
            CommandSpec(name: "show", abstract: "A patient's demographics, coverages, appointments and history.",
                        arguments: [ArgumentSpec("patient", help: "The patient id, e.g. PT1001.")],
                        examples: [Example("practica patient show PT1001", "Show one chart."),
                                   Example("practica patient show PT1001 --json", "The chart as one JSON object.")]),
            CommandSpec(name: "find", abstract: "Find patients by name prefix, date of birth or phone.",
                        discussion: "Case and accents are ignored: 'jose nu' finds José Núñez. A date (1980-04-02) matches the "
                            + "date of birth; 4 or more digits match part of the phone number.",
                        arguments: [ArgumentSpec("text", help: "Name prefixes, a date of birth, or phone digits.", isRepeating: true)],
                        options: [Listing.csvFlag],
                        examples: [Example("practica patient find garcia", "Patients whose name starts with garcia."),
                                   Example("practica patient find 1980-04-02", "Patients born on that day."),
                                   Example("practica patient find 555-0100", "Patients with that phone number.")]),
            CommandSpec(name: "merge", abstract: "Merge a duplicate chart into the one kept.",
                        discussion: "Both histories stay in the log; the dropped id then refers to the kept chart and accepts no new activity. "
                            + "A merge is final: there is no unmerge. Once merged, payments, claims and coverages of both charts are "
                            + "posted and billed as one patient's, and later events name the kept chart; splitting them again would mean "
                            + "deciding, event by event, whose each one was, which the log cannot know. So charts whose date of birth "
                            + "or sex differ are refused unless --confirm is given. A chart merged by mistake is corrected by hand: "
                            + "register the second person again, and move their coverage, payments and visits with the usual commands.",
                        arguments: [ArgumentSpec("keep", help: "The chart that stays, e.g. PT1001."),
                                    ArgumentSpec("drop", help: "The duplicate chart, e.g. PT1002.")],
                        options: [.flag("confirm", help: "Merge even though the date of birth or sex differ.")],
                        examples: [Example("practica patient merge PT1001 PT1002", "Fold PT1002 into PT1001."),
                                   Example("practica patient merge PT1001 PT1002 --confirm",
                                           "Merge although PT1002's date of birth was typed differently.")]),
        ])

    static let handlers: [String: CommandHandler] = [
        "patient register": PatientWriteHandlers.register, "patient update": PatientWriteHandlers.update,
        "patient merge": PatientWriteHandlers.merge,
        "patient show": PatientReadHandlers.show, "patient find": PatientReadHandlers.find,
    ]
}
