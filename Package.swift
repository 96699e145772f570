// swift-tools-version:6.0
// Switchboard: plug any HTTP API into a company's AI agents. Module map: DESIGN.md / README.md.
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Switchboard",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "switchboard", targets: ["switchboard"]),
        .library(name: "HTTPCore", targets: ["HTTPCore"]),
        .library(name: "Web", targets: ["Web"]),
        .library(name: "Templates", targets: ["Templates"]),
        .library(name: "SQLite", targets: ["SQLite"]),
        .library(name: "Cryptography", targets: ["Cryptography"]),
        .library(name: "YAML", targets: ["YAML"]),
        .library(name: "OpenAPI", targets: ["OpenAPI"]),
        .library(name: "Core", targets: ["Core"]),
        .library(name: "App", targets: ["App"]),
        .library(name: "AppTesting", targets: ["AppTesting"]),
    ],
    targets: [
        // C system libraries (Debian: libsqlite3-dev libssl-dev libargon2-dev libyaml-dev).
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3"),
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl"),
        .systemLibrary(name: "CArgon2", pkgConfig: "libargon2"),
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1"),
        // Linux headers Glibc leaves out (epoll, eventfd); nothing to link.
        .systemLibrary(name: "CLinux"),

        // General libraries: no word of integrations or agents in them.
        .target(name: "HTTPCore", dependencies: ["COpenSSL", "CLinux"], swiftSettings: strict),
        .target(name: "Web", dependencies: ["HTTPCore"], swiftSettings: strict),
        .target(name: "Templates", swiftSettings: strict),
        .target(name: "SQLite", dependencies: ["CSQLite"], swiftSettings: strict),
        .target(name: "Cryptography", dependencies: ["COpenSSL", "CArgon2"], swiftSettings: strict),
        .target(name: "YAML", dependencies: ["CYAML"], swiftSettings: strict),
        .target(name: "OpenAPI", dependencies: ["YAML"], swiftSettings: strict),

        // The product.
        .target(
            name: "Core", dependencies: ["OpenAPI", "HTTPCore", "SQLite", "Cryptography"],
            swiftSettings: strict),
        .target(name: "App", dependencies: ["Web", "Templates", "Core"], swiftSettings: strict),
        .target(name: "AppTesting", dependencies: ["App", "HTTPCore"], swiftSettings: strict),
        .executableTarget(name: "switchboard", dependencies: ["App"], swiftSettings: strict),

        // Tests: Tests/<Module>Tests mirrors Sources/<Module>.
        .testTarget(
            name: "HTTPCoreTests", dependencies: ["HTTPCore"], exclude: ["Fixtures/client"], swiftSettings: strict),
        .testTarget(name: "WebTests", dependencies: ["Web", "HTTPCore"], swiftSettings: strict),
        .testTarget(
            name: "TemplatesTests", dependencies: ["Templates"],
            resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "SQLiteTests", dependencies: ["SQLite"], swiftSettings: strict),
        .testTarget(name: "CryptographyTests", dependencies: ["Cryptography"], swiftSettings: strict),
        .testTarget(name: "YAMLTests", dependencies: ["YAML"], swiftSettings: strict),
        .testTarget(
            name: "OpenAPITests", dependencies: ["OpenAPI"], resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "CoreTests", dependencies: ["Core", "AppTesting"], swiftSettings: strict),
        .testTarget(name: "AppTests", dependencies: ["App", "AppTesting"], swiftSettings: strict),
    ]
)
