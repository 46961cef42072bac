import Foundation
import X12Fuzzing

// practica's X12 fuzzer: a seeded mutation run over the tokenizer and the 835/999/277CA
// readers. Run it through tools/fuzz, which builds it in release mode, seeds it and keeps
// the input of any crash. Exit 0: no crash, no hang; 3: an input took longer than the budget.

struct Options {
    var seed: UInt64 = 1
    var inputs = 300_000
    var first = 0
    var samples: [String] = []
    var budgetMilliseconds = 2_000
    var stateDirectory = NSTemporaryDirectory()
    var replay: String?

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        func value(_ flag: String) throws -> String {
            guard let next = rest.popFirst() else { throw UsageProblem("\(flag) needs a value") }
            return next
        }
        func number<T: FixedWidthInteger>(_ flag: String) throws -> T {
            let text = try value(flag)
            guard let n = T(text), n >= 0 else { throw UsageProblem("\(flag): expected a whole number, got '\(text)'") }
            return n
        }
        while let flag = rest.popFirst() {
            switch flag {
            case "--seed": seed = try number(flag)
            case "--inputs": inputs = try number(flag)
            case "--from": first = try number(flag)
            case "--samples": samples.append(try value(flag))
            case "--budget-ms": budgetMilliseconds = try number(flag)
            case "--state": stateDirectory = try value(flag)
            case "--replay": replay = try value(flag)
            default: throw UsageProblem("unknown option \(flag)")
            }
        }
    }
}

struct UsageProblem: Error { let message: String; init(_ m: String) { message = m } }

/// Every regular file under the sample folders that looks like X12 (starts with ISA, after an optional BOM).
func loadSamples(_ folders: [String]) -> [[UInt8]] {
    var found: [[UInt8]] = []
    for folder in folders {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { continue }
        for case let relative as String in walker {
            guard let data = FileManager.default.contents(atPath: folder + "/" + relative) else { continue }
            let bytes = [UInt8](data)
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            if body.starts(with: Array("ISA".utf8)) { found.append(bytes) }
        }
    }
    return found
}

/// Keeps the input being read on disk, so the file left after a crash is the culprit.
final class CurrentInput {
    private let input: Int32
    private let index: Int32

    init(directory: String) throws {
        input = open(directory + "/current-input.x12", O_CREAT | O_RDWR | O_TRUNC, 0o600)
        index = open(directory + "/current-index", O_CREAT | O_RDWR | O_TRUNC, 0o600)
        guard input >= 0, index >= 0 else { throw UsageProblem("--state: cannot write in \(directory)") }
    }

    func record(_ number: Int, _ bytes: [UInt8]) {
        _ = ftruncate(input, 0)
        _ = bytes.withUnsafeBytes { pwrite(input, $0.baseAddress, $0.count, 0) }
        let text = Array("\(number)\n".utf8)
        _ = ftruncate(index, 0)
        _ = text.withUnsafeBytes { pwrite(index, $0.baseAddress, $0.count, 0) }
    }
}

/// Ends the run when one input takes longer than the budget: a hang is a failure too.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var started: UInt64 = 0
    private var index = -1

    func begin(_ number: Int) {
        lock.lock(); defer { lock.unlock() }
        index = number
        started = DispatchTime.now().uptimeNanoseconds
    }

    func start(budgetMilliseconds: Int) {
        let thread = Thread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 0.05)
                lock.lock()
                let elapsed = (DispatchTime.now().uptimeNanoseconds &- started) / 1_000_000
                let running = index
                lock.unlock()
                if running >= 0, elapsed > UInt64(budgetMilliseconds) {
                    FileHandle.standardError.write(Data("hang: input \(running) has run \(elapsed) ms (budget \(budgetMilliseconds) ms)\n".utf8))
                    exit(3)
                }
            }
        }
        thread.start()
    }
}

let clock = { DispatchTime.now().uptimeNanoseconds }
do {
    let options = try Options(Array(CommandLine.arguments.dropFirst()))
    if let replay = options.replay {
        guard let data = FileManager.default.contents(atPath: replay) else { throw UsageProblem("--replay: cannot read \(replay)") }
        print("\(X12FuzzRun.exercise([UInt8](data)))")
        exit(0)
    }
    let samples = loadSamples(options.samples)
    guard !samples.isEmpty else { throw UsageProblem("no X12 samples found under \(options.samples.joined(separator: ", "))") }
    let mutator = X12Mutator(seeds: samples, seed: options.seed)
    let current = try CurrentInput(directory: options.stateDirectory)
    let watchdog = Watchdog()
    watchdog.start(budgetMilliseconds: options.budgetMilliseconds)
    let started = Date()
    var summary = X12FuzzRun.Summary()
    // Chunks, so progress shows on a long run.
    let chunk = 50_000
    var next = options.first
    let end = options.first + options.inputs
    while next < end {
        let upper = min(end, next + chunk)
        let part = X12FuzzRun.run(mutator, inputs: next..<upper, clock: clock) { index, bytes in
            current.record(index, bytes)
            watchdog.begin(index)
        }
        summary.merge(part)
        next = upper
        FileHandle.standardError.write(Data("… \(next - options.first) of \(options.inputs)\n".utf8))
    }
    print("seed \(options.seed), \(samples.count) samples, \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    print(summary)
} catch let problem as UsageProblem {
    FileHandle.standardError.write(Data("error: \(problem.message)\n".utf8))
    exit(2)
}
