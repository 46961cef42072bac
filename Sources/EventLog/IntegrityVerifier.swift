import CLMDB

/// The verdict of `practica store verify`.
public struct VerificationReport: Sendable, Equatable {
    public let eventsChecked: UInt64
    public let batchesChecked: UInt64
    /// Nil when the log is intact; otherwise the first problem found, naming its position.
    public let problem: IntegrityProblem?

    public var isIntact: Bool { problem == nil }
}

/// The first thing verify found wrong, with the position a reader can look at.
public struct IntegrityProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case altered, missing, reordered, unreadable
    }

    public let kind: Kind
    /// The first position concerned; 0 for a problem in a side table (see `table`).
    public let position: UInt64
    public let detail: String
    /// The table at fault when it is not the records themselves (names, streams…).
    public let table: String?

    public init(kind: Kind, position: UInt64, detail: String, table: String? = nil) {
        self.kind = kind
        self.position = position
        self.detail = detail
        self.table = table
    }

    public var description: String {
        if let table { return "the \(table) table is \(kind.rawValue): \(detail)" }
        return "position \(position) \(kind.rawValue): \(detail)"
    }
}

extension EventStore {
    /// Recomputes the BLAKE2b chain over every batch and record and checks that
    /// positions are contiguous, each record sits where its batch says, and the
    /// stream index agrees; then checks every table a reader depends on besides the
    /// records (`TableVerifier`). Stops at the first problem.
    public func verify(progress: ((UInt64, UInt64) -> Void)? = nil) throws -> VerificationReport {
        try run("verify the log") {
            try environment.read { txn in try IntegrityVerifier(txn: txn, progress: progress).run() }
        }
    }
}

struct IntegrityVerifier {
    let txn: LMDBTransaction
    let progress: ((UInt64, UInt64) -> Void)?

    func run() throws -> VerificationReport {
        let head = try Head.read(txn)
        let batches = try txn.cursor(txn.database(LogDatabase.batches))
        let events = try txn.cursor(txn.database(LogDatabase.events))
        var link = Head.genesis.link
        var expectedFirst: UInt64 = 1
        var eventsChecked: UInt64 = 0
        var batchesChecked: UInt64 = 0
        var op = MDB_FIRST
        var facts = ChainWalkFacts()
        let streamIndex = try txn.cursor(txn.database(LogDatabase.streamIndex))
        func report(_ kind: IntegrityProblem.Kind, _ position: UInt64, _ detail: String) -> VerificationReport {
            VerificationReport(eventsChecked: eventsChecked, batchesChecked: batchesChecked,
                               problem: IntegrityProblem(kind: kind, position: position, detail: detail))
        }
        while true {
            var first: UInt64 = 0
            var rawBatch: [UInt8] = []
            guard try batches.move(op, { k, v in
                first = PositionKey.decode(k) ?? 0
                rawBatch = Array(v)
            }) else { break }
            op = MDB_NEXT
            if first != expectedFirst {
                return report(first > expectedFirst ? .missing : .reordered, expectedFirst,
                              "expected a batch starting at \(expectedFirst), found one at \(first)")
            }
            let batch: BatchRecord
            do { batch = try BatchRecord.decode(rawBatch) } catch {
                return report(.altered, first, "its batch record cannot be read (\(error))")
            }
            facts.actorNumbers.insert(batch.actorNumber)
            if let problem = try TableVerifier.commandEntryProblem(txn, batch: batch, first: first) {
                return report(.altered, first, problem)
            }
            var hasher = Blake2b()
            hasher.update(link)
            hasher.update(batch.headerBytes())
            var firstBadRecord: (UInt64, String)?
            for index in 0..<batch.count {
                let position = first + index
                var found = false
                var badDetail: String?
                try events.move(MDB_SET_KEY, key: BigEndian.u64(position)) { _, v in
                    found = true
                    var digest = Blake2b.recordDigest(v)
                    digest.feed(&hasher)
                    if digest.fingerprint != batch.fingerprints[Int(index)] {
                        badDetail = "its bytes differ from what was appended"
                    } else if let header = try? RecordHeader.decode(v), header.offsetInBatch != index {
                        badDetail = "the record belongs at batch offset \(header.offsetInBatch), not \(index)"
                    } else if let header = try? RecordHeader.decode(v) {
                        facts.typeNumbers.insert(header.typeNumber)
                        if header.encoding == .zstdDictionary { facts.dictionaryIDs.insert(header.dictionaryID) }
                        let expectedVersion = (facts.streamVersions[header.streamNumber] ?? 0) + 1
                        if header.streamVersion != expectedVersion {
                            badDetail = "it claims version \(header.streamVersion) of its stream, which is at \(expectedVersion - 1)"
                        } else if try !streamIndex.contains(key: BigEndian.u32(header.streamNumber), value: BigEndian.u64(position)) {
                            badDetail = "the stream index does not point back at it"
                        }
                        facts.streamVersions[header.streamNumber] = header.streamVersion
                    }
                }
                if !found { return report(.missing, position, "no record is stored at this position") }
                if firstBadRecord == nil, let badDetail { firstBadRecord = (position, badDetail) }
                eventsChecked += 1
            }
            let computed = hasher.finish()
            if let (position, detail) = firstBadRecord {
                return report(detail.contains("offset") ? .reordered : .altered, position, detail)
            }
            if computed != batch.link {
                return report(.altered, first, "the batch's chain link does not match its contents (batch header or an earlier link changed)")
            }
            link = computed
            batchesChecked += 1
            expectedFirst = first + batch.count
            progress?(eventsChecked, head.position)
        }
        let lastStored: UInt64 = expectedFirst - 1
        if lastStored != head.position {
            return report(.missing, min(lastStored, head.position) + 1,
                          "the head says the log ends at \(head.position), the batches end at \(lastStored)")
        }
        if link != head.link {
            return report(.altered, head.position, "the head's chain link does not match the last batch")
        }
        var extra: UInt64?
        try events.move(MDB_LAST) { k, _ in extra = PositionKey.decode(k) }
        if let extra, extra > head.position {
            return report(.altered, head.position + 1, "a record exists past the end of the log")
        }
        facts.events = eventsChecked
        facts.batches = batchesChecked
        if let finding = try TableVerifier(txn: txn, facts: facts).run() {
            return VerificationReport(eventsChecked: eventsChecked, batchesChecked: batchesChecked,
                                      problem: IntegrityProblem(kind: .altered, position: 0, detail: finding.detail, table: finding.table))
        }
        return VerificationReport(eventsChecked: eventsChecked, batchesChecked: batchesChecked, problem: nil)
    }
}
