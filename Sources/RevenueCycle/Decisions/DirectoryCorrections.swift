/// Decisions for `provider update`, `payer update`, `location update` and
/// `appointment-type update`.
///
/// Each runs the record as it would read after the change through the same
/// decision as `… add`, against the directory without the record itself, so the
/// validations (and uniqueness rules) are the add's by construction; then only
/// the fields that really change are recorded.
public enum DirectoryCorrections {
    /// - throws: `Rejection` for an unknown provider, an NPI another provider has, or nothing to change (usage).
    public static func updateProvider(_ id: ProviderID, name: DisplayName?, npi: NPI?, taxonomy: TaxonomyCode?,
                                      directory: PracticeDirectory) throws(Rejection) -> ProviderUpdated {
        guard let current = directory.providers[id] else {
            throw .refused("provider", "unknown provider \(id)", hint: "list them with `practica provider list`")
        }
        var others = directory
        others.providers[id] = nil
        let checked = try PracticeSetup.addProvider(id: id, name: name ?? current.name, npi: npi ?? current.npi,
                                                    taxonomy: taxonomy ?? current.taxonomy, isBilling: current.isBilling,
                                                    isRendering: current.isRendering, directory: others)
        let update = ProviderUpdated(provider: id, name: changed(checked.name, current.name), npi: changed(checked.npi, current.npi),
                                     taxonomy: changed(checked.taxonomy, current.taxonomy))
        guard !update.isEmpty else { throw nothingToChange("provider", id, "--name, --npi or --taxonomy") }
        return update
    }

    /// - throws: `Rejection` for an unknown payer, a bad or taken electronic payer id, a filing limit
    ///   out of range, or nothing to change (usage).
    public static func updatePayer(_ id: PayerID, name: DisplayName?, electronicPayerID: String?, timelyFilingDays: Int?,
                                   directory: PracticeDirectory) throws(Rejection) -> PayerUpdated {
        guard let current = directory.payers[id] else {
            throw .refused("payer", "unknown payer \(id)", hint: "list them with `practica payer list`")
        }
        var others = directory
        others.payers[id] = nil
        let checked = try PracticeSetup.addPayer(id: id, name: name ?? current.name,
                                                 electronicPayerID: electronicPayerID ?? current.electronicPayerID,
                                                 timelyFilingDays: timelyFilingDays ?? current.timelyFilingDays, directory: others)
        let update = PayerUpdated(payer: id, name: changed(checked.name, current.name),
                                  electronicPayerID: changed(checked.electronicPayerID, current.electronicPayerID),
                                  timelyFilingDays: changed(checked.timelyFilingDays, current.timelyFilingDays))
        guard !update.isEmpty else { throw nothingToChange("payer", id, "--name, --payer-id or --timely-filing-days") }
        return update
    }

    /// A new time zone is refused while appointments not yet over are booked at the
    /// location: they were typed and confirmed as wall-clock times in the old zone,
    /// and would silently move for the patient. Past appointments keep their own zone.
    /// - throws: `Rejection` for an unknown location, an empty address, a name another
    ///   location has, a zone change with appointments to come, or nothing to change (usage).
    public static func updateLocation(_ id: LocationID, name: DisplayName?, address: String?, placeOfService: PlaceOfService?,
                                      timeZone: TimeZoneID?, now: Instant, state: PracticeState) throws(Rejection) -> LocationUpdated {
        let directory = state.directory
        guard let current = directory.locations[id] else {
            throw .refused("location", "unknown location \(id)", hint: "list them with `practica location list`")
        }
        var others = directory
        others.locations[id] = nil
        let checked = try PracticeSetup.addLocation(id: id, name: name ?? current.name, address: address ?? current.address,
                                                    placeOfService: placeOfService ?? current.placeOfService,
                                                    timeZone: timeZone ?? current.timeZone, directory: others)
        let update = LocationUpdated(location: id, name: changed(checked.name, current.name), address: changed(checked.address, current.address),
                                     placeOfService: changed(checked.placeOfService, current.placeOfService),
                                     timeZone: changed(checked.timeZone, current.timeZone))
        guard !update.isEmpty else { throw nothingToChange("location", id, "--name, --address, --pos or --timezone") }
        if let zone = update.timeZone {
            let upcoming = ScheduleCorrections.upcoming(state, now: now) { $0.location == id }
            guard upcoming.isEmpty else {
                throw .refused("timezone", "\(id) has appointments to come booked in \(current.timeZone), which would move to "
                                   + "\(zone): " + ScheduleCorrections.describe(upcoming),
                               hint: "reschedule or cancel them first, or add a location for the new zone")
            }
        }
        return update
    }

    /// - throws: `Rejection` for an unknown type, minutes out of range (usage), a name another type
    ///   has, or nothing to change (usage).
    public static func updateAppointmentType(_ id: AppointmentTypeID, name: DisplayName?, minutes: Int?,
                                             directory: PracticeDirectory) throws(Rejection) -> AppointmentTypeUpdated {
        guard let current = directory.appointmentTypes[id] else {
            throw .refused("appointment-type", "unknown appointment type \(id)", hint: "list them with `practica appointment-type list`")
        }
        var others = directory
        others.appointmentTypes[id] = nil
        let checked = try PracticeSetup.addAppointmentType(id: id, name: name ?? current.name, minutes: minutes ?? current.minutes,
                                                           directory: others)
        let update = AppointmentTypeUpdated(appointmentType: id, name: changed(checked.name, current.name),
                                            minutes: changed(checked.minutes, current.minutes))
        guard !update.isEmpty else { throw nothingToChange("appointment-type", id, "--name or --minutes") }
        return update
    }

    /// The new value when it differs from the current one, else nil (unchanged).
    static func changed<T: Equatable>(_ new: T, _ current: T) -> T? { new == current ? nil : new }

    static func nothingToChange(_ field: String, _ id: some PrefixedID, _ options: String) -> Rejection {
        .usage(field, "nothing to change for \(id): give \(options) with a new value")
    }
}
