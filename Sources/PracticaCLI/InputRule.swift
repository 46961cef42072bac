import CLIKit
import RevenueCycle

/// The first half of "one rule for every input": before any command runs,
/// every word on its line — ids, dates, codes, paths and free text alike — is
/// held to `FreeText`'s character rule, so no control or invisible formatting
/// character reaches a decision, the log, a file or a listing. Free-text fields
/// then add their length limit when the command reads them (`ParsedCommand.text`).
enum InputRule {
    /// No single word may be longer than this (a path's limit on Linux);
    /// free-text fields have their own, much smaller limits.
    static let maximumWordLength = 4_096

    static func check(_ command: ParsedCommand) throws {
        for (label, value) in command.labelledWords {
            if let problem = FreeText.characterProblem(in: value) {
                throw UsageError(.invalidValue, "\(label): \(EchoedInput.quoted(value)) \(problem)",
                                 hint: "type the value again without hidden characters (pasted text can carry them)")
            }
            if value.utf8.count > maximumWordLength {
                throw UsageError(.invalidValue, "\(label): \(EchoedInput.quoted(value)) is longer than \(maximumWordLength) bytes",
                                 hint: "see '\(command.displayName) --help' for what \(label) takes")
            }
        }
    }
}
