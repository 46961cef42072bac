/// How each made-up payer behaves: how much of a charge it allows, how fast it
/// pays, what it leaves to the patient and how it denies. Differences between
/// payers are the point: they give the KPIs (days to pay, denial rate by
/// payer) something to show.
struct DemoPayer {
    let name: String
    let electronicID: String
    /// CLP06, the claim filing indicator the payer answers with (12 PPO, HM HMO, MB Medicare B, MC Medicaid).
    let filingIndicator: String
    let timelyFilingDays: Int
    /// Allowed amount as a share of the practice's charge, in basis points.
    let allowedBasisPoints: Int64
    let daysToPay: Int
    let daysSpread: Int
    /// Annual deductible per member, in cents.
    let deductible: Int64
    let coinsuranceBasisPoints: Int64
    /// Copays its plans carry, in cents (0: none).
    let copays: [Int64]
    /// Chance of denying a whole claim, and the CARCs it uses.
    let claimDenialRate: Double
    let claimDenialReasons: [String]
    /// Chance of denying a lab or procedure line while paying the visit.
    let lineDenialRate: Double
    let lineDenialReasons: [String]
    /// Chance a claim is never answered (stays with the payer: the insurance aging tail).
    let silenceRate: Double
    /// How many patients have it as primary, relative to the others (0: secondary only).
    let primaryShare: Int
    /// The payer's tax id, for TRN03 ("1" + EIN).
    let taxID: String

    static let all: [DemoPayer] = [
        DemoPayer(name: "Medicare Part B", electronicID: "00952", filingIndicator: "MB", timelyFilingDays: 365,
                  allowedBasisPoints: 4_600, daysToPay: 14, daysSpread: 2, deductible: 25_700, coinsuranceBasisPoints: 2_000,
                  copays: [0], claimDenialRate: 0.02, claimDenialReasons: ["16"], lineDenialRate: 0.08,
                  lineDenialReasons: ["50"], silenceRate: 0, primaryShare: 22, taxID: "3612345670"),
        DemoPayer(name: "Blue Cross Blue Shield of Illinois", electronicID: "00621", filingIndicator: "12", timelyFilingDays: 180,
                  allowedBasisPoints: 6_800, daysToPay: 18, daysSpread: 5, deductible: 100_000, coinsuranceBasisPoints: 2_000,
                  copays: [2_500, 3_000, 0], claimDenialRate: 0.03, claimDenialReasons: ["16"], lineDenialRate: 0.05,
                  lineDenialReasons: ["97"], silenceRate: 0.003, primaryShare: 26, taxID: "3698765430"),
        DemoPayer(name: "Aetna", electronicID: "60054", filingIndicator: "12", timelyFilingDays: 90,
                  allowedBasisPoints: 7_200, daysToPay: 25, daysSpread: 7, deductible: 150_000, coinsuranceBasisPoints: 2_000,
                  copays: [3_000, 4_000, 0], claimDenialRate: 0.05, claimDenialReasons: ["16", "50"], lineDenialRate: 0.07,
                  lineDenialReasons: ["97", "50"], silenceRate: 0.005, primaryShare: 14, taxID: "0612345678"),
        DemoPayer(name: "UnitedHealthcare", electronicID: "87726", filingIndicator: "HM", timelyFilingDays: 90,
                  allowedBasisPoints: 6_500, daysToPay: 32, daysSpread: 10, deductible: 200_000, coinsuranceBasisPoints: 3_000,
                  copays: [2_000, 3_500, 0], claimDenialRate: 0.08, claimDenialReasons: ["50", "16", "97"], lineDenialRate: 0.10,
                  lineDenialReasons: ["97", "50"], silenceRate: 0.01, primaryShare: 14, taxID: "4112345679"),
        DemoPayer(name: "Cigna", electronicID: "62308", filingIndicator: "12", timelyFilingDays: 90,
                  allowedBasisPoints: 7_000, daysToPay: 21, daysSpread: 6, deductible: 75_000, coinsuranceBasisPoints: 1_000,
                  copays: [2_500, 0], claimDenialRate: 0.04, claimDenialReasons: ["29", "16"], lineDenialRate: 0.05,
                  lineDenialReasons: ["97"], silenceRate: 0.004, primaryShare: 10, taxID: "0698765432"),
        DemoPayer(name: "Illinois Medicaid", electronicID: "ILMCD", filingIndicator: "MC", timelyFilingDays: 180,
                  allowedBasisPoints: 3_800, daysToPay: 45, daysSpread: 15, deductible: 0, coinsuranceBasisPoints: 0,
                  copays: [0], claimDenialRate: 0.09, claimDenialReasons: ["16", "29", "50"], lineDenialRate: 0.06,
                  lineDenialReasons: ["50"], silenceRate: 0.03, primaryShare: 14, taxID: "3760000001"),
        DemoPayer(name: "AARP Medicare Supplement", electronicID: "36273", filingIndicator: "12", timelyFilingDays: 365,
                  allowedBasisPoints: 10_000, daysToPay: 10, daysSpread: 3, deductible: 0, coinsuranceBasisPoints: 0,
                  copays: [0], claimDenialRate: 0, claimDenialReasons: ["16"], lineDenialRate: 0,
                  lineDenialReasons: ["16"], silenceRate: 0, primaryShare: 0, taxID: "4100000036"),
    ]

    /// The payer Medicare patients carry as secondary.
    static let supplementIndex = 6
    static let medicareIndex = 0
}
