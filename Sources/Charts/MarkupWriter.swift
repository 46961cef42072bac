/// Appends well-formed SVG/XHTML to a string, escaping every value it's given.
///
/// Charts build markup through this one type instead of string interpolation
/// so that escaping can't be forgotten for one label, and so every element is
/// closed in the way both an HTML browser and an XML parser accept: SVG shapes
/// self-close (`<rect/>`), HTML elements always get an end tag.
struct MarkupWriter {
    /// An attribute name and its unescaped value.
    typealias Attribute = (name: String, value: String)

    private(set) var output = ""

    /// `<name a="v">` — the caller closes it with `close(name)`.
    mutating func open(_ name: String, _ attributes: [Attribute] = []) {
        output += "<" + name + Self.attributeText(attributes) + ">"
    }

    mutating func close(_ name: String) {
        output += "</" + name + ">"
    }

    /// `<name a="v"/>` — for SVG shapes and HTML void elements such as `<meta/>`.
    mutating func empty(_ name: String, _ attributes: [Attribute] = []) {
        output += "<" + name + Self.attributeText(attributes) + "/>"
    }

    /// `<name a="v">text</name>`, with `text` escaped.
    mutating func element(_ name: String, _ attributes: [Attribute] = [], text: String) {
        open(name, attributes)
        self.text(text)
        close(name)
    }

    /// Escaped character data.
    mutating func text(_ text: String) {
        output += XMLText.escape(text)
    }

    /// Markup produced by another writer (a chart inside a page), inserted as is.
    mutating func raw(_ markup: String) {
        output += markup
    }

    mutating func newline() {
        output += "\n"
    }

    private static func attributeText(_ attributes: [Attribute]) -> String {
        var text = ""
        for attribute in attributes {
            text += " " + attribute.name + "=\"" + XMLText.escape(attribute.value) + "\""
        }
        return text
    }
}

/// Coordinates for SVG attributes: at most two decimals, no exponent, no locale.
///
/// `String(describing: Double)` can print "1e-05" or "0.30000000000000004";
/// two decimals of a pixel are plenty and keep the output stable for tests.
enum SVGNumber {
    static func text(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = (value * 100).rounded()
        guard abs(hundredths) < 9e15 else { return "0" }
        let scaled = Int64(hundredths)
        let magnitude = scaled.magnitude
        var text = (scaled < 0 ? "-" : "") + String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            text += "." + (fraction < 10 ? "0" : "") + String(fraction % 10 == 0 ? fraction / 10 : fraction)
        }
        return text
    }
}
