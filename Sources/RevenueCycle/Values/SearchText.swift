import Foundation

/// Folds text for searching people: case- and accent-insensitive, so "José"
/// is found by "jose" and "MÜLLER" by "muller".
///
/// Folding decomposes to Unicode canonical form (NFD), drops the combining
/// marks, and lower-cases; it is what the patients projection indexes and what
/// `patient find` compares against.
public enum SearchText {
    public static func fold(_ text: String) -> String {
        let trimmed = text.trimmedForInput
        return asciiFolded(trimmed) ?? unicodeFolded(trimmed)
    }

    /// ASCII text (most names) has nothing to decompose and no marks to drop: folding
    /// it is lower-casing A–Z, done here on the bytes. nil for any other text.
    static func asciiFolded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            bytes.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func unicodeFolded(_ text: String) -> String {
        let decomposed = text.decomposedStringWithCanonicalMapping
        var scalars = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: continue
            default: scalars.append(scalar)
            }
        }
        return String(scalars).lowercased()
    }
}
