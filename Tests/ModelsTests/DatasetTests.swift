import XCTest
@testable import Models

/// Bad inputs are reported with their line and reason before training starts.
final class DatasetTests: XCTestCase {
    let columns = RoostDataset.Columns(target: "target")

    func load(_ text: String, columns: RoostDataset.Columns? = nil) throws -> [RoostSample] {
        try RoostDataset.load(path: try TestData.csv(text), columns: columns ?? self.columns, embedding: .oneHot)
    }

    func error(_ text: String, columns: RoostDataset.Columns? = nil) -> ModelsError? {
        do {
            _ = try load(text, columns: columns)
            return nil
        } catch {
            return error as? ModelsError
        }
    }

    func testReadsIdsCompositionsAndTargets() throws {
        let samples = try load("id,composition,target\na,Fe2O3,-1.5\nb,NaCl,0.25\n")
        XCTAssertEqual(samples.map(\.id), ["a", "b"])
        XCTAssertEqual(samples.map(\.target), [-1.5, 0.25])
        XCTAssertEqual(samples.map(\.line), [2, 3])
        let noIds = try load("composition,target\nCu,1\n")
        XCTAssertEqual(noIds.map(\.id), ["2"])
    }

    func testUnknownElementAndUnparsableCompositionReportLineAndReason() throws {
        guard case .invalidRows(_, let problems) = error("id,composition,target\na,Fe2O3,1\nb,Xx2O,2\nc,Fe2(O,3\n") else {
            return XCTFail("expected invalid rows")
        }
        XCTAssertEqual(problems.map(\.line), [3, 4])
        XCTAssertTrue(problems[0].reason.contains("Xx2O"), problems[0].reason)
        XCTAssertTrue(problems[1].reason.contains("Fe2(O"), problems[1].reason)
    }

    func testElementOutsideTheEmbeddingIsRejected() throws {
        let path = try TestData.csv("id,composition,target\na,OgFe,1\n")
        let embedding = try ElementEmbedding.load(path: TestData.sharedFile("embeddings/element/matscholar200.json"))
        XCTAssertThrowsError(try RoostDataset.load(path: path, columns: columns, embedding: embedding)) { error in
            XCTAssertTrue(String(describing: error).contains("Og not in the matscholar200 embedding"), "\(error)")
        }
    }

    func testNaNAndMissingTargetsAreRejected() {
        guard case .invalidRows(_, let problems) = error("id,composition,target\na,Cu,nan\nb,Fe,\nc,Ni,1e400\n") else {
            return XCTFail("expected invalid rows")
        }
        XCTAssertEqual(problems.map(\.line), [2, 3, 4])
    }

    func testEmptyDatasetAndMissingColumns() {
        if case .emptyDataset = error("id,composition,target\n") {} else { XCTFail("header only should be empty") }
        let emptyFile = error("")
        if case .emptyDataset = emptyFile {} else { XCTFail("an empty file should be empty, got \(String(describing: emptyFile))") }
        guard case .missingColumn(_, let column, let available) = error("id,composition,y\na,Cu,1\n") else {
            return XCTFail("expected a missing column")
        }
        XCTAssertEqual(column, "target")
        XCTAssertEqual(available, ["id", "composition", "y"])
        XCTAssertNoThrow(try load("id,composition\na,Cu\n", columns: .init()))
    }
}
