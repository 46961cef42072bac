import BinaryCodec

/// What `payment post` asks for. The amount stays text so the decision names
/// the flag when it has more than two decimals.
public struct PatientPaymentRequest: Sendable {
    public var patient: PatientID
    public var amount: String
    public var method: PatientPaymentMethod
    /// Check number or receipt reference.
    public var reference: String?
    /// Apply to this visit; nil applies to the oldest open balances.
    public var visit: VisitID?
    /// The gateway's approval, for card payments.
    public var card: CardAuthorization?
    public var receivedOn: LocalDate

    public init(patient: PatientID, amount: String, method: PatientPaymentMethod, reference: String? = nil, visit: VisitID? = nil,
                card: CardAuthorization? = nil, receivedOn: LocalDate) {
        self.patient = patient
        self.amount = amount
        self.method = method
        self.reference = reference
        self.visit = visit
        self.card = card
        self.receivedOn = receivedOn
    }
}

/// A visit's open patient balance, for applying money oldest first.
public struct OpenVisitBalance: Sendable, Equatable {
    public let visit: VisitID
    public let dateOfService: LocalDate
    public let balance: Money
}

/// Money from and back to patients: payments, refunds and balance adjustments.
public enum PatientPayments {
    /// A positive amount with at most two decimals.
    /// - throws: `Rejection` (usage) naming `field` otherwise.
    public static func amount(_ text: String, field: String = "amount") throws(Rejection) -> Money {
        let money: Money
        do { money = try Money.parse(text) } catch { throw .invalid(field, error) }
        guard money > .zero else { throw .usage(field, "must be more than 0.00") }
        return money
    }

    /// Posts a payment: to the chosen visit in full (a copay paid before the
    /// payer answers leaves a credit on the visit), else to the oldest open
    /// patient balances; what is left stays on the account as a credit.
    /// - throws: `Rejection` for a bad amount, an unknown or merged patient, a visit
    ///   of someone else, or a card payment without a matching approval.
    public static func post(_ r: PatientPaymentRequest, id: PaymentID, state: PracticeState) throws(Rejection) -> PatientPaymentPosted {
        let amount = try amount(r.amount)
        let patient = try PatientDecisions.active(r.patient, state.patients[r.patient], field: "patient").id
        var token: String?
        var last4: String?
        if r.method == .card {
            guard let card = r.card else { throw .usage("method", "a card payment needs the gateway's approval") }
            guard card.amount == amount else { throw .refused("amount", "the card was charged \(card.amount), not \(amount)") }
            token = card.token
            last4 = card.last4
        } else if r.card != nil {
            throw .usage("method", "a card approval came with a \(r.method) payment")
        }
        var applications: [PaymentApplication] = []
        if let visit = r.visit {
            try requireVisit(visit, of: patient, state)
            applications = [PaymentApplication(visit: visit, amount: amount)]
        } else {
            var left = amount
            for open in openBalances(of: patient, state: state) where left > .zero {
                let share = min(open.balance, left)
                applications.append(PaymentApplication(visit: open.visit, amount: share))
                left -= share
            }
        }
        let reference = r.reference?.trimmedForInput
        return PatientPaymentPosted(payment: id, patient: patient, amount: amount, method: r.method,
                                    reference: reference?.isEmpty == true ? nil : reference, cardToken: token, cardLast4: last4,
                                    applications: applications, receivedOn: r.receivedOn)
    }

    /// Refunds part or all of a payment: first from what it left unapplied, then from its visits, newest first.
    /// - throws: `Rejection` for an unknown payment, a bad amount, more than is left of
    ///   the payment, or an empty reason.
    public static func refund(_ payment: PaymentID, amount text: String, reason: String, on date: LocalDate,
                              state: PracticeState) throws(Rejection) -> PatientRefunded {
        guard let record = state.receivables.payments[payment] else { throw .refused("payment", "unknown payment \(payment)") }
        if let void = record.voided {
            throw .refused("payment", "\(payment) was voided on \(void.voidedOn) (\(void.reason)); nothing of it is left to refund")
        }
        let amount = try amount(text)
        guard amount <= record.refundable else {
            throw .refused("amount", "\(payment) was \(record.posted.amount) and \(record.refunded) is already refunded; at most \(record.refundable) can be")
        }
        let why = try ClaimCreation.nonEmpty(reason, "say why the money is refunded")
        let unappliedLeft = record.unappliedLeft
        var left = amount - min(amount, max(unappliedLeft, .zero))
        var applications: [PaymentApplication] = []
        let applied = record.applied
        for visit in record.posted.applications.map(\.visit).reversed() where left > .zero {
            let share = min(applied[visit] ?? .zero, left)
            guard share > .zero, !applications.contains(where: { $0.visit == visit }) else { continue }
            applications.append(PaymentApplication(visit: visit, amount: share))
            left -= share
        }
        return PatientRefunded(payment: payment, patient: record.posted.patient, amount: amount, applications: applications,
                               reason: why, refundedOn: date)
    }

    /// Voids a payment: takes back all that is left of it after refunds, the way a
    /// refund of that amount would (unapplied credit first, then its visits, newest first).
    ///
    /// A voided payment cannot be voided again or refunded; a payment refunded in
    /// part is voided for what is left, and one refunded in full has nothing to void.
    /// - throws: `Rejection` for an unknown payment, one already voided or fully
    ///   refunded, or an empty reason.
    public static func void(_ payment: PaymentID, reason: String, on date: LocalDate,
                            state: PracticeState) throws(Rejection) -> PatientPaymentVoided {
        guard let record = state.receivables.payments[payment] else {
            throw .refused("payment", "unknown payment \(payment)", hint: "a patient's payments are listed by `practica audit account PT…`")
        }
        if let earlier = record.voided {
            throw .refused("payment", "\(payment) was already voided on \(earlier.voidedOn) (\(earlier.reason))")
        }
        guard record.refundable > .zero else {
            throw .refused("payment", "\(payment) was refunded in full (\(record.refunded)); nothing is left to void")
        }
        let why = try ClaimCreation.nonEmpty(reason, "say why the payment is voided")
        let refund = try refund(payment, amount: record.refundable.description, reason: why, on: date, state: state)
        return PatientPaymentVoided(payment: payment, patient: record.posted.patient, amount: refund.amount,
                                    applications: refund.applications, reason: why, voidedOn: date)
    }

    /// Reduces a patient balance without a payment.
    /// - throws: `Rejection` for a bad amount, an unknown patient, a visit of someone else,
    ///   or more than the open patient balance (of the visit, or of the account).
    public static func adjust(patient: PatientID, amount text: String, reason: PatientAdjustmentReason, visit: VisitID?,
                              note: String? = nil, id: AdjustmentID, on date: LocalDate,
                              state: PracticeState) throws(Rejection) -> PatientAdjustmentPosted {
        let amount = try amount(text)
        let patient = try PatientDecisions.active(patient, state.patients[patient], field: "patient").id
        let open: Money
        if let visit {
            try requireVisit(visit, of: patient, state)
            open = state.receivables.ledger.visits[visit]?.patientBalance ?? .zero
        } else {
            open = state.account(ofPatient: patient).patientBalance
        }
        guard amount <= open else {
            throw .refused("amount", "\(amount) is more than the open patient balance \(open)" + (visit.map { " of \($0)" } ?? ""))
        }
        let trimmed = note?.trimmedForInput
        return PatientAdjustmentPosted(adjustment: id, patient: patient, visit: visit, amount: amount, reason: reason,
                                       note: trimmed?.isEmpty == true ? nil : trimmed, postedOn: date)
    }

    /// The patient's visits with money owed, oldest date of service first.
    public static func openBalances(of patient: PatientID, state: PracticeState) -> [OpenVisitBalance] {
        let ledger = state.receivables.ledger
        return ledger.visitPatients.compactMap { visit, owner -> OpenVisitBalance? in
            guard state.resolvedPatient(owner) == patient, let balance = ledger.visits[visit]?.patientBalance, balance > .zero,
                  let date = ledger.visitDates[visit] else { return nil }
            return OpenVisitBalance(visit: visit, dateOfService: date, balance: balance)
        }.sorted { ($0.dateOfService, $0.visit) < ($1.dateOfService, $1.visit) }
    }

    static func requireVisit(_ visit: VisitID, of patient: PatientID, _ state: PracticeState) throws(Rejection) {
        guard let owner = state.receivables.ledger.visitPatients[visit] ?? state.visitAppointment(visit)?.patient else {
            throw .refused("visit", "unknown visit \(visit)")
        }
        guard state.resolvedPatient(owner) == patient else { throw .refused("visit", "\(visit) is \(owner)'s visit, not \(patient)'s") }
    }
}
