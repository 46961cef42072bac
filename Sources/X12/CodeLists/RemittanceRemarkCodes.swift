/// Readable texts for common remittance advice remark codes (RARC: LQ*HE, MOA, MIA).
///
/// Maintained by CMS and published by WPC; these short descriptions cover the
/// remarks a practice sees most. Unknown codes are shown as themselves.
public enum RemittanceRemarkCodes {
    /// The description of `code`, or `nil` when it is not in the table.
    public static func text(for code: String) -> String? { texts[code] }

    static let texts: [String: String] = [
        "M15": "Separately billed services/tests have been bundled as components of the same procedure; separate payment is not allowed.",
        "M51": "Missing/incomplete/invalid procedure code(s).",
        "M76": "Missing/incomplete/invalid diagnosis or condition.",
        "M80": "Not covered when performed during the same session/date as a previously processed service for the patient.",
        "MA01": "If you do not agree with what we approved for these services, you may appeal our decision.",
        "MA04": "Secondary payment cannot be considered without the identity of or payment information from the primary payer.",
        "MA18": "The claim information is also being forwarded to the patient's supplemental insurer.",
        "MA130": "The claim contains incomplete and/or invalid information and is unprocessable, with no appeal rights: submit a new claim with complete/correct information.",
        "N4": "Missing/incomplete/invalid prior insurance carrier(s) EOB.",
        "N19": "Procedure code incidental to primary procedure.",
        "N20": "Service not payable with other service rendered on the same date.",
        "N130": "Consult plan benefit documents/guidelines for information about restrictions for this service.",
        "N206": "The supporting documentation does not match the information sent on the claim.",
        "N290": "Missing/incomplete/invalid rendering provider primary identifier.",
        "N362": "The number of days or units of service exceeds our acceptable maximum.",
        "N381": "Consult our contractual agreement for restrictions/billing/payment information related to these charges.",
        "N479": "Missing explanation of benefits (coordination of benefits or Medicare secondary payer).",
    ]
}
