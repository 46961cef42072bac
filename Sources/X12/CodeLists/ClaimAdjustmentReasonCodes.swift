/// Readable texts for common claim adjustment reason codes (CARC, CAS02 etc.).
///
/// The code list is maintained by X12 and published by WPC; these are short
/// descriptions of the codes a practice sees most, for denial queues and
/// patient statements. Unknown codes are not an error: the code is shown.
///
/// ```
/// ClaimAdjustmentReasonCodes.text(for: "45")
/// // "Charge exceeds fee schedule/maximum allowable or contracted fee arrangement."
/// ```
public enum ClaimAdjustmentReasonCodes {
    /// The description of `code`, or `nil` when it is not in the table.
    public static func text(for code: String) -> String? { texts[code] }

    /// "CO-45: Charge exceeds …", or "CO-999" for a code not in the table.
    public static func describe(_ adjustment: ClaimAdjustment) -> String {
        let head = "\(adjustment.group.rawValue)-\(adjustment.reasonCode)"
        return texts[adjustment.reasonCode].map { "\(head): \($0)" } ?? head
    }

    static let texts: [String: String] = [
        "1": "Deductible amount.",
        "2": "Coinsurance amount.",
        "3": "Co-payment amount.",
        "4": "The procedure code is inconsistent with the modifier used, or a required modifier is missing.",
        "5": "The procedure code/type of bill is inconsistent with the place of service.",
        "6": "The procedure/revenue code is inconsistent with the patient's age.",
        "7": "The procedure/revenue code is inconsistent with the patient's sex.",
        "8": "The procedure code is inconsistent with the provider type/specialty (taxonomy).",
        "9": "The diagnosis is inconsistent with the patient's age.",
        "11": "The diagnosis is inconsistent with the procedure.",
        "15": "The authorization number is missing, invalid, or does not apply to the billed services or provider.",
        "16": "Claim/service lacks information or has submission/billing error(s).",
        "18": "Exact duplicate claim/service.",
        "19": "Work-related injury/illness: the liability of the workers' compensation carrier.",
        "22": "This care may be covered by another payer per coordination of benefits.",
        "23": "The impact of prior payer(s) adjudication including payments and/or adjustments.",
        "24": "Charges are covered under a capitation agreement/managed care plan.",
        "26": "Expenses incurred prior to coverage.",
        "27": "Expenses incurred after coverage terminated.",
        "29": "The time limit for filing has expired.",
        "31": "Patient cannot be identified as our insured.",
        "45": "Charge exceeds fee schedule/maximum allowable or contracted fee arrangement.",
        "49": "Non-covered: routine/preventive exam or a screening procedure done with a routine exam.",
        "50": "Non-covered: not deemed a medical necessity by the payer.",
        "59": "Processed based on multiple or concurrent procedure rules.",
        "94": "Processed in excess of charges.",
        "96": "Non-covered charge(s).",
        "97": "The benefit for this service is included in the payment/allowance for another service already adjudicated.",
        "100": "Payment made to patient/insured/responsible party.",
        "109": "Claim/service not covered by this payer/contractor: send it to the correct payer/contractor.",
        "119": "Benefit maximum for this time period or occurrence has been reached.",
        "140": "Patient/insured health identification number and name do not match.",
        "151": "The payer deems the information submitted does not support this many/frequency of services.",
        "167": "This (these) diagnosis(es) is (are) not covered.",
        "181": "Procedure code was invalid on the date of service.",
        "182": "Procedure modifier was invalid on the date of service.",
        "185": "The rendering provider is not eligible to perform the service billed.",
        "197": "Precertification/authorization/notification/pre-treatment absent.",
        "204": "This service/equipment/drug is not covered under the patient's current benefit plan.",
        "236": "This procedure or procedure/modifier combination is not compatible with another on the same day (NCCI).",
        "242": "Services not provided by network/primary care providers.",
        "251": "The attachment/other documentation received did not contain the content required to process this claim or service.",
        "252": "An attachment/other documentation is required to adjudicate this claim/service.",
        "253": "Sequestration: reduction in federal payment.",
        "A1": "Claim/service denied.",
        "A2": "Contractual adjustment (code no longer maintained).",
        "B7": "This provider was not certified/eligible to be paid for this procedure/service on this date of service.",
        "B15": "This service/procedure requires that a qualifying service/procedure be received and covered.",
    ]
}
