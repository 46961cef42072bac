import RevenueCycle

/// The made-up practice: who works there, where, what it bills and at what price.
/// Plain constants; `DemoPractice` turns them into setup commands.
enum DemoCatalog {
    struct Provider {
        let name: String
        /// Nine digits; the tenth (Luhn over 80840 + these) is computed, so every NPI is valid.
        let npiBase: String
        let taxonomy: String
        /// Weekly hours: (weekday, location index, "HH:MM-HH:MM" blocks).
        let hours: [(Weekday, Int, [String])]
    }

    static let practiceName = "Lakeside Family Medicine"
    static let zone = "America/Chicago"

    static let providers: [Provider] = [
        Provider(name: "Ana Ruiz MD", npiBase: "123456789", taxonomy: "207Q00000X",
                 hours: [.monday, .tuesday, .wednesday, .thursday, .friday].map { ($0, 0, ["08:00-12:00", "13:00-17:00"]) }),
        Provider(name: "Ben Okafor MD", npiBase: "198765432", taxonomy: "207R00000X",
                 hours: [.monday, .tuesday, .wednesday, .thursday].map { ($0, 0, ["08:00-12:00", "13:00-17:00"]) }
                     + [(.friday, 1, ["08:00-12:00"])]),
        Provider(name: "Carla Nguyen DO", npiBase: "155544433", taxonomy: "207Q00000X",
                 hours: [.monday, .tuesday, .wednesday, .thursday, .friday].map { ($0, 1, ["08:00-12:00", "13:00-17:00"]) }),
        Provider(name: "David Levin NP", npiBase: "166677788", taxonomy: "363LF0000X",
                 hours: [(.monday, 1, ["08:00-12:00", "13:00-17:00"]), (.wednesday, 1, ["08:00-12:00", "13:00-17:00"]),
                         (.tuesday, 0, ["09:00-12:00", "13:00-18:00"]), (.thursday, 0, ["09:00-12:00", "13:00-18:00"])]),
    ]

    static let locations: [(name: String, address: String, rooms: [String])] = [
        ("Lakeside", "1200 N Lake Shore Dr, Chicago, IL 60610", ["Exam 1", "Exam 2", "Exam 3"]),
        ("Westbrook", "455 Ogden Ave, Downers Grove, IL 60515", ["Exam 1", "Exam 2", "Exam 3"]),
    ]

    /// Which room (index at the location) a provider works in there, so providers never clash over rooms.
    static func room(provider: Int, location: Int) -> Int {
        [[0, 0], [1, 1], [0, 0], [2, 2]][provider][location]
    }

    enum VisitKind: Int, CaseIterable {
        case newPatient, followUp, annual, sick

        var name: String { ["New patient", "Follow-up", "Annual physical", "Sick visit"][rawValue] }
        var minutes: Int { [40, 20, 40, 20][rawValue] }
    }

    /// CPT code and fee in cents: a family practice's most common services.
    static let fees: [(code: String, cents: Int64)] = [
        ("99203", 17_000), ("99204", 26_000), ("99212", 9_000), ("99213", 13_500), ("99214", 19_500), ("99215", 26_500),
        ("99396", 24_000), ("36415", 2_000), ("80053", 4_500), ("83036", 3_500), ("93000", 6_500), ("20610", 15_000),
    ]

    static func fee(_ code: String) -> Int64 { fees.first { $0.code == code }?.cents ?? 0 }

    static let chronicDiagnoses = ["E11.9", "I10", "E78.5", "E66.9", "J45.909", "K21.9", "F41.1", "M17.11"]
    static let acuteDiagnoses = ["J06.9", "J02.9", "N39.0", "M54.50", "R05.9", "B34.9", "H66.90", "L03.116"]
    static let preventiveDiagnoses = ["Z00.00", "Z00.01"]

    static let users: [(name: String, role: Role, fullName: String)] = [
        ("jo", .frontDesk, "Jo Park"), ("lee", .frontDesk, "Lee Alvarez"), ("sam", .biller, "Sam Ortiz"),
        ("kim", .biller, "Kim Baptiste"), ("ana.audit", .auditor, "Ana Auditor"),
    ]

    static let firstNames = ["Maria", "James", "Ana", "Robert", "Linh", "Michael", "Sofia", "David", "Aisha", "John", "Emma",
                             "Carlos", "Olivia", "Wei", "Noah", "Fatima", "Liam", "Grace", "Mateo", "Priya", "Ethan", "Zoe",
                             "Samuel", "Hannah", "Omar", "Chloe", "Daniel", "Mia", "Kwame", "Isabella", "Yusuf", "Lucia"]
    static let lastNames = ["Garcia", "Smith", "Nguyen", "Johnson", "Williams", "Brown", "Martinez", "Davis", "Lopez", "Miller",
                            "Wilson", "Anderson", "Thomas", "Hernandez", "Moore", "Jackson", "Lee", "Patel", "Kowalski", "Okafor",
                            "Rossi", "Schmidt", "Kim", "Cohen", "Murphy", "Rivera", "Novak", "Haddad", "Walker", "Young"]
    static let streets = ["Oak St", "Maple Ave", "Elm St", "Cedar Rd", "Pine St", "Lakeview Dr", "Main St", "Hill Rd",
                          "Division St", "Ashland Ave", "Western Ave", "Belmont Ave"]
    static let cities = ["Chicago, IL 60614", "Chicago, IL 60657", "Oak Park, IL 60302", "Evanston, IL 60201",
                         "Downers Grove, IL 60515", "Naperville, IL 60540", "Cicero, IL 60804", "Berwyn, IL 60402"]
    static let areaCodes = ["312", "773", "630", "708", "847", "331", "224", "872"]

    /// The Luhn check digit of an NPI: computed over "80840" + the nine digits, as CMS specifies.
    static func npi(_ base: String) -> String {
        let digits = Array("80840" + base).compactMap { $0.wholeNumberValue }
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            // The check digit will sit to the right, so the rightmost digit here is doubled.
            let d = offset % 2 == 0 ? digit * 2 : digit
            sum += d > 9 ? d - 9 : d
        }
        return base + String((10 - sum % 10) % 10)
    }
}
