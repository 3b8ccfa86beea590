// swift-tools-version:6.0
import PackageDescription

// Layers, each looking only down: model ← store; toolkit ← ncurses backend; app ← all; liangxin ← app.
let package = Package(
    name: "Liangxin",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "liangxin", targets: ["liangxin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .target(name: "LiangxinModel"),
        .target(name: "LiangxinStore", dependencies: [
            "LiangxinModel",
            .product(name: "GRDB", package: "GRDB.swift"),
            // The SQLite C API, for the few hot loops where GRDB's per-column decoding is most of the time (issue 8): the coverage scan, the secretaries' attendance.
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "TOMLKit", package: "TOMLKit"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "TermKit", dependencies: [
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(name: "NcursesBackend", dependencies: ["TermKit", "CNcursesw"]),
        .target(name: "LiangxinApp", dependencies: ["LiangxinModel", "LiangxinStore", "TermKit"]),
        .executableTarget(name: "liangxin", dependencies: [
            "LiangxinApp", "LiangxinStore", "LiangxinModel", "TermKit", "NcursesBackend",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Release-mode benchmark of every panel on a generated province (README: Benchmark).
        .executableTarget(name: "liangxin-bench", dependencies: [
            "LiangxinApp", "LiangxinStore", "LiangxinModel", "TermKit", "NcursesBackend",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Fixtures shared by the store and app tests (counted by hand once, used by both).
        .target(name: "LiangxinTestSupport", dependencies: [
            "LiangxinModel", "LiangxinStore", .product(name: "GRDB", package: "GRDB.swift"),
        ], path: "Tests/LiangxinTestSupport"),
        .testTarget(name: "LiangxinModelTests", dependencies: ["LiangxinModel"]),
        .testTarget(name: "LiangxinStoreTests", dependencies: [
            "LiangxinStore", "LiangxinModel", "LiangxinTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "TermKitTests", dependencies: ["TermKit"]),
        .testTarget(name: "LiangxinAppTests", dependencies: ["LiangxinApp", "LiangxinStore", "LiangxinModel", "TermKit", "LiangxinTestSupport"]),
        // Drives the real `liangxin` binary in tmux; depending on it makes `swift test` build it first.
        .testTarget(name: "EndToEndTests", dependencies: ["liangxin"]),
        .testTarget(name: "LiangxinBenchTests", dependencies: [
            "liangxin-bench", "LiangxinStore", "LiangxinModel", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
