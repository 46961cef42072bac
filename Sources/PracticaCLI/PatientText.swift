import RevenueCycle

/// How a patient reads in one line of output: "Maria Garcia" in sentences,
/// "PT1001 Maria Garcia (born 1980-04-02, phone (312) 555-0100)" where the
/// person at the desk must tell two charts apart.
enum PatientText {
    static func fullName(_ name: PersonName) -> String {
        ([name.first] + (name.middle.map { [$0] } ?? []) + [name.last]).joined(separator: " ")
    }

    static func summary(_ record: PatientRecord) -> String {
        var text = "\(record.id) \(fullName(record.name)) (born \(record.dateOfBirth)"
        if let phone = record.phone { text += ", phone \(phone.formatted)" }
        return text + ")"
    }
}
