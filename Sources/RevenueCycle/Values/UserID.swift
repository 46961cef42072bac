/// A staff member's login name, which is also their id ("maria", "j.smith").
///
/// Lower-case letters, digits, '.', '_' and '-', starting with a letter, at most
/// 32 characters: the same shape as a Unix user name, since `--as` defaults to the OS user.
public struct UserID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let name: String

    public init(_ text: String) throws(ValueError) {
        let input = text.trimmedForInput
        func fail(_ reason: String) -> ValueError { ValueError(kind: "user name", input: text, reason: reason) }
        guard !input.isEmpty, input.count <= 32 else { throw fail("must be 1 to 32 characters") }
        guard let first = input.first, first >= "a" && first <= "z" else { throw fail("must start with a lower-case letter") }
        guard input.allSatisfy({ ($0 >= "a" && $0 <= "z") || ASCII.isDigit($0) || $0 == "." || $0 == "_" || $0 == "-" }) else {
            throw fail("only lower-case letters, digits, '.', '_' and '-' are allowed")
        }
        name = input
    }

    public static func parse(_ text: String) throws(ValueError) -> UserID { try UserID(text) }

    public var description: String { name }

    public static func < (a: UserID, b: UserID) -> Bool { a.name < b.name }
}
