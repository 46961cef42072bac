import BinaryCodec

/// A payer denied a claim or one of its lines: it enters the denial work
/// queue with the codes and their meaning, and its amount stays open until
/// the denial is resolved, appealed to payment, or written off.
public struct DenialOpened: EventPayload, Equatable {
    public static let typeName = "DenialOpened"
    public static let schemaVersion: UInt8 = 1

    public let denial: DenialID
    public let claim: ClaimID
    public let remittance: RemittanceID
    /// 1-based position of the SVC in the claim payment; nil for a claim-level denial.
    public let line: Int?
    /// Our charge on that line, when matched.
    public let charge: ChargeID?
    public let group: AdjustmentGroupCode
    public let carc: String
    public let rarcs: [String]
    public let amount: Money
    /// CARC and RARC descriptions, as the queue shows them.
    public let text: String
    public let openedOn: LocalDate

    public init(denial: DenialID, claim: ClaimID, remittance: RemittanceID, line: Int?, charge: ChargeID?,
                group: AdjustmentGroupCode, carc: String, rarcs: [String], amount: Money, text: String, openedOn: LocalDate) {
        self.denial = denial
        self.claim = claim
        self.remittance = remittance
        self.line = line
        self.charge = charge
        self.group = group
        self.carc = carc
        self.rarcs = rarcs
        self.amount = amount
        self.text = text
        self.openedOn = openedOn
    }

    /// v1: denial, claim, remittance ids; optional line; optional charge id;
    /// group tag; CARC; RARCs; amount; text; date.
    public func encode(to w: inout ByteWriter) {
        w.write(denial)
        w.write(claim)
        w.write(remittance)
        w.writeOptional(line) { $0.write($1) }
        w.writeOptional(charge) { $0.write($1) }
        w.writeTag(group)
        w.writeString(carc)
        w.writeArray(rarcs) { $0.writeString($1) }
        w.write(amount)
        w.writeString(text)
        w.write(openedOn)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        denial = try r.readID()
        claim = try r.readID()
        remittance = try r.readID()
        line = try r.readOptional { (r) throws(DecodingError) in try r.readInt() }
        charge = try r.readOptional { (r) throws(DecodingError) in try r.readID() }
        group = try r.readTag()
        carc = try r.readString()
        rarcs = try r.readStrings()
        amount = try r.readMoney()
        text = try r.readString()
        openedOn = try r.readDate()
    }

    public var json: JSONValue {
        .object([("denial", .id(denial)), ("claim", .id(claim)), ("remittance", .id(remittance)),
                 ("line", .maybe(line, JSONValue.count)), ("charge", .maybe(charge, JSONValue.id)), ("group", .text(group)),
                 ("carc", .string(carc)), ("rarcs", .array(rarcs.map(JSONValue.string))), ("amount", .money(amount)),
                 ("text", .string(text)), ("openedOn", .text(openedOn))])
    }
}

/// The practice appealed a denial; it stays open, waiting for the payer.
public struct DenialAppealed: EventPayload, Equatable {
    public static let typeName = "DenialAppealed"
    public static let schemaVersion: UInt8 = 1

    public let denial: DenialID
    public let note: String
    public let appealedOn: LocalDate

    public init(denial: DenialID, note: String, appealedOn: LocalDate) {
        self.denial = denial
        self.note = note
        self.appealedOn = appealedOn
    }

    /// v1: denial id; note; date.
    public func encode(to w: inout ByteWriter) {
        w.write(denial)
        w.writeString(note)
        w.write(appealedOn)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        denial = try r.readID()
        note = try r.readString()
        appealedOn = try r.readDate()
    }

    public var json: JSONValue { .object([("denial", .id(denial)), ("note", .string(note)), ("appealedOn", .text(appealedOn))]) }
}

/// A denial needs no more work: the payer reprocessed it (its money arrives
/// by remittance), or a corrected claim was sent. Moves no money itself.
public struct DenialResolved: EventPayload, Equatable {
    public static let typeName = "DenialResolved"
    public static let schemaVersion: UInt8 = 1

    public let denial: DenialID
    public let note: String
    public let resolvedOn: LocalDate

    public init(denial: DenialID, note: String, resolvedOn: LocalDate) {
        self.denial = denial
        self.note = note
        self.resolvedOn = resolvedOn
    }

    /// v1: denial id; note; date.
    public func encode(to w: inout ByteWriter) {
        w.write(denial)
        w.writeString(note)
        w.write(resolvedOn)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        denial = try r.readID()
        note = try r.readString()
        resolvedOn = try r.readDate()
    }

    public var json: JSONValue { .object([("denial", .id(denial)), ("note", .string(note)), ("resolvedOn", .text(resolvedOn))]) }
}

/// The practice gives up on a denial: its amount leaves the insurance balance as an adjustment.
public struct DenialWrittenOff: EventPayload, Equatable {
    public static let typeName = "DenialWrittenOff"
    public static let schemaVersion: UInt8 = 1

    public let denial: DenialID
    public let amount: Money
    public let reason: String
    public let writtenOffOn: LocalDate

    public init(denial: DenialID, amount: Money, reason: String, writtenOffOn: LocalDate) {
        self.denial = denial
        self.amount = amount
        self.reason = reason
        self.writtenOffOn = writtenOffOn
    }

    /// v1: denial id; amount; reason; date.
    public func encode(to w: inout ByteWriter) {
        w.write(denial)
        w.write(amount)
        w.writeString(reason)
        w.write(writtenOffOn)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        denial = try r.readID()
        amount = try r.readMoney()
        reason = try r.readString()
        writtenOffOn = try r.readDate()
    }

    public var json: JSONValue {
        .object([("denial", .id(denial)), ("amount", .money(amount)), ("reason", .string(reason)), ("writtenOffOn", .text(writtenOffOn))])
    }
}
