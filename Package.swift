// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "fleet",
    platforms: [.macOS(.v15)],  // Synchronization.Mutex needs macOS 15; no effect on Linux
    products: [
        .executable(name: "fleet", targets: ["fleet"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "Clibgit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]
        ),
        .target(name: "GitKit", dependencies: ["Clibgit2"]),
        // libcurl through dlopen, for the Gerrit REST calls: nothing links it, so fleet's start does not load it.
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl")]),
        .target(
            name: "FleetKit",
            dependencies: [
                "GitKit",
                "CCurl",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "fleet",
            dependencies: [
                "FleetKit",
                "GitKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "fleet-bench",
            dependencies: ["FleetKit", "GitKit"],
            path: "benchmarks/Sources/fleet-bench"
        ),
        .target(
            name: "FleetTestSupport",
            dependencies: ["FleetKit", "GitKit"],
            path: "Tests/FleetTestSupport"
        ),
        .testTarget(name: "GitKitTests", dependencies: ["GitKit", "FleetTestSupport"]),
        .testTarget(name: "FleetKitTests", dependencies: ["FleetKit", "GitKit", "FleetTestSupport"]),
        .testTarget(name: "FleetEndToEndTests", dependencies: ["FleetKit", "GitKit", "FleetTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
