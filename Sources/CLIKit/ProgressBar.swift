import Foundation

/// A one-line progress bar for long work (import, rebuild, demo, bench).
///
/// It draws only when its output is a terminal and is completely silent
/// otherwise, so piped or logged output never fills with carriage returns.
/// Redraws are throttled (10 per second by default) so a tight loop calling
/// ``advance(by:)`` millions of times stays cheap. Safe to call from several
/// threads; it's a class because it has identity and a lifetime (start time,
/// last draw).
///
/// ```swift
/// let bar = ProgressBar(label: "importing", total: files.count)
/// for file in files { try importer.run(file); bar.advance() }
/// bar.finish()
/// // importing [############............]  512/1000  51%  84.2/s  ETA 0:05
/// ```
public final class ProgressBar: @unchecked Sendable {
    /// False when the output isn't a terminal; then nothing is ever written.
    public let isEnabled: Bool

    private let label: String
    private let total: Int?
    private let output: any TextOutput
    private let minimumInterval: Double
    private let now: @Sendable () -> Double
    private let barWidth = 24

    // Guarded by `lock`.
    private let lock = NSLock()
    private let start: Double
    private var completed = 0
    private var lastDraw: Double?
    private var finished = false

    /// Creates a bar; nothing is drawn until the first update.
    ///
    /// - Parameters:
    ///   - total: how many units the work has, or `nil` when unknown (no bar, %, or ETA).
    ///   - output: where to draw; standard error by default.
    ///   - redrawsPerSecond: the most redraws per second.
    ///   - now: seconds on a monotonic clock; injected by tests.
    public init(
        label: String,
        total: Int?,
        output: any TextOutput = FileDescriptorOutput.standardError,
        redrawsPerSecond: Double = 10,
        now: @escaping @Sendable () -> Double = { ProcessInfo.processInfo.systemUptime }
    ) {
        self.label = label
        self.total = total.map { max($0, 0) }
        self.output = output
        self.minimumInterval = redrawsPerSecond > 0 ? 1 / redrawsPerSecond : 0
        self.now = now
        self.isEnabled = output.isTerminal
        self.start = now()
    }

    /// Records `count` more units done and redraws if enough time has passed.
    public func advance(by count: Int = 1) {
        guard isEnabled else { return }
        lock.withLock {
            completed += count
            drawIfDue(force: false)
        }
    }

    /// Sets the number of units done and redraws if enough time has passed.
    public func update(completed value: Int) {
        guard isEnabled else { return }
        lock.withLock {
            completed = value
            drawIfDue(force: false)
        }
    }

    /// Draws the final state and moves to a new line. Later calls do nothing.
    public func finish() {
        guard isEnabled else { return }
        lock.withLock {
            guard !finished else { return }
            drawIfDue(force: true)
            output.write("\n")
            finished = true
        }
    }

    private func drawIfDue(force: Bool) {
        guard !finished else { return }
        let time = now()
        if !force, let lastDraw, time - lastDraw < minimumInterval { return }
        lastDraw = time
        output.write("\r" + Self.line(label: label, completed: completed, total: total,
                                      elapsed: time - start, barWidth: barWidth) + "\u{1B}[K")
    }

    /// The text of one frame; exposed to tests through `@testable`.
    static func line(label: String, completed: Int, total: Int?, elapsed: Double, barWidth: Int) -> String {
        let rate = elapsed > 0 ? Double(completed) / elapsed : 0
        var parts = [label]
        if let total {
            let fraction = total > 0 ? min(1, max(0, Double(completed) / Double(total))) : 1
            let filled = Int((fraction * Double(barWidth)).rounded(.down))
            parts.append("[" + String(repeating: "#", count: filled)
                         + String(repeating: ".", count: barWidth - filled) + "]")
            let totalText = String(total)
            parts.append(DisplayWidth.padLeft(String(completed), to: totalText.count) + "/" + totalText)
            parts.append(DisplayWidth.padLeft("\(Int((fraction * 100).rounded(.down)))%", to: 4))
        } else {
            parts.append(String(completed))
        }
        parts.append(rate > 0 ? formatRate(rate) : "--/s")
        if let total {
            let remaining = Double(max(0, total - completed))
            parts.append("ETA " + (rate > 0 ? formatDuration(remaining / rate) : "--"))
        }
        return parts.joined(separator: "  ")
    }

    static func formatRate(_ rate: Double) -> String {
        rate >= 100 ? String(format: "%.0f/s", rate) : String(format: "%.1f/s", rate)
    }

    /// `m:ss`, or `h:mm:ss` from an hour up.
    static func formatDuration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0, seconds < 360_000 else { return "--" }
        let total = Int(seconds.rounded(.up))
        let hours = total / 3600, minutes = (total % 3600) / 60, secs = total % 60
        if hours > 0 {
            return String(format: "%d:%02d:%02d", hours, minutes, secs)
        }
        return String(format: "%d:%02d", minutes, secs)
    }
}
