import Foundation
import XCTest
@testable import Datasets

/// `"exports": ["card"]`: releases gain `README.md` (a Hugging Face dataset card whose YAML
/// header lists the per-split CSVs) and `croissant.json` (a Croissant 1.0 description that
/// mlcroissant loads and reads back, scripts/croissant-check.py), both hashed in the manifest
/// and rebuilt byte for byte; specs without the export release exactly as before.
final class CardReleaseTests: XCTestCase {
    /// A copy of starter spec `name` with `exports` set, its paths made absolute.
    func spec(_ name: String, exports: [String]?, in directory: String) throws -> String {
        let original = Paths.datasets + "/\(name).dataset.json"
        var spec = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: original))) as? [String: Any])
        func absolute(_ path: String) -> String { URL(fileURLWithPath: Paths.datasets).appendingPathComponent(path).standardized.path }
        let sources = try XCTUnwrap(spec["sources"] as? [[String: Any]])
        spec["sources"] = try sources.map { source in
            var source = source
            source["path"] = absolute(try XCTUnwrap(source["path"] as? String))
            return source
        }
        spec["curation"] = absolute(try XCTUnwrap(spec["curation"] as? String))
        spec["exports"] = exports
        let path = directory + "/\(name).dataset.json"
        try JSONSerialization.data(withJSONObject: spec, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The lines between the card's opening and closing `---`.
    func frontMatter(_ card: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let lines = card.components(separatedBy: "\n")
        XCTAssertEqual(lines.first, "---", "the card starts with YAML front matter", file: file, line: line)
        let end = try XCTUnwrap(lines.dropFirst().firstIndex(of: "---"), "the front matter is closed", file: file, line: line)
        return Array(lines[1..<end])
    }

    /// `(split, path)` of every `data_files` entry of the front matter.
    func dataFiles(_ header: [String]) -> [(split: String, path: String)] {
        var result: [(String, String)] = []
        for (index, line) in header.enumerated() where line.hasPrefix("  - split: ") && index + 1 < header.count {
            let next = header[index + 1]
            guard next.hasPrefix("    path: ") else { continue }
            result.append((String(line.dropFirst("  - split: ".count)), String(next.dropFirst("    path: ".count))))
        }
        return result
    }

    func read(_ directory: String, _ path: String) throws -> Data {
        try XCTUnwrap(FileManager.default.contents(atPath: directory + "/" + path), "\(path) is on disk")
    }

    func testExptGapCardListsEverySplitFileAndCroissantMatchesTheManifest() throws {
        _ = try Paths.shared("exptgap/matbench_expt_gap.csv")
        let directory = try Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outcome = try DatasetRelease.release(specPath: try spec("expt-gap", exports: ["card"], in: directory), version: "1.0.0",
                                                 outDirectory: directory + "/release")
        let release = outcome.directory
        let manifest = outcome.files.manifest
        let byPath = Dictionary(uniqueKeysWithValues: manifest.files.map { ($0.path, $0) })

        // Both files are in the release and the manifest, with the bytes on disk.
        for path in ["README.md", "croissant.json"] {
            let entry = try XCTUnwrap(byPath[path], "\(path) is in the manifest")
            let data = try read(release, path)
            XCTAssertEqual(entry.sha256, ReleaseFiles.sha256(data), path)
            XCTAssertEqual(entry.bytes, data.count, path)
        }

        // The YAML header lists every per-split CSV that exists, under Hugging Face split names.
        let card = String(decoding: try read(release, "README.md"), as: UTF8.self)
        let header = try frontMatter(card)
        let listed = dataFiles(header)
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: release + "/exports/roost").filter { $0.hasSuffix(".csv") }
            .map { "exports/roost/" + $0 }
        XCTAssertEqual(onDisk.count, 5, "five folds")
        XCTAssertEqual(Set(listed.map(\.path)), Set(onDisk))
        XCTAssertEqual(listed.count, onDisk.count)
        XCTAssertEqual(Set(listed.map(\.split)), Set((0..<5).map { "fold_\($0)" }), "fold-i becomes fold_i: HF split names are \\w+")
        for (_, path) in listed { XCTAssertTrue(FileManager.default.fileExists(atPath: release + "/" + path), path) }
        XCTAssertTrue(header.contains("license: mit"), "matbench_expt_gap is MIT (matminer datasets): \(header)")
        XCTAssertTrue(header.contains("pretty_name: expt-gap"))
        XCTAssertTrue(header.contains("- materials-science") && header.contains("- chemistry"))
        XCTAssertTrue(header.contains("- \"1K<n<10K\""), "\(manifest.records) records")
        XCTAssertTrue(header.contains("- config_name: default"))
        // The prose ties the card to the content.
        XCTAssertTrue(card.contains("# expt-gap 1.0.0"))
        let recordsHash = try XCTUnwrap(byPath["records.csv"]).sha256
        XCTAssertTrue(card.contains(recordsHash), "the card quotes the manifest's hash of records.csv")
        XCTAssertTrue(card.contains("load_dataset(\"csv\", data_files={\"fold_0\": \"exports/roost/fold-0.csv\""), "loading example")
        XCTAssertTrue(card.contains("Zhuo"), "the source's citation")
        XCTAssertFalse(card.contains(directory), "no absolute paths")

        // croissant.json: Croissant 1.0, one file object per split CSV with the manifest's sha256.
        let croissant = try XCTUnwrap(try JSONSerialization.jsonObject(with: read(release, "croissant.json")) as? [String: Any])
        XCTAssertEqual(croissant["@type"] as? String, "sc:Dataset")
        XCTAssertEqual(croissant["conformsTo"] as? String, "http://mlcommons.org/croissant/1.0")
        XCTAssertEqual(croissant["version"] as? String, "1.0.0")
        XCTAssertEqual(croissant["license"] as? String, "https://spdx.org/licenses/MIT.html")
        XCTAssertNotNil((croissant["@context"] as? [String: Any])?["cr"])
        let distribution = try XCTUnwrap(croissant["distribution"] as? [[String: Any]])
        XCTAssertEqual(Set(distribution.compactMap { $0["contentUrl"] as? String }), Set(onDisk))
        for object in distribution {
            let url = try XCTUnwrap(object["contentUrl"] as? String)
            XCTAssertEqual(object["@type"] as? String, "cr:FileObject")
            XCTAssertEqual(object["encodingFormat"] as? String, "text/csv")
            XCTAssertEqual(object["sha256"] as? String, byPath[url]?.sha256, url)
        }
        let recordSets = try XCTUnwrap(croissant["recordSet"] as? [[String: Any]])
        XCTAssertEqual(recordSets.count, 5)
        for recordSet in recordSets {
            let fields = try XCTUnwrap(recordSet["field"] as? [[String: Any]])
            XCTAssertEqual(fields.compactMap { $0["name"] as? String }, ["material_id", "composition", "band_gap_expt"])
            XCTAssertEqual(fields.compactMap { $0["dataType"] as? String }, ["sc:Text", "sc:Text", "sc:Float"])
        }
        XCTAssertFalse(String(decoding: try read(release, "croissant.json"), as: UTF8.self).contains(directory), "no absolute paths")

        // The rebuild reproduces both files byte for byte.
        let verification = try DatasetRelease.verify(directory: release)
        XCTAssertTrue(verification.verified, "\(verification)")
        XCTAssertTrue(verification.identical.contains("README.md") && verification.identical.contains("croissant.json"), "\(verification.identical)")

        // mlcroissant validates the description and reads every split, row for row.
        let check = try CroissantChecker.check(release)
        XCTAssertEqual(check.splits, manifest.split.counts)
        XCTAssertEqual(check.cells, manifest.records * 3)
        print("mlcroissant \(check.version): \(check.splits.count) record sets, \(check.cells) cells; warnings: \(check.warnings)")
    }

    func testPolymorphCardDescribesTheWrenFilesAndBothBuildsWriteTheSameBytes() throws {
        _ = try Paths.shared("mp/emmet/Li-Fe-O.json.gz")
        let directory = try Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let specPath = try spec("li-fe-o-polymorphs", exports: ["card"], in: directory)
        let streamed = try DatasetRelease.release(specPath: specPath, version: "1.0.0", outDirectory: directory + "/release")
        let inMemory = try DatasetRelease.release(specPath: specPath, version: "1.0.0", outDirectory: directory + "/release",
                                                  dryRun: true, build: .inMemory)
        XCTAssertTrue(StreamingRelease.supports(try DatasetSpec.load(path: specPath)), "the card keeps the streaming build")
        for path in ["README.md", "croissant.json", "manifest.json"] {
            XCTAssertEqual(try read(streamed.directory, path), inMemory.files.contents[path], "\(path): streamed and in-memory builds agree")
        }
        let card = String(decoding: try read(streamed.directory, "README.md"), as: UTF8.self)
        let listed = dataFiles(try frontMatter(card))
        XCTAssertEqual(listed.map(\.split), ["train", "validation", "test"])
        XCTAssertEqual(listed.map(\.path), ["exports/wren/train.csv", "exports/wren/validation.csv", "exports/wren/test.csv"])
        XCTAssertTrue(card.contains("license: cc-by-4.0"), "Materials Project data is CC BY 4.0")
        XCTAssertTrue(card.contains("`require_condition` (require_condition/1): field correction; values mp2020"), "the curation rules")
        let croissant = try XCTUnwrap(try JSONSerialization.jsonObject(with: read(streamed.directory, "croissant.json")) as? [String: Any])
        let fields = try XCTUnwrap((croissant["recordSet"] as? [[String: Any]])?.first?["field"] as? [[String: Any]])
        XCTAssertEqual(fields.compactMap { $0["name"] as? String }, ["material_id", "composition", "protostructure", "formation_energy_per_atom"])
        let check = try CroissantChecker.check(streamed.directory)
        XCTAssertEqual(check.splits, streamed.files.manifest.split.counts)
        XCTAssertTrue(try DatasetRelease.verify(directory: streamed.directory, build: .inMemory).verified, "the in-memory rebuild verifies the streamed release")
    }

    func testSpecWithoutCardWritesNeitherFile() throws {
        _ = try Paths.shared("exptgap/matbench_expt_gap.csv")
        let directory = try Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outcome = try DatasetRelease.release(specPath: Paths.datasets + "/expt-gap.dataset.json", version: "1.0.0",
                                                 outDirectory: directory + "/release")
        XCTAssertNil(outcome.files.manifest.datasetSpec.exports)
        for path in ["README.md", "croissant.json"] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: outcome.directory + "/" + path), path)
            XCTAssertFalse(outcome.files.manifest.files.contains { $0.path == path }, path)
        }
        let parquetOnly = try DatasetRelease.release(specPath: try spec("expt-gap", exports: ["parquet"], in: directory), version: "1.0.0",
                                                     outDirectory: directory + "/parquet", dryRun: true)
        XCTAssertFalse(parquetOnly.files.paths.contains("README.md") || parquetOnly.files.paths.contains("croissant.json"))
    }

    func testLicencesComeFromTheSourceTableAndDifferingOrUnknownOnesGiveOther() throws {
        let supercon = try DatasetSpec.load(path: Paths.datasets + "/supercon-tc.dataset.json")
        let licences = supercon.sources.map { ($0.storeName, SourceLicences.licence(kind: $0.kind, path: $0.path)) }
        XCTAssertEqual(licences.map(\.1.identifier), ["cc-by-4.0", "mit"], "Stanev et al. via 3DSC, then the MDR release")
        let combined = SourceLicences.combined(licences.map { (name: $0.0, licence: $0.1) })
        XCTAssertEqual(combined.identifier, "other")
        XCTAssertEqual(combined.note, "the sources carry different licences: stanev-2018: CC BY 4.0 (via the 3DSC repository); mdr: MIT (repository licence)")
        XCTAssertEqual(SourceLicences.licence(kind: "oqmd", path: "x/roost-oqmd-256k-testsplit.csv").identifier, "cc-by-4.0")
        XCTAssertEqual(SourceLicences.licence(kind: "cif", path: "../shared/data/cif/mp"), .unknown, "nothing is guessed")
        XCTAssertEqual(SourceLicences.licence(kind: "supercon", path: "supercon2-samples/a.csv"), .unknown)
        XCTAssertEqual(SourceLicences.licence(kind: "table", path: "other.csv"), .unknown)
        let mixed = SourceLicences.combined([("mp", SourceLicences.licence(kind: "mp", path: "a.csv")), ("cifs", .unknown)])
        XCTAssertEqual(mixed.identifier, "other")
        XCTAssertEqual(mixed.note, "some source licences are unknown or have no identifier: mp: CC BY 4.0 (Materials Project terms of use); cifs: unknown")
        XCTAssertEqual(SourceLicences.combined([("a", .unknown)]).identifier, "other")
    }

    func testCardIsAnOptionalExportRefusedForReactionDatasets() throws {
        func error(_ name: String, _ exports: String) -> String {
            let base = (try? String(contentsOfFile: Paths.datasets + "/\(name).dataset.json", encoding: .utf8)) ?? ""
            let text = base.replacingOccurrences(of: "\"seed\": ", with: "\"exports\": \(exports), \"seed\": ")
            do {
                try DatasetSpec.decode(Data(text.utf8), path: "s.json").validate(path: "s.json")
                return ""
            } catch { return "\(error)" }
        }
        XCTAssertEqual(error("supercon-tc", "[\"card\", \"parquet\"]"), "")
        XCTAssertTrue(error("supercon-tc", "[\"hf\"]").contains("known: card, parquet"), error("supercon-tc", "[\"hf\"]"))
        XCTAssertTrue(error("solid-state-synthesis", "[\"card\"]").contains("exports[0]: \"card\" describes the per-split CSV exports"),
                      error("solid-state-synthesis", "[\"card\"]"))
        XCTAssertEqual(error("solid-state-synthesis", "[\"parquet\"]"), "")
        let schemaPath = Paths.repository.appendingPathComponent("schemas/dataset-spec.schema.json").path
        let schema = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: schemaPath))) as? [String: Any])
        let exports = try XCTUnwrap(((schema["properties"] as? [String: Any])?["exports"] as? [String: Any])?["items"] as? [String: Any])
        XCTAssertEqual(Set(try XCTUnwrap(exports["enum"] as? [String])), DatasetSpec.optionalExports)
    }

    func testColumnsAreTheHeadersTheReleaseWrites() {
        let target = TargetSpec(property: "tc", unit: "K", censored: nil)
        /// The names of a header line (no name here needs CSV quoting).
        func names(_ header: String) -> [String] {
            header.trimmingCharacters(in: .newlines).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        for labelled in [false, true] {
            for nested in [false, true] {
                XCTAssertEqual(ReleaseColumns.records(labelled: labelled, nested: nested, target: target).map(\.name),
                               names(RecordFormats.csvHeader(labelled: labelled, nested: nested)))
            }
        }
        XCTAssertEqual(ReleaseColumns.split(labelled: false, target: target).map(\.name), names(RecordFormats.roostHeader(property: "tc")))
        XCTAssertEqual(ReleaseColumns.split(labelled: true, target: target).map(\.name), names(RecordFormats.wrenHeader(property: "tc")))
        let types = Set(ReleaseColumns.records(labelled: true, nested: true, target: target).map(\.dataType))
        XCTAssertEqual(types, ["sc:Text", "sc:Float", "sc:Integer", "sc:Boolean"])
    }

    func testYAMLScalarsQuoteWhatYAMLWouldReadOtherwise() {
        XCTAssertEqual(CardText.yamlScalar("train"), "train")
        XCTAssertEqual(CardText.yamlScalar("exports/roost/fold-0.csv"), "exports/roost/fold-0.csv")
        XCTAssertEqual(CardText.yamlScalar("n<1K"), "n<1K")
        XCTAssertEqual(CardText.yamlScalar("10K<n<100K"), "\"10K<n<100K\"")
        XCTAssertEqual(CardText.yamlScalar("yes"), "\"yes\"")
        XCTAssertEqual(CardText.yamlScalar("null"), "\"null\"")
        XCTAssertEqual(CardText.yamlScalar("a: b # c"), "\"a: b # c\"")
        XCTAssertEqual(CardText.yamlScalar("say \"hi\"\n"), "\"say \\\"hi\\\"\\n\"")
        XCTAssertEqual(CardText.yamlScalar("é\u{7}"), "\"é\\u0007\"")
        XCTAssertEqual(CardText.yamlScalar(""), "\"\"")
    }
}
