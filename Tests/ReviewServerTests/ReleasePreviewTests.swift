import CurateApp
import Datasets
import Foundation
import ReviewServer
import Store
import XCTest

/// The release preview over HTTP: what the next release of a spec would exclude because of
/// accepted flags, computed by the release build, for the spec files the server was given only.
final class ReleasePreviewTests: XCTestCase {
    static let sample = "../shared/data/synthesis/sol-gel-2020-schema-sample-40.json"

    /// A reaction spec over the 40-recipe sample, released once into the store (which ingests it);
    /// returns the spec path and the released reaction ids.
    static func releaseSample(in folder: URL, storePath: String) throws -> (String, [String]) {
        let sample = URL(fileURLWithPath: Self.sample).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: sample) else {
            throw LoopbackHTTP.Failure(description: "missing \(sample): the tests need ../shared/data")
        }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try FileManager.default.copyItem(atPath: repository.appendingPathComponent("datasets/synthesis.curation.json").path,
                                         toPath: folder.appendingPathComponent("synthesis.curation.json").path)
        let spec = folder.appendingPathComponent("sol-gel.dataset.json").path
        try """
            { "name": "sol-gel", "description": "", "sources": [ { "kind": "synthesis", "path": "\(sample)", "name": "sol-gel" } ],
              "curation": "synthesis.curation.json", "target": { "property": "synthesis_reaction", "unit": "" },
              "representation": "reaction", "split": { "strategy": "grouped", "group_by": "composition", "fractions": { "train": 0.5, "validation": 0, "test": 0.5 } },
              "seed": 3 }
            """.write(toFile: spec, atomically: true, encoding: .utf8)
        let released = try DatasetRelease.release(specPath: spec, version: "1.0.0", outDirectory: folder.appendingPathComponent("v1").path,
                                                  storePath: storePath)
        let text = String(decoding: try XCTUnwrap(released.files.contents["records.jsonl"]), as: UTF8.self)
        let ids = try text.split(separator: "\n").map { line in
            try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String)
        }
        return (spec, ids)
    }

    func testThePreviewListsTheRecordsAcceptedFlagsExcludeWithTheirFlags() throws {
        let box = SpecBox()
        let fixture = try ServerFixture(rows: 2) { folder, storePath, store in
            let (spec, ids) = try Self.releaseSample(in: folder, storePath: storePath)
            box.spec = spec
            box.released = ids
            return [ReviewServing.releasePreview(spec: spec, store: store)]
        }
        let spec = try XCTUnwrap(box.spec)
        let released = box.released
        XCTAssertGreaterThan(released.count, 3)
        let (http, token) = (fixture.http, fixture.token.value)
        let producer = FlagProducer(modelPath: "models/reaction", modelSHA256: "fed", inputSHA256: "")
        let flagIds = try fixture.store.recordFlags(released.prefix(3).map { id in
            FlagDraft(kind: .reaction, subjectKey: id, subjectLabel: id, provenanceJSON: "{}", score: 9, observedJSON: "{}",
                      predictedJSON: "{}", uncertainty: 0, evidenceJSON: "{}")
        }, producer: producer).flagIds.compactMap { $0 }

        let index = try http.get("/preview", headers: fixture.auth)
        XCTAssertEqual(index.status, 200)
        XCTAssertTrue(index.body.contains(HTMLText.escape(spec)), "the index lists the spec")
        let path = "/preview?spec=" + (spec.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        let untouched = try http.get(path, headers: fixture.auth)
        XCTAssertEqual(untouched.status, 200)
        XCTAssertTrue(untouched.body.contains(#"data-excluded="0" data-records="\#(released.count)""#), String(untouched.body.prefix(2000)))

        // Two accepted (one through the form, one through the command line's call), one rejected.
        XCTAssertEqual(try http.post("/flags/\(flagIds[0])/decide", form: [("token", token), ("decision", "accept"), ("reviewer", "Ada"),
                                                                        ("note", "two products")], headers: fixture.cookie).status, 303)
        _ = try FlagDecisions.decide(id: flagIds[1], decision: .accept, note: "wrong target", storePath: fixture.storePath)
        _ = try FlagDecisions.decide(id: flagIds[2], decision: .reject, note: "fine", storePath: fixture.storePath)
        let preview = try http.get(path, headers: fixture.auth)
        XCTAssertTrue(preview.body.contains(#"data-excluded="2" data-records="\#(released.count - 2)""#), String(preview.body.prefix(2000)))
        let rows = preview.body.components(separatedBy: #"class="preview-row" data-flag-id=""#).dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        XCTAssertEqual(rows.sorted(), [flagIds[0], flagIds[1]], "each excluded record with its accepted flag")
        XCTAssertTrue(preview.body.contains("Ada: two products"))

        // The preview agrees with the release the command line would write next.
        let next = try DatasetRelease.release(specPath: spec, version: "1.0.1", storePath: fixture.storePath, dryRun: true)
        XCTAssertEqual(next.files.manifest.excludedByRule["flag_accepted"], 2)
        XCTAssertEqual(next.files.manifest.records, released.count - 2)

        // Undoing one acceptance returns its record to the preview at once.
        let decision = try XCTUnwrap(try fixture.store.flagHistory(id: flagIds[1]).last?.id)
        XCTAssertEqual(try http.post("/flags/\(flagIds[1])/undo", form: [("token", token), ("decision_id", String(decision)), ("reviewer", "Bo"),
                                                                      ("note", "right after all")], headers: fixture.cookie).status, 303)
        XCTAssertTrue(try http.get(path, headers: fixture.auth).body.contains(#"data-excluded="1""#))

        // Only the specs the server was started with.
        let other = try http.get("/preview?spec=datasets%2Fsupercon-tc.dataset.json", headers: fixture.auth)
        XCTAssertEqual(other.status, 404)
        XCTAssertEqual(try http.get(path).status, 401, "the preview needs the token too")
    }

    func testWithoutSpecsThePreviewSaysHowToAskForOne() throws {
        let fixture = try ServerFixture(rows: 1)
        let page = try fixture.http.get("/preview", headers: fixture.auth)
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.body.contains(#"id="no-specs""#) && page.body.contains("--release"))
    }
}

final class SpecBox: @unchecked Sendable {
    var spec: String?
    var released: [String] = []
}
