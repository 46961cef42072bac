import Foundation

/// Checks an LMDB `data.mdb` with plain file reads before LMDB maps it.
///
/// LMDB maps the whole file and trusts its two meta pages: a file cut short
/// (a failed copy, a full disk, `truncate`) still claims pages past its end, and
/// the first read of one kills the process with SIGBUS — no error code, a
/// backtrace. So the meta pages are read here with `pread`, the newer one is
/// picked as LMDB picks it, and the file must hold every page it claims
/// (`(last page + 1) × page size`). A 0-byte file is damage too: LMDB would
/// silently make a new, empty environment of it.
///
/// The offsets are those of LMDB 0.9 on a 64-bit machine (`MDB_page` header of
/// 16 bytes, then `MDB_meta`); the magic and version fields guard them.
enum DataFileCheck {
    /// What the file's meta pages say, when they can be read.
    struct Claim: Equatable {
        let pageSize: Int
        let lastPage: UInt64
        var requiredBytes: UInt64 { (lastPage + 1) * UInt64(pageSize) }
    }

    enum Verdict: Equatable {
        /// No file: LMDB will create one (only when creating a store).
        case absent
        case sound(Claim)
        /// The file cannot be trusted; the reason names what is wrong.
        case damaged(String)
        /// The file cannot be read at all (permissions, I/O).
        case unreadable(String)
    }

    static let magic: UInt32 = 0xBEEF_C0DE
    static let dataVersion: UInt32 = 1
    private static let metaFlag: UInt16 = 0x08
    private static let pageHeaderBytes = 16
    /// Through `mm_txnid`, the last field read.
    private static let metaBytes = pageHeaderBytes + 136

    static func inspect(_ path: String) -> Verdict {
        let fd = open(path, O_RDONLY)
        if fd < 0 {
            if errno == ENOENT { return .absent }
            return .unreadable(String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { return .unreadable(String(cString: strerror(errno))) }
        let size = UInt64(max(0, status.st_size))
        if size == 0 { return .damaged("\(path) is empty (0 bytes)") }
        guard let first = readPage(fd, offset: 0) else {
            return .damaged("\(path) is too short to hold LMDB's meta pages (\(size) bytes)")
        }
        guard case .meta(let firstMeta) = first else { return .damaged("\(path) is not an LMDB data file (\(first))") }
        guard let second = readPage(fd, offset: off_t(firstMeta.pageSize)) else {
            return .damaged("\(path) is too short to hold LMDB's meta pages (\(size) bytes)")
        }
        guard case .meta(let secondMeta) = second else { return .damaged("\(path): its second meta page is damaged (\(second))") }
        let newest = secondMeta.txnID > firstMeta.txnID ? secondMeta : firstMeta
        guard newest.lastPage < UInt64(Int64.max) / UInt64(firstMeta.pageSize) else {
            return .damaged("\(path): its meta page claims an impossible last page \(newest.lastPage)")
        }
        let claim = Claim(pageSize: firstMeta.pageSize, lastPage: newest.lastPage)
        if size < claim.requiredBytes {
            return .damaged("\(path) is cut short: it holds \(size) bytes, but its last page (\(claim.lastPage)) ends at byte \(claim.requiredBytes)")
        }
        return .sound(claim)
    }

    private struct Meta {
        let pageSize: Int
        let lastPage: UInt64
        let txnID: UInt64
    }

    private enum Page: CustomStringConvertible {
        case meta(Meta)
        case notMeta(String)
        var description: String {
            switch self {
            case .meta: return "meta page"
            case .notMeta(let why): return why
            }
        }
    }

    private static func readPage(_ fd: Int32, offset: off_t) -> Page? {
        var bytes = [UInt8](repeating: 0, count: metaBytes)
        let count = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, metaBytes, offset) }
        guard count == metaBytes else { return count < 0 ? .notMeta("it cannot be read: \(String(cString: strerror(errno)))") : nil }
        func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * $1) } }
        func u64(_ at: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(bytes[at + $1]) << (8 * $1) } }
        guard u16(10) & metaFlag != 0 else { return .notMeta("no meta page where one belongs") }
        let meta = pageHeaderBytes
        guard u32(meta) == magic else { return .notMeta("the LMDB magic number is missing") }
        guard u32(meta + 4) == dataVersion else { return .notMeta("unknown LMDB data version \(u32(meta + 4))") }
        // mm_dbs[FREE_DBI].md_pad holds the page size.
        let pageSize = Int(u32(meta + 24))
        guard pageSize >= 512, pageSize <= 65536, pageSize & (pageSize - 1) == 0 else {
            return .notMeta("implausible page size \(pageSize)")
        }
        return .meta(Meta(pageSize: pageSize, lastPage: u64(meta + 120), txnID: u64(meta + 128)))
    }
}
