import Chemistry
import Foundation
@testable import Ingest
import Store
import XCTest

/// The byte-level reader and the recipe writer give exactly what Codable gave.
final class SynthesisJSONReaderTests: XCTestCase {
    /// Every reaction of the 2019 release and the 2020 sample: the reader's values equal the
    /// Codable decoder's, and its strings equal `JSONSerialization`'s.
    func testReaderMatchesCodableOnEveryRealReaction() throws {
        for file in [SynthesisIngestTests.file2019, SynthesisIngestTests.sample2020] {
            let bytes = try SynthesisIngester.load(path: try SharedData.path(file))
            let layout = try bytes.withUnsafeBufferPointer { try JSONRecordSplitter.split($0, key: "reactions") }
            let decoder = JSONDecoder()
            var declined = 0
            for range in layout.records {
                let data = Data(bytes[range])
                let expected = try decoder.decode(SynthesisReaction.self, from: data)
                guard let fast = bytes.withUnsafeBufferPointer({ SynthesisJSONReader.reaction(UnsafeBufferPointer(rebasing: $0[range])) }) else {
                    declined += 1
                    continue
                }
                XCTAssertEqual(fast, expected, "record at \(range)")
                let tree = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
                XCTAssertEqual(fast.doi, (tree["doi"] as? String) ?? "")
                XCTAssertEqual(fast.reactionString, (tree["reaction_string"] as? String) ?? "")
                XCTAssertEqual(fast.precursors.count, (tree["precursors"] as? [Any])?.count ?? 0)
            }
            XCTAssertEqual(declined, 0, "\(file): every real reaction takes the fast path")
        }
    }

    /// Every stored recipe's `metadata_json` is byte-identical to `JSONEncoder`'s output.
    func testRecipeWriterMatchesJSONEncoder() throws {
        let bytes = try SynthesisIngester.load(path: try SharedData.path(SynthesisIngestTests.file2019))
        let layout = try bytes.withUnsafeBufferPointer { try JSONRecordSplitter.split($0, key: "reactions") }
        var interpreter = SynthesisInterpreter(bindings: FormulaBindings.none)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let decoder = JSONDecoder()
        var compared = 0
        for (number, range) in layout.records.enumerated() {
            let record = interpreter.interpret(Data(bytes[range]), index: number + 1)
            guard case .observation(let observation) = record.outcome else { continue }
            let metadata = try XCTUnwrap(observation.metadataJSON)
            // Doubles print in their shortest round-tripping form, so decode → encode reproduces
            // JSONEncoder's bytes exactly when the writer wrote them.
            let recipe = try decoder.decode(SynthesisRecipe.self, from: Data(metadata.utf8))
            let encoded = String(decoding: try encoder.encode(recipe), as: UTF8.self)
            XCTAssertEqual(metadata, encoded, "reaction \(number + 1)")
            compared += 1
        }
        XCTAssertEqual(compared, 23_372)
    }

    /// Malformed records: the reader declines and the quarantine reason is the Codable one.
    func testMalformedRecordsKeepTheirQuarantineReasons() throws {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        let records = [
            #"{"doi":"10.0/x","target":{"material_string":"BaTiO3""#,                    // truncated
            #"{"doi":5,"target":{"material_string":"BaTiO3"}}"#,                           // wrong type
            #"{"doi":"10.0/x"}"#,                                                          // no target
            #"{"doi":"10.0/x","target":null}"#,                                            // null target
            #"{"doi":"10.0/x","target":{"material_string":"BaTiO3"},"precursors":"TiO2"}"#, // list as string
            #"{"doi":"10.0/x","target":{"material_string":"BaTiO3"},"extra":\#(deep)}"#,   // deep nesting
            #"{"doi":"\x","target":{"material_string":"BaTiO3"}}"#,                       // bad escape
            #"{"doi":"a" "b","target":{}}"#,                                               // syntax
            #"[1,2]"#,                                                                     // not an object
        ]
        let decoder = JSONDecoder()
        var interpreter = SynthesisInterpreter(bindings: FormulaBindings.none)
        for (number, text) in records.enumerated() {
            let data = Data(text.utf8)
            let reader = data.withUnsafeBytes { SynthesisJSONReader.reaction($0.assumingMemoryBound(to: UInt8.self)) }
            XCTAssertNil(reader, text)
            let expected: String
            do {
                _ = try decoder.decode(SynthesisReaction.self, from: data)
                XCTFail("Codable accepts \(text)")
                continue
            } catch {
                expected = "the reaction does not have the synthesis schema: \(error)"
            }
            let record = interpreter.interpret(data, index: number + 1)
            guard case .quarantine(let reason) = record.outcome else { return XCTFail("not quarantined: \(text)") }
            XCTAssertEqual(reason.code, "synthesis.malformed_record")
            XCTAssertEqual(reason.message, expected)
        }
    }

    /// Lenient shapes (nulls, single strings, bare variable lists, `"-"` oxygen, numeric strings,
    /// escapes, duplicate keys) decode like Codable, through the reader or its fallback.
    func testLenientShapesDecodeLikeCodable() throws {
        let records = [
            #"{"doi":null,"targets_string":"BaTiO3","target":{"material_string":"Ba\u00e9\ud83d\ude00\/","oxygen_deficiency":"-","is_acronym":null,"is_abbreviation_like":true,"amounts_vars":{"x":[0.1,null,0.2]},"elements_vars":{"M":["Ca",null]},"composition":null},"operations":[{"type":"Heat","conditions":{"heating_temperature":[{"values":null,"min_value":"900","max_value":1e3,"units":"C"}],"mixing_media":"water"}}]}"#,
            #"{"doi":"a","doi":"b","target":{}}"#,
            #"{"target":{"oxygen_deficiency":true,"amounts_vars":{"x":{"values":[],"min_value":0,"max_value":"0.5"}}},"reaction":null}"#,
            #"{"target":{"amounts_vars":{"x":"oops"},"elements":{"Ba":1}},"precursors":[{"composition":[{"formula":"A","elements":{"A":"1","B":2}}]}]}"#,
        ]
        let decoder = JSONDecoder()
        for text in records {
            let data = Data(text.utf8)
            let expected = try decoder.decode(SynthesisReaction.self, from: data)
            if let fast = data.withUnsafeBytes({ SynthesisJSONReader.reaction($0.assumingMemoryBound(to: UInt8.self)) }) {
                XCTAssertEqual(fast, expected, text)
            }
        }
        let first = try XCTUnwrap(Data(records[0].utf8).withUnsafeBytes { SynthesisJSONReader.reaction($0.assumingMemoryBound(to: UInt8.self)) })
        XCTAssertEqual(first.target.materialString, "Baé😀/")
        XCTAssertEqual(first.target.isAcronym, true)
    }
}
