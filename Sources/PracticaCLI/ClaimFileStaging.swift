import CLIKit
import EventLog
import Foundation

/// Writes an 837P so that the file and the log never disagree about what was sent.
///
/// The order is: (1) before deciding, create a hidden temporary file beside
/// `--out` (proves the folder is writable and `--out` is free); (2) inside the
/// append transaction, write the whole interchange to it and fsync; a failure
/// there (disk full, I/O error) aborts the transaction, so no claim is marked
/// submitted and no control number is used; (3) after the events committed,
/// rename the temporary file to `--out`, so the file only appears once the log
/// says it was sent. If the commit fails the temporary file is removed.
///
/// The one remaining gap is a rename failing after the commit (the folder was
/// removed in between): the claims are then recorded as submitted and the
/// complete interchange stays in the temporary file, which the error names, so
/// the biller moves it into place instead of submitting again (which would
/// send the claims twice under new control numbers).
final class ClaimFileStaging {
    let target: URL
    let temporary: URL
    private var descriptor: Int32
    private var published = false

    /// - throws: `CommandFailure` when `--out` exists or its folder can't be written.
    /// The file is created with `permissions`' mode: it holds patients' names, ids and diagnoses.
    init(path: String, permissions: StorePermissions) throws {
        target = URL(fileURLWithPath: path).standardizedFileURL
        guard !FileManager.default.fileExists(atPath: target.path) else {
            throw CommandFailure("--out: \(target.path) already exists; an interchange file is never overwritten, it may not have been sent yet",
                                 hint: "choose a new file name, e.g. with the date and time")
        }
        let folder = target.deletingLastPathComponent()
        temporary = folder.appendingPathComponent(".\(target.lastPathComponent).partial-\(getpid())")
        descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, permissions.fileMode)
        guard descriptor >= 0 else {
            throw CommandFailure("--out: cannot create a file in \(folder.path): \(String(cString: strerror(errno)))",
                                 hint: "check that the folder exists and you may write to it")
        }
        // The umask may have narrowed a group-shared mode; set it (and the group) exactly.
        if let group = permissions.group { _ = fchown(descriptor, uid_t.max, group) }
        _ = fchmod(descriptor, permissions.fileMode)
    }

    deinit { discard() }

    /// Replaces the temporary file's content with `text` and forces it to disk.
    /// Runs inside the append transaction; may run again if the decision is retried.
    func stage(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard ftruncate(descriptor, 0) == 0, lseek(descriptor, 0, SEEK_SET) == 0 else { throw failure("truncate") }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else { throw failure("write") }
            offset += written
        }
        guard fsync(descriptor) == 0 else { throw failure("fsync") }
    }

    /// Moves the staged file to `--out`; called once the events are committed.
    func publish(interchange: Int) throws {
        close(descriptor)
        descriptor = -1
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            published = true   // keep the staged file: it is the only copy of what the log says was sent
            throw CommandFailure("the claims are recorded as submitted in interchange \(interchange), but \(target.path) could not be written: \(reason)",
                                 hint: "the complete file is \(temporary.path); move it to \(target.path) and send it. Do not submit again")
        }
        published = true
    }

    /// Removes the temporary file unless it was published (or is all that is left of a recorded submission).
    func discard() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        if !published { unlink(temporary.path) }
    }

    private func failure(_ step: String) -> CommandFailure {
        CommandFailure("--out: cannot \(step) \(temporary.path): \(String(cString: strerror(errno))); nothing was submitted",
                       hint: "free disk space or choose another folder, then submit again")
    }
}
