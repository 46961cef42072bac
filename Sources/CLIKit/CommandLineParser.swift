/// Parses `practica <noun> <verb> [arguments] [--options]` against a ``CommandSpec`` tree.
///
/// Supported forms: `--name value`, `--name=value`, `-n 5`, `-n5`, clustered
/// short flags (`-qv`), `--` ending options, repeated options collected in
/// order, and the root's global options anywhere on the line. `--help`/`-h`
/// anywhere (before `--`) yields a help request rather than an error.
///
/// ```swift
/// let parser = try CommandLineParser(root: root)
/// switch try parser.parse(["log", "tail", "-n", "5", "--json"]) {
/// case .run(let cmd): print(cmd.path, try cmd.int("n") ?? 20, cmd.flag("json"))
/// case .help(let request): print(request.render(), terminator: "")
/// }
/// ```
public struct CommandLineParser: Sendable {
    /// The root of the tree; its name is the program name.
    public let root: CommandSpec

    /// Checks the tree and keeps it.
    ///
    /// - throws: ``SpecError`` listing every problem from
    ///   ``CommandSpec/validationProblems()``, e.g. a leaf without an example.
    public init(root: CommandSpec) throws(SpecError) {
        let problems = root.validationProblems()
        guard problems.isEmpty else { throw SpecError(problems: problems) }
        self.root = root
    }

    /// Skips validation; used while validating examples.
    init(validatedRoot root: CommandSpec) {
        self.root = root
    }

    /// Parses `arguments` (without the program name).
    ///
    /// - throws: ``UsageError`` naming the offending option, argument or command.
    public func parse(_ arguments: [String]) throws(UsageError) -> ParseOutcome {
        var run = ParseRun(root: root, arguments: arguments)
        do {
            return try run.parse()
        } catch {
            if run.helpRequested {
                return .help(HelpRequest(root: root, path: run.path, reason: .requested))
            }
            throw error
        }
    }
}
