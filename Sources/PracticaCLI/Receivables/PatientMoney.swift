import BinaryCodec
import CLIKit
import EventLog
import RevenueCycle

/// A card as typed at the desk: the number lives only in memory (its
/// description shows the last four) and goes to the gateway, nowhere else.
struct CardEntry: Sendable {
    let number: CardNumber
    let expiry: CardExpiry
}

/// `--exp MM/YY`, checked before anything is charged. Not stored: an event keeps the token and last four only.
struct CardExpiry: Sendable, Equatable {
    let month: Int
    let year: Int

    /// - throws: `ValueError` for anything but MM/YY with a month 1–12.
    static func parse(_ text: String) throws(ValueError) -> CardExpiry {
        let parts = text.split(separator: "/")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let m = Int(parts[0]), let y = Int(parts[1]), (1...12).contains(m) else {
            throw ValueError(kind: "card expiry", input: text, reason: "expected MM/YY, e.g. 08/29")
        }
        return CardExpiry(month: m, year: 2000 + y)
    }

    /// A card is good through the last day of its expiry month.
    func hasExpired(on today: LocalDate) -> Bool { (year, month) < (today.year, today.month) }
}

/// `payment post`: who pays, how much, how, and where it goes.
struct PaymentPostRequest: Sendable {
    var patient: PatientID
    var amount: Money
    var method: PatientPaymentMethod
    var reference: String?
    /// Apply to this visit; nil applies to the oldest open balances.
    var visit: VisitID?
    /// Required for card payments, refused for others.
    var card: CardEntry?
    /// The appointment at the desk (a copay at check-in); its visit, once checked out, takes the payment.
    var appointment: AppointmentID? = nil
}

/// `refund PAYMENT --amount --reason`.
struct RefundRequest: Sendable {
    var payment: PaymentID
    var amount: Money
    var reason: String
}

/// `adjust --patient --amount --reason`.
struct AdjustmentRequest: Sendable {
    var patient: PatientID
    var amount: Money
    var reason: PatientAdjustmentReason
    var visit: VisitID?
    var note: String?
}

/// Money from and back to patients, decided by `PatientPayments` inside the append.
/// Events go to the patient's account stream (`account-PT1001`).
///
/// Card payments: the decision is first tried with a stand-in approval (unknown patient,
/// someone else's visit and the like are refused before the card is touched); then the
/// gateway charges the card — a decline is exit 1 with nothing appended — and the payment
/// is appended with the gateway's token and last four. If that append fails the charge
/// is refunded through the gateway.
///
/// ```swift
/// let paid = try PatientMoney.post(PaymentPostRequest(patient: PatientID(1001), amount: Money(cents: 2500), method: .cash),
///                                  session: session, gateway: LocalTestGateway())
/// ```
enum PatientMoney {
    static func stream(_ patient: PatientID) -> String { "account-\(patient)" }

    /// - throws: `RejectionFailure` for an unknown or merged patient, someone else's visit, or a card
    ///   problem; `CommandFailure` (exit 1) for a declined card.
    static func post(_ request: PaymentPostRequest, session: FrontDeskSession, gateway: any CardGateway) throws -> PatientPaymentPosted {
        guard (request.method == .card) == (request.card != nil) else {
            throw CommandFailure(request.card == nil ? "--card-number: a card payment needs the card number and --exp"
                                                     : "--card-number: only card payments take a card number",
                                 hint: "e.g. --method card --card-number 4242424242424242 --exp 08/29", exitCode: .usage)
        }
        var request = request
        if request.visit == nil, let appointment = request.appointment {
            request.visit = session.state.appointments[appointment]?.visit
        }
        let permission = try paymentPermission(request, session: session)
        guard let card = request.card else { return try append(request, permission: permission, authorization: nil, session: session) }
        _ = try session.authorize(permission)
        let today = session.today
        guard !card.expiry.hasExpired(on: today) else {
            throw CommandFailure("--exp: the card expired at the end of \(String(format: "%02d/%02d", card.expiry.month, card.expiry.year % 100))",
                                 hint: "ask for another card; nothing was charged")
        }
        let standIn = try FrontDeskSession.mapRejection { try CardAuthorization(token: "pending", last4: card.number.last4, amount: request.amount) }
        _ = try FrontDeskSession.mapRejection {
            try PatientPayments.post(domainRequest(request, standIn, today), id: PaymentID(0), state: session.state)
        }
        switch gateway.charge(card.number, amount: request.amount, reference: "\(request.patient)") {
        case .declined(let reason):
            throw CommandFailure("--card-number: \(card.number) was declined: \(reason)", hint: "ask for another card or another way to pay; nothing was posted")
        case .approved(let authorization):
            do {
                return try append(request, permission: permission, authorization: authorization, session: session)
            } catch {
                let refunded = gateway.refund(token: authorization.token, amount: authorization.amount)
                let reason = (error as? any UserError)?.message ?? "\(error)"
                throw CommandFailure("the payment could not be recorded: \(reason)",
                                     hint: refunded ? "the charge on the card ending \(authorization.last4) was refunded; nothing was posted"
                                         : "refund charge \(authorization.token) (card ending \(authorization.last4)) at the gateway by hand")
            }
        }
    }

    /// Billers post any payment; the front desk a copay on today's appointment (`CopayCollection`).
    private static func paymentPermission(_ request: PaymentPostRequest, session: FrontDeskSession) throws -> Permission {
        let user = try session.authorize(.read)
        guard let role = session.state.directory.users[user] else { return .postPayments }
        return try FrontDeskSession.mapRejection {
            try CopayCollection.permission(role: role, patient: request.patient, visit: request.visit, appointment: request.appointment,
                                           today: session.today, state: session.state)
        }
    }

    private static func append(_ request: PaymentPostRequest, permission: Permission, authorization: CardAuthorization?,
                               session: FrontDeskSession) throws -> PatientPaymentPosted {
        try session.append(permission: permission, command: "payment post") { state, ids in
            let posted = try PatientPayments.post(domainRequest(request, authorization, session.today),
                                                  id: try ids.next(PaymentID.self), state: state)
            return ([NewEvent(stream: stream(posted.patient), posted)], posted)
        }.1
    }

    private static func domainRequest(_ r: PaymentPostRequest, _ card: CardAuthorization?, _ today: LocalDate) -> PatientPaymentRequest {
        PatientPaymentRequest(patient: r.patient, amount: r.amount.description, method: r.method, reference: r.reference,
                              visit: r.visit, card: card, receivedOn: today)
    }

    /// - throws: `RejectionFailure` for an unknown payment, more than is left of it, or an empty reason;
    ///   `CommandFailure` when the gateway refuses to give a card payment back.
    static func refund(_ request: RefundRequest, session: FrontDeskSession, gateway: any CardGateway) throws -> PatientRefunded {
        _ = try session.authorize(.postPayments)
        let today = session.today
        // Decided once before the gateway is asked, so a refused refund never reaches the card.
        _ = try FrontDeskSession.mapRejection {
            try PatientPayments.refund(request.payment, amount: request.amount.description, reason: request.reason, on: today, state: session.state)
        }
        if let token = session.state.receivables.payments[request.payment]?.posted.cardToken,
           !gateway.refund(token: token, amount: request.amount) {
            throw CommandFailure("<payment>: the card gateway refused to refund \(request.amount) of \(request.payment)",
                                 hint: "nothing was recorded; try again or refund another way")
        }
        do {
            return try session.append(permission: .postPayments, command: "refund") { state, _ in
                let refund = try PatientPayments.refund(request.payment, amount: request.amount.description, reason: request.reason,
                                                        on: session.today, state: state)
                return ([NewEvent(stream: stream(refund.patient), refund)], refund)
            }.1
        } catch let error as any UserError where session.state.receivables.payments[request.payment]?.posted.cardToken != nil {
            // The card was already refunded above: say so, so nobody refunds it twice.
            throw CommandFailure("\(error.message); but the card was already refunded \(request.amount) by the gateway",
                                 hint: "do not run 'practica refund' again (the card would be refunded twice); record it as an adjustment and tell an admin")
        }
    }

    /// Voids a payment: what is left of it comes off the account; a card payment's
    /// remainder is first refunded through the gateway, as `refund` does.
    /// - throws: `RejectionFailure` for an unknown payment, one already voided or refunded in full,
    ///   or an empty reason; `CommandFailure` when the gateway refuses to give a card payment back.
    static func void(_ payment: PaymentID, reason: String, session: FrontDeskSession, gateway: any CardGateway) throws -> PatientPaymentVoided {
        _ = try session.authorize(.postPayments)
        // Decided once before the gateway is asked, so a refused void never reaches the card.
        let planned = try FrontDeskSession.mapRejection {
            try PatientPayments.void(payment, reason: reason, on: session.today, state: session.state)
        }
        let token = session.state.receivables.payments[payment]?.posted.cardToken
        if let token, !gateway.refund(token: token, amount: planned.amount) {
            throw CommandFailure("<payment>: the card gateway refused to refund \(planned.amount) of \(payment)",
                                 hint: "nothing was recorded; try again, or void it once the gateway answers")
        }
        do {
            return try session.append(permission: .postPayments, command: "payment void") { state, _ in
                let voided = try PatientPayments.void(payment, reason: reason, on: session.today, state: state)
                // Another desk refunded part of it in between: the card was refunded the planned amount, so stop.
                guard voided.amount == planned.amount else {
                    throw CommandFailure("<payment>: \(payment) changed while it was being voided (\(voided.amount) left, not \(planned.amount))")
                }
                return ([NewEvent(stream: stream(voided.patient), voided)], voided)
            }.1
        } catch let error as any UserError where token != nil {
            throw CommandFailure("\(error.message); but the card was already refunded \(planned.amount) by the gateway",
                                 hint: "do not void or refund it again (the card would be refunded twice); record it as an adjustment and tell an admin")
        }
    }

    /// - throws: `RejectionFailure` for an unknown patient, someone else's visit, or more than the open balance.
    static func adjust(_ request: AdjustmentRequest, session: FrontDeskSession) throws -> PatientAdjustmentPosted {
        try session.append(permission: .postPayments, command: "adjust") { state, ids in
            let adjusted = try PatientPayments.adjust(patient: request.patient, amount: request.amount.description, reason: request.reason,
                                                      visit: request.visit, note: request.note, id: try ids.next(AdjustmentID.self),
                                                      on: session.today, state: state)
            return ([NewEvent(stream: stream(adjusted.patient), adjusted)], adjusted)
        }.1
    }
}
