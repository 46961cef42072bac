/// One named row of values, e.g. "Charges" per month.
///
/// `nil` means "no data" (a month before the practice opened) and is drawn as
/// a gap, which is different from a real zero.
public struct ChartSeries: Sendable, Hashable {
    public var name: String
    public var values: [Int64?]

    public init(name: String, values: [Int64?]) {
        self.name = name
        self.values = values
    }

    /// The value for category `index`, or `nil` if missing or out of range,
    /// so a series shorter than the category list draws gaps instead of trapping.
    public func value(at index: Int) -> Int64? {
        values.indices.contains(index) ? values[index] : nil
    }
}

/// Size, type and colours shared by every chart.
///
/// The palette is Okabe–Ito (distinguishable with the common colour-vision
/// deficiencies) ordered so neighbouring series differ in lightness too: a
/// dashboard printed in black and white still separates charges (dark blue)
/// from collections (light orange). Bars get a thin dark outline so the light
/// colours keep an edge on paper.
public struct ChartStyle: Sendable, Hashable {
    public var width: Double
    public var height: Double
    public var fontSize: Double
    /// Fill colours for series 0, 1, 2…, repeated if there are more series.
    public var palette: [String]
    /// Text, axis lines and bar outlines.
    public var ink: String
    /// Gridlines: light enough not to compete with the data.
    public var grid: String
    /// The target line in line charts and the target marker in tables.
    public var target: String

    public init(width: Double = 640, height: Double = 320, fontSize: Double = 12,
                palette: [String] = ChartStyle.printSafePalette,
                ink: String = "#222222", grid: String = "#d0d0d0", target: String = "#b00020") {
        self.width = max(width, 160)
        self.height = max(height, 120)
        self.fontSize = max(fontSize, 6)
        self.palette = palette.isEmpty ? ChartStyle.printSafePalette : palette
        self.ink = ink
        self.grid = grid
        self.target = target
    }

    /// Dark blue, light orange, green, vermillion, sky blue, purple, grey.
    public static let printSafePalette = ["#0b4f8a", "#f0a830", "#009e73", "#d55e00", "#7cc4ec", "#cc79a7", "#6e6e6e"]

    /// The fill for series `index`.
    public func color(_ index: Int) -> String {
        palette[((index % palette.count) + palette.count) % palette.count]
    }

    /// A rough width for `text` in this font: charts lay out labels without
    /// a font engine, so this errs wide (0.6 em per character).
    func textWidth(_ text: String) -> Double {
        Double(text.count) * fontSize * 0.6
    }

    /// The system font stack: no web fonts, nothing to download.
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
}
