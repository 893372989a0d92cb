import Foundation
import Store
import XCTest
@testable import Ingest

/// `curate ingest cif` on real folders: every block is stored or quarantined with a reason,
/// and stored structures carry space group and protostructure label.
final class CIFIngestTests: XCTestCase {
    func testEdgeCaseFolderAccountsForEveryBlock() throws {
        let folder = try SharedData.path("cif/edge-cases")
        let store = try CurateStore.inMemory()
        let report = try CIFIngester.ingest(path: folder, into: store)
        XCTAssertEqual(report.read, report.stored + report.duplicates + report.quarantined)
        XCTAssertGreaterThan(report.stored, 0)
        XCTAssertGreaterThan(report.quarantined, 0)
        for entry in try store.quarantineEntries() {
            XCTAssertTrue(entry.reasonCode.hasPrefix("cif."), entry.reasonCode)
            XCTAssertFalse(entry.message.isEmpty)
        }
        // Re-ingesting the unchanged folder writes nothing.
        let hash = try store.contentHash()
        XCTAssertEqual(try CIFIngester.ingest(path: folder, into: store).status, "unchanged")
        XCTAssertEqual(try store.contentHash(), hash)
    }

    func testMPCIFsGetLabelsConsistentWithTheirComposition() throws {
        // A temporary folder with 25 MP CIFs, so the test stays quick.
        let source = try SharedData.path("cif/mp")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cif-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try FileManager.default.contentsOfDirectory(atPath: source).filter { $0.hasSuffix(".cif") }.sorted().prefix(25)
        for name in names { try FileManager.default.copyItem(atPath: source + "/" + name, toPath: folder + "/" + name) }
        let store = try CurateStore.inMemory()
        let report = try CIFIngester.ingest(path: folder, into: store)
        XCTAssertEqual(report.stored, 25)
        let inputs = try store.curationInputs(property: "structure", sources: [])
        XCTAssertEqual(inputs.count, 25)
        for input in inputs {
            let metadata = try XCTUnwrap(input.metadataJSON.flatMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] })
            XCTAssertEqual(metadata["id"] as? String, String(input.locator.dropLast(4)), "MP files are named by their id")
            guard metadata["ordered"] as? Bool == true else { continue }
            let label = try XCTUnwrap(metadata["protostructure"] as? String, input.locator)
            XCTAssertEqual(String(label.split(separator: ":").last ?? ""), input.chemicalSystem, input.locator)
            XCTAssertEqual(Int(label.split(separator: "_")[2]), metadata["space_group"] as? Int, input.locator)
        }
    }
}
