import Foundation
import XCTest

/// `Package.swift` dependencies equal the imports, and the layering holds (`Models` without GRDB).
final class DependencyCheckTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func realCheck() throws -> DependencyCheck {
        let manifestURL = Self.root.appendingPathComponent("Package.swift")
        let manifest = try PackageManifest(text: String(contentsOf: manifestURL, encoding: .utf8))
        var imports: [String: [String: String]] = [:]
        for target in manifest.targets where target.kind != .system {
            let folder = Self.root.appendingPathComponent(target.path)
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.path), "\(target.name): no folder \(target.path)")
            imports[target.name] = try ImportScanner.imports(under: folder, relativeTo: Self.root)
        }
        return DependencyCheck(manifest: manifest, imports: imports)
    }

    func testEveryTargetDeclaresExactlyTheProjectModulesItImports() throws {
        let check = try realCheck()
        XCTAssertGreaterThan(check.manifest.targets.count, 20, "the manifest reader found too few targets")
        let problems = check.problems
        XCTAssertTrue(problems.isEmpty, "Package.swift does not match the imports:\n" + problems.map(\.description).joined(separator: "\n"))
    }

    func testModelsAndTheIOLayerDoNotLinkTheStore() throws {
        let check = try realCheck()
        for forbidden in ["Store", "Ingest", "GRDB", "GRDBSQLite"] {
            XCTAssertFalse(check.closure(of: "Models").contains(forbidden), "Models depends on \(forbidden)")
        }
        let lowest = check.closure(of: "CurateIO")
        XCTAssertTrue(lowest.isSubset(of: ["CZlib", "CLZMA", "CLibCrypto"]), "CurateIO depends on \(lowest.sorted())")
        XCTAssertFalse(check.closure(of: "Store").contains("Review"), "Store must not depend on Review")
        XCTAssertFalse(check.closure(of: "Discovery").contains("Curation"), "Discovery depends on Curation")
    }

    func testTheManifestReaderSeesTargetsProductsAndPaths() throws {
        let manifest = try PackageManifest(text: """
        let package = Package(
            name: "demo",
            products: [.library(name: "A", targets: ["A"])], // targets: ["Ignored"]
            targets: [
                .target(name: "A", dependencies: ["B", .product(name: "GRDB", package: "GRDB.swift")]),
                /* .target(name: "Commented") */
                .target(name: "B", dependencies: [.target(name: "CZ")], path: "Sources/Bee"),
                .systemLibrary(name: "CZ", pkgConfig: "z"),
                .testTarget(name: "ATests", dependencies: ["A"], exclude: ["Fixtures"]),
            ]
        )
        """)
        XCTAssertEqual(manifest.targets.map(\.name), ["A", "B", "CZ", "ATests"])
        let byName = manifest.targetsByName
        XCTAssertEqual(byName["A"]?.targetDependencies, ["B"])
        XCTAssertEqual(byName["A"]?.productDependencies, ["GRDB"])
        XCTAssertEqual(byName["B"]?.path, "Sources/Bee")
        XCTAssertEqual(byName["B"]?.targetDependencies, ["CZ"])
        XCTAssertEqual(byName["ATests"]?.path, "Tests/ATests")
        XCTAssertEqual(byName["CZ"]?.kind, .system)
    }

    func testTheCheckReportsUndeclaredAndUnusedDependencies() throws {
        let manifest = try PackageManifest(text: """
        let package = Package(name: "demo", targets: [
            .target(name: "Low"),
            .target(name: "Mid", dependencies: ["Low", .product(name: "GRDB", package: "GRDB.swift")]),
            .target(name: "High", dependencies: ["Low"]),
        ])
        """)
        let check = DependencyCheck(manifest: manifest, imports: [
            "Low": ["Foundation": "Sources/Low/A.swift"],
            "Mid": ["Low": "Sources/Mid/A.swift", "GRDB": "Sources/Mid/B.swift"],
            "High": ["Mid": "Sources/High/A.swift", "GRDB": "Sources/High/B.swift", "Foundation": "Sources/High/A.swift"],
        ])
        XCTAssertEqual(check.problems, [
            .init(target: "High", module: "GRDB", kind: .undeclared(file: "Sources/High/B.swift")),
            .init(target: "High", module: "Low", kind: .unused),
            .init(target: "High", module: "Mid", kind: .undeclared(file: "Sources/High/A.swift")),
        ])
        XCTAssertEqual(check.closure(of: "Mid"), ["Low", "GRDB"])
    }

    func testImportLinesInEveryForm() {
        // Lines joined at run time, so that this file's own source holds no such import lines.
        let text = [
            "import Foundation",
            "@testable import Store",
            "@preconcurrency import Ingest",
            "public import Chemistry",
            "internal import struct Crystal.Lattice",
            "/// import NotThis",
            "let note = \"import NotThisEither\"",
            "#if canImport(Glibc)",
            "    import Glibc",
            "#endif",
        ].joined(separator: "\n")
        XCTAssertEqual(ImportScanner.imports(in: text), ["Foundation", "Store", "Ingest", "Chemistry", "Crystal", "Glibc"])
    }
}
