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

    /// The 16-byte digest of one record. The chain hashes these digests rather than
    /// the records again, so each record is hashed once on append; the first 4 bytes
    /// are also kept per event so verify can name the exact position that changed.
    static func recordDigest(_ bytes: UnsafeRawBufferPointer) -> RecordDigest {
        var digest = RecordDigest()
        withUnsafeMutableBytes(of: &digest.words) { out in
            guard let o = out.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
            _ = crypto_generichash(o, 16, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(bytes.count), nil, 0)
        }
        return digest
    }
}

/// A record's 16-byte BLAKE2b digest.
struct RecordDigest {
    var words: (UInt64, UInt64) = (0, 0)

    /// The first four bytes, little-endian: what the batch record keeps per event.
    var fingerprint: UInt32 { UInt32(truncatingIfNeeded: UInt64(littleEndian: words.0)) }

    mutating func feed(_ hasher: inout Blake2b) {
        withUnsafeBytes(of: &words) { hasher.update($0) }
    }
}
