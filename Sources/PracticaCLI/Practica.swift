import CLIKit
import EventLog
import Foundation

/// The `practica` command: parses the line, runs one command, and turns every
/// failure into one line on stderr with a hint and the exit code DESIGN.md names.
public enum Practica {
    /// Runs one command line (without the program name) and returns the exit status.
    public static func run(_ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
                           output: any TextOutput = FileDescriptorOutput.standardOutput,
                           errors: any TextOutput = FileDescriptorOutput.standardError) -> Int32 {
        do {
            let parser = try CommandLineParser(root: CommandTree.root)
            switch try parser.parse(arguments) {
            case .help(let request):
                output.write(request.render(width: min(Terminal.columns(.standardOutput) ?? 80, 100)))
                return request.reason == .requested ? ExitCode.success.rawValue : ExitCode.usage.rawValue
            case .run(let command):
                try InputRule.check(command)
                let context = try CommandContext(command: command, environment: environment, output: output, errors: errors)
                guard let handler = CommandTree.handlers[command.path.joined(separator: " ")] else {
                    throw CommandFailure("'\(command.displayName)' has no handler", exitCode: .usage)
                }
                try handler(command, context)
                return ExitCode.success.rawValue
            }
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
