// swift-tools-version:6.1
// nqp: annual reports → DT keyword measures → financial merge → entropy NQP scores → firm-year panel.
// Modules are the pipeline's stages; the folder listing of Sources/ reads as the pipeline.
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "nqp",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "nqp", targets: ["nqp"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // C libraries from Debian: libxml2-dev (HTML/XML reference parser), zlib1g-dev (gzip members).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlibInflate", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Zstandard (libzstd-dev): compression of the text cache (README "Text cache").
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        // OpenSSL's libcrypto (libssl-dev): SHA-256 of every input file, with the CPU's SHA extensions.
        .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // MuPDF (libmupdf-dev, static only in Debian) reads PDF reports; CMuPDFShim keeps every fz_try/fz_catch in
        // C so no longjmp crosses a Swift frame. The link list is `pkg-config --static --libs mupdf`.
        .systemLibrary(name: "CMuPDF", providers: [.apt(["libmupdf-dev"])]),
        .target(name: "CMuPDFShim", dependencies: ["CMuPDF"],
                linkerSettings: ["mupdf", "mupdf-third", "mujs", "gumbo", "openjp2", "jbig2dec", "jpeg", "freetype",
                                 "png16", "brotlidec", "brotlicommon", "z", "m"].map { .linkedLibrary($0) }),

        // Bytes → Unicode: encoding sniffing and decoders shared by reports and financial CSVs; UTF-8 byte utilities,
        // hexadecimal and SHA-256 (of input files, dictionaries and configurations).
        .target(name: "NQPEncoding", dependencies: ["CLibCrypto"], swiftSettings: strict),
        // Stage 1: report files → visible text, match text, sections, firm and year.
        .target(name: "NQPExtract",
                dependencies: ["NQPEncoding", "CLibXML2", "CZlibInflate", "ZIPFoundation", "CMuPDFShim"],
                swiftSettings: strict),
        // Files compiled into the binary: the shipped dictionaries (source: dictionaries/) and the git commit.
        .target(name: "NQPBuiltins", swiftSettings: strict, plugins: ["EmbedBuiltins"]),
        .plugin(name: "EmbedBuiltins", capability: .buildTool(), dependencies: ["nqp-embed"]),
        .executableTarget(name: "nqp-embed", swiftSettings: strict),
        // Stage 2: dictionaries and the keyword matcher.
        .target(name: "NQPLexicon", dependencies: ["Yams", "NQPBuiltins", "NQPEncoding"], swiftSettings: strict),
        // Tabular data and its file formats: CSV, Stata .dta, .xlsx.
        .target(name: "NQPTable",
                dependencies: ["NQPEncoding", "ZIPFoundation"],
                swiftSettings: strict),
        // Stage 3: financial inputs, merge, derived indicators, sample screens.
        .target(name: "NQPPanel", dependencies: ["NQPTable", "NQPEncoding"], swiftSettings: strict),
        // Stage 4: entropy-weighted scores.
        .target(name: "NQPScore", dependencies: ["NQPTable"], swiftSettings: strict),
        // Stage 5: the output folder (panel.dta, panel.csv, codebook, import scripts).
        .target(name: "NQPExport",
                dependencies: ["NQPTable", "NQPEncoding", .product(name: "GRDB", package: "GRDB.swift")],
                swiftSettings: strict),
        // The run report: report.html (inline SVG charts) from the output folder's files.
        .target(name: "NQPReport", dependencies: ["NQPTable", "NQPLexicon"], swiftSettings: strict),
        // pipeline.yml: the schema of every key (default, doc line, check), the strict YAML decoder, its problems.
        .target(name: "NQPConfig",
                dependencies: ["NQPEncoding", "NQPExtract", "NQPLexicon", "NQPTable", "NQPPanel", "NQPScore",
                               "NQPExport", "Yams"],
                swiftSettings: strict),
        // Orchestration, incremental state, lock, manifest.
        .target(name: "NQPPipeline",
                dependencies: ["NQPConfig", "NQPExtract", "NQPLexicon", "NQPTable", "NQPPanel", "NQPScore", "NQPExport",
                               "NQPReport",
                               "NQPEncoding", "NQPBuiltins", "CZstd",
                               .product(name: "Logging", package: "swift-log"),
                               .product(name: "GRDB", package: "GRDB.swift")],
                swiftSettings: strict),
        // The thin command-line front end.
        .executableTarget(name: "nqp",
                          dependencies: ["NQPPipeline", "NQPConfig", "NQPExtract", "NQPLexicon", "NQPScore",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser"),
                                         .product(name: "Logging", package: "swift-log")],
                          swiftSettings: strict),

        .target(name: "NQPTestSupport", path: "Tests/NQPTestSupport"),
        .testTarget(name: "NQPEncodingTests", dependencies: ["NQPEncoding", "NQPTestSupport"]),
        .testTarget(name: "NQPExtractTests", dependencies: ["NQPExtract", "NQPEncoding", "NQPTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "NQPLexiconTests", dependencies: ["NQPLexicon", "NQPEncoding", "NQPTestSupport"]),
        .testTarget(name: "NQPTableTests", dependencies: ["NQPTable", "NQPEncoding", "NQPTestSupport"]),
        .testTarget(name: "NQPPanelTests", dependencies: ["NQPPanel", "NQPEncoding", "NQPTable", "NQPTestSupport"]),
        .testTarget(name: "NQPScoreTests", dependencies: ["NQPScore", "NQPTable", "NQPTestSupport"],
                    exclude: ["reference_entropy.py"]),
        .testTarget(name: "NQPExportTests", dependencies: ["NQPExport", "NQPTable", "NQPTestSupport"]),
        .testTarget(name: "NQPConfigTests",
                    dependencies: ["NQPConfig", "NQPExtract", "NQPLexicon", "NQPPanel", "NQPScore", "NQPExport"]),
        .testTarget(name: "NQPPipelineTests",
                    dependencies: ["NQPPipeline", "NQPConfig", "NQPEncoding", "NQPExtract", "NQPLexicon", "NQPTable", "NQPReport", "NQPTestSupport",
                                   .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "NQPReportTests", dependencies: ["NQPReport", "NQPTestSupport"]),
        .testTarget(name: "NQPEndToEndTests", dependencies: ["NQPTestSupport", "CZlibInflate"]),
    ]
)
