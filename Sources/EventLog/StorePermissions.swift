import Foundation

/// Who may read a store and the files made from it (statements, 837P files,
/// replays, backups, dashboards): they hold patients' data, so never others.
///
/// Owner only (files 0600, folders 0700), or shared with one group the admin
/// names at `practica init --group NAME` (files 0640, folders 2750 so new files
/// inherit the group). The choice is kept where it is enforced: the store's `log`
/// folder, which practica always creates itself (the root may be a folder the admin
/// made, or `.`, and is never changed when it existed before). A store whose `log`
/// grants its group access is group-shared with that group; every file created
/// later follows it.
public struct StorePermissions: Sendable, Equatable {
    /// The group that may read, or nil for the owner alone.
    public let group: gid_t?

    public static let ownerOnly = StorePermissions(group: nil)
    public static func shared(with group: gid_t) -> StorePermissions { StorePermissions(group: group) }

    public var fileMode: mode_t { group == nil ? 0o600 : 0o640 }
    public var directoryMode: mode_t { group == nil ? 0o700 : 0o2750 }

    /// The permissions a store records in its `log` folder (owner only when there is none).
    public static func of(root: String) -> StorePermissions {
        var status = stat()
        guard stat(StorePaths(root: root).log, &status) == 0, status.st_mode & 0o070 != 0 else { return .ownerOnly }
        return .shared(with: status.st_gid)
    }

    /// Creates the folder `path` for a store or a copy of one: a new folder gets this
    /// mode; an existing one is left as it is (it may be `.`, `/` or a folder the admin
    /// made with care — practica never changes what it did not create; the `log`
    /// folder inside, which it does create, keeps the data private).
    /// Returns whether it was created.
    @discardableResult
    public func createStoreRoot(_ path: String) throws(EventStoreError) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            try createDirectory(path)
            return true
        }
        guard isDirectory.boolValue else { throw .io(path: path, reason: "it is a file, not a folder") }
        return false
    }

    /// Creates `path` and any missing parents; the folders created get this mode
    /// (parents that exist are left alone).
    public func createDirectory(_ path: String) throws(EventStoreError) {
        var missing: [String] = []
        var current = (path as NSString).standardizingPath
        var isDirectory: ObjCBool = false
        while !current.isEmpty, current != "/", !FileManager.default.fileExists(atPath: current, isDirectory: &isDirectory) {
            missing.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        if !current.isEmpty, FileManager.default.fileExists(atPath: current, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw .io(path: current, reason: "it is a file, not a folder")
        }
        for folder in missing.reversed() {
            if mkdir(folder, directoryMode) != 0 && errno != EEXIST {
                throw .io(path: folder, reason: "cannot create the folder: \(String(cString: strerror(errno)))")
            }
            try apply(to: folder, mode: directoryMode)
        }
    }

    /// Gives an existing file this mode (and group).
    public func restrict(file path: String) throws(EventStoreError) {
        try apply(to: path, mode: fileMode)
    }

    /// Gives an existing folder this mode (and group).
    public func restrict(directory path: String) throws(EventStoreError) {
        try apply(to: path, mode: directoryMode)
    }

    private func apply(to path: String, mode: mode_t) throws(EventStoreError) {
        if let group, chown(path, uid_t.max, group) != 0 {
            throw .io(path: path, reason: "cannot give it to group \(group): \(String(cString: strerror(errno)))")
        }
        // chmod after chown: chown may clear the set-group-id bit.
        if chmod(path, mode) != 0 {
            throw .io(path: path, reason: "cannot set its permissions: \(String(cString: strerror(errno)))")
        }
    }

    /// Writes `bytes` to a new file at `path` created with this mode (never briefly wider).
    public func writeNewFile(_ bytes: [UInt8], to path: String) throws(EventStoreError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, fileMode)
        guard fd >= 0 else { throw .io(path: path, reason: "cannot create the file: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard written > 0 else { throw .io(path: path, reason: "cannot write: \(String(cString: strerror(errno)))") }
            offset += written
        }
        try apply(to: path, mode: fileMode)
    }

    /// Paths under `root` (the root included) that others may read, write or enter,
    /// or that a group may use when the store is not group-shared; for `store verify`.
    public static func looserThanIntended(under root: String) -> [String] {
        let intended = of(root: root)
        var found: [String] = []
        func check(_ path: String) {
            var status = stat()
            guard lstat(path, &status) == 0 else { return }
            let loose = status.st_mode & 0o007 != 0 || (intended.group == nil && status.st_mode & 0o070 != 0)
            if loose { found.append(path) }
        }
        check(root)
        let base = URL(fileURLWithPath: root)
        if let walker = FileManager.default.enumerator(atPath: root) {
            for case let relative as String in walker {
                check(base.appendingPathComponent(relative).path)
            }
        }
        return found
    }
}
