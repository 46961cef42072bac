/// Where every cent charged on an account (a claim, a visit, a patient, the
/// practice) stands: paid by a payer, adjusted away, paid by the patient, or
/// still open with insurance or with the patient.
///
/// The identity `charges = payerPayments + adjustments + patientPayments +
/// insuranceBalance + patientBalance` holds for every account at every
/// position of the log; `isBalanced` checks it. A change to an account is an
/// account too (a delta), and every delta the ledger posts moves money between
/// the terms without breaking it.
public struct LedgerAccount: Hashable, Sendable, CustomStringConvertible {
    public var charges = Money.zero
    public var payerPayments = Money.zero
    /// Contractual and other write-offs (including written-off denials and
    /// patient adjustments); PLB interest is a negative adjustment.
    public var adjustments = Money.zero
    /// Net of refunds.
    public var patientPayments = Money.zero
    /// Open with a payer: billed or to be billed, including denied amounts still being worked.
    public var insuranceBalance = Money.zero
    /// Open with the patient; negative is a credit.
    public var patientBalance = Money.zero

    public init() {}

    public init(charges: Money = .zero, payerPayments: Money = .zero, adjustments: Money = .zero, patientPayments: Money = .zero,
                insuranceBalance: Money = .zero, patientBalance: Money = .zero) {
        self.charges = charges
        self.payerPayments = payerPayments
        self.adjustments = adjustments
        self.patientPayments = patientPayments
        self.insuranceBalance = insuranceBalance
        self.patientBalance = patientBalance
    }

    public var openBalance: Money { insuranceBalance + patientBalance }

    /// charges = payer payments + adjustments + patient payments + open balance, to the cent.
    public var isBalanced: Bool { charges == payerPayments + adjustments + patientPayments + openBalance }

    public var isZero: Bool { self == LedgerAccount() }

    public static func + (a: LedgerAccount, b: LedgerAccount) -> LedgerAccount {
        LedgerAccount(charges: a.charges + b.charges, payerPayments: a.payerPayments + b.payerPayments,
                      adjustments: a.adjustments + b.adjustments, patientPayments: a.patientPayments + b.patientPayments,
                      insuranceBalance: a.insuranceBalance + b.insuranceBalance, patientBalance: a.patientBalance + b.patientBalance)
    }

    public static prefix func - (a: LedgerAccount) -> LedgerAccount {
        LedgerAccount(charges: -a.charges, payerPayments: -a.payerPayments, adjustments: -a.adjustments,
                      patientPayments: -a.patientPayments, insuranceBalance: -a.insuranceBalance, patientBalance: -a.patientBalance)
    }

    public static func += (a: inout LedgerAccount, b: LedgerAccount) { a = a + b }

    public var description: String {
        "charges \(charges) = payer \(payerPayments) + adjustments \(adjustments) + patient \(patientPayments)"
            + " + insurance open \(insuranceBalance) + patient open \(patientBalance)"
    }
}

/// One dated movement of the journal, for questions "as of" an effective date.
public struct LedgerEntry: Hashable, Sendable {
    /// The effective date: date of service for charges, payment date for payments.
    public let date: LocalDate
    public let patient: PatientID?
    /// nil for what belongs to the patient's account as a whole (unapplied credit) or the practice (PLB).
    public let visit: VisitID?
    public let delta: LedgerAccount

    public init(date: LocalDate, patient: PatientID?, visit: VisitID?, delta: LedgerAccount) {
        self.date = date
        self.patient = patient
        self.visit = visit
        self.delta = delta
    }
}

/// One movement of a claim's account, for books that age claim balances (the A/R model).
///
/// Kept apart from `LedgerEntry` because a claim's account is not a step of the
/// practice/patient/visit chain: most claim movements mirror a visit posting that is
/// journalled too, and some (billing, closing, a secondary claim taking over) move
/// money only between a visit's unbilled and billed insurance.
public struct LedgerClaimEntry: Hashable, Sendable {
    public let claim: ClaimID
    /// The effective date; nil when the event carries none (a claim replaced or
    /// voided), so the book chooses one (the A/R model: the replacing claim's creation).
    public let date: LocalDate?
    public let delta: LedgerAccount

    public init(claim: ClaimID, date: LocalDate?, delta: LedgerAccount) {
        self.claim = claim
        self.date = date
        self.delta = delta
    }
}
