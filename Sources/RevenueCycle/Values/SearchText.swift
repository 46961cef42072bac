import Foundation

/// Folds text for searching people: case- and accent-insensitive, so "José"
/// is found by "jose" and "MÜLLER" by "muller".
///
/// Folding decomposes to Unicode canonical form (NFD), drops the combining
/// marks, and lower-cases; it is what the patients projection indexes and what
/// `patient find` compares against.
public enum SearchText {
    public static func fold(_ text: String) -> String {
        let decomposed = text.trimmedForInput.decomposedStringWithCanonicalMapping
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
