/// Readable texts for the error codes of the 999 (IK304, IK403, IK502, AK905).
enum Acknowledgment999Codes {
    static func segmentError(_ code: String) -> String {
        let texts = [
            "1": "unrecognized segment id", "2": "unexpected segment", "3": "required segment missing",
            "4": "loop occurs over maximum times", "5": "segment exceeds maximum use",
            "6": "segment not in defined transaction set", "7": "segment not in proper sequence",
            "8": "segment has data element errors", "I4": "segment marked 'not used' is present",
            "I6": "implementation dependent segment missing", "I7": "loop occurs under minimum times",
            "I8": "segment below minimum use", "I9": "implementation dependent 'not used' segment present",
        ]
        return texts[code].map { "\($0) (\(code))" } ?? "error \(code)"
    }

    static func elementError(_ code: String) -> String {
        let texts = [
            "1": "required data element missing", "2": "conditional required data element missing",
            "3": "too many data elements", "4": "data element too short", "5": "data element too long",
            "6": "invalid character in data element", "7": "invalid code value", "8": "invalid date",
            "9": "invalid time", "10": "exclusion condition violated", "12": "too many repetitions",
            "13": "too many components", "I6": "code value not used in implementation",
            "I9": "implementation dependent data element missing", "I10": "'not used' data element present",
            "I11": "too few repetitions", "I12": "pattern match failure",
            "I13": "implementation dependent 'not used' data element present",
        ]
        return texts[code].map { "\($0) (\(code))" } ?? "error \(code)"
    }

    static func setError(_ code: String) -> String {
        let texts = [
            "1": "transaction set not supported", "2": "transaction set trailer missing",
            "3": "transaction set control number in header and trailer do not match",
            "4": "number of included segments does not match actual count", "5": "one or more segments in error",
            "6": "missing or invalid transaction set identifier", "7": "missing or invalid transaction set control number",
            "23": "transaction set control number not unique within the group",
            "I5": "implementation: one or more segments in error", "I6": "implementation convention not supported",
        ]
        return texts[code].map { "\($0) (\(code))" } ?? "error \(code)"
    }

    static func groupError(_ code: String) -> String {
        let texts = [
            "1": "functional group not supported", "2": "functional group version not supported",
            "3": "functional group trailer missing", "4": "group control number in header and trailer do not agree",
            "5": "number of included transaction sets does not match actual count",
            "6": "group control number violates syntax", "19": "functional group control number not unique within interchange",
        ]
        return texts[code].map { "\($0) (\(code))" } ?? "error \(code)"
    }
}
