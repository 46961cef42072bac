/// Decisions for `waitlist add`/`remove` and matching a freed slot to the waitlist.
public enum WaitlistDecisions {
    /// - throws: `Rejection` for an unknown or merged patient, provider, or appointment type,
    ///   or when the patient already waits for this provider.
    public static func add(id: WaitlistEntryID, patient: PatientID, provider: ProviderID,
                           appointmentType: AppointmentTypeID? = nil, earliest: LocalDate? = nil, note: String? = nil,
                           snapshot: ScheduleSnapshot, openEntries: [WaitlistEntryAdded]) throws(Rejection) -> WaitlistEntryAdded {
        guard snapshot.patients.contains(patient) else { throw .refused("patient", "unknown or merged patient \(patient)") }
        guard snapshot.providers.contains(provider) else { throw .refused("provider", "unknown provider \(provider)") }
        if let t = appointmentType, snapshot.appointmentTypes[t] == nil {
            throw .refused("type", "unknown appointment type \(t)")
        }
        if let same = openEntries.first(where: { $0.patient == patient && $0.provider == provider }) {
            throw .refused("patient", "\(patient) is already waiting for \(provider) (\(same.entry))")
        }
        let note = note?.trimmedForInput
        return WaitlistEntryAdded(entry: id, patient: patient, provider: provider, appointmentType: appointmentType,
                                  earliest: earliest, note: note?.isEmpty == true ? nil : note)
    }

    /// - throws: `Rejection` when the entry is not open.
    public static func remove(_ entry: WaitlistEntryID, bookedAs: AppointmentID? = nil,
                              openEntries: [WaitlistEntryAdded]) throws(Rejection) -> WaitlistEntryRemoved {
        guard openEntries.contains(where: { $0.entry == entry }) else {
            throw .refused("entry", "\(entry) is not on the waitlist")
        }
        return WaitlistEntryRemoved(entry: entry, bookedAs: bookedAs)
    }

    /// Open entries that fit a freed slot, longest-waiting first: same
    /// provider, not the patient who just gave it up, available by that date,
    /// and (when a type is wanted) long enough for it.
    public static func matches(for freed: ScheduledAppointment, openEntries: [WaitlistEntryAdded],
                               snapshot: ScheduleSnapshot) -> [WaitlistEntryAdded] {
        let date = freed.localDate
        return openEntries
            .filter { e in
                e.provider == freed.provider && e.patient != freed.patient
                    && (e.earliest.map { $0 <= date } ?? true)
                    && (e.appointmentType.map { (snapshot.appointmentTypes[$0] ?? .max) <= freed.minutes } ?? true)
            }
            .sorted { $0.entry < $1.entry }
    }
}
