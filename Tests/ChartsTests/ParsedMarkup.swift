import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// One element read back from rendered markup.
struct ParsedElement {
    let name: String
    let attributes: [String: String]
    /// The character data directly inside it (for <text>, <title>, <td>…).
    var text: String
    /// The text of a `<title>` child: a mark's tooltip.
    var tooltip: String = ""

    func number(_ attribute: String) -> Double? {
        attributes[attribute].flatMap(Double.init)
    }

    var classes: [String] {
        (attributes["class"] ?? "").split(separator: " ").map(String.init)
    }
}

/// Markup parsed with Foundation's XMLParser: proof that it is well-formed XML,
/// and a flat list of elements (with their direct text) for geometry checks.
struct ParsedMarkup {
    let elements: [ParsedElement]

    /// Fails the calling test when `markup` isn't well-formed.
    init(_ markup: String, file: StaticString = #filePath, line: UInt = #line) {
        let collector = ElementCollector()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = collector
        let ok = parser.parse()
        XCTAssertTrue(ok, "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown") at line \(parser.lineNumber)",
                      file: file, line: line)
        elements = collector.elements
    }

    func all(_ name: String) -> [ParsedElement] { elements.filter { $0.name == name } }

    func all(_ name: String, withClass cls: String) -> [ParsedElement] {
        elements.filter { $0.name == name && $0.classes.contains(cls) }
    }

    func texts(_ name: String = "text") -> [String] { all(name).map(\.text) }
}

private final class ElementCollector: NSObject, XMLParserDelegate {
    var elements: [ParsedElement] = []
    private var open: [Int] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        elements.append(ParsedElement(name: elementName, attributes: attributeDict, text: ""))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard let index = open.popLast() else { return }
        if elementName == "title", let parent = open.last {
            elements[parent].tooltip = elements[index].text
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard let index = open.last else { return }
        elements[index].text += string
    }
}

/// Output must never reach the network or run code, even by reference.
func assertSelfContained(_ markup: String, file: StaticString = #filePath, line: UInt = #line) {
    let lower = markup.lowercased()
    for forbidden in ["http", "<script", "@import", "url(", "javascript:"] {
        XCTAssertFalse(lower.contains(forbidden), "output contains \(forbidden)", file: file, line: line)
    }
}
