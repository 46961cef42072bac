import CLIKit
import EventLog
import Foundation

/// The `practica` command: parses the line, runs one command, and turns every
/// failure into one line on stderr with a hint and the exit code DESIGN.md names.
public enum Practica {
    /// What `practica --version` prints; raised with each release of the store format or commands.
    public static let version = "0.15.0"

    /// Runs one command line (without the program name) and returns the exit status.
    public static func run(_ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
                           output: any TextOutput = FileDescriptorOutput.standardOutput,
                           errors: any TextOutput = FileDescriptorOutput.standardError) -> Int32 {
        var running: ParsedCommand?
        do {
            if arguments == ["--version"] {
                output.write("practica \(version)\n")
                return ExitCode.success.rawValue
            }
            let parser = try CommandLineParser(root: CommandTree.root)
            switch try parser.parse(arguments) {
            case .help(let request):
                output.write(request.render(width: min(Terminal.columns(.standardOutput) ?? 80, 100)))
                return request.reason == .requested ? ExitCode.success.rawValue : ExitCode.usage.rawValue
            case .run(let command):
                running = command
                let path = command.path.joined(separator: " ")
                let context = CommandContext(command: command, environment: environment, output: output, errors: errors)
                guard let handler = CommandTree.handlers[path] else {
                    throw CommandFailure("'\(command.displayName)' has no handler", exitCode: .usage)
                }
                if command.flag("json") && command.flag("csv") {
                    throw UsageError(.unexpectedValue, "--json and --csv: choose one output format",
                                     hint: "drop one of them; see '\(command.displayName) --help'")
                }
                try CommandAccess.check(path, context)
                try handler(command, context)
                return ExitCode.success.rawValue
            }
        } catch var failure as RejectionFailure {
            // A decision names its field plainly ("visit"); the line it came from decides whether that was `<visit>` or `--visit`.
            if let running, let spec = CommandTree.root.descendant(at: running.path) {
                failure.positionalArguments = Set(spec.arguments.map(\.name)).subtracting(spec.options.map(\.long))
            }
            errors.write(UserErrorReport.render(failure))
            return failure.exitCode.rawValue
        } catch let error as any UserError {
            errors.write(UserErrorReport.render(error))
            return error.exitCode.rawValue
        } catch let error as EventStoreError {
            let failure = StoreFailure(error)
            errors.write(UserErrorReport.render(failure))
            return failure.exitCode.rawValue
        } catch let error as SpecError {
            errors.write("internal error: the command tree is invalid: \(error)\n")
            return 70
        } catch {
            errors.write("error: \(error)\nhint: this is unexpected; please report it with the command you ran\n")
            return ExitCode.refused.rawValue
        }
    }
}
