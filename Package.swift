// swift-tools-version:6.1
import PackageDescription

/// A release build links the Swift runtime and Foundation statically (as `--static-swift-stdlib`
/// does): a command starts in about 9 ms instead of 16, without relocating ICU and Foundation at
/// every start (Docs/PERFORMANCE.md). Debug builds and tests stay dynamic (faster to link).
let staticRelease: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
let staticReleaseLink: [LinkerSetting] = [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]

/// tafel: a terminal application for the Dutch multidisciplinary case conference.
///
/// Module split (see Docs/DECISIONS.md): a pure domain core, a store behind a protocol,
/// a terminal toolkit whose only curses code sits in one backend file, and the app
/// (state, reducer, screens, runtime). Executables only parse arguments and wire parts.
let package = Package(
    name: "tafel",
    defaultLocalization: "nl",
    products: [
        .executable(name: "tafel", targets: ["tafel"]),
        .executable(name: "tafel-bench", targets: ["tafel-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", exact: "0.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(name: "TextSafety", swiftSettings: staticRelease),
        .target(name: "CTerminal"),
        .target(name: "TerminalKit", dependencies: ["CNcursesw", "CTerminal", "TextSafety"], swiftSettings: staticRelease),
        .target(name: "TafelCore", dependencies: ["TextSafety"], exclude: ["Resources"], swiftSettings: staticRelease),
        .target(name: "TafelStore", dependencies: [
            "TafelCore",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: staticRelease),
        .target(name: "TafelPostgres", dependencies: [
            "TafelCore",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
        ], swiftSettings: staticRelease),
        .target(name: "TafelApp", dependencies: ["TafelCore", "TerminalKit"], exclude: ["Resources"], swiftSettings: staticRelease),
        .executableTarget(name: "tafel", dependencies: [
            "TafelApp", "TafelStore", "TafelCore", "TerminalKit", "TafelPostgres",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "TOMLKit", package: "TOMLKit"),
        ], swiftSettings: staticRelease, linkerSettings: staticReleaseLink),
        .executableTarget(name: "tafel-bench", dependencies: ["TafelApp", "TafelStore", "TafelCore", "TerminalKit", .product(name: "GRDB", package: "GRDB.swift")],
                          swiftSettings: staticRelease, linkerSettings: staticReleaseLink),
        .executableTarget(name: "tafel-crashwriter", dependencies: ["TafelStore", "TafelCore"], swiftSettings: staticRelease, linkerSettings: staticReleaseLink),
        .target(name: "TestSupport", dependencies: ["TafelCore", "TerminalKit"], path: "Tests/TestSupport"),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit", "TextSafety", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "TafelCoreTests", dependencies: ["TafelCore", "TestSupport"]),
        .testTarget(name: "TafelStoreTests", dependencies: ["TafelStore", "TafelCore", "TestSupport"]),
        .testTarget(name: "TafelAppTests", dependencies: ["TafelApp", "TafelStore", "TafelCore", "TerminalKit", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "PostgresTests", dependencies: ["TafelPostgres", "TafelCore", "TafelStore", "TestSupport", .product(name: "PostgresNIO", package: "postgres-nio")]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", .product(name: "SwiftCSV", package: "SwiftCSV")]),
    ],
    swiftLanguageModes: [.v6]
)
