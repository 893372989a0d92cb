// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "curate",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Chemistry", targets: ["Chemistry"]),
        .library(name: "Store", targets: ["Store"]),
        .library(name: "Ingest", targets: ["Ingest"]),
        .library(name: "Curation", targets: ["Curation"]),
        .library(name: "Crystal", targets: ["Crystal"]),
        .library(name: "Learning", targets: ["Learning"]),
        .library(name: "Models", targets: ["Models"]),
        .library(name: "Datasets", targets: ["Datasets"]),
        .library(name: "Review", targets: ["Review"]),
        .library(name: "Discovery", targets: ["Discovery"]),
        .executable(name: "curate", targets: ["curate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Elements, compositions and the formula grammar. No dependencies.
        .target(name: "Chemistry"),
        // The SQLite store: schema, migrations, records, quarantine ledger, provenance.
        .target(name: "Store", dependencies: [
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // Lattices, structures and the CIF reader (tokenizer → document → structure).
        .target(name: "Crystal", dependencies: ["Chemistry", "CSpglib"]),
        // spglib (symmetry search and space-group database) through its C API; Debian libsymspg-dev.
        .systemLibrary(name: "CSpglib", pkgConfig: "spglib", providers: [.apt(["libsymspg-dev"])]),
        // Curation: specs, versioned rules, dedup clusters, the exclusion ledger.
        .target(name: "Curation", dependencies: ["Chemistry", "Store", "Crystal"]),
        // Dataset specs, split strategies, immutable releases with manifests, verification and diffs.
        .target(name: "Datasets", dependencies: ["Chemistry", "Store", "Ingest", "Curation", "Crystal"]),
        // Readers and per-source ingesters that write into the store.
        .target(name: "Ingest", dependencies: ["Chemistry", "Store", "Crystal", "CLZMA", "CZlib"]),
        // zlib through its C API (streaming gzip input); Debian zlib1g-dev.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // liblzma (xz decompression) through its C API; Debian liblzma-dev.
        .systemLibrary(name: "CLZMA", pkgConfig: "liblzma", providers: [.apt(["liblzma-dev"])]),
        // Library behind the command line: reports and benchmarks callable from tests.
        .target(name: "CurateKit", dependencies: ["Chemistry", "Store", "Ingest", "Crystal"]),
        // The application layer: workflows the command line runs, callable and tested as a library.
        .target(name: "CurateApp", dependencies: [
            "CurateKit", "Chemistry", "Store", "Ingest", "Curation", "Models", "Crystal", "Datasets", "Review", "Discovery", "Learning",
        ]),
        // The thin command-line front end.
        .executableTarget(name: "curate", dependencies: [
            "CurateApp", "CurateKit", "Chemistry", "Store", "Ingest", "Curation", "Models", "Crystal", "Datasets", "Review", "Discovery",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // OpenBLAS through its C interface (cblas_sgemm); headers located by pkg-config.
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        // Float32 tensors, reverse-mode autodiff, losses, AdamW and safetensors weight files.
        .target(name: "Learning", dependencies: ["CBLAS", "CMalloc"]),
        // glibc's malloc.h (mallopt), part of libc6-dev.
        .systemLibrary(name: "CMalloc"),
        // Roost: composition batching, the model, training, deep ensembles and model directories.
        .target(name: "Models", dependencies: ["Learning", "Chemistry", "Ingest", "Crystal"]),
        // Review: flags raised by models against stored records, similarity search, accept/reject decisions.
        .target(name: "Review", dependencies: ["Chemistry", "Store", "Models", "Datasets", "Curation"]),
        // Discovery: hull-aware screening metrics, substitution-based candidate generation.
        .target(name: "Discovery", dependencies: ["Chemistry", "Store", "Ingest", "Models", "Datasets", "Curation", "Crystal"]),
        .testTarget(name: "ChemistryTests", dependencies: ["Chemistry"], exclude: ["Fixtures"]),
        .testTarget(name: "StoreTests", dependencies: [
            "Store",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], exclude: ["SchemaFixtures"]),
        .testTarget(name: "CrystalTests", dependencies: ["Crystal", "Chemistry"], exclude: ["Fixtures"]),
        .testTarget(name: "CurationTests", dependencies: ["Curation", "Ingest", "Store", "Chemistry", "Crystal"], exclude: ["Fixtures"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "Curation", "Store", "Chemistry"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Store", "Chemistry", "CurateKit"], exclude: ["Fixtures"]),
        .testTarget(name: "LearningTests", dependencies: ["Learning"], exclude: ["Fixtures"]),
        .testTarget(name: "ModelsTests", dependencies: ["Models", "Learning", "Chemistry", "Crystal"]),
        .testTarget(name: "ReviewTests", dependencies: ["Review", "Models", "Store", "Datasets", "Chemistry"]),
        .testTarget(name: "CurateAppTests", dependencies: ["CurateApp"]),
        .testTarget(name: "DiscoveryTests", dependencies: ["Discovery", "Models", "Crystal", "Curation", "Chemistry"]),
    ]
)
