import CLMDB
import Foundation

/// The last line of defence against a damaged data file. LMDB maps the file and
/// follows the page numbers and offsets stored in it; a changed byte there sends a
/// read past the file's end (SIGBUS) or to a wild address inside LMDB's own code
/// (SIGSEGV) before any error code exists. The meta-page check (`DataFileCheck`)
/// catches a file cut short up front; this catches what the pages themselves hide,
/// and says it the way every other damage is said: one line, a hint, exit 3.
///
/// SIGBUS on a mapped file always means the file or the disk failed. SIGSEGV is
/// only claimed when the faulting instruction is in liblmdb, which has no other
/// way to fault on valid data; any other fault is this program's own, and the
/// default action (a crash) is restored so it is not disguised as damage.
/// The handlers write a fixed message and exit (async-signal-safe).
public enum DamagedPageSignal {
    public static func install() {
        var bus = sigaction()
        bus.__sigaction_handler.sa_handler = { _ in DamagedPageSignal.reportDamageAndExit() }
        sigemptyset(&bus.sa_mask)
        sigaction(SIGBUS, &bus, nil)

        #if arch(x86_64) && os(Linux)
        var segv = sigaction()
        segv.sa_flags = SA_SIGINFO
        segv.__sigaction_handler.sa_sigaction = { _, _, context in
            if let context, DamagedPageSignal.faultIsInLMDB(context) { DamagedPageSignal.reportDamageAndExit() }
            // Not LMDB: let the fault happen again with the default action.
            signal(SIGSEGV, SIG_DFL)
        }
        sigemptyset(&segv.sa_mask)
        _ = lmdbCode   // read the map now, never inside the handler
        sigaction(SIGSEGV, &segv, nil)
        #endif
    }

    private static func reportDamageAndExit() -> Never {
        let message: StaticString = """
            error: the store is damaged: LMDB met a page of its data file that is cut short or malformed
            hint: restore the store from your latest backup ('practica store backup' makes them)

            """
        _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
        _exit(3)
    }

    #if arch(x86_64) && os(Linux)
    /// liblmdb's executable pages, read once from /proc/self/maps at install (immutable after).
    private static let lmdbCode: ClosedRange<UInt>? = {
        // procfs files report size 0, so read until the end rather than by size.
        let fd = open("/proc/self/maps", O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes += chunk[0..<count]
        }
        let maps = String(decoding: bytes, as: UTF8.self)
        for line in maps.split(separator: "\n") where line.contains("liblmdb") {
            let fields = line.split(separator: " ")
            guard fields.count >= 2, fields[1].hasPrefix("r-x") else { continue }
            let bounds = fields[0].split(separator: "-").compactMap { UInt($0, radix: 16) }
            if bounds.count == 2 { return bounds[0]...bounds[1] }
        }
        return nil
    }()

    /// Whether the instruction that faulted belongs to liblmdb.
    private static func faultIsInLMDB(_ context: UnsafeMutableRawPointer) -> Bool {
        let machine = context.assumingMemoryBound(to: ucontext_t.self)
        // gregs[REG_RIP]: REG_RIP is 16 in <sys/ucontext.h> (x86_64), hidden behind _GNU_SOURCE.
        let pc = withUnsafeBytes(of: machine.pointee.uc_mcontext.gregs) { registers in
            registers.load(fromByteOffset: 16 * MemoryLayout<Int64>.size, as: UInt.self)
        }
        return lmdbCode?.contains(pc) ?? false
    }
    #endif
}
