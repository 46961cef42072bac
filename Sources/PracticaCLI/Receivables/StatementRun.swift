import BinaryCodec
import CLIKit
import EventLog
import Foundation
import RevenueCycle

/// `statement run`: statements as of a date for every patient owing at least the minimum.
struct StatementRunRequest: Sendable {
    var asOf: LocalDate
    var minBalance: Money
    /// The folder to write; it must not exist or be empty.
    var outDirectory: String
}

/// One patient's statement as written.
struct WrittenStatement: Sendable {
    let issued: StatementIssued
    let html: String
    let text: String
}

struct StatementRunOutcome: Sendable {
    var statements: [WrittenStatement] = []
    var directory: String
}

/// Issues statements (`Statements.issue`, the ledger's journal cut by effective date)
/// and writes one HTML and one plain-text file per patient, with every
/// `StatementIssued` in one batch.
///
/// The folder must be new or empty, so a run never mixes with or overwrites an
/// earlier one that may have been mailed. The files are written and fsynced into a
/// hidden folder beside it inside the append transaction; only after the events
/// commit is that folder renamed to `--out`. If writing fails nothing is recorded;
/// if the commit fails the hidden folder is removed.
///
/// ```swift
/// let run = try StatementRun.perform(StatementRunRequest(asOf: date, minBalance: Money(cents: 500), outDirectory: "out/2026-12"),
///                                    session: session)
/// ```
enum StatementRun {
    /// - throws: `CommandFailure` for a non-empty or unwritable folder.
    static func perform(_ request: StatementRunRequest, session: FrontDeskSession) throws -> StatementRunOutcome {
        // A statement dated after today would bill what nobody can know yet (and age it wrongly).
        guard request.asOf <= session.today else {
            throw CommandFailure("--as-of: \(request.asOf) is in the future (today is \(session.today))",
                                 hint: "date the run today or earlier, e.g. --as-of \(session.today)", exitCode: .usage)
        }
        let target = URL(fileURLWithPath: request.outDirectory).standardizedFileURL
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw CommandFailure("--out: \(target.path) is a file, not a folder", hint: "give a new or empty folder")
        }
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? []
        if FileManager.default.fileExists(atPath: target.path), !existing.isEmpty {
            throw CommandFailure("--out: \(target.path) is not empty; statements are written to a new or empty folder so no run is overwritten",
                                 hint: "choose a new folder, e.g. statements/\(request.asOf)")
        }
        let staging = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).partial-\(getpid())")
        defer { try? FileManager.default.removeItem(at: staging) }
        do {
            let (_, outcome) = try session.append(permission: .postPayments, command: "statement run") { state, ids in
                let run = try issue(request, state: state, ids: ids)
                guard !run.statements.isEmpty else { throw NothingToIssue() }
                try write(run.statements, to: staging, permissions: session.store.permissions)
                return (run.statements.map { NewEvent(stream: PatientMoney.stream($0.issued.patient), $0.issued) }, run)
            }
            try? FileManager.default.removeItem(at: target)   // an empty folder, checked above
            do {
                try FileManager.default.moveItem(at: staging, to: target)
            } catch {
                throw CommandFailure("the statements are recorded as issued, but \(target.path) could not be written: \(error.localizedDescription)",
                                     hint: "the files are in \(staging.path); move them into place rather than running again")
            }
            return outcome
        } catch is NothingToIssue {
            return StatementRunOutcome(statements: [], directory: target.path)
        }
    }

    static func issue(_ request: StatementRunRequest, state: PracticeState, ids: IDAllocator) throws -> StatementRunOutcome {
        var sequence = IDSequence(first: StatementID(try ids.peek(StatementID.self)))
        var out = StatementRunOutcome(directory: request.outDirectory)
        let journal = Statements.journalByPatient(state)
        for record in state.patients.values.filter(\.isActive).sorted(by: { $0.id < $1.id }) {
            // Nobody with no postings owes anything.
            guard let entries = journal[record.id] else { continue }
            // A balance below the minimum is the only refusal for a known, active patient: no statement.
            // Nobody is sent one for a zero balance or a credit either, whatever the minimum.
            guard let probe = try? Statements.issue(patient: record.id, asOf: request.asOf, id: StatementID(0),
                                                    minBalance: request.minBalance, state: state, journal: entries),
                  probe.issued.balance > .zero else { continue }
            let statement = try Statements.issue(patient: record.id, asOf: request.asOf, id: sequence.next(),
                                                 minBalance: request.minBalance, state: state, journal: entries)
            out.statements.append(WrittenStatement(issued: statement.issued, html: statement.html, text: statement.text))
        }
        try ids.advance(StatementID.self, by: sequence.used)
        return out
    }

    static func fileName(_ s: StatementIssued) -> String { "\(s.patient)-\(s.statement)" }

    /// Writes every file into a fresh `folder` and makes them durable before the
    /// append commits; runs inside the append, perhaps more than once. One sync
    /// replaces an fsync per file: a large practice's run writes tens of thousands
    /// of files, and creating them is then most of its time.
    /// Statements carry patients' names, addresses and balances: folder and files are
    /// created as private as the store (`permissions`).
    static func write(_ statements: [WrittenStatement], to folder: URL, permissions: StorePermissions) throws {
        try? FileManager.default.removeItem(at: folder)
        do {
            guard mkdir(folder.path, permissions.directoryMode) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            try permissions.restrict(directory: folder.path)
            for s in statements {
                for (ext, text) in [("html", s.html), ("txt", s.text)] {
                    try permissions.writeNewFile(Array(text.utf8), to: folder.appendingPathComponent("\(fileName(s.issued)).\(ext)").path)
                }
            }
            try syncFileSystem(of: folder)
        } catch {
            let reason = (error as? EventStoreError)?.description ?? error.localizedDescription
            throw CommandFailure("--out: cannot write statements in \(folder.deletingLastPathComponent().path): \(reason); nothing was issued",
                                 hint: "check that the parent folder exists and you may write to it")
        }
    }
}

/// Flushes the files written into `folder`, and the folder itself, to disk. On
/// Linux `sync` returns once the writes are done (the same guarantee as an fsync of
/// every file; POSIX alone only promises to schedule them); the folder is then
/// fsynced so its entries are durable too.
private func syncFileSystem(of folder: URL) throws {
    sync()
    let fd = open(folder.path, O_RDONLY | O_DIRECTORY)
    guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    defer { close(fd) }
    guard fsync(fd) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
}

/// Ends the append of a run in which nobody owes the minimum.
struct NothingToIssue: Error {}
