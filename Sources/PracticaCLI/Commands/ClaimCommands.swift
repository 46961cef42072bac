import CLIKit
import RevenueCycle

/// `practica claim create|scrub|override|submit|ack|replace|void|show`: a
/// claim's life from a visit's charges to the payer's answer.
///
/// Every claim's events go to its stream (`claim-CL1001`), so `claim show`
/// and `log show --stream claim-CL1001` give its whole history. Writes need
/// the biller (or admin) role; handlers live in `ClaimWriteHandlers`,
/// `ClaimSubmitHandler`, `ClaimAckHandler` and `ClaimShowHandler`.
enum ClaimCommands: CommandGroup {
    static let claimArgument = ArgumentSpec("claim", help: "The claim id, e.g. CL1001.")
    static let reasonOption = OptionSpec.value("reason", valueName: "text", help: "Why; kept in the claim's history.", isRequired: true)

    static var rulesHelp: String { ClaimScrubber.rules.map(\.id).joined(separator: ", ") }

    static let spec = CommandSpec(
        name: "claim", abstract: "Claims: build, scrub, send as 837P, read acknowledgements, replace or void.",
        subcommands: [
            CommandSpec(name: "create", abstract: "Build a claim from a visit's unbilled charges to the primary coverage on the date of service.",
                        arguments: [ArgumentSpec("visit", help: "The visit, e.g. V1001.")],
                        options: [.value("billing-provider", valueName: "id", help: "Bill under this provider instead of the default.")],
                        examples: [Example("practica claim create V1001", "Claim the visit's charges.")]),
            CommandSpec(name: "scrub", abstract: "Run the claim edits; a claim with an error finding is held.",
                        discussion: "Rules: \(rulesHelp). Code lists and the NCCI-style pair table are files: "
                            + "<store>/tables/icd10cm.txt (CMS code file), <store>/tables/ncci.csv (column1,column2,modifier-allowed), "
                            + "<store>/tables/cpt.txt (optional); a missing file checks formats only.",
                        arguments: [ArgumentSpec("claim", help: "The claim id, e.g. CL1001 (or --all).", isOptional: true)],
                        options: [.flag("all", help: "Scrub every claim that is new, held or bounced back.")],
                        examples: [Example("practica claim scrub CL1001", "Scrub one claim."),
                                   Example("practica claim scrub --all", "Scrub everything waiting.")]),
            CommandSpec(name: "override", abstract: "Let a held claim go despite one finding, with a reason.",
                        arguments: [claimArgument],
                        options: [.value("rule", valueName: "id", help: "The finding's rule id, e.g. MOD25-MISSING.", isRequired: true),
                                  reasonOption],
                        examples: [Example("practica claim override CL1001 --rule NCCI-PAIR --reason \"separate lesion, documented\"",
                                           "Override one finding.")]),
            CommandSpec(name: "submit", abstract: "Write scrubbed-clean claims to one 837P (005010X222A1) interchange file.",
                        discussion: "Control numbers are allocated with the events, so they are never reused. The file is first "
                            + "written beside --out under a temporary name and fsynced; only when that succeeded are the claims "
                            + "recorded as submitted, and only then is the file renamed to --out. If writing fails nothing is recorded. "
                            + "An existing --out file is never overwritten. A claim whose own data the 837P cannot carry (an X12 "
                            + "delimiter * : ^ ~ in its member id, say) is held with the reason and the rest are sent; the command "
                            + "names each held claim.",
                        arguments: [ArgumentSpec("claims", help: "Claim ids to send (or --all-clean).", isOptional: true, isRepeating: true)],
                        options: [.flag("all-clean", help: "Send every scrubbed-clean claim."),
                                  .value("out", valueName: "file", help: "The 837P file to write; must not exist.", isRequired: true)],
                        examples: [Example("practica claim submit --all-clean --out /srv/outbox/claims-2026-12-02.837",
                                           "Send everything that is clean.")]),
            CommandSpec(name: "ack", abstract: "Apply a 999 or 277CA acknowledgement file; the kind is read from the file.",
                        discussion: "The file is applied whole or not at all: a malformed file (bad delimiters, truncated, wrong "
                            + "SE/GE/IEA counts), a control number never sent or a claim id that does not exist refuses it, naming the segment.",
                        arguments: [ArgumentSpec("file", help: "The 999 or 277CA file.")],
                        examples: [Example("practica claim ack inbox/acme-999.txt", "Apply the clearinghouse's 999."),
                                   Example("practica claim ack inbox/payer-277ca.txt", "Apply the payer's 277CA.")]),
            CommandSpec(name: "replace", abstract: "Send a corrected claim (frequency 7) for one the payer has.",
                        arguments: [claimArgument], options: [reasonOption],
                        examples: [Example("practica claim replace CL1001 --reason \"wrong units on line 2\"", "Correct a sent claim.")]),
            CommandSpec(name: "void", abstract: "Withdraw a claim; one the payer has gets a frequency-8 claim.",
                        arguments: [claimArgument], options: [reasonOption],
                        examples: [Example("practica claim void CL1001 --reason \"billed to the wrong payer\"", "Withdraw a claim.")]),
            CommandSpec(name: "create-secondary", abstract: "Bill the secondary coverage for what the primary payer left to the patient.",
                        discussion: "The new claim carries the primary's adjudication (837P loops 2320, 2330B and 2430). The "
                            + "primary must be adjudicated (its 835 posted) and the patient must have secondary coverage on the date "
                            + "of service. With the practice setting auto-secondary on, 'era import' does this by itself.",
                        arguments: [claimArgument],
                        examples: [Example("practica claim create-secondary CL1001", "Bill CL1001's patient responsibility to the secondary payer.")]),
            CommandSpec(name: "show", abstract: "A claim with its lines, findings, submissions and full history from the log.",
                        arguments: [claimArgument],
                        examples: [Example("practica claim show CL1001", "One claim."), Example("practica claim show CL1001 --json", "As JSON.")]),
        ])

    static let handlers: [String: CommandHandler] = [
        "claim create": ClaimWriteHandlers.create, "claim scrub": ClaimWriteHandlers.scrub,
        "claim override": ClaimWriteHandlers.override, "claim replace": ClaimWriteHandlers.replace,
        "claim void": ClaimWriteHandlers.void, "claim submit": ClaimSubmitHandler.submit,
        "claim ack": ClaimAckHandler.ack, "claim show": ClaimShowHandler.show,
        "claim create-secondary": createSecondary,
    ]

    static func stream(_ id: ClaimID) -> String { "claim-\(id)" }

    static func createSecondary(_ command: ParsedCommand, _ context: CommandContext) throws {
        let primary: ClaimID = try SchedulingInput.argumentID(command, "claim")
        let created = try SecondaryClaimCreation.perform(primary: primary, session: try context.frontDesk())
        context.report("created secondary claim \(created.claim) to \(created.payer) for \(primary): \(created.total) billed, "
                       + "\(created.priorAdjudication?.patientResponsibility.description ?? "?") left by the primary; "
                       + "scrub it with 'practica claim scrub \(created.claim)'", json: created.json)
    }
}
