/// Readable texts for the claim status category codes (STC01-1), the most
/// frequent claim status codes (STC01-2) and entity identifier codes (STC01-3).
///
/// Code lists are maintained by X12/WPC; these are the common entries, written
/// as short descriptions. An unknown code is shown as its number.
public enum ClaimStatusCodes {
    public static func categoryText(_ code: String) -> String {
        categories[code] ?? "status category"
    }

    public static func statusText(_ code: String) -> String {
        statuses[code] ?? "claim status code \(code)"
    }

    public static func entityText(_ code: String) -> String {
        entities[code] ?? "entity \(code)"
    }

    static let categories: [String: String] = [
        "A0": "acknowledged: forwarded to another entity",
        "A1": "acknowledged: receipt",
        "A2": "acknowledged: accepted into the adjudication system",
        "A3": "acknowledged: returned as unprocessable",
        "A4": "acknowledged: not found",
        "A5": "acknowledged: split claim",
        "A6": "acknowledged: rejected for missing information",
        "A7": "acknowledged: rejected for invalid information",
        "A8": "acknowledged: rejected for relational field in error",
        "P0": "pending: adjudication/details", "P1": "pending: in process", "P2": "pending: payer review",
        "P3": "pending: provider requested information", "P4": "pending: patient requested information",
        "F0": "finalized", "F1": "finalized: payment", "F2": "finalized: denial", "F3": "finalized: revised",
        "E0": "response not possible: error on submitted request data",
        "E1": "response not possible: system status", "E2": "information holder is not responding",
        "E3": "correction required: relational fields in error",
    ]

    static let statuses: [String: String] = [
        "0": "cannot provide further status electronically",
        "1": "for more detailed information, see remittance advice",
        "3": "claim has been adjudicated and is awaiting payment cycle",
        "16": "claim/encounter has been forwarded to entity",
        "19": "entity acknowledges receipt of claim/encounter",
        "20": "accepted for processing",
        "21": "missing or invalid information",
        "33": "subscriber and subscriber id not found",
        "35": "claim/encounter not found",
        "187": "date(s) of service",
        "247": "line information",
        "254": "principal diagnosis code",
        "255": "diagnosis code",
        "400": "claim is out of balance",
        "454": "procedure code for services rendered",
        "464": "payer assigned claim control number",
        "562": "entity's National Provider Identifier (NPI)",
    ]

    static let entities: [String: String] = [
        "03": "dependent", "40": "receiver", "41": "submitter", "77": "service location", "82": "rendering provider",
        "85": "billing provider", "87": "pay-to provider", "DN": "referring provider", "IL": "insured or subscriber",
        "PR": "payer", "QC": "patient",
    ]
}
