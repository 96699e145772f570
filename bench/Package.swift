// swift-tools-version:6.0
// Benchmarks, kept apart so the product carries no benchmark code. Build in release:
//   swift build -c release --package-path bench
import PackageDescription

let package = Package(
    name: "SwitchboardBench",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Switchboard", path: "..")],
    targets: [
        .target(
            name: "BenchSupport",
            dependencies: [
                .product(name: "HTTPCore", package: "Switchboard"), .product(name: "Core", package: "Switchboard"),
                .product(name: "OpenAPI", package: "Switchboard"), .product(name: "Cryptography", package: "Switchboard"),
                .product(name: "SQLite", package: "Switchboard"), .product(name: "AppTesting", package: "Switchboard"),
            ]),
        .executableTarget(
            name: "BenchServer",
            dependencies: [
                .product(name: "HTTPCore", package: "Switchboard"),
                .product(name: "Web", package: "Switchboard"),
                .product(name: "Templates", package: "Switchboard"),
            ]),
        .executableTarget(
            name: "TemplateBench", dependencies: [.product(name: "Templates", package: "Switchboard")]),
        .executableTarget(
            name: "SQLiteBench", dependencies: [.product(name: "SQLite", package: "Switchboard")]),
        .executableTarget(
            name: "OpenAPIBench", dependencies: [.product(name: "OpenAPI", package: "Switchboard")]),
        .executableTarget(
            name: "ActionsBench",
            dependencies: [
                "BenchSupport", .product(name: "Core", package: "Switchboard"), .product(name: "HTTPCore", package: "Switchboard"),
                .product(name: "OpenAPI", package: "Switchboard"), .product(name: "Cryptography", package: "Switchboard"),
                .product(name: "SQLite", package: "Switchboard"), .product(name: "AppTesting", package: "Switchboard"),
            ]),
        .executableTarget(
            name: "TurnBench",
            dependencies: [
                "BenchSupport", .product(name: "Core", package: "Switchboard"), .product(name: "HTTPCore", package: "Switchboard"),
                .product(name: "OpenAPI", package: "Switchboard"), .product(name: "Cryptography", package: "Switchboard"),
                .product(name: "SQLite", package: "Switchboard"), .product(name: "AppTesting", package: "Switchboard"),
            ]),
    ]
)
