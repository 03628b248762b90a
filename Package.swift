// swift-tools-version: 6.0
import PackageDescription

// Dependencies point one way: smaudit → AuditShell → (AuditKit, AuditReport, PresenceData, LineEditor).
// AuditKit knows nothing of terminals; LineEditor knows nothing of audits.
let package = Package(
    name: "smaudit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "smaudit", targets: ["smaudit"]),
        .library(name: "AuditKit", targets: ["AuditKit"]),
        .library(name: "LineEditor", targets: ["LineEditor"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        // libedit, found through pkg-config; the shims wrap its variadic C calls.
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(name: "CLibEditShims", dependencies: ["CLibEdit"]),
        .target(name: "LineEditor", dependencies: ["CLibEditShims"]),

        // AuditKit reads YAML through the libyaml inside Yams (`import CYaml`, which the Yams
        // product brings along), event by event; see Loading/YAMLComposer.swift for why.
        .target(name: "AuditKit", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "AuditReport", dependencies: ["AuditKit", "JSONText"]),
        .target(name: "PresenceData", dependencies: ["JSONText"]),
        // The ordered JSON tree both the report and the measurement write.
        .target(name: "JSONText"),

        // Built-in checklists are compiled into the binary so any install finds them.
        .executableTarget(name: "EmbedChecklistsTool", path: "Sources/EmbedChecklistsTool"),
        .plugin(name: "EmbedChecklists", capability: .buildTool(), dependencies: ["EmbedChecklistsTool"]),
        .target(name: "BuiltinChecklists", plugins: ["EmbedChecklists"]),

        .target(
            name: "AuditShell",
            dependencies: ["AuditKit", "AuditReport", "PresenceData", "LineEditor", "BuiltinChecklists"]
        ),
        .executableTarget(
            name: "smaudit",
            dependencies: ["AuditShell", "AuditKit", "PresenceData", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        .target(name: "CTestSupport"),
        .target(name: "TestSupport", dependencies: ["CTestSupport"]),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
        // Yams is the reference the libyaml-event composer is compared with.
        .testTarget(name: "AuditKitTests", dependencies: ["AuditKit", "TestSupport", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "AuditReportTests", dependencies: ["AuditReport", "TestSupport"], exclude: ["Golden"]),
        // Fixtures: one export of each recognised layout (SOURCES.md says where each header is from).
        .testTarget(name: "PresenceDataTests", dependencies: ["PresenceData", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "JSONTextTests", dependencies: ["JSONText", "TestSupport"]),
        .testTarget(
            name: "BuiltinChecklistTests",
            dependencies: ["AuditKit", "AuditReport", "BuiltinChecklists", "TestSupport", .product(name: "Yams", package: "Yams")],
            exclude: ["Golden"]
        ),
        .testTarget(name: "ShellEndToEndTests", dependencies: ["TestSupport", "smaudit"]),
    ],
    swiftLanguageModes: [.v6]
)
