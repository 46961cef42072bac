import RevenueCycle

/// Key layout of the A/R table (`ar`). Lower-case tags are the ledger's facts
/// (what `LedgerRules` must remember), upper-case tags what reports read.
///
/// | key                              | value                                              |
/// |----------------------------------|----------------------------------------------------|
/// | `a` · appointment                | checked in with coverage (1 byte)                  |
/// | `l` · appointment                | location (8 bytes), from the booking               |
/// | `v` · visit                      | `ARVisitRecord`: insured, patient, DOS, provider, location, claims |
/// | `k` · claim                      | `ARClaimRecord`: visit, payer, patient, provider, DOS, account |
/// | `c` · charge                     | what the charge posted (for its void)              |
/// | `d` · denial                     | claim                                              |
/// | `s` · remittance · index         | suspended payment                                  |
/// | `m` · patient                    | the chart it was merged into                       |
/// | `u`                              | unapplied payer cash                               |
/// | `D` · effective date             | sum of that day's visit-level postings (`LedgerAccount`) |
/// | `I` · claim                      | claim insurance balance (`AROpenItem`)              |
/// | `U` · visit                      | visit insurance balance not on a claim              |
/// | `T` · visit                      | visit patient balance                               |
/// | `X` · patient                    | account-level patient balance (credits)             |
/// | `Z` · 0                          | insurance money posted with no visit                |
///
/// Numbers are 8-byte big-endian, dates signed days with the sign bit flipped, so
/// the `D` family is in date order and a date range is one scan.
enum ARKeys {
    static let dayTag: Unicode.Scalar = "D"
    static let mergeTag: Unicode.Scalar = "m"

    static func appointmentInsured(_ id: AppointmentID) -> [UInt8] { ViewKey("a").id(id).bytes }
    static func appointmentLocation(_ id: AppointmentID) -> [UInt8] { ViewKey("l").id(id).bytes }
    static func visit(_ id: VisitID) -> [UInt8] { ViewKey("v").id(id).bytes }
    static func claim(_ id: ClaimID) -> [UInt8] { ViewKey("k").id(id).bytes }
    static func charge(_ id: ChargeID) -> [UInt8] { ViewKey("c").id(id).bytes }
    static func denial(_ id: DenialID) -> [UInt8] { ViewKey("d").id(id).bytes }
    static func suspense(_ key: SuspenseKey) -> [UInt8] { ViewKey("s").id(key.remittance).signed(Int64(key.index)).bytes }
    static func merge(_ id: PatientID) -> [UInt8] { ViewKey(mergeTag).id(id).bytes }
    static let unapplied: [UInt8] = ViewKey("u").bytes
    static func day(_ date: LocalDate) -> [UInt8] { ViewKey(dayTag).date(date).bytes }
}
