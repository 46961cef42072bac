import BinaryCodec

/// Every event type the domain writes, by its stored `typeName`, so the log,
/// projections and CLI can decode (and render to JSON) any record.
///
/// ```swift
/// let event = try EventRegistry.decode(typeName: record.type,
///                                      schemaVersion: record.schemaVersion,
///                                      bytes: record.payload)
/// print(event.json.rendered)
/// ```
public enum EventRegistry {
    /// Every event type (front desk, then charges and claims, then receivables), in the order they were introduced.
    public static let allTypes: [any EventPayload.Type] = [
        PracticeInitialized.self, UserAdded.self, PracticeSettingChanged.self,
        ProviderAdded.self, LocationAdded.self, RoomAdded.self, AppointmentTypeAdded.self, PayerAdded.self, FeeSet.self,
        PatientRegistered.self, PatientUpdated.self, PatientsMerged.self, CoverageAdded.self,
        AvailabilitySet.self, AvailabilityExceptionAdded.self,
        AppointmentBooked.self, AppointmentRescheduled.self, AppointmentCancelled.self, AppointmentNoShow.self,
        PatientCheckedIn.self, PatientCheckedOut.self,
        WaitlistEntryAdded.self, WaitlistEntryRemoved.self,
        ChargeEntered.self, ChargeVoided.self,
        ClaimCreated.self, ClaimScrubbed.self, ClaimFindingOverridden.self, ClaimSubmitted.self,
        ClaimAcknowledged.self, ClaimAcceptedByPayer.self, ClaimRejectedByPayer.self, ClaimReplaced.self, ClaimVoided.self,
        BillingProfileSet.self,
    ] + receivableTypes + correctionTypes + staffTypes + moneyRuleTypes + staffAccessTypes

    /// Staff leave and role changes (issue 15), appended so other lists merge cleanly.
    static let staffTypes: [any EventPayload.Type] = [UserDisabled.self, UserEnabled.self, UserRoleChanged.self]

    /// Remittances, denials and patient money (issue 6), kept apart so the list above merges cleanly.
    static let receivableTypes: [any EventPayload.Type] = [
        RemittanceReceived.self, ClaimPaymentPosted.self, ProviderAdjustmentPosted.self, RemittanceClaimSuspended.self,
        SuspenseResolved.self, DenialOpened.self, DenialAppealed.self, DenialResolved.self, DenialWrittenOff.self,
        PatientPaymentPosted.self, PatientRefunded.self, PatientAdjustmentPosted.self, PaymentPlanCreated.self, StatementIssued.self,
    ]

    /// Corrections staff make to what was recorded (issue 15), kept apart for the same reason.
    static let correctionTypes: [any EventPayload.Type] = [
        CoverageEnded.self, CoverageUpdated.self, AvailabilityExceptionRemoved.self, RoomRemoved.self,
        ProviderUpdated.self, PayerUpdated.self, LocationUpdated.self, AppointmentTypeUpdated.self, PatientPaymentVoided.self,
    ]

    /// Staff sign-in on the practice server (issue 14): the audit trail of who
    /// signed in, failed or was locked out. No decision reads them, so no fold does.
    public static let staffAccessTypes: [any EventPayload.Type] = [
        StaffPasswordSet.self, StaffSignedIn.self, StaffSignInFailed.self, StaffLockedOut.self, StaffSessionsRevoked.self,
    ]

    /// The money rules of issue 15: overpayments flagged, a visit's financial class changed.
    static let moneyRuleTypes: [any EventPayload.Type] = [
        ClaimOverpaymentFlagged.self, VisitFinancialClassChanged.self,
    ]

    /// Type by stored name.
    public static let byName: [String: any EventPayload.Type] = {
        var map: [String: any EventPayload.Type] = [:]
        for type in allTypes { map[type.typeName] = type }
        return map
    }()

    /// The current schema version each type writes, for the store's record header.
    public static func schemaVersion(of typeName: String) -> UInt8? { byName[typeName]?.schemaVersion }

    /// Decodes a stored payload (upcasting old schema versions) and checks no bytes are left over.
    /// - throws: `DecodingError.unknownEventType` for a name this build does not know, or any decoding error.
    public static func decode(typeName: String, schemaVersion: UInt8, bytes: [UInt8]) throws(DecodingError) -> any EventPayload {
        guard let type = byName[typeName] else { throw .unknownEventType(typeName) }
        return try decode(type, bytes: bytes, schemaVersion: schemaVersion)
    }

    /// Decodes a stored payload of a type already looked up (`byName`): a reader that
    /// resolves each type once saves hashing the name per event.
    public static func decode<E: EventPayload>(_ type: E.Type, bytes: [UInt8], schemaVersion: UInt8) throws(DecodingError) -> any EventPayload {
        try E.decode(bytes, schemaVersion: schemaVersion)
    }
}
