/// The people and organisations an 837P names, as plain values.

/// A person's or an organisation's name, as NM1 writes it.
public enum X12Name: Sendable, Equatable {
    case organization(String)
    case person(last: String, first: String, middle: String? = nil, suffix: String? = nil)

    /// NM102 entity type qualifier: "1" person, "2" non-person.
    var entityType: String {
        if case .person = self { return "1" }
        return "2"
    }

    /// NM103…NM107.
    var elements: [X12Element] {
        switch self {
        case .organization(let name): return [X12Element(name), "", "", "", ""]
        case let .person(last, first, middle, suffix):
            return [X12Element(last), X12Element(first), .optional(middle), "", .optional(suffix)]
        }
    }
}

/// A postal address (N3/N4).
public struct X12Address: Sendable, Equatable {
    public var line1: String
    public var line2: String?
    public var city: String
    /// Two-letter state or province code.
    public var state: String
    /// 5 or 9 digits.
    public var postalCode: String

    public init(line1: String, line2: String? = nil, city: String, state: String, postalCode: String) {
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.state = state
        self.postalCode = postalCode
    }
}

/// Administrative sex as DMG03 codes it.
public enum X12Sex: String, Sendable {
    case female = "F", male = "M", unknown = "U"
}

/// Loop 1000A: who sends the file (a practice or its clearinghouse account).
public struct Submitter837: Sendable {
    public var name: X12Name
    /// NM109 with qualifier 46 (electronic transmitter id) assigned by the receiver.
    public var identifier: String
    public var contactName: String
    /// Ten digits.
    public var phone: String

    public init(name: X12Name, identifier: String, contactName: String, phone: String) {
        self.name = name
        self.identifier = identifier
        self.contactName = contactName
        self.phone = phone
    }
}

/// Loop 1000B: who receives the file (clearinghouse or payer).
public struct Receiver837: Sendable {
    public var name: String
    public var identifier: String

    public init(name: String, identifier: String) {
        self.name = name
        self.identifier = identifier
    }
}

/// Loop 2000A/2010AA: the provider who bills and is paid.
public struct BillingProvider837: Sendable {
    public var name: X12Name
    /// 10-digit NPI.
    public var npi: String
    /// Employer identification number (REF*EI), 9 digits.
    public var taxID: String
    /// Provider taxonomy code for PRV*BI; omitted when `nil`.
    public var taxonomy: String?
    /// Must be a street address, not a PO box.
    public var address: X12Address

    public init(name: X12Name, npi: String, taxID: String, taxonomy: String? = nil, address: X12Address) {
        self.name = name
        self.npi = npi
        self.taxID = taxID
        self.taxonomy = taxonomy
        self.address = address
    }
}

/// Loop 2310B: the clinician who performed the service, when not the billing provider.
public struct RenderingProvider837: Sendable {
    public var name: X12Name
    public var npi: String
    public var taxonomy: String?

    public init(name: X12Name, npi: String, taxonomy: String? = nil) {
        self.name = name
        self.npi = npi
        self.taxonomy = taxonomy
    }
}

/// Loop 2000B/2010BA: the insured person.
public struct Subscriber837: Sendable {
    public var name: X12Name
    /// NM109 with qualifier MI.
    public var memberID: String
    public var birthDate: X12Date
    public var sex: X12Sex
    public var address: X12Address
    /// SBR03 group or policy number.
    public var groupNumber: String?
    /// SBR09, e.g. "CI" commercial, "MB" Medicare Part B, "MC" Medicaid, "BL" Blue Cross.
    public var claimFilingIndicator: String

    public init(name: X12Name, memberID: String, birthDate: X12Date, sex: X12Sex, address: X12Address,
                groupNumber: String? = nil, claimFilingIndicator: String = "CI") {
        self.name = name
        self.memberID = memberID
        self.birthDate = birthDate
        self.sex = sex
        self.address = address
        self.groupNumber = groupNumber
        self.claimFilingIndicator = claimFilingIndicator
    }
}

/// Loop 2000C/2010CA: the patient, when not the subscriber.
public struct Patient837: Sendable {
    public var name: X12Name
    public var birthDate: X12Date
    public var sex: X12Sex
    public var address: X12Address
    /// PAT01 relationship to the subscriber: "01" spouse, "19" child, "20" employee, "21" unknown,
    /// "39" organ donor, "40" cadaver donor, "53" life partner, "G8" other.
    public var relationshipCode: String

    public init(name: X12Name, birthDate: X12Date, sex: X12Sex, address: X12Address, relationshipCode: String) {
        self.name = name
        self.birthDate = birthDate
        self.sex = sex
        self.address = address
        self.relationshipCode = relationshipCode
    }
}

/// Loop 2010BB: the payer the claim is sent to.
public struct Payer837: Sendable {
    public var name: String
    /// NM109 with qualifier PI (payer id).
    public var payerID: String
    public var address: X12Address?

    public init(name: String, payerID: String, address: X12Address? = nil) {
        self.name = name
        self.payerID = payerID
        self.address = address
    }
}
