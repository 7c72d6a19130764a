// swift-tools-version:6.2
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "howto",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "howto", targets: ["HowtoCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.8.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/swiftlang/swift-subprocess.git", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.8.1"),
    ],
    targets: [
        // C library: libcmark from the system (apt libcmark-dev).
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),

        // Source positions and located diagnostics shared by every parser.
        .target(name: "Diagnostics", swiftSettings: strict),
        // Text made safe for web pages: HTML escaping and Jekyll's slugs, for Liquid, Markdown and the site.
        .target(name: "WebText", swiftSettings: strict),
        // Code highlighting (shell, YAML, JSON, HCL, HTTP) for the site and the walk.
        .target(name: "Highlight", swiftSettings: strict),
        // Markdown over libcmark: parse, IAL attachment, HTML rendering with hooks.
        .target(name: "Markdown", dependencies: ["CCmark", "Diagnostics", "Highlight", "WebText"], swiftSettings: strict),
        // The Liquid subset used in content (hand-written: no maintained Swift Liquid library).
        .target(name: "Liquid", dependencies: ["Diagnostics", "WebText"], swiftSettings: strict),
        // The executable plan of a how-to: steps, attributes, sources.
        .target(name: "HowToPlan", dependencies: ["Diagnostics"], swiftSettings: strict),
        // YAML with bounded size, alias expansion and nesting: the one way untrusted YAML is read.
        .target(name: "BoundedYAML", dependencies: [.product(name: "Yams", package: "Yams")], swiftSettings: strict),
        // The page model: front matter, includes, site data, Kong blocks, step extraction.
        .target(name: "HowTo", dependencies: [
            "Markdown", "Liquid", "HowToPlan", "Diagnostics", "BoundedYAML", "WebText",
            .product(name: "Yams", package: "Yams"),
        ], swiftSettings: strict),
        // The docs site: templates, pages, index, tags, search, sitemap, link check.
        .target(name: "Site", dependencies: [
            "HowTo", "Markdown", "Liquid", "Diagnostics", "WebText",
            .product(name: "Mustache", package: "swift-mustache"),
        ], swiftSettings: strict, plugins: ["EmbedTemplates"]),
        // Writes templates/ into the Site module as string literals (run by the EmbedTemplates build plugin).
        .executableTarget(name: "TemplateEmbedder", swiftSettings: strict),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["TemplateEmbedder"]),
        // Reads the version and commit with git before each build of the CLI (`howto --version`, reports).
        .plugin(name: "BuildInfo", capability: .buildTool()),

        // A per-run certificate authority and server certificates.
        .target(name: "TestPKI", dependencies: [
            .product(name: "X509", package: "swift-certificates"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
            .product(name: "SwiftASN1", package: "swift-asn1"),
        ], swiftSettings: strict),
        // Values as Vault's Go code reads and prints them (durations), shared by the mock Vault and our `vault` command.
        .target(name: "GoValues", swiftSettings: strict),
        // The embedded Vault dev server (Hummingbird).
        .target(name: "MockVault", dependencies: [
            "GoValues",
            "TestPKI", "Diagnostics",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTLS", package: "hummingbird"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "JWTKit", package: "jwt-kit"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
            .product(name: "X509", package: "swift-certificates"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        // The embedded OAuth2 identity provider with the Auth0 profile (Hummingbird over TLS).
        .target(name: "MockIdP", dependencies: [
            "TestPKI", "Diagnostics", "BoundedYAML",
            .product(name: "Yams", package: "Yams"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTLS", package: "hummingbird"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "JWTKit", package: "jwt-kit"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        // The `vault` command: a client of the Vault HTTP API with the real CLI's output.
        .target(name: "VaultCLI", dependencies: [
            "GoValues",
            "Diagnostics",
            .product(name: "X509", package: "swift-certificates"),
            .product(name: "SwiftASN1", package: "swift-asn1"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOFoundationCompat", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ], swiftSettings: strict),
        // Kong gateway emulation: decK files, vault entities, the {vault://...} resolver.
        .target(name: "Gateway", dependencies: [
            "BoundedYAML", "Diagnostics",
            .product(name: "Yams", package: "Yams"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOFoundationCompat", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ], swiftSettings: strict),
        // The executor: shell session, background services, validations, cleanup, reports.
        .target(name: "Runner", dependencies: [
            "HowToPlan", "Diagnostics",
            .product(name: "Subprocess", package: "swift-subprocess"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "SystemPackage", package: "swift-system"),
            .product(name: "Yams", package: "Yams"),
        ], swiftSettings: strict),
        // The guided walkthrough in the terminal: rendering, prompts, progress and resume.
        .target(name: "Walk", dependencies: [
            "HowTo", "HowToPlan", "Runner", "Markdown", "Diagnostics", "Highlight",
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: strict),
        // `howto serve`: the in-memory site over Hummingbird, an inotify watcher, live reload over server-sent events.
        .target(name: "Preview", dependencies: [
            "Site", "Diagnostics",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        // The CLI (the product `howto`; a folder no other target shares in any case); also answers as `vault`,
        // `deck` and `kong` (multi-call binary).
        .executableTarget(name: "HowtoCLI", dependencies: [
            "Diagnostics", "HowTo", "HowToPlan", "Site", "Preview", "Runner", "Walk", "MockVault", "MockIdP", "TestPKI", "VaultCLI", "Gateway",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: strict, plugins: ["BuildInfo"]),

        // Utilities the test targets share (free ports, the process table); not part of the product.
        .target(name: "TestHelpers", path: "Tests/TestHelpers", swiftSettings: strict),
        .testTarget(name: "BoundedYAMLTests", dependencies: ["BoundedYAML", "TestHelpers", .product(name: "Yams", package: "Yams")], swiftSettings: strict),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"], swiftSettings: strict),
        .testTarget(name: "GoValuesTests", dependencies: ["GoValues"], swiftSettings: strict),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "TestHelpers"], swiftSettings: strict),
        .testTarget(name: "LiquidTests", dependencies: ["Liquid"], swiftSettings: strict),
        .testTarget(name: "HighlightTests", dependencies: ["Highlight"], swiftSettings: strict),
        .testTarget(name: "WebTextTests", dependencies: ["WebText"], swiftSettings: strict),
        .testTarget(name: "HowToTests", dependencies: ["HowTo", "HowToPlan", "Markdown", "TestHelpers", .product(name: "Yams", package: "Yams")], resources: [.copy("Malformed")], swiftSettings: strict),
        .testTarget(name: "SiteTests", dependencies: ["Site", "HowTo", "HowToPlan", "Runner", "Diagnostics", "TestHelpers"], exclude: ["browser_check.py", "Snapshots"], swiftSettings: strict),
        .testTarget(name: "PreviewTests", dependencies: ["Preview", "Site", "TestHelpers"], swiftSettings: strict),
        .testTarget(name: "TestPKITests", dependencies: ["TestPKI"], swiftSettings: strict),
        .testTarget(name: "MockVaultTests", dependencies: [
            "MockVault", "MockIdP", "GoValues", "TestPKI", "TestHelpers",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Yams", package: "Yams"),
        ], exclude: ["Differential/probes.yaml"], swiftSettings: strict),
        .testTarget(name: "MockIdPTests", dependencies: [
            "MockIdP", "TestPKI", "TestHelpers",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "JWTKit", package: "jwt-kit"),
        ], swiftSettings: strict),
        .testTarget(name: "VaultCLITests", dependencies: ["VaultCLI", "MockVault", "GoValues", "TestPKI", "TestHelpers"], swiftSettings: strict),
        .testTarget(name: "GatewayTests", dependencies: ["Gateway", "MockVault", "MockIdP", "TestPKI", "TestHelpers"], swiftSettings: strict),
        .testTarget(name: "RunnerTests", dependencies: ["Runner", "HowToPlan", "Diagnostics", "TestHelpers"], exclude: ["junit.xsd"], swiftSettings: strict),
        .testTarget(name: "WalkTests", dependencies: ["Walk", "HowTo", "HowToPlan", "Markdown", "Runner", "Diagnostics"], swiftSettings: strict),
        .testTarget(name: "EndToEndTests", dependencies: ["TestHelpers"], exclude: ["Fixtures", "serve_check.py"], swiftSettings: strict),
    ]
)

// `make fuzz` sets HOWTO_FUZZ: one libFuzzer executable per parser (Fuzz/<Name>/), built with -sanitize=fuzzer
// in .build-fuzz. Absent otherwise, so `swift build` and `make test` never compile them.
if Context.environment["HOWTO_FUZZ"] != nil {
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("FuzzFrontMatter", ["CFuzzer", "HowTo"]),
        ("FuzzLiquid", ["CFuzzer", "Liquid"]),
        ("FuzzAttributeLists", ["CFuzzer", "Markdown"]),
        ("FuzzPipeTables", ["CFuzzer", "Markdown"]),
        ("FuzzKongYAML", ["CFuzzer", "HowTo", "Gateway", "Diagnostics"]),
        ("FuzzVaultHTTP", ["CFuzzer", "MockVault"]),
    ]
    // libFuzzer's `LLVMFuzzerRunDriver`, called from each target's main (SwiftPM gives executables their own).
    package.targets.append(.target(name: "CFuzzer", path: "Fuzz/CFuzzer"))
    package.targets += fuzzTargets.map { .executableTarget(name: $0.name, dependencies: $0.dependencies, path: "Fuzz/\($0.name)", swiftSettings: strict) }
}
