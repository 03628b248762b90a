// swift-tools-version: 6.0
import PackageDescription

// Dependencies point one way (a target also names the lower modules whose types it uses):
// smaudit → (AuditShell, AuditOptions, AuditServices, swift-argument-parser); AuditShell →
// (AuditServices, AuditOptions, LineEditor, swift-argument-parser); AuditOptions →
// (AuditServices, swift-argument-parser); AuditServices → (AuditKit, AuditReport, PresenceData, BuiltinChecklists, Threads); AuditReport →
// (AuditKit, PresenceData for a metric's words, JSONText, Threads); AuditKit → (CLibYAML, CivilCalendar, TextTrim, Threads);
// PresenceData → (JSONText, CivilCalendar, TextTrim, Threads). Only LineEditor, AuditShell and smaudit know of
// terminals (the import's progress line is smaudit's); LineEditor knows nothing of audits.
// What ships links the C libraries libedit and libyaml from the system and, through
// swift-argument-parser, FoundationEssentials; no shipped target imports Foundation (its ICU
// data alone is 34 MB; only the build tool EmbedChecklistsTool and the tests' TestSupport do).
// Yams is for tests only: the reference YAMLComposer is compared with.
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
        // Tests only: the reference the YAML composer is compared with.
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

        // libyaml, found through pkg-config; AuditKit reads its events (Loading/YAMLComposer.swift).
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "AuditKit", dependencies: ["CLibYAML", "CivilCalendar", "TextTrim", "Threads"]),
        .target(name: "AuditReport", dependencies: ["AuditKit", "CivilCalendar", "JSONText", "PresenceData", "Threads"]),
        .target(name: "PresenceData", dependencies: ["JSONText", "CivilCalendar", "TextTrim", "Threads"]),
        // Jobs on threads of their own, for the engine's and the import's second core.
        .target(name: "Threads"),
        // The ordered JSON tree both the report and the measurement write.
        .target(name: "JSONText"),
        // Day arithmetic both the audit's dates and the exports' days use.
        .target(name: "CivilCalendar"),
        // The one trim every module shares.
        .target(name: "TextTrim"),

        // Built-in checklists are compiled into the binary so any install finds them.
        // The tool loads them too, so `list` can show the built-ins without parsing them.
        .executableTarget(name: "EmbedChecklistsTool", dependencies: ["AuditKit"], path: "Sources/EmbedChecklistsTool"),
        .plugin(name: "EmbedChecklists", capability: .buildTool(), dependencies: ["EmbedChecklistsTool"]),
        .target(name: "BuiltinChecklists", plugins: ["EmbedChecklists"]),

        // What the command line and the shell both do: find checklists, open and save sessions,
        // render reports, measure into a session. No terminal code.
        .target(
            name: "AuditServices",
            dependencies: ["AuditKit", "AuditReport", "PresenceData", "BuiltinChecklists", "CivilCalendar", "Threads"]
        ),
        // The options the shell and the command line share (`measure`, `report`, `score`), each
        // declared once and parsed by swift-argument-parser in both.
        .target(
            name: "AuditOptions",
            dependencies: ["AuditServices", "AuditReport", "PresenceData", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .target(
            name: "AuditShell",
            dependencies: ["AuditServices", "AuditOptions", "AuditKit", "AuditReport", "PresenceData", "LineEditor", "BuiltinChecklists", "CivilCalendar",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "smaudit",
            dependencies: ["AuditShell", "AuditServices", "AuditOptions", "AuditKit", "PresenceData", "LineEditor", "CivilCalendar",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
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
            dependencies: ["AuditKit", "AuditReport", "AuditServices", "BuiltinChecklists", "TestSupport", .product(name: "Yams", package: "Yams")],
            exclude: ["Golden", "Fixtures"]
        ),
        // The shell in this process: lines driven through the conversation, no subprocess.
        .testTarget(name: "AuditShellTests", dependencies: ["AuditShell", "AuditOptions", "AuditServices", "AuditKit", "AuditReport",
                                                         "PresenceData", "LineEditor", "TestSupport",
                                                         .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // Runs the built binary; AuditKit gives the in-process reference for the system libyaml check,
        // and the progress line, which lives in the executable, is tested in process.
        .testTarget(name: "ShellEndToEndTests", dependencies: ["TestSupport", "smaudit", "AuditKit", "PresenceData"]),
    ],
    swiftLanguageModes: [.v6]
)

// Every Swift target sees only the members of modules it imports itself, so an import that
// leaks in through another file (as Foundation once did) cannot hide a dependency again.
for target in package.targets where target.type != .system && target.type != .plugin {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("MemberImportVisibility")]
}
