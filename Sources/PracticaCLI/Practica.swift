import CLIKit
import EventLog
import Foundation
import Projections

/// The `practica` command: parses the line, runs one command, and turns every
/// failure into one line on stderr with a hint and the exit code DESIGN.md names.
public enum Practica {
    /// What `practica --version` prints; raised with each release of the store format or commands.
    public static let version = "0.15.0"

    /// Runs one command line (without the program name) and returns the exit status.
    ///
    /// With `--server URL` (or `$PRACTICA_SERVER`) the line is parsed here, for the
    /// same usage errors, and then run on that server (see ``RemoteRun``).
    public static func run(_ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
                           output: any TextOutput = FileDescriptorOutput.standardOutput,
                           errors: any TextOutput = FileDescriptorOutput.standardError) -> Int32 {
        reporting(to: errors) {
            if arguments == ["--version"] {
                output.write("practica \(version)\n")
                return ExitCode.success.rawValue
            }
            let parser = try CommandTree.parser.get()
            switch try parser.parse(arguments) {
            case .help(let request):
                output.write(request.render(width: min(Terminal.columns(.standardOutput) ?? 80, 100)))
                return request.reason == .requested ? ExitCode.success.rawValue : ExitCode.usage.rawValue
            case .run(let command):
                try InputRule.check(command)
                let name = command.path.joined(separator: " ")
                if let server = RemoteRun.serverURL(command, environment), !RemoteFiles.signsIn.contains(name) {
                    guard !RemoteFiles.localOnly.contains(name) else { throw RemoteRun.localOnly(name) }
                    try checkOutputFormat(command)
                    return try RemoteRun(server: server, environment: environment)
                        .perform(arguments, command: command, output: output, errors: errors)
                }
                let context = try CommandContext(command: command, environment: environment, output: output, errors: errors)
                try dispatch(command, context)
                return ExitCode.success.rawValue
            }
        }.status
    }

    /// Runs a command line the server received for `actor`, on the store it keeps open.
    /// - Returns: the exit status, and whether the refusal was the acting user's role.
    static func runOnServer(_ arguments: [String], resident: ResidentStore, actor: String, remote: RemoteInputs,
                            prepare: (ParsedCommand) throws -> ParsedCommand,
                            output: any TextOutput, errors: any TextOutput) -> (status: Int32, denied: Bool) {
        reporting(to: errors) {
            if arguments == ["--version"] {
                output.write("practica \(version)\n")
                return ExitCode.success.rawValue
            }
            let parser = try CommandTree.parser.get()
            switch try parser.parse(arguments) {
            case .help(let request):
                output.write(request.render(width: 80))
                return request.reason == .requested ? ExitCode.success.rawValue : ExitCode.usage.rawValue
            case .run(let parsed):
                if let refusal = RemoteFiles.refusal(parsed) { throw refusal }
                for option in RemoteFiles.serverDecided where parsed.isSet(option) {
                    throw CommandFailure("--\(option): not accepted over the network (the server decides the store, your sign-in who acts)",
                                         hint: "leave out --\(option)", exitCode: .usage)
                }
                try InputRule.check(parsed)
                let command = try prepare(parsed)
                let context = CommandContext(command: command, resident: resident, actor: actor, remote: remote,
                                             output: output, errors: errors)
                try resident.exclusively { try dispatch(command, context) }
                return ExitCode.success.rawValue
            }
        }
    }

    /// Checks the acting user may run the command (one table, `CommandAccess`), then runs its handler.
    static func dispatch(_ command: ParsedCommand, _ context: CommandContext) throws {
        let path = command.path.joined(separator: " ")
        guard let handler = CommandTree.handlers[path] else {
            throw CommandFailure("'\(command.displayName)' has no handler", exitCode: .usage)
        }
        try checkOutputFormat(command)
        do {
            try CommandAccess.check(path, context)
            try handler(command, context)
        } catch var failure as RejectionFailure {
            // A decision names its field plainly ("visit"); the line it came from decides whether that was `<visit>` or `--visit`.
            if let spec = CommandTree.root.descendant(at: command.path) {
                failure.positionalArguments = Set(spec.arguments.map(\.name)).subtracting(spec.options.map(\.long))
            }
            throw failure
        }
    }

    static func checkOutputFormat(_ command: ParsedCommand) throws {
        if command.flag("json") && command.flag("csv") {
            throw UsageError(.unexpectedValue, "--json and --csv: choose one output format",
                             hint: "drop one of them; see '\(command.displayName) --help'")
        }
    }

    /// Runs `body`, turning every failure into its one-line report and exit status.
    static func reporting(to errors: any TextOutput, _ body: () throws -> Int32) -> (status: Int32, denied: Bool) {
        do {
            return (try body(), false)
        } catch let error as RejectionFailure {
            errors.write(UserErrorReport.render(error))
            return (error.exitCode.rawValue, error.rejection.field == "as")
        } catch let error as any UserError {
            errors.write(UserErrorReport.render(error))
            return (error.exitCode.rawValue, false)
        } catch let error as EventStoreError {
            let failure = StoreFailure(error)
            errors.write(UserErrorReport.render(failure))
            return (failure.exitCode.rawValue, false)
        } catch let error as ProjectionError {
            let failure = ReadModelFailure(error)
            errors.write(UserErrorReport.render(failure))
            return (failure.exitCode.rawValue, false)
        } catch let error as SpecError {
            errors.write("internal error: the command tree is invalid: \(error)\n")
            return (70, false)
        } catch {
            errors.write("error: \(error)\nhint: this is unexpected; please report it with the command you ran\n")
            return (ExitCode.refused.rawValue, false)
        }
    }
}
