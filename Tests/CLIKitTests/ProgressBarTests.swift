import Foundation
import XCTest
@testable import CLIKit

/// Records writes and pretends to be (or not be) a terminal.
private final class RecordingOutput: TextOutput, @unchecked Sendable {
    let isTerminal: Bool
    private let lock = NSLock()
    private var chunks: [String] = []
    init(isTerminal: Bool) { self.isTerminal = isTerminal }
    func write(_ text: String) { lock.withLock { chunks.append(text) } }
    var written: [String] { lock.withLock { chunks } }
}

/// A clock the test moves by hand.
private final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds = 100.0
    func advance(_ delta: Double) { lock.withLock { seconds += delta } }
    var now: Double { lock.withLock { seconds } }
}

final class ProgressBarTests: XCTestCase {
    func testSilentWhenOutputIsNotATerminal() {
        let output = RecordingOutput(isTerminal: false)
        let bar = ProgressBar(label: "importing", total: 10, output: output)
        for _ in 0..<10 { bar.advance() }
        bar.update(completed: 10)
        bar.finish()
        XCTAssertFalse(bar.isEnabled)
        XCTAssertEqual(output.written, [])
    }

    func testPipeIsNotInteractiveAndReceivesNothing() throws {
        let pipe = Pipe()
        let output = FileDescriptorOutput(fileDescriptor: pipe.fileHandleForWriting.fileDescriptor)
        XCTAssertFalse(output.isTerminal)
        XCTAssertFalse(Terminal.isInteractive(fileDescriptor: pipe.fileHandleForWriting.fileDescriptor))
        let bar = ProgressBar(label: "rebuild", total: 3, output: output)
        bar.advance(by: 3)
        bar.finish()
        output.write("end")  // proves the pipe works, so emptiness above is real
        try pipe.fileHandleForWriting.close()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "end")
    }

    func testDrawsOnTerminalAndThrottlesRedraws() {
        let output = RecordingOutput(isTerminal: true)
        let clock = ManualClock()
        let bar = ProgressBar(label: "importing", total: 100, output: output, redrawsPerSecond: 10, now: { clock.now })
        bar.advance()                     // first update draws
        for _ in 0..<20 { bar.advance() } // same instant: throttled
        XCTAssertEqual(output.written.count, 1)
        clock.advance(0.05)
        bar.advance()
        XCTAssertEqual(output.written.count, 1)
        clock.advance(0.06)
        bar.advance()
        XCTAssertEqual(output.written.count, 2)
        bar.finish()
        bar.finish()
        XCTAssertEqual(output.written.count, 4)  // forced final frame + newline, once
        XCTAssertEqual(output.written.last, "\n")
        XCTAssertTrue(output.written[2].hasPrefix("\r"))
        XCTAssertTrue(output.written[2].contains(" 23/100"), output.written[2])
    }

    func testFrameShowsCountPercentageRateAndETA() {
        let line = ProgressBar.line(label: "importing", completed: 250, total: 1000, elapsed: 5, barWidth: 8)
        XCTAssertEqual(line, "importing  [##......]   250/1000   25%  50.0/s  ETA 0:15")
    }

    func testFrameWithoutTotalOrRate() {
        XCTAssertEqual(ProgressBar.line(label: "scan", completed: 7, total: nil, elapsed: 0, barWidth: 8), "scan  7  --/s")
        XCTAssertEqual(ProgressBar.line(label: "scan", completed: 0, total: 4, elapsed: 0, barWidth: 4),
                       "scan  [....]  0/4    0%  --/s  ETA --")
    }

    func testDurationAndRateFormatting() {
        XCTAssertEqual(ProgressBar.formatDuration(65), "1:05")
        XCTAssertEqual(ProgressBar.formatDuration(3723), "1:02:03")
        XCTAssertEqual(ProgressBar.formatDuration(.infinity), "--")
        XCTAssertEqual(ProgressBar.formatRate(1234.4), "1234/s")
        XCTAssertEqual(ProgressBar.formatRate(3.14159), "3.1/s")
    }
}
