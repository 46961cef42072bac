import X12

/// Splits an address as people type it into a registration ("12 Elm Road,
/// Apt 4, Springfield, IL 62704") into the street, city, state and ZIP an 837P
/// N3/N4 needs. The front desk keeps addresses as one line of text, so this is
/// where a claim finds out whether one is usable.
enum PostalAddress {
    /// nil when the text has no "street, city, ST 12345" shape.
    static func parse(_ text: String) -> X12Address? {
        var parts = text.split(separator: ",").map { String($0).trimmedForInput }.filter { !$0.isEmpty }
        guard let last = parts.popLast() else { return nil }
        var words = last.split(separator: " ").map(String.init)
        guard words.count >= 2, let zipWord = words.popLast(), let stateWord = words.popLast() else { return nil }
        let zip = zipWord.filter { $0 != "-" }
        guard zip.count == 5 || zip.count == 9, ASCII.allDigits(zip), zipWord.filter({ $0 == "-" }).count <= 1 else { return nil }
        let state = stateWord.uppercased()
        guard state.count == 2, state.allSatisfy(ASCII.isUpperLetter) else { return nil }
        let city = words.isEmpty ? parts.popLast() : words.joined(separator: " ")
        guard let city, !city.isEmpty, (1...2).contains(parts.count) else { return nil }
        return X12Address(line1: parts[0], line2: parts.count > 1 ? parts[1] : nil, city: city, state: state, postalCode: zip)
    }
}
