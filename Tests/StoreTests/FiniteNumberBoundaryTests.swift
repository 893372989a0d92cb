import XCTest
@testable import Store

/// Issue 17 item 1: the store refuses non-finite numbers at its boundary (the ingest writer),
/// whatever an ingester hands it.
final class FiniteNumberBoundaryTests: XCTestCase {
    private func rejection(_ record: PreparedRecord) throws -> String? {
        let store = try CurateStore.inMemory()
        var reason: String?
        _ = try store.ingest(source: Fixtures.supercon, file: Fixtures.file("f"), toolVersion: "t",
                             parserVersion: "p", options: [:]) { sink in
            do { try sink.append(record) } catch StoreError.invalidRecord(_, let why) { reason = why }
        }
        XCTAssertEqual(try Fixtures.rowCounts(store)["observations"], 0)
        return reason
    }

    func testInfiniteAndNaNValuesAreRefused() throws {
        XCTAssertNotNil(try rejection(Fixtures.observation("Fe", tc: .infinity, line: 1)))
        XCTAssertNotNil(try rejection(Fixtures.observation("Fe", tc: -.infinity, line: 1)))
        XCTAssertNotNil(try rejection(Fixtures.observation("Fe", tc: .nan, line: 1)))
    }

    func testNonFiniteNumbersInJSONColumnsAreRefused() throws {
        let composition = try rejection(Fixtures.observation("FeO", line: 1, compositionJSON: #"{"Fe":inf,"O":1}"#))
        XCTAssertTrue(composition?.contains("composition_json") ?? false, String(describing: composition))
        XCTAssertTrue(composition?.contains("\"inf\"") ?? false, String(describing: composition))
        var record = Fixtures.observation("FeO", line: 1)
        if case .observation(var observation) = record.outcome {
            observation.material.fractionsJSON = #"{"Fe":-nan,"O":0}"#
            record.outcome = .observation(observation)
        }
        XCTAssertTrue(try rejection(record)?.contains("fractions_json") ?? false)
    }

    func testOrdinaryJSONIsAccepted() {
        XCTAssertNil(FiniteJSONCheck.nonFiniteToken(in: #"{"Fe":1e-5,"O":2.5E+3,"x":true,"y":null,"s":"inf nan"}"#))
        XCTAssertNil(FiniteJSONCheck.nonFiniteToken(in: #"{"a":"quote \" inf","b":[false]}"#))
        XCTAssertEqual(FiniteJSONCheck.nonFiniteToken(in: #"{"a":[1,nan]}"#), "nan")
        XCTAssertEqual(FiniteJSONCheck.nonFiniteToken(in: #"{"a":-inf}"#), "inf")
    }
}

/// The hull writer refuses non-finite derived values too.
final class FiniteHullValueTests: XCTestCase {
    func testNonFiniteDerivedValuesAreRefusedAndNothingIsWritten() throws {
        let store = try CurateStore.inMemory()
        try Fixtures.ingest(store, Fixtures.mixedBatch, sha: "f")
        for bad in [Double.nan, .infinity] {
            let draft = HullRunDraft(sources: "supercon/stanev-2018", property: "tc", correction: "none", chemsysFilter: nil,
                                     method: "test", entriesSHA256: "sha-\(bad)", entryCount: 1, systemCount: 1, stableCount: 0,
                                     implicitReferences: "", toolVersion: "t",
                                     values: [HullDerivedValue(observationId: 1, quantity: "e_above_hull", value: bad, unit: "eV/atom",
                                                               stable: false, decompositionJSON: nil)])
            XCTAssertThrowsError(try store.recordHullRun(draft)) { error in
                XCTAssertTrue("\(error)".contains("not finite"), "\(error)")
            }
        }
        XCTAssertEqual(try store.hullRuns().count, 0)
    }
}
