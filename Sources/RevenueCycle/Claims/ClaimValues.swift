import BinaryCodec

/// CLM05-3: an original claim, a replacement (7) or a void (8) of an earlier one.
///
/// Named apart from `X12.ClaimFrequency` so the domain's stored tag order is
/// owned here, not by the EDI module.
public enum ClaimFrequencyType: String, CaseIterable, Sendable, CustomStringConvertible {
    case original, replacement, void

    /// The X12 code: 1, 7 or 8.
    public var code: String {
        switch self {
        case .original: return "1"
        case .replacement: return "7"
        case .void: return "8"
        }
    }

    public var description: String { rawValue }
}

extension ClaimFrequencyType: BinaryTagged {
    static let codecOrder: [ClaimFrequencyType] = [.original, .replacement, .void]
    static let tagName = "claim frequency"
}

/// Whether a scrubber finding stops the claim (`error` holds it) or only informs.
public enum FindingSeverity: String, CaseIterable, Sendable, CustomStringConvertible {
    case error, warning
    public var description: String { rawValue }
}

extension FindingSeverity: BinaryTagged {
    static let codecOrder: [FindingSeverity] = [.error, .warning]
    static let tagName = "finding severity"
}

/// One thing the scrubber found, worded so a biller knows what to fix.
public struct ScrubFinding: Hashable, Sendable, CustomStringConvertible {
    /// Stable id ("DX-POINTER"), what overrides and work queues key on.
    public let rule: String
    public let severity: FindingSeverity
    public let message: String
    /// 1-based service line, when the finding is about one.
    public let line: Int?

    public init(rule: String, severity: FindingSeverity = .error, message: String, line: Int? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.line = line
    }

    public var description: String {
        "\(rule) \(severity)" + (line.map { " line \($0)" } ?? "") + ": \(message)"
    }

    var json: JSONValue {
        .object([("rule", .string(rule)), ("severity", .text(severity)), ("message", .string(message)),
                 ("line", .maybe(line, JSONValue.count))])
    }
}

/// A service line as the claim carries it: a snapshot of its charge, with
/// pointers into the claim's diagnosis list (not the charge's), so the claim
/// reads the same later even if the fee schedule or charge changes.
public struct ClaimLine: Hashable, Sendable {
    public let charge: ChargeID
    public let procedure: ProcedureCode
    public let modifiers: [Modifier]
    public let units: Int
    public let amount: Money
    /// 1-based positions in the claim's diagnoses, at most four, first is primary.
    public let pointers: [Int]
    public let dateOfService: LocalDate

    public init(charge: ChargeID, procedure: ProcedureCode, modifiers: [Modifier] = [], units: Int = 1,
                amount: Money, pointers: [Int], dateOfService: LocalDate) {
        self.charge = charge
        self.procedure = procedure
        self.modifiers = modifiers
        self.units = units
        self.amount = amount
        self.pointers = pointers
        self.dateOfService = dateOfService
    }

    var json: JSONValue {
        .object([("charge", .id(charge)), ("code", .text(procedure)), ("modifiers", .array(modifiers.map(JSONValue.text))),
                 ("units", .count(units)), ("amount", .money(amount)), ("pointers", .array(pointers.map(JSONValue.count))),
                 ("dateOfService", .text(dateOfService))])
    }
}

/// One status a payer reported on a claim in a 277CA (STC01 and friends).
public struct PayerClaimStatus: Hashable, Sendable, CustomStringConvertible {
    /// Category, e.g. "A2" accepted, "A7" rejected for invalid information.
    public let category: String
    /// Status code, e.g. "20" accepted for processing, "562" NPI.
    public let code: String
    /// Entity the status is about, e.g. "85" billing provider.
    public let entity: String?
    /// The payer's meaning in words, as the work queue shows it.
    public let text: String

    public init(category: String, code: String, entity: String? = nil, text: String) {
        self.category = category
        self.code = code
        self.entity = entity
        self.text = text
    }

    public var description: String { text }

    var json: JSONValue {
        .object([("category", .string(category)), ("code", .string(code)), ("entity", .optional(entity)), ("text", .string(text))])
    }
}

// Binary forms of the claim values, shared by the claim events.
extension ByteWriter {
    mutating func write(_ f: ScrubFinding) {
        writeString(f.rule)
        writeTag(f.severity)
        writeString(f.message)
        writeOptional(f.line) { $0.write($1) }
    }

    mutating func write(_ l: ClaimLine) {
        write(l.charge)
        writeString(l.procedure.code)
        writeArray(l.modifiers) { $0.writeString($1.code) }
        write(l.units)
        write(l.amount)
        writeArray(l.pointers) { $0.write($1) }
        write(l.dateOfService)
    }

    mutating func write(_ s: PayerClaimStatus) {
        writeString(s.category)
        writeString(s.code)
        writeOptionalString(s.entity)
        writeString(s.text)
    }

    mutating func write(_ d: DiagnosisCode) { writeString(d.compact) }
    mutating func write(_ m: Modifier) { writeString(m.code) }
    mutating func write(_ p: ProcedureCode) { writeString(p.code) }
}

extension ByteReader {
    mutating func readFinding() throws(DecodingError) -> ScrubFinding {
        ScrubFinding(rule: try readString(), severity: try readTag(), message: try readString(),
                     line: try readOptional { (r) throws(DecodingError) in try r.readInt() })
    }

    mutating func readClaimLine() throws(DecodingError) -> ClaimLine {
        ClaimLine(charge: try readID(), procedure: try readProcedure(),
                  modifiers: try readArray { (r) throws(DecodingError) in try r.readModifier() },
                  units: try readInt(), amount: try readMoney(),
                  pointers: try readArray { (r) throws(DecodingError) in try r.readInt() },
                  dateOfService: try readDate())
    }

    mutating func readPayerStatus() throws(DecodingError) -> PayerClaimStatus {
        PayerClaimStatus(category: try readString(), code: try readString(), entity: try readOptionalString(), text: try readString())
    }

    mutating func readDiagnosis() throws(DecodingError) -> DiagnosisCode { try readValue(DiagnosisCode.init) }
    mutating func readModifier() throws(DecodingError) -> Modifier { try readValue(Modifier.init) }
    mutating func readProcedure() throws(DecodingError) -> ProcedureCode { try readValue(ProcedureCode.init) }
}
