import BinaryCodec
import RevenueCycle

// The read models' records, kept decoded by the runner's overlay between events
// (`ViewRecord`). Each conformance only names the coding the type already has,
// so the stored bytes do not change.

extension ARVisitRecord: KeylessViewRecord {}
extension ARClaimRecord: KeylessViewRecord {}
extension KPIMonth: KeylessViewRecord {}
extension PayerMonth: KeylessViewRecord {}
extension KPIClaimRecord: KeylessViewRecord {}
extension ScheduleEntry: KeylessViewRecord {}
extension ScheduleCounters: KeylessViewRecord {}
extension ClaimSummary: KeylessViewRecord {}
extension PatientAppointment: KeylessViewRecord {}
extension DenialEntry: KeylessViewRecord {}

extension AROpenItem: ViewRecord {
    static func decode(key: [UInt8], bytes: [UInt8]) throws -> AROpenItem { try decode(key, bytes) }
}

/// Six varint cent amounts (`LedgerCoding`).
extension LedgerAccount: KeylessViewRecord {
    func encode(into w: inout ByteWriter) { LedgerCoding.write(self, &w) }
    static func decode(_ bytes: [UInt8]) throws -> LedgerAccount { try LedgerCoding.account(bytes) }
}
