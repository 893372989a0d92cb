import Datasets
import Foundation
import Ingest
import XCTest

/// The one registry the command line and dataset specs look source kinds up in.
final class SourceRegistryTests: XCTestCase {
    func testEveryKindResolvesToItsIngester() throws {
        XCTAssertEqual(SourceRegistry.kinds, ["supercon", "oqmd", "mp", "table", "synthesis", "wbm", "optimade", "cif", "structures", "vasp"])
        for kind in SourceRegistry.kinds {
            let ingester = try SourceRegistry.ingester(for: kind)
            XCTAssertEqual(ingester.kind, kind)
            XCTAssertFalse(ingester.summary.isEmpty, kind)
            XCTAssertEqual(ingester.readsFolders, kind == "cif" || kind == "vasp", kind)
        }
    }

    func testUnknownKindListsTheKnownOnes() {
        XCTAssertThrowsError(try SourceRegistry.ingester(for: "Supercon")) { error in
            XCTAssertEqual(error as? UnknownSourceKind, UnknownSourceKind(kind: "Supercon", known: SourceRegistry.kinds))
            XCTAssertEqual("\(error)", "unknown source kind \"Supercon\"; known: cif, mp, optimade, oqmd, structures, supercon, synthesis, table, vasp, wbm")
        }
    }

    func testTheSpecSchemaListsExactlyTheRegisteredKinds() throws {
        let path = try TestPaths.inRepository("schemas/dataset-spec.schema.json")
        let schema = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let sources = try XCTUnwrap((schema["properties"] as? [String: Any])?["sources"] as? [String: Any])
        let item = try XCTUnwrap((sources["items"] as? [String: Any])?["properties"] as? [String: Any])
        let kinds = try XCTUnwrap((item["kind"] as? [String: Any])?["enum"] as? [String])
        XCTAssertEqual(Set(kinds), Set(SourceRegistry.kinds))
    }

    func testASpecWithAnUnknownKindNamesTheFileAndTheField() throws {
        let json = #"""
            { "name": "x", "description": "", "sources": [{"kind": "supercon", "path": "a.csv"}, {"kind": "icsd", "path": "b.cif"}],
              "curation": "c.json", "target": {"property": "tc", "unit": "K"}, "representation": "composition",
              "split": {"strategy": "random"}, "seed": 1 }
            """#
        let spec = try DatasetSpec.decode(Data(json.utf8), path: "x.dataset.json")
        XCTAssertThrowsError(try spec.validate(path: "x.dataset.json")) { error in
            XCTAssertEqual(error as? DatasetError, .spec(path: "x.dataset.json", message:
                "sources[1].kind: unknown source kind \"icsd\"; known: cif, mp, optimade, oqmd, structures, supercon, synthesis, table, vasp, wbm"))
        }
        XCTAssertThrowsError(try spec.sources[1].ingester()) { error in
            XCTAssertEqual("\(error)", "source b: kind: unknown source kind \"icsd\"; known: cif, mp, optimade, oqmd, structures, supercon, synthesis, table, vasp, wbm")
        }
        XCTAssertEqual(try spec.sources[0].ingester().kind, "supercon")
    }

    func testEveryCommittedSpecNamesRegisteredKinds() throws {
        let paths = try TestPaths.committedSpecs()
        XCTAssertGreaterThanOrEqual(paths.count, 8)
        var kinds: Set<String> = []
        for path in paths {
            let spec = try DatasetSpec.load(path: path)
            for source in spec.sources { kinds.insert(try source.ingester().kind) }
        }
        XCTAssertEqual(kinds, ["supercon", "oqmd", "mp", "table", "synthesis", "cif", "structures"])
    }
}
