import Foundation

/// In-process cache of interned names (event types, actors, stream numbers).
///
/// Interned names never change once committed, so caching them is safe. Names
/// interned by a write transaction enter the cache only after it commits, so an
/// aborted batch can't leave a number behind that the file never had.
final class NameCache: @unchecked Sendable {
    private let lock = NSLock()
    private var byName: [String: UInt32] = [:]
    private var byNumber: [UInt32: String] = [:]

    func number(for name: String) -> UInt32? {
        lock.lock(); defer { lock.unlock() }
        return byName[name]
    }

    func name(for number: UInt32) -> String? {
        lock.lock(); defer { lock.unlock() }
        return byNumber[number]
    }

    func remember(_ name: String, _ number: UInt32) {
        lock.lock(); defer { lock.unlock() }
        byName[name] = number
        byNumber[number] = name
    }
}
