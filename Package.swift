// swift-tools-version:6.1
import PackageDescription

// MARK: - Dependencies, each for a reason

let dependencies: [Package.Dependency] = [
    // YAML with line/column marks: every configuration error names file:line:column.
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    // Local command-line flags, --help and --replay for every step executable.
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // SHA-256 (plan checksums, sync state) and AES-GCM (sealed replay files); Linux has no CryptoKit.
    .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    // The `template` strategy: a spec-conformant, logic-less Mustache engine.
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    // Test-only: a real HTTP server on 127.0.0.1 that plays GitHub and Slack in tests.
    .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    // SMTP for notify: Foundation's streams have no TLS on Linux. swift-nio gives the TCP client
    // with bounded connect and read time-outs, swift-nio-ssl the TLS (implicit TLS and STARTTLS
    // upgrade of the live connection, certificate and host-name checks): it replaces a
    // hand-written TLS stack. The SMTP protocol itself is written here (Notify/Email/SMTP).
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    // The one HTTP transport of the GitHub and Slack clients: each request sent once, never
    // re-sent on a fresh connection on its own (FoundationNetworking's libcurl did, without the
    // body), no redirects, a deadline per exchange; on the swift-nio and swift-nio-ssl above.
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
]

// MARK: - Core libraries

var targets: [Target] = [
    // One diagnostic (severity, message, location, hint, rule) for every finding and error, and
    // what the collected ones mean for the exit code. No dependencies: every area reports through it.
    .target(name: "Diagnostics"),
    .target(
        name: "ActionsRuntime",
        dependencies: ["Diagnostics", .product(name: "Crypto", package: "swift-crypto")]
    ),
    // JSON values and a JSON Schema draft 2020-12 validator (no Swift package for it exists here).
    .target(name: "JSONSchema"),
    // The base every area builds on: configuration nodes and their errors, globs and CODEOWNERS,
    // bounded regexes, SARIF, git and processes, checksums, repository names and paths.
    .target(
        name: "SyncCore",
        dependencies: ["Diagnostics", "JSONSchema", "Yams", .product(name: "Crypto", package: "swift-crypto")]
    ),
    // A Markdown scanner (links, headings, anchors, fenced code, frontmatter) with GitHub's heading
    // slugs: validation's link check and governance's frontmatter rule read Markdown alike.
    .target(name: "MarkdownScan", dependencies: ["Diagnostics", "SyncCore"]),
    // The sync domain: rules, planning, transforms and templates, merge, sync state, validation,
    // secret scan, results and pull request bodies.
    .target(
        name: "SyncKit",
        dependencies: [
            "Diagnostics", "SyncCore", "MarkdownScan", "JSONSchema", "Yams",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Mustache", package: "swift-mustache"),
        ],
        // The secret-scan rule set is a data file compiled into the binary: no bundle to ship.
        resources: [.embedInCode("SecretScan/secret-rules.yaml")]
    ),
    .target(
        name: "Secrets",
        dependencies: ["ActionsRuntime", "Diagnostics", "SyncCore"]
    ),
    // The governance policy, its rule types, exemptions and the audit's reports.
    .target(
        name: "Governance",
        dependencies: ["Diagnostics", "SyncCore", "MarkdownScan", "JSONSchema", "Yams"]
    ),
    // zlib from the system (zlib1g-dev): PNG's IDAT stream and CRC-32, with no hand-written deflate.
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    // Deterministic glyph SVGs, an SVG-subset parser and rasterizer, and a PNG encoder.
    .target(name: "Glyphs", dependencies: ["CZlib", "Diagnostics"]),
    .target(
        name: "Forge",
        dependencies: [
            "ActionsRuntime", "Diagnostics", "SyncCore",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ]
    ),
    // Results to Slack (Block Kit webhook), email (SMTP, MIME) and a GitHub status issue.
    .target(
        name: "Notify",
        dependencies: [
            "Diagnostics", "SyncCore", "SyncKit", "Forge",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ]
    ),
    // Delivery downstream: merge with overrides, commit with the state, one PR per rule; drift; rollback.
    .target(name: "Delivery", dependencies: ["Diagnostics", "SyncCore", "SyncKit", "Forge"]),
    .target(
        name: "Steps",
        dependencies: [
            "ActionsRuntime", "Diagnostics", "SyncCore", "MarkdownScan", "SyncKit", "Secrets", "Forge", "Governance", "Delivery", "Glyphs", "Notify",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]
    ),
]

// MARK: - Executables: one thin @main file each

let executables = ["validate-secrets", "governance-audit", "render-glyphs", "plan-sync", "validate-sync", "preview-sync", "open-sync-pr", "detect-drift", "rollback-sync", "notify", "local-forge"]
targets += executables.map { name in
    .executableTarget(name: name, dependencies: ["Steps"], path: "Sources/Executables/\(name)")
}

// Benchmarks (scripts/bench): in-process timings of the core, side by side with reference tools;
// the GitHub forge's against the fake GitHub server of TestSupport.
targets.append(.executableTarget(name: "flash-bench", dependencies: ["SyncCore", "SyncKit", "Glyphs", "Forge", "Steps", "StepTestSupport", "TestSupport"]))

// MARK: - Tests

targets += [
    // Temporary folders, git fixtures, goldens, the fake GitHub, the conformance data and the
    // Python oracles. It depends on no step, so a library's tests build only that library.
    .target(
        name: "TestSupport",
        dependencies: [
            "ActionsRuntime", "SyncCore", "SyncKit",
            .product(name: "FlyingFox", package: "FlyingFox"),
            // SHA-1 for the fake GitHub's tree and commit ids, SHA-256 for its ETags.
            .product(name: "Crypto", package: "swift-crypto"),
        ],
        path: "Tests/TestSupport"
    ),
    // Runs a step in process as the runner would; for the tests of the steps only.
    .target(name: "StepTestSupport", dependencies: ["ActionsRuntime", "Steps", "TestSupport"], path: "Tests/StepTestSupport"),
    .testTarget(name: "ActionsRuntimeTests", dependencies: ["Diagnostics", "ActionsRuntime", "TestSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "GlyphsTests", dependencies: ["Diagnostics", "Glyphs", "TestSupport"], exclude: ["Golden", "SVGSet"]),
    .testTarget(name: "JSONSchemaTests", dependencies: ["JSONSchema", "TestSupport"]),
    .testTarget(name: "SyncKitTests", dependencies: ["Diagnostics", "SyncCore", "MarkdownScan", "SyncKit", "TestSupport"], exclude: ["Planning/Golden", "Validation/Golden", "Oracles"]),
    .testTarget(name: "GovernanceTests", dependencies: ["Diagnostics", "Governance", "SyncCore", "SyncKit", "JSONSchema", "Steps", "StepTestSupport", "TestSupport"], exclude: ["Golden"]),
    .testTarget(name: "StepsTests", dependencies: ["Diagnostics", "Steps", "SyncCore", "SyncKit", "Forge", "Delivery", "Glyphs", "StepTestSupport", "TestSupport"], exclude: ["Monitoring/Golden", "Rollback/Golden", "Delivery/Golden", "HTTP/drop_server.py", "Oracles"]),
    .testTarget(
        name: "NotifyTests",
        dependencies: ["Diagnostics", "Notify", "Steps", "SyncCore", "SyncKit", "Forge", "StepTestSupport", "TestSupport"],
        // Results fixtures and the aiosmtpd test server, read from their paths at test time.
        exclude: ["Fixtures", "Support/smtp_test_server.py"]
    ),
]

// MARK: - Language settings, switched on for every target in one place

for target in targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),
    ]
}

let package = Package(
    name: "flash-sync",
    platforms: [.macOS(.v14)],
    products: executables.map { .executable(name: $0, targets: [$0]) },
    dependencies: dependencies,
    targets: targets,
    swiftLanguageModes: [.v6]
)
