// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "curate",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "CurateIO", targets: ["CurateIO"]),
        .library(name: "Chemistry", targets: ["Chemistry"]),
        .library(name: "Store", targets: ["Store"]),
        .library(name: "Ingest", targets: ["Ingest"]),
        .library(name: "PhaseStability", targets: ["PhaseStability"]),
        .library(name: "Curation", targets: ["Curation"]),
        .library(name: "Crystal", targets: ["Crystal"]),
        .library(name: "Learning", targets: ["Learning"]),
        .library(name: "Models", targets: ["Models"]),
        .library(name: "Datasets", targets: ["Datasets"]),
        .library(name: "Review", targets: ["Review"]),
        .library(name: "Discovery", targets: ["Discovery"]),
        .library(name: "Charts", targets: ["Charts"]),
        .library(name: "ReviewServer", targets: ["ReviewServer"]),
        .library(name: "Cuprates", targets: ["Cuprates"]),
        .library(name: "Remote", targets: ["Remote"]),
        .library(name: "Parquet", targets: ["Parquet"]),
        .executable(name: "curate", targets: ["curate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
    ],
    targets: [
        // Bottom IO layer, no project dependencies above the C libraries: the CSV reader, gzip/xz
        // readers, SHA-256 and file digests, canonical JSON text and the tool version.
        .target(name: "CurateIO", dependencies: ["CZlib", "CLZMA", "CLibCrypto"]),
        // zlib through its C API (streaming gzip input); Debian zlib1g-dev.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // liblzma (xz decompression) through its C API; Debian liblzma-dev.
        .systemLibrary(name: "CLZMA", pkgConfig: "liblzma", providers: [.apt(["liblzma-dev"])]),
        // OpenSSL's libcrypto (SHA-256) through its C API; Debian libssl-dev.
        .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // Elements, compositions and the formula grammar. No dependencies.
        .target(name: "Chemistry"),
        // The SQLite store: schema, migrations, records, quarantine ledger, provenance, flags.
        .target(name: "Store", dependencies: [
            "CurateIO",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // Lattices, structures and the CIF reader (tokenizer → document → structure).
        .target(name: "Crystal", dependencies: ["Chemistry", "CSpglib"]),
        // spglib (symmetry search and space-group database) through its C API; Debian libsymspg-dev.
        .systemLibrary(name: "CSpglib", pkgConfig: "spglib", providers: [.apt(["libsymspg-dev"])]),
        // Phase stability: convex hulls, energies above the hull, decompositions (pure thermodynamics).
        .target(name: "PhaseStability", dependencies: ["Chemistry", "Crystal"]),
        // Curation: specs, versioned rules, dedup clusters, the exclusion ledger, hull runs over the store.
        .target(name: "Curation", dependencies: ["Chemistry", "CurateIO", "Store", "Crystal", "PhaseStability"]),
        // Dataset specs, split strategies, immutable releases with manifests, verification and diffs.
        .target(name: "Datasets", dependencies: ["Chemistry", "CurateIO", "Store", "Ingest", "Curation", "Crystal", "Parquet"]),
        // Parquet files written from columns: PLAIN pages, RLE levels, Thrift compact metadata. No dependencies.
        .target(name: "Parquet"),
        // Per-source ingesters that write into the store.
        .target(name: "Ingest", dependencies: ["Chemistry", "CurateIO", "Store", "Crystal", "CLibXML2"]),
        // libxml2's streaming XML reader (vasprun.xml) through its C API; Debian libxml2-dev.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // HTTP downloads through libcurl: redirects, resume, conditional requests, checksums before the final name.
        .target(name: "Remote", dependencies: ["CurateIO", "CCurl"]),
        // libcurl's easy API through typed C wrappers; Debian libcurl4-openssl-dev.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // SVG charts (bars, histograms, scatter, lines, hexbin density, periodic-table heatmaps). No dependencies.
        .target(name: "Charts"),
        // The cuprate structure–Tc study (thesis chapter 3): Cu–O plane geometry from structures,
        // families of table 3.1 from compositions, apical-distance calibration, k-means selection.
        .target(name: "Cuprates", dependencies: ["Chemistry", "Crystal"]),
        // The application layer: workflows the command line runs, callable and tested as a library.
        .target(name: "CurateApp", dependencies: [
            "Chemistry", "CurateIO", "Store", "Ingest", "Curation", "PhaseStability", "Learning", "Models", "Crystal", "Datasets", "Review",
            "Discovery", "Charts", "ReviewServer", "Cuprates", "Remote",
        ]),
        // The review web application (`curate serve`): flag queue, flag pages and decisions over HTTP.
        .target(name: "ReviewServer", dependencies: [
            "Store", "Review", "Charts",
            .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        // The thin command-line front end.
        .executableTarget(name: "curate", dependencies: [
            "CurateApp", "Chemistry", "CurateIO", "Store", "Ingest", "PhaseStability", "Models", "Crystal", "Remote",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // OpenBLAS through its C interface (cblas_sgemm); headers located by pkg-config.
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        // Float32 tensors, reverse-mode autodiff, losses, AdamW and safetensors weight files.
        .target(name: "Learning", dependencies: ["CurateIO", "CBLAS", "CMalloc"]),
        // glibc's malloc.h (mallopt), part of libc6-dev.
        .systemLibrary(name: "CMalloc"),
        // Roost, Wren and the reaction model: batching, networks, training, ensembles, model directories.
        .target(name: "Models", dependencies: ["Learning", "Chemistry", "CurateIO", "Crystal"]),
        // Review: flags raised by models against stored records, similarity search, accept/reject decisions.
        .target(name: "Review", dependencies: ["Chemistry", "CurateIO", "Store", "Learning", "Models"]),
        // Discovery: hull-aware screening metrics, substitution-based candidate generation.
        .target(name: "Discovery", dependencies: ["Chemistry", "CurateIO", "Models", "PhaseStability", "Crystal"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"]),
        .testTarget(name: "ParquetTests", dependencies: ["Parquet"]),
        .testTarget(name: "CurateIOTests", dependencies: ["CurateIO"]),
        .testTarget(name: "RemoteTests", dependencies: ["Remote"], exclude: ["Fixtures"]),
        .testTarget(name: "ChemistryTests", dependencies: ["Chemistry"], exclude: ["Fixtures"]),
        .testTarget(name: "StoreTests", dependencies: [
            "Store", "CurateIO",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], exclude: ["SchemaFixtures"]),
        .testTarget(name: "CrystalTests", dependencies: ["Crystal", "Chemistry"], exclude: ["Fixtures"]),
        .testTarget(name: "PhaseStabilityTests", dependencies: ["PhaseStability", "CurateIO", "Chemistry", "Crystal"], exclude: ["Fixtures"]),
        .testTarget(name: "CurationTests", dependencies: ["Curation", "Ingest", "Store", "Chemistry"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "Curation", "Store", "Chemistry"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "CurateIO", "Store", "Chemistry", "Crystal"], exclude: ["Fixtures"]),
        .testTarget(name: "LearningTests", dependencies: ["Learning"], exclude: ["Fixtures"]),
        .testTarget(name: "ModelsTests", dependencies: ["Models", "Learning", "Chemistry", "Crystal"], exclude: ["Fixtures"]),
        .testTarget(name: "ReviewTests", dependencies: ["Review", "Models", "Learning", "Store", "Datasets", "Chemistry"]),
        .testTarget(name: "CurateAppTests", dependencies: ["CurateApp", "Chemistry", "CurateIO", "Datasets", "Ingest", "Learning", "Models", "PhaseStability", "Store", "Remote"]),
        .testTarget(name: "ReviewServerTests", dependencies: ["ReviewServer", "Store", "CurateApp", "Datasets"]),
        .testTarget(name: "DiscoveryTests", dependencies: ["Discovery", "PhaseStability", "Models", "Crystal", "Chemistry"]),
        .testTarget(name: "CupratesTests", dependencies: ["Cuprates", "Crystal", "Chemistry"], exclude: ["Fixtures"]),
        // Reads Package.swift and every target's imports: dependencies must equal the imports.
        .testTarget(name: "PackageTests"),
    ]
)
