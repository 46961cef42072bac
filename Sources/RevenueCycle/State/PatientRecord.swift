/// A patient's current demographics, after updates and merges.
public struct PatientRecord: Sendable, Equatable {
    public let id: PatientID
    public var name: PersonName
    public var dateOfBirth: LocalDate
    public var sex: Sex
    public var phone: PhoneNumber?
    public var email: EmailAddress?
    public var address: String?
    /// Set when this chart was merged into another; it then accepts no new activity.
    public var mergedInto: PatientID?

    public init(_ e: borrowing PatientRegistered) {
        id = e.patient
        name = e.name
        dateOfBirth = e.dateOfBirth
        sex = e.sex
        phone = e.phone
        email = e.email
        address = e.address
        mergedInto = nil
    }

    public var isActive: Bool { mergedInto == nil }

    public mutating func apply(_ e: PatientUpdated) {
        if let n = e.name { name = n }
        if let d = e.dateOfBirth { dateOfBirth = d }
        if let s = e.sex { sex = s }
        switch e.phone { case .set(let v)?: phone = v; case .clear?: phone = nil; case nil: break }
        switch e.email { case .set(let v)?: email = v; case .clear?: email = nil; case nil: break }
        switch e.address { case .set(let v)?: address = v; case .clear?: address = nil; case nil: break }
    }

    /// `patient find` matching: a name prefix, a DOB ("1980-05-17"), or phone digits (at least 4).
    /// See `PatientQuery` for how the text is read.
    public func matches(search text: String) -> Bool {
        PatientQuery(text)?.matches(self) ?? false
    }
}
