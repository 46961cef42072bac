import CLIKit
import Foundation
@testable import PracticaCLI
import XCTest

/// Every command a hint (or message) suggests is a valid command line (issue 15, item 16):
/// typing what practica suggests must never be a usage error.
final class HintTests: XCTestCase {
    /// `practica …` snippets in backticks or single quotes, with placeholders filled in.
    static func suggestedCommands(in text: String) -> [String] {
        var found: [String] = []
        for quote in ["`", "'"] {
            let parts = text.components(separatedBy: quote)
            // Odd-numbered parts sit between a pair of quotes.
            for (index, part) in parts.enumerated() where index % 2 == 1 && part.hasPrefix("practica ") {
                found.append(part)
            }
        }
        return found
    }

    /// The words of a suggested line as a user would type them: `\(…)` interpolations,
    /// upper-case placeholders (NAME, AMOUNT) and "..." become a stand-in value.
    static func words(_ snippet: String) -> [String] {
        var text = ""
        var depth = 0
        var chars = Array(snippet)[...]
        while let c = chars.popFirst() {
            if depth == 0, c == "\\", chars.first == "(" {
                chars = chars.dropFirst()
                depth = 1
                text += "X1"
            } else if depth > 0 {
                if c == "(" { depth += 1 }
                if c == ")" { depth -= 1 }
            } else if c == "\\", chars.first == "\"" {
                text += "\""
                chars = chars.dropFirst()
            } else {
                text.append(c)
            }
        }
        return ShellWords.split(text).dropFirst().map { word in
            let placeholder = word == "..." || (word.first?.isUppercase == true && word.allSatisfy { $0.isUppercase || $0 == "-" || $0 == "_" })
            return placeholder ? "X1" : word
        }
    }

    /// Parses a suggested line with the real command tree; returns the problem, or nil when it would run.
    /// A bare command ("see 'practica patient find'") refers to a command and must exist; a line with
    /// arguments or options is something to type, and must parse with every required part present.
    static func problem(with snippet: String) -> String? {
        let words = words(snippet)
        if words == ["--version"] || words == ["--help"] { return nil }
        if !words.isEmpty, words.allSatisfy({ $0.first?.isLowercase == true }), CommandTree.root.descendant(at: words) != nil {
            return nil
        }
        do {
            switch try CommandLineParser(root: CommandTree.root).parse(words) {
            case .run: return nil
            case .help(let request): return request.reason == .requested ? nil : "names no command to run"
            }
        } catch {
            return "\(error)"
        }
    }

    /// Every Swift source line outside comments that suggests a `practica …` line.
    func testEveryCommandSuggestedInTheSourcesParses() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        XCTAssertGreaterThan(files.count, 100)
        var checked = 0
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                guard !code.hasPrefix("//"), code.contains("\"") else { continue }
                // A command name built at run time ('practica \(singular) list') is checked where it is built.
                for snippet in Self.suggestedCommands(in: String(line)) where !snippet.hasPrefix("practica \\(") {
                    checked += 1
                    if let problem = Self.problem(with: snippet) {
                        XCTFail("\(file):\(number + 1): '\(snippet)' does not parse: \(problem)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 40, "the scan found the hints")
    }

    /// The hints the issue found broken, collected from real refusals and parsed.
    func testHintsFromRefusalsNameCommandsThatParse() throws {
        let f = try RemittanceFixture()
        let folder = try f.claims.folder()
        var hints: [String] = []
        func refused(_ arguments: [String], mentioning fragment: String, hint expected: String) throws {
            let result = try f.claims.practice.run(arguments, as: "bill")
            assertRefused(result, status: 1, mentioning: fragment)
            let hint = result.stderr.split(separator: "\n").first { $0.hasPrefix("hint: ") }.map(String.init) ?? ""
            XCTAssertTrue(hint.contains(expected), "expected '\(expected)' in \(hint)")
            hints.append(hint)
        }
        let visit = try f.claims.visit(hour: 11)
        try refused(["charge", "add", visit, "--code", "99214", "--dx", "E11.9"], mentioning: "99214",
                    hint: "practica fee set --code 99214 --amount AMOUNT")
        try refused(["charge", "add", "V9999", "--code", "99213", "--dx", "E11.9"], mentioning: "<visit>: unknown visit V9999",
                    hint: "practica check-out APPOINTMENT")
        let stranger = try f.write(Remit835.file(bpr: "100", payerName: "STRANGER MUTUAL", payerID: nil,
                                                 claims: [Remit835.paid(f.claim, dos: f.dos)]), "stranger.835")
        try refused(["era", "import", stranger], mentioning: "not one of the practice's payers",
                    hint: "practica payer add --name \"STRANGER MUTUAL\" --payer-id PAYER-ID")

        try f.importing(Remit835.file(bpr: "100", claims: [Remit835.paid(f.claim, dos: f.dos)]), "paid.835")
        XCTAssertEqual(try f.status(), "paid")
        let resend = folder.appendingPathComponent("again.837").path
        try refused(["claim", "submit", f.claim, "--out", resend], mentioning: "\(f.claim) is paid", hint: "practica claim replace \(f.claim)")
        XCTAssertFalse(hints.last?.contains("scrub it first") ?? true)
        let sent = AckFiles.SentNumbers(try String(contentsOf: folder.appendingPathComponent("sent.837"), encoding: .utf8))
        let late = try f.write(AckFiles.ack999(group: sent.group, sets: sent.sets.map { ($0, "A") }), "late.999")
        try refused(["claim", "ack", late], mentioning: "answered by the payer before any 999", hint: "nothing to do")

        let suggested = hints.flatMap(Self.suggestedCommands(in:))
        XCTAssertGreaterThanOrEqual(suggested.count, 5, "\(hints)")
        for snippet in suggested {
            XCTAssertNil(Self.problem(with: snippet), snippet)
            // And the binary agrees: the suggested command's help runs.
            var path: [String] = []
            for word in Self.words(snippet) where CommandTree.root.descendant(at: path + [word]) != nil { path.append(word) }
            XCTAssertTrue(CommandTree.root.descendant(at: path)?.isLeaf ?? false, snippet)
            let help = try CLI.run(path + ["--help"])
            XCTAssertEqual(help.status, 0, "\(snippet): \(help.stderr)")
        }
    }
}
