import BinaryCodec
import RevenueCycle

/// One appointment as `patient show` lists it: enough to tell visits apart,
/// not the scheduling detail the schedule read model keeps.
public struct PatientAppointment: Equatable, Sendable {
    public let id: AppointmentID
    public let patient: PatientID
    public let provider: ProviderID
    public var start: Instant
    public var minutes: Int
    public var zone: TimeZoneID
    public var status: AppointmentStatus

    public init(id: AppointmentID, patient: PatientID, provider: ProviderID, start: Instant, minutes: Int,
                zone: TimeZoneID, status: AppointmentStatus) {
        self.id = id
        self.patient = patient
        self.provider = provider
        self.start = start
        self.minutes = minutes
        self.zone = zone
        self.status = status
    }

    /// The same appointment as the front-desk fold sees it, for comparisons.
    public init(_ a: borrowing ScheduledAppointment) {
        self.init(id: a.id, patient: a.patient, provider: a.provider, start: a.start, minutes: a.minutes, zone: a.zone, status: a.status)
    }

    /// Layout 1: layout byte, id, patient, provider varints; start seconds and
    /// minutes zig-zag varints; zone identifier and status name strings.
    func encode(into w: inout ByteWriter) {
        w.writeByte(1)
        w.writeVarUInt(id.number)
        w.writeVarUInt(patient.number)
        w.writeVarUInt(provider.number)
        w.writeVarInt(start.secondsSinceEpoch)
        w.writeVarInt(Int64(minutes))
        w.writeString(zone.identifier)
        w.writeString(status.rawValue)
    }

    static func decode(_ bytes: [UInt8]) throws -> PatientAppointment {
        var r = ByteReader(bytes)
        let damaged = { (why: String) in ProjectionError.damaged(PatientsProjection.name, "appointment entry: \(why)") }
        guard try r.readByte() == 1 else { throw damaged("unknown layout") }
        let id = AppointmentID(try r.readVarUInt()), patient = PatientID(try r.readVarUInt())
        let provider = ProviderID(try r.readVarUInt())
        let start = Instant(secondsSinceEpoch: try r.readVarInt())
        guard let minutes = Int(exactly: try r.readVarInt()) else { throw damaged("minutes out of range") }
        let zone = try r.readString()
        guard let timeZone = try? TimeZoneID(zone) else { throw damaged("unknown time zone \(zone)") }
        let statusName = try r.readString()
        guard let status = AppointmentStatus(rawValue: statusName) else { throw damaged("unknown status \(statusName)") }
        return PatientAppointment(id: id, patient: patient, provider: provider, start: start, minutes: minutes,
                                  zone: timeZone, status: status)
    }
}

/// The explicit layout of a patient record in the patients table.
///
/// Layout 1: layout byte; id varint; first, optional middle, last strings;
/// date of birth as days since 1970 (zig-zag varint); sex code string ("F");
/// optional phone digits, e-mail and address strings; merged-into id varint
/// (0 when the chart is active). Every value is re-validated when read.
enum PatientRecordCoding {
    static func encode(_ p: PatientRecord) -> [UInt8] {
        var w = ByteWriter()
        w.writeByte(1)
        w.writeVarUInt(p.id.number)
        w.writeString(p.name.first)
        w.writeOptionalString(p.name.middle)
        w.writeString(p.name.last)
        w.writeVarInt(p.dateOfBirth.daysSinceEpoch)
        w.writeString(p.sex.rawValue)
        w.writeOptionalString(p.phone?.digits)
        w.writeOptionalString(p.email?.address)
        w.writeOptionalString(p.address)
        w.writeVarUInt(p.mergedInto?.number ?? 0)
        return w.bytes
    }

    static func decode(_ bytes: [UInt8]) throws -> PatientRecord {
        var r = ByteReader(bytes)
        do {
            guard try r.readByte() == 1 else { throw ProjectionError.damaged(PatientsProjection.name, "unknown patient layout") }
            let id = PatientID(try r.readVarUInt())
            let name = try PersonName(first: try r.readString(), middle: try r.readOptionalString(), last: try r.readString())
            let dob = LocalDate(daysSinceEpoch: try r.readVarInt())
            let sex = try Sex.parse(try r.readString())
            let phone = try r.readOptionalString().map(PhoneNumber.init)
            let email = try r.readOptionalString().map(EmailAddress.init)
            let address = try r.readOptionalString()
            let mergedInto = try r.readVarUInt()
            var record = PatientRecord(PatientRegistered(patient: id, name: name, dateOfBirth: dob, sex: sex, phone: phone,
                                                         email: email, address: address))
            record.mergedInto = mergedInto == 0 ? nil : PatientID(mergedInto)
            return record
        } catch let error as ProjectionError {
            throw error
        } catch {
            throw ProjectionError.damaged(PatientsProjection.name, "patient entry: \(error)")
        }
    }
}
