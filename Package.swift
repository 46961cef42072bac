// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Practica",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "practica", targets: ["practica"]),
    ],
    targets: [
        // C libraries from Debian, wrapped and nothing more.
        .systemLibrary(name: "CLMDB", path: "Sources/CLMDB", providers: [.apt(["liblmdb-dev"])]),
        .systemLibrary(name: "CZstd", path: "Sources/CZstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CSodium", path: "Sources/CSodium", providers: [.apt(["libsodium-dev"])]),
        .systemLibrary(name: "CMicroHTTPD", path: "Sources/CMicroHTTPD", providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),

        // Explicit little binary reader/writer and JSON values shared by the log and the domain.
        .target(name: "BinaryCodec"),
        // The append-only store. Knows nothing of medicine.
        .target(name: "EventLog", dependencies: ["CLMDB", "CZstd", "CSodium", "BinaryCodec"]),
        // HTTP server (libmicrohttpd) and client (libcurl): bytes in, bytes out; knows nothing of Practica.
        .target(name: "HTTPKit", dependencies: ["CMicroHTTPD", "CCurl"]),
        // Argument parsing, help text, tables, progress bars.
        .target(name: "CLIKit"),
        // EDI: tokenizer, writer and the transaction sets.
        .target(name: "X12"),
        // The domain: value types, events, pure decisions; builds 837P inputs and reads 999/277CA results via X12.
        .target(name: "RevenueCycle", dependencies: ["BinaryCodec", "X12"]),
        // Read models and the runner that keeps them caught up.
        .target(name: "Projections", dependencies: ["EventLog", "RevenueCycle", "BinaryCodec"], path: "Projections"),
        // SVG charts, the static HTML dashboard and terminal bar charts, from plain labels and Int64 values.
        .target(name: "Charts"),
        .target(name: "PracticaCLI", dependencies: ["CLIKit", "HTTPKit", "CSodium", "Charts", "EventLog", "RevenueCycle", "Projections", "X12", "BinaryCodec"]),
        .executableTarget(name: "practica", dependencies: ["PracticaCLI", "EventLog"]),
        .executableTarget(name: "PracticaBench", dependencies: ["HTTPKit", "EventLog", "RevenueCycle", "BinaryCodec", "CLMDB", "Projections"]),
        // Seeded mutation fuzzing of the X12 readers (tools/fuzz); the core is a library so a unit test keeps it honest.
        .target(name: "X12Fuzzing", dependencies: ["X12"]),
        .executableTarget(name: "PracticaFuzz", dependencies: ["X12Fuzzing"]),

        // Test helpers shared by several test targets (the pyx12 harness).
        .target(name: "PracticaTestSupport", path: "Tests/Support"),

        .testTarget(name: "BinaryCodecTests", dependencies: ["BinaryCodec"]),
        .testTarget(name: "EventLogTests", dependencies: ["EventLog", "BinaryCodec", "CLMDB"]),
        .testTarget(name: "CLIKitTests", dependencies: ["CLIKit"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"]),
        .testTarget(name: "X12Tests", dependencies: ["PracticaTestSupport", "X12", "X12Fuzzing"]),
        .testTarget(name: "RevenueCycleTests", dependencies: ["PracticaTestSupport", "RevenueCycle", "BinaryCodec", "X12"]),
        .testTarget(name: "ProjectionsTests", dependencies: ["Projections", "EventLog", "RevenueCycle"]),
        .testTarget(name: "PracticaCLITests", dependencies: ["PracticaTestSupport", "PracticaCLI", "HTTPKit", "EventLog", "RevenueCycle", "BinaryCodec", "X12"]),
    ]
)
