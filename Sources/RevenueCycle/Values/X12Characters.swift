/// What text may go into an X12 file (the 837P): the X12 basic and extended
/// character sets, less the four delimiters Practica writes with (`*` elements,
/// `:` components, `^` repetitions, `~` segments). A delimiter inside a value
/// would split it into other fields, so such a value is refused where it is
/// entered (the field named), held by the scrubber (X12-CHARS) for data entered
/// before, and never sent.
///
/// Names and addresses are folded first (accents dropped, as `X12Text.clean`
/// writes them), so "Núñez" is fine; identifiers (member ids, group numbers) are
/// sent as typed, so they are checked as typed.
///
/// ```swift
/// X12Characters.problem(in: "XEH*123", folded: false)   // "character 4 '*' is an X12 delimiter…"
/// try X12Characters.check("XEH123", field: "member-id") // fine
/// ```
public enum X12Characters {
    /// The delimiters of the interchanges Practica writes.
    public static let delimiters: Set<Character> = ["*", ":", "^", "~"]

    /// X12.6 basic set (upper case, digits, space, punctuation) and extended set (lower case and more).
    static let allowed: Set<Character> = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !\"&'()*+,-./:;?=")
        .union("abcdefghijklmnopqrstuvwxyz%@[]_{}\\|<>#$~^")

    /// Why `text` cannot go into an X12 field as it stands, naming the first offending
    /// character by position (never echoing the whole value); nil when it can.
    /// - parameter folded: check the text as names and addresses are written (accents folded).
    public static func problem(in text: String, folded: Bool) -> String? {
        let written = folded ? SearchText.fold(text) : text
        for (offset, ch) in written.enumerated() {
            if delimiters.contains(ch) {
                return "character \(offset + 1) '\(ch)' is an X12 delimiter (* : ^ ~ separate the claim file's fields); remove it"
            }
            if !allowed.contains(ch) {
                let shown = ch.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
                return "character \(offset + 1) (\(shown)) is outside the X12 character set the claim file is written in; "
                    + "use letters, digits, spaces and common punctuation"
            }
        }
        return nil
    }

    /// - throws: `Rejection` (usage, exit 2) naming `field` when `text` cannot go into X12.
    public static func check(_ text: String?, field: String, folded: Bool = false) throws(Rejection) {
        guard let text, let reason = problem(in: text, folded: folded) else { return }
        throw .usage(field, reason)
    }

    /// Checks each part of a person's name under its own field name.
    public static func check(_ name: PersonName?, fields: (first: String, middle: String, last: String)) throws(Rejection) {
        guard let name else { return }
        try check(name.first, field: fields.first, folded: true)
        try check(name.middle, field: fields.middle, folded: true)
        try check(name.last, field: fields.last, folded: true)
    }
}
