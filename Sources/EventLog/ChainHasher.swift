import CSodium

/// BLAKE2b (libsodium's crypto_generichash) over a stream of byte runs.
///
/// The log's integrity chain is hash(previous link ‖ batch header ‖ records…),
/// so changing, dropping or reordering any stored byte breaks every later link.
struct Blake2b {
    static let linkLength = 32
    private var state: UnsafeMutableRawPointer

    init(outputLength: Int = Blake2b.linkLength) {
        _ = sodium_init()
        state = UnsafeMutableRawPointer.allocate(byteCount: crypto_generichash_statebytes(), alignment: 64)
        crypto_generichash_init(OpaquePointer(state), nil, 0, outputLength)
        self.outputLength = outputLength
    }

    private let outputLength: Int

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        crypto_generichash_update(OpaquePointer(state),
                                  base.assumingMemoryBound(to: UInt8.self), UInt64(bytes.count))
    }

    mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Finishes and frees the state; the hasher must not be used afterwards.
    mutating func finish() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: outputLength)
        out.withUnsafeMutableBufferPointer { o in
            if let base = o.baseAddress { _ = crypto_generichash_final(OpaquePointer(state), base, outputLength) }
        }
        state.deallocate()
        return out
    }

    /// A short fingerprint of one record, kept per event so verify can name the exact
    /// position that changed (the chain itself only says which batch).
    static func fingerprint(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var h = Blake2b(outputLength: 16)
        h.update(bytes)
        let d = h.finish()
        return UInt32(d[0]) | UInt32(d[1]) << 8 | UInt32(d[2]) << 16 | UInt32(d[3]) << 24
    }
}
