import CZstd

/// zstd compression of single event payloads, with or without a trained dictionary.
///
/// Frames are written magicless, without checksum, content size or dictionary id:
/// the record already stores the raw length and the dictionary id, and the
/// integrity chain guards the bytes, so those 8+ bytes per event would be waste.
/// A compressor is used by one thread at a time (hence unchecked Sendable: the
/// parallel compressor hands each one to exactly one worker).
final class ZstdCompressor: @unchecked Sendable {
    private let cctx: OpaquePointer
    private var dictionaries: [UInt32: OpaquePointer] = [:]
    let level: Int32

    init(level: Int32 = 3) throws(EventStoreError) {
        guard let cctx = ZSTD_createCCtx() else { throw .compression(reason: "cannot allocate a zstd context") }
        self.cctx = cctx
        self.level = level
        ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, level)
        ZSTD_CCtx_setParameter(cctx, ZSTD_c_contentSizeFlag, 0)
        ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 0)
        ZSTD_CCtx_setParameter(cctx, ZSTD_c_dictIDFlag, 0)
        ZSTD_CCtx_setParameter(cctx, ZSTD_cParameter(rawValue: UInt32(practica_zstd_c_format)), practica_zstd_magicless)
    }

    deinit {
        ZSTD_freeCCtx(cctx)
        for (_, dict) in dictionaries { ZSTD_freeCDict(dict) }
    }

    func hasDictionary(_ id: UInt32) -> Bool { dictionaries[id] != nil }

    func addDictionary(id: UInt32, bytes: [UInt8]) throws(EventStoreError) {
        guard dictionaries[id] == nil else { return }
        selectedDictionary = .max
        let cdict = bytes.withUnsafeBytes { ZSTD_createCDict($0.baseAddress, $0.count, level) }
        guard let cdict else { throw .compression(reason: "dictionary \(id) cannot be loaded") }
        dictionaries[id] = cdict
    }

    private var scratch = [UInt8](repeating: 0, count: 4096)
    private var selectedDictionary: UInt32 = .max

    /// Compresses `input` with dictionary `id` (0 = none) into a reused buffer and hands
    /// the result to `body`; the bytes are only valid inside it. `body` gets nil when
    /// compression would not make the payload smaller, so tiny payloads are stored as they are.
    func compress<T>(_ input: [UInt8], dictionary id: UInt32,
                     _ body: (UnsafeRawBufferPointer?) throws -> T) throws -> T {
        guard !input.isEmpty else { return try body(nil) }
        if id != selectedDictionary {
            let cdict = id == 0 ? nil : dictionaries[id]
            if id != 0 && cdict == nil { throw EventStoreError.compression(reason: "dictionary \(id) is not loaded") }
            ZSTD_CCtx_refCDict(cctx, cdict)
            selectedDictionary = id
        }
        let capacity = ZSTD_compressBound(input.count)
        if scratch.count < capacity { scratch = [UInt8](repeating: 0, count: capacity) }
        return try scratch.withUnsafeMutableBytes { out in
            let written = input.withUnsafeBytes { inp in
                ZSTD_compress2(cctx, out.baseAddress, capacity, inp.baseAddress, inp.count)
            }
            if ZSTD_isError(written) != 0 {
                throw EventStoreError.compression(reason: String(cString: ZSTD_getErrorName(written)))
            }
            guard written < input.count else { return try body(nil) }
            return try body(UnsafeRawBufferPointer(rebasing: out[0..<written]))
        }
    }
}

/// The matching decompressor; each reader owns one (zstd contexts are not thread-safe).
final class ZstdDecompressor {
    private let dctx: OpaquePointer
    private var dictionaries: [UInt32: OpaquePointer] = [:]

    init() throws(EventStoreError) {
        guard let dctx = ZSTD_createDCtx() else { throw .compression(reason: "cannot allocate a zstd context") }
        self.dctx = dctx
        ZSTD_DCtx_setParameter(dctx, ZSTD_dParameter(rawValue: UInt32(practica_zstd_d_format)), practica_zstd_magicless)
    }

    deinit {
        ZSTD_freeDCtx(dctx)
        for (_, dict) in dictionaries { ZSTD_freeDDict(dict) }
    }

    func hasDictionary(_ id: UInt32) -> Bool { dictionaries[id] != nil }

    func addDictionary(id: UInt32, bytes: [UInt8]) throws(EventStoreError) {
        guard dictionaries[id] == nil else { return }
        let ddict = bytes.withUnsafeBytes { ZSTD_createDDict($0.baseAddress, $0.count) }
        guard let ddict else { throw .compression(reason: "dictionary \(id) cannot be loaded") }
        dictionaries[id] = ddict
    }

    /// Decompresses into `output`, replacing what it held; its capacity is reused.
    func decompress(_ input: UnsafeRawBufferPointer, rawLength: Int, dictionary id: UInt32,
                    into output: inout [UInt8]) throws(EventStoreError) {
        let ddict = id == 0 ? nil : dictionaries[id]
        if id != 0 && ddict == nil { throw .storeCorrupt(reason: "record names dictionary \(id), which the store does not hold") }
        ZSTD_DCtx_refDDict(dctx, ddict)
        output.removeAll(keepingCapacity: true)
        output.append(contentsOf: repeatElement(0, count: rawLength))
        let n = output.withUnsafeMutableBytes { buffer in
            ZSTD_decompressDCtx(dctx, buffer.baseAddress, rawLength, input.baseAddress, input.count)
        }
        if ZSTD_isError(n) != 0 || n != rawLength {
            output.removeAll(keepingCapacity: true)
            let reason = ZSTD_isError(n) != 0 ? String(cString: ZSTD_getErrorName(n)) : "length differs from the record's"
            throw .storeCorrupt(reason: "payload does not decompress: \(reason)")
        }
    }
}

/// Trains a zstd dictionary from sample payloads (ZDICT in libzstd).
enum DictionaryTrainer {
    static func train(samples: [[UInt8]], capacity: Int) throws(EventStoreError) -> [UInt8] {
        guard samples.count >= 16 else { throw .dictionaryTraining(reason: "only \(samples.count) samples; at least 16 are needed") }
        var concatenated: [UInt8] = []
        var sizes: [Int] = []
        concatenated.reserveCapacity(samples.reduce(0) { $0 + $1.count })
        for s in samples {
            concatenated.append(contentsOf: s)
            sizes.append(s.count)
        }
        var dict = [UInt8](repeating: 0, count: capacity)
        let n = dict.withUnsafeMutableBytes { d in
            concatenated.withUnsafeBytes { c in
                sizes.withUnsafeBufferPointer { sz in
                    ZDICT_trainFromBuffer(d.baseAddress, d.count, c.baseAddress, sz.baseAddress, UInt32(sz.count))
                }
            }
        }
        if ZDICT_isError(n) != 0 {
            throw .dictionaryTraining(reason: String(cString: ZDICT_getErrorName(n)))
        }
        dict.removeSubrange(n...)
        return dict
    }
}
