import RevenueCycle

/// Key layout of the A/R table (`ar`), which is also the patient ledger. Lower-case
/// tags are the ledger's facts (what `LedgerRules` must remember), upper-case tags
/// what reports and `balance show` read.
///
/// | key                              | value                                              |
/// |----------------------------------|----------------------------------------------------|
/// | `a` · appointment                | checked in with coverage (1 byte)                  |
/// | `l` · appointment                | location (8 bytes), from the booking               |
/// | `v` · visit                      | `ARVisitRecord`: insured, patient, DOS, provider, location, claims, account |
/// | `k` · claim                      | `ARClaimRecord`: visit, payer, patient, provider, DOS, account |
/// | `c` · charge                     | what the charge posted (for its void)              |
/// | `d` · denial                     | claim                                              |
/// | `s` · remittance · index         | suspended payment                                  |
/// | `m` · patient                    | the chart it was merged into                       |
/// | `u`                              | unapplied payer cash                               |
/// | `D` · effective date             | sum of that day's visit-level postings (`LedgerAccount`); all of them are the practice's account |
/// | `P` · patient                    | the patient's ledger account (`LedgerAccount`)      |
/// | `J` · patient (0: none) · position · n | the n-th visit-level posting of the event at that log position (`LedgerEntry`): the journal |
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
    static let patientAccountTag: Unicode.Scalar = "P"
    static let journalTag: Unicode.Scalar = "J"

    static func appointmentInsured(_ id: AppointmentID) -> ViewKey { ViewKey("a").id(id) }
    static func appointmentLocation(_ id: AppointmentID) -> ViewKey { ViewKey("l").id(id) }
    static func visit(_ id: VisitID) -> ViewKey { ViewKey("v").id(id) }
    static func claim(_ id: ClaimID) -> ViewKey { ViewKey("k").id(id) }
    static func charge(_ id: ChargeID) -> ViewKey { ViewKey("c").id(id) }
    static func denial(_ id: DenialID) -> ViewKey { ViewKey("d").id(id) }
    static func suspense(_ key: SuspenseKey) -> ViewKey { ViewKey("s").id(key.remittance).signed(Int64(key.index)) }
    static func merge(_ id: PatientID) -> ViewKey { ViewKey(mergeTag).id(id) }
    static var unapplied: ViewKey { ViewKey("u") }
    static func day(_ date: LocalDate) -> ViewKey { ViewKey(dayTag).date(date) }
    static func patientAccount(_ id: PatientID) -> ViewKey { ViewKey(patientAccountTag).id(id) }
    /// Posting order is log order, then order within the event: no counter to keep.
    static func journal(_ owner: PatientID?, position: UInt64, index: UInt64) -> ViewKey {
        ViewKey(journalTag).number(owner?.number ?? 0).number(position).number(index)
    }
    static func journalPrefix(_ owner: PatientID?) -> [UInt8] { ViewKey(journalTag).number(owner?.number ?? 0).bytes }
}
