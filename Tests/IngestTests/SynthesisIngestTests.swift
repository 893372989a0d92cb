import Chemistry
import CurateIO
import Foundation
@testable import Ingest
import Store
import XCTest

/// The synthesis ingest on the real 2019 solid-state release and the 2020 sol-gel sample.
final class SynthesisIngestTests: XCTestCase {
    static let file2019 = "synthesis/solid-state_dataset_2019-12-03.json.xz"
    static let sample2020 = "synthesis/sol-gel-2020-schema-sample-40.json"

    /// Every one of the 30,031 reactions is accounted for, with a real example of every reason.
    func testFull2019FileReconciles() throws {
        let path = try SharedData.path(Self.file2019)
        let directory = try TemporaryDirectory()
        let store = try CurateStore(path: directory.path("store.sqlite"))
        let report = try SynthesisIngester.ingest(path: path, into: store)
        XCTAssertEqual(report.layout, "solid-state-2019")
        XCTAssertEqual(report.read, 30_031)
        XCTAssertEqual(report.read, report.stored + report.duplicates + report.quarantined)
        // Counts pinned so that a grammar change shows up here (fraction amounts such as
        // `Zn1/3Nb2/3` moved 1,252 targets from unparsable to parsed).
        XCTAssertEqual(report.stored, 21_282)
        XCTAssertEqual(report.duplicates, 2_090)
        XCTAssertEqual(report.quarantineByReason, [
            "synthesis.target_unparsable": 1_496, "synthesis.target_symbolic": 2_898, "synthesis.no_operations": 1_935,
            "synthesis.unbalanced": 235, "synthesis.precursor_unparsable": 82, "synthesis.alchemy": 13,
        ])
        let again = try SynthesisIngester.ingest(path: path, into: store)
        XCTAssertEqual(again.status, "unchanged")
    }

    /// The 2020 schema (`synthesis_type`, `material_name`, `phase`, `"-"` oxygen deficiency) ingests.
    func testSolGel2020SampleIngests() throws {
        let path = try SharedData.path(Self.sample2020)
        let directory = try TemporaryDirectory()
        let store = try CurateStore(path: directory.path("store.sqlite"))
        let report = try SynthesisIngester.ingest(path: path, into: store)
        XCTAssertEqual(report.layout, "synthesis-2020")
        XCTAssertEqual(report.read, 40)
        XCTAssertEqual(report.read, report.stored + report.duplicates + report.quarantined)
        XCTAssertGreaterThan(report.stored, 0)
        let reactions = try Self.reactions(path)
        XCTAssertEqual(reactions.first?.synthesisType, "sol-gel")
        XCTAssertEqual(reactions.first?.operations.first?.type, "StartingSynthesis")
    }

    /// Reaction 25 of the 2019 file: `Ba1-xMgAl10O17` with x = 0.01, 0.1, 0.5 (Eu doped).
    func testVariableResolutionOnRealReaction() throws {
        let reaction = try Self.reactions(try SharedData.path(Self.file2019), only: 24)[0]
        XCTAssertEqual(reaction.doi, "10.1016/j.jlumin.2009.07.025")
        let resolution = try MaterialResolution(reaction.target, placeholders: reaction.equation.elementSubstitution)
        XCTAssertEqual(resolution.variants.map { $0.bindings["x"] }, [0.01, 0.1, 0.5])
        XCTAssertEqual(resolution.variants[0].composition["Ba"], 0.99, accuracy: 1e-12)
        XCTAssertEqual(resolution.variants[2].composition["Ba"], 0.5, accuracy: 1e-12)
        XCTAssertEqual(resolution.variants[2].composition["Al"], 10, accuracy: 1e-12)
        XCTAssertTrue(resolution.unresolvedVariables.isEmpty)
    }

    /// Symbolic amount strings with variables evaluate; a reaction without values stays symbolic.
    func testAmountExpressions() {
        XCTAssertEqual(AmountExpression.evaluate("5.5-x", variables: ["x": 0.5]), 5.0)
        XCTAssertEqual(AmountExpression.evaluate("1.5*z+26", variables: ["z": 2]), 29)
        XCTAssertEqual(AmountExpression.evaluate("0.2-0.2*x", variables: ["x": 1]) ?? -1, 0, accuracy: 1e-12)
        XCTAssertNil(AmountExpression.evaluate("1-x"))
    }

    /// Temperatures to K and times to hours, from the units the data uses.
    func testUnitNormalisation() {
        XCTAssertEqual(ConditionNormalisation.kelvin(25, units: "°C"), 298.15)
        XCTAssertEqual(ConditionNormalisation.kelvin(1200, units: "C"), 1473.15)
        XCTAssertEqual(ConditionNormalisation.kelvin(300, units: "K"), 300)
        XCTAssertNil(ConditionNormalisation.kelvin(3, units: "bar"))
        XCTAssertEqual(ConditionNormalisation.hours(12, units: "h"), 12)
        XCTAssertEqual(ConditionNormalisation.hours(12, units: "hours"), 12)
        XCTAssertEqual(ConditionNormalisation.hours(30, units: "min"), 0.5)
        XCTAssertEqual(ConditionNormalisation.hours(2, units: "d"), 48)
        XCTAssertEqual(ConditionNormalisation.atmosphere("flowing air").normalised, "air")
        XCTAssertEqual(ConditionNormalisation.atmosphere("5% H2/Ar").normalised, "H2/Ar")
        XCTAssertEqual(ConditionNormalisation.atmosphere("argon").normalised, "Ar")
    }

    /// A hand-written reaction per check, where the reason is easiest to see.
    func testQuarantineReasonsOnFixture() throws {
        let directory = try TemporaryDirectory()
        func material(_ formula: String) -> String {
            #"{"material_string":"\#(formula)","material_formula":"\#(formula)","composition":[{"formula":"\#(formula)","amount":"1","elements":{}}],"amounts_vars":{},"elements_vars":{},"additives":[],"oxygen_deficiency":null}"#
        }
        let heat = #"[{"type":"HeatingOperation","token":"fired","conditions":{"heating_temperature":[{"values":[900],"min_value":null,"max_value":900,"units":"°C"}],"heating_time":[{"values":[10],"units":"h"}],"heating_atmosphere":["air"],"mixing_device":null,"mixing_media":null}}]"#
        func reaction(_ target: String, _ precursors: [String], ops: String, left: String, right: String) -> String {
            #"{"doi":"10.0/x","paragraph_string":"p","reaction_string":"r","targets_string":["\#(target)"],"reaction":{"element_substitution":{},"left_side":\#(left),"right_side":\#(right)},"target":\#(material(target)),"precursors":[\#(precursors.map(material).joined(separator: ","))],"operations":\#(ops)}"#
        }
        let goodLeft = #"[{"material":"BaCO3","amount":"1"},{"material":"TiO2","amount":"1"}]"#
        let goodRight = #"[{"material":"BaTiO3","amount":"1"},{"material":"CO2","amount":"1"}]"#
        let records = [
            reaction("BaTiO3", ["BaCO3", "TiO2"], ops: heat, left: goodLeft, right: goodRight),                  // stored
            reaction("BaTiO3", ["TiO2", "BaCO3"], ops: heat, left: goodLeft, right: goodRight),                  // duplicate
            reaction("Ba!TiO3", ["BaCO3", "TiO2"], ops: heat, left: goodLeft, right: goodRight),                 // target_unparsable
            reaction("BaTiO3", ["BaCO3", "Ti((O2"], ops: heat, left: goodLeft, right: goodRight),                // precursor_unparsable
            reaction("BaTiO3", ["BaCO3", "TiO2"], ops: "[]", left: goodLeft, right: goodRight),                  // no_operations
            reaction("BaZrO3", ["BaCO3", "TiO2"], ops: heat, left: goodLeft, right: goodRight),                  // alchemy
            reaction("BaTiO3", ["BaCO3", "TiO2"], ops: heat, left: goodLeft, right: #"[{"material":"BaTiO3","amount":"2"}]"#), // unbalanced
        ]
        let path = try directory.write("fixture.json", #"{"release_date":"2019-12-03","reactions":[\#(records.joined(separator: ","))]}"#)
        let store = try CurateStore(path: directory.path("store.sqlite"))
        let report = try SynthesisIngester.ingest(path: path, into: store)
        XCTAssertEqual(report.read, 7)
        XCTAssertEqual(report.stored, 1)
        XCTAssertEqual(report.duplicates, 1)
        XCTAssertEqual(report.quarantineByReason, [
            "synthesis.target_unparsable": 1, "synthesis.precursor_unparsable": 1, "synthesis.no_operations": 1,
            "synthesis.alchemy": 1, "synthesis.unbalanced": 1,
        ])
    }

    /// A truncated or damaged xz file is refused with an error naming the file.
    func testXZErrorsNameTheFile() throws {
        let path = try SharedData.path(Self.file2019)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let directory = try TemporaryDirectory()
        let truncated = try directory.write("truncated.json.xz", bytes.prefix(4096))
        XCTAssertThrowsError(try XZ.decompress(path: truncated)) { error in
            guard case XZError.truncated(let named, _)? = error as? XZError else { return XCTFail("\(error)") }
            XCTAssertEqual(named, truncated)
        }
        var damaged = [UInt8](bytes.prefix(8192))
        for index in 200..<400 { damaged[index] ^= 0x5A }
        let corrupt = try directory.write("corrupt.json.xz", Data(damaged))
        XCTAssertThrowsError(try XZ.decompress(path: corrupt)) { error in
            guard case XZError.corrupt(let named, _, _)? = error as? XZError else { return XCTFail("\(error)") }
            XCTAssertEqual(named, corrupt)
        }
        let notXZ = try directory.write("plain.xz", "this text is not an xz stream at all")
        XCTAssertThrowsError(try XZ.decompress(path: notXZ)) { error in
            guard case XZError.corrupt? = error as? XZError else { return XCTFail("\(error)") }
        }
    }

    /// How Chemistry's parser reads the text-mining group's material-parser test strings:
    /// the formula they extracted, compared element by element with their composition.
    func testMaterialParserTestDataAgreement() throws {
        let path = try SharedData.path("synthesis/MaterialParser_test_data.json")
        let cases = try JSONDecoder().decode([ParserCase].self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        XCTAssertEqual(cases.count, 61)
        var compared = 0
        var agreed = 0
        var disagreements: [String] = []
        for entry in cases {
            guard let expected = entry.parserOutput.first, !expected.composition.isEmpty else { continue }
            compared += 1
            let material = SynthesisMaterial(expected)
            guard let resolution = try? MaterialResolution(material, placeholders: [:]), let ours = resolution.variants.first?.composition else {
                disagreements.append(expected.materialFormula)
                continue
            }
            var theirs: [String: Double] = [:]
            for part in expected.composition {
                let factor = Double(part.amount) ?? 1
                for (symbol, text) in part.elements { theirs[symbol, default: 0] += factor * (Double(text) ?? .nan) }
            }
            let same = Set(theirs.keys) == Set(ours.alphabeticalAmounts.map(\.symbol))
                && theirs.allSatisfy { abs(ours[$0.key] - $0.value) < 1e-6 }
            if same { agreed += 1 } else { disagreements.append(expected.materialFormula) }
        }
        print("MaterialParser_test_data: \(agreed)/\(compared) agree; differ: \(disagreements)")
        XCTAssertGreaterThanOrEqual(agreed, Self.materialParserAgreementFloor)
    }

    /// 41 of 61 agree today (mixtures, `□` vacancies and symbolic amounts differ).
    static let materialParserAgreementFloor = 40

    /// One case of the material-parser test data.
    struct ParserCase: Decodable {
        let material: String
        let parserOutput: [SynthesisMaterialProbe]
        enum CodingKeys: String, CodingKey { case material, parserOutput = "parser_output" }
    }

    /// The expected parse, decoded with the ingest's own material model.
    typealias SynthesisMaterialProbe = SynthesisMaterial

    /// Every reaction of a file, decoded with the ingest's model.
    static func reactions(_ path: String, only index: Int? = nil) throws -> [SynthesisReaction] {
        let bytes = try SynthesisIngester.load(path: path)
        let layout = try bytes.withUnsafeBufferPointer { try JSONRecordSplitter.split($0, key: "reactions") }
        let decoder = JSONDecoder()
        let records = index.map { [layout.records[$0]] } ?? layout.records
        return try records.map { try decoder.decode(SynthesisReaction.self, from: Data(bytes[$0])) }
    }
}

private extension SynthesisMaterial {
    /// Identity: the probe type is the model itself.
    init(_ other: SynthesisMaterial) { self = other }
}
