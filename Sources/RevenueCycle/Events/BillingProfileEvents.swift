import BinaryCodec
import X12

/// Who the practice is to its clearinghouse: the tax id and address the 837P
/// bills under and the trading-partner ids of its envelopes. Kept in the log
/// (not a config file) so every submission can be explained later from the
/// profile in force when it was made, and so a change is attributed to someone.
/// A later event replaces the whole profile.
public struct BillingProfileSet: EventPayload, Equatable {
    public static let typeName = "BillingProfileSet"
    public static let schemaVersion: UInt8 = 1

    /// Employer identification number, 9 digits (REF*EI).
    public let ein: String
    /// The billing provider's street address, one line: "1 Main St, Chicago, IL 60601".
    public let address: String
    /// ISA06 / GS02 / 1000A NM109: the id the clearinghouse assigned the practice.
    public let submitterID: String
    public let submitterName: String
    /// 1000A PER: who the clearinghouse calls about a file.
    public let contactName: String
    public let contactPhone: PhoneNumber
    /// ISA08 / GS03 / 1000B NM109.
    public let receiverID: String
    public let receiverName: String
    /// SBR09, e.g. "CI" commercial insurance.
    public let claimFilingIndicator: String
    /// ISA15 "P" when true, "T" (test) otherwise.
    public let isProduction: Bool

    public init(ein: String, address: String, submitterID: String, submitterName: String, contactName: String,
                contactPhone: PhoneNumber, receiverID: String, receiverName: String, claimFilingIndicator: String,
                isProduction: Bool) {
        self.ein = ein
        self.address = address
        self.submitterID = submitterID
        self.submitterName = submitterName
        self.contactName = contactName
        self.contactPhone = contactPhone
        self.receiverID = receiverID
        self.receiverName = receiverName
        self.claimFilingIndicator = claimFilingIndicator
        self.isProduction = isProduction
    }

    /// v1: ein, address, submitter id, submitter name, contact name, contact phone,
    /// receiver id, receiver name, filing indicator strings; production bool.
    public func encode(to w: inout ByteWriter) {
        for text in [ein, address, submitterID, submitterName, contactName, contactPhone.digits, receiverID, receiverName,
                     claimFilingIndicator] {
            w.writeString(text)
        }
        w.writeBool(isProduction)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        ein = try r.readString()
        address = try r.readString()
        submitterID = try r.readString()
        submitterName = try r.readString()
        contactName = try r.readString()
        contactPhone = try r.readValue(PhoneNumber.init)
        receiverID = try r.readString()
        receiverName = try r.readString()
        claimFilingIndicator = try r.readString()
        isProduction = try r.readBool()
    }

    public var json: JSONValue {
        .object([
            ("ein", .string(ein)), ("address", .string(address)), ("submitterId", .string(submitterID)),
            ("submitterName", .string(submitterName)), ("contactName", .string(contactName)),
            ("contactPhone", .string(contactPhone.digits)), ("receiverId", .string(receiverID)),
            ("receiverName", .string(receiverName)), ("filingIndicator", .string(claimFilingIndicator)),
            ("production", .bool(isProduction)),
        ])
    }
}

extension SubmissionSetup {
    /// The setup an 837P is written with, from the profile in the log.
    /// - throws: `Rejection` when the stored address no longer parses (it was checked when set).
    public init(profile p: BillingProfileSet) throws(Rejection) {
        guard let address = PostalAddress.parse(p.address).map(X12Text.address) else {
            throw .refused("address", "the billing profile's address \"\(p.address)\" lacks street, city, state or ZIP",
                           hint: "set it again with `practica billing-profile set`")
        }
        self.init(submitter: Submitter837(name: .organization(p.submitterName), identifier: p.submitterID,
                                          contactName: p.contactName, phone: p.contactPhone.digits),
                  receiver: Receiver837(name: p.receiverName, identifier: p.receiverID),
                  senderID: p.submitterID, receiverID: p.receiverID, billingTaxID: p.ein, billingAddress: address,
                  claimFilingIndicator: p.claimFilingIndicator, isProduction: p.isProduction)
    }
}
