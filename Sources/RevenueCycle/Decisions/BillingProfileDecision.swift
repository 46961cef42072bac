/// What `billing-profile set` asks for, as typed.
public struct BillingProfileRequest: Sendable, Equatable {
    public var ein: String
    public var address: String
    public var submitterID: String
    public var submitterName: String
    public var contactName: String
    public var contactPhone: String
    public var receiverID: String
    public var receiverName: String
    public var claimFilingIndicator: String
    public var isProduction: Bool

    public init(ein: String, address: String, submitterID: String, submitterName: String, contactName: String = "BILLING OFFICE",
                contactPhone: String, receiverID: String, receiverName: String, claimFilingIndicator: String = "CI",
                isProduction: Bool = true) {
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
}

/// Checks a billing profile before it reaches the log, so `claim submit`
/// never discovers a bad EIN or an envelope id a clearinghouse would drop.
public enum BillingProfileDecision {
    /// SBR09 claim filing indicator codes of 005010X222A1.
    public static let filingIndicators: Set<String> = [
        "11", "12", "13", "14", "15", "16", "17", "AM", "BL", "CH", "CI", "DS", "FI", "HM", "LM", "MA", "MB", "MC",
        "OF", "TV", "VA", "WC", "ZZ",
    ]

    /// - throws: `Rejection` (usage) naming the flag: an EIN that is not 9 digits,
    ///   an address without street, city, state and ZIP or a PO box, ids that do
    ///   not fit ISA06/ISA08 (1–15 letters and digits), empty names, a phone
    ///   that is not 10 digits, an unknown filing indicator.
    public static func set(_ r: BillingProfileRequest) throws(Rejection) -> BillingProfileSet {
        let ein = r.ein.filter { $0 != "-" && $0 != " " }
        guard ein.count == 9, ASCII.allDigits(ein) else {
            throw .usage("ein", "\"\(r.ein)\" is not an employer identification number: expected 9 digits, e.g. 37-1234567")
        }
        let address = r.address.trimmedForInput
        try X12Characters.check(address, field: "address", folded: true)
        guard let parsed = PostalAddress.parse(address) else {
            throw .usage("address", "\"\(r.address)\" needs street, city, state and ZIP, like \"1 Main St, Chicago, IL 60601\"")
        }
        let street = parsed.line1.uppercased().filter { $0.isLetter }
        guard !street.hasPrefix("POBOX"), !street.hasPrefix("BOX") else {
            throw .usage("address", "the billing provider's address must be a street address, not a PO box")
        }
        let phone: PhoneNumber
        do { phone = try PhoneNumber(r.contactPhone) } catch { throw .invalid("phone", error) }
        let indicator = r.claimFilingIndicator.trimmedForInput.uppercased()
        guard filingIndicators.contains(indicator) else {
            throw .usage("filing-indicator", "\"\(r.claimFilingIndicator)\" is not an SBR09 claim filing indicator",
                         hint: "e.g. CI commercial, MB Medicare Part B, MC Medicaid, BL Blue Cross")
        }
        return BillingProfileSet(ein: ein, address: address, submitterID: try envelopeID("submitter-id", r.submitterID),
                                 submitterName: try name("submitter-name", r.submitterName),
                                 contactName: try name("contact", r.contactName), contactPhone: phone,
                                 receiverID: try envelopeID("receiver-id", r.receiverID),
                                 receiverName: try name("receiver-name", r.receiverName),
                                 claimFilingIndicator: indicator, isProduction: r.isProduction)
    }

    /// ISA06/ISA08 are 15 characters; letters and digits only so every receiver reads them alike.
    static func envelopeID(_ field: String, _ text: String) throws(Rejection) -> String {
        let id = text.trimmedForInput.uppercased()
        guard (1...15).contains(id.count), id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw .usage(field, "\"\(text)\" must be 1 to 15 letters and digits (it goes into ISA and GS)")
        }
        return id
    }

    /// Names as X12 carries them (upper case, no delimiters), at most 60 characters (NM103).
    static func name(_ field: String, _ text: String) throws(Rejection) -> String {
        // Refused rather than cleaned away: "A*B" must not quietly become "A B".
        try X12Characters.check(text, field: field, folded: true)
        let clean = X12Text.clean(text)
        guard !clean.isEmpty, clean.count <= 60 else {
            throw .usage(field, "\"\(text)\" must have 1 to 60 letters, digits or spaces")
        }
        return clean
    }
}
