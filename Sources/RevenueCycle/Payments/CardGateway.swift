/// A payment card number as typed at the desk. It lives only in memory on the
/// way to the gateway: its description, debug description and mirror show the
/// last four digits only, so it cannot leak into a log, an event or an error.
public struct CardNumber: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let digits: String

    /// Accepts 12 to 19 digits with spaces or dashes; the Luhn check digit must hold.
    /// - throws: `ValueError` whose text never repeats the number.
    public init(_ text: String) throws(ValueError) {
        let digits = text.filter { $0 != " " && $0 != "-" }
        func fail(_ reason: String) -> ValueError { ValueError(kind: "card number", input: "••••", reason: reason) }
        guard (12...19).contains(digits.count), ASCII.allDigits(digits) else { throw fail("expected 12 to 19 digits") }
        var sum = 0
        for (offset, c) in digits.reversed().enumerated() {
            let d = ASCII.digitValue(c) ?? 0
            sum += offset % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d
        }
        guard sum % 10 == 0 else { throw fail("the check digit is wrong; check the number") }
        self.digits = digits
    }

    public var last4: String { String(digits.suffix(4)) }
    public var description: String { "card ending \(last4)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["last4": last4]) }

    /// The full number, for a gateway implementation to send to its processor and nothing else.
    public func revealForGateway() -> String { digits }
}

/// What a gateway hands back for an approved charge: a token to refer to it
/// (refunds) and the last four digits — all an event may keep.
public struct CardAuthorization: Hashable, Sendable {
    public let token: String
    public let last4: String
    public let amount: Money

    /// - throws: `ValueError` when `last4` is not four digits or the token holds a
    ///   run of 12 or more digits (a gateway must never hand back the card number).
    public init(token: String, last4: String, amount: Money) throws(ValueError) {
        guard last4.count == 4, ASCII.allDigits(last4) else {
            throw ValueError(kind: "card authorization", input: last4, reason: "last four must be four digits")
        }
        var run = 0
        for c in token {
            run = ASCII.isDigit(c) ? run + 1 : 0
            guard run < 12 else { throw ValueError(kind: "card authorization", input: "token", reason: "looks like a card number") }
        }
        guard !token.isEmpty else { throw ValueError(kind: "card authorization", input: "token", reason: "is empty") }
        self.token = token
        self.last4 = last4
        self.amount = amount
    }
}

/// The gateway's answer to a charge.
public enum CardChargeResult: Sendable, Equatable {
    case approved(CardAuthorization)
    case declined(reason: String)
}

/// A card payment processor. Charging is I/O, so it happens before the
/// payment decision, which then records only the authorization.
public protocol CardGateway: Sendable {
    func charge(_ card: CardNumber, amount: Money, reference: String) -> CardChargeResult
    /// Gives back part or all of an approved charge; false when the processor refuses.
    func refund(token: String, amount: Money) -> Bool
}

/// The gateway the project ships for tests and demos: approves any valid card
/// number except the usual test numbers for declines.
///
/// ```swift
/// let result = LocalTestGateway().charge(try CardNumber("4242 4242 4242 4242"), amount: Money(cents: 2500), reference: "PY12")
/// // .approved(token "tok_test_…", last4 "4242")
/// ```
public struct LocalTestGateway: CardGateway {
    /// Test numbers and why they are declined.
    public static let declines: [String: String] = [
        "4000000000000002": "card declined",
        "4000000000009995": "insufficient funds",
        "4000000000000069": "expired card",
        "4000000000000127": "incorrect CVC",
    ]

    public init() {}

    public func charge(_ card: CardNumber, amount: Money, reference: String) -> CardChargeResult {
        guard amount > .zero else { return .declined(reason: "amount must be positive") }
        if let reason = Self.declines[card.revealForGateway()] { return .declined(reason: reason) }
        var generator = SystemRandomNumberGenerator()
        let token = "tok_test_" + (0..<3).map { _ in letters(generator.next()) }.joined()
        guard let auth = try? CardAuthorization(token: token, last4: card.last4, amount: amount) else {
            return .declined(reason: "gateway error")
        }
        return .approved(auth)
    }

    public func refund(token: String, amount: Money) -> Bool { token.hasPrefix("tok_test_") && amount > .zero }

    /// Eight lower-case letters: a token can never be mistaken for (or refused as) a card number.
    private func letters(_ n: UInt64) -> String {
        var value = n
        var out = ""
        for _ in 0..<8 {
            out.unicodeScalars.append(Unicode.Scalar(UInt8(97 + value % 26)))
            value /= 26
        }
        return out
    }
}
