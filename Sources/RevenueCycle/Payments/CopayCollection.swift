/// The front desk's share of patient money: a copay taken at check-in or
/// check-out. Practices let the desk take it because the patient is standing
/// there; everything else (payments by mail, refunds, adjustments) stays with
/// billers, who hold `postPayments`.
public enum CopayCollection {
    /// The permission a `payment post` needs from a user of `role`: `postPayments`
    /// when the role has it, else `collectCopay` for a payment on the patient's own
    /// appointment (checked in or out) or visit of `today`.
    /// - throws: `Rejection` (refused, naming `--as`) when the role may do neither.
    public static func permission(role: Role, patient: PatientID, visit: VisitID?, appointment: AppointmentID?,
                                  today: LocalDate, state: PracticeState) throws(Rejection) -> Permission {
        if role.may(.postPayments) { return .postPayments }
        guard role.may(.collectCopay) else {
            throw .refused("as", "\(role) may not post payments", hint: "ask a biller")
        }
        let atTheDesk = [appointment.flatMap { state.appointments[$0] }, visit.flatMap { state.visitAppointment($0) }]
        guard appointment != nil || visit != nil else {
            throw .refused("as", "\(role) may post a payment only as a copay at check-in or check-out: name today's --appointment or --visit",
                           hint: "e.g. --appointment AP1001; other payments are posted by a biller")
        }
        for case let booked? in atTheDesk {
            guard state.resolvedPatient(booked.patient) == state.resolvedPatient(patient) else {
                throw .refused("as", "the appointment \(booked.id) is not \(patient)'s", hint: "check the patient and appointment ids")
            }
            let day = booked.zone.localDateTime(at: booked.start).date
            guard day == today, booked.status == .checkedIn || booked.status == .checkedOut else {
                throw .refused("as", "\(role) may collect a copay only on an appointment of today that is checked in or out "
                               + "(\(booked.id) is \(booked.status) on \(day))", hint: "other payments are posted by a biller")
            }
        }
        guard atTheDesk.contains(where: { $0 != nil }) else {
            throw .refused("as", "\(role) may collect a copay only on an appointment or visit of today, and none was found",
                           hint: "check the id with 'practica appointments list'")
        }
        return .collectCopay
    }
}
