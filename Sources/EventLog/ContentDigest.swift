/// A digest of a file's bytes, for importers that must recognise a file they
/// have seen before (the same 835 imported twice posts nothing).
///
/// ```swift
/// let digest = ContentDigest.hex(Array(data))   // 64 lower-case hex digits
/// ```
/// BLAKE2b-256, the hash the integrity chain already uses, so nothing new is linked.
public enum ContentDigest {
    public static func hex(_ bytes: [UInt8]) -> String {
        var hasher = Blake2b()
        hasher.update(bytes)
        let digits = Array("0123456789abcdef")
        return String(hasher.finish().flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] })
    }
}
