import Discovery
import Foundation
import XCTest

final class CandidateGeneratorTests: XCTestCase {
    func known(_ id: String, _ label: String, _ eHull: Double?) throws -> KnownStructure {
        let assignment = try SiteAssignment(label: label)
        return KnownStructure(id: id, label: label, assignment: assignment,
                              composition: try XCTUnwrap(ProtostructureValidity.composition(label: label)), energyAboveHull: eHull)
    }

    /// Rocksalt NaCl, KCl, NaBr (and CsCl-type CsCl, a prototype of its own). Pairs by hand:
    /// NaCl–KCl: Na↔K; NaCl–NaBr: Cl↔Br; KCl–NaBr: K↔Na and Cl↔Br (fewest changes, then the
    /// closest Pettifor numbers). So count(Na,K) = count(Cl,Br) = 2 and each row has one entry.
    func testSubstitutionCountsAndNormalisation() throws {
        let structures = [
            try known("nacl", "AB_cF8_225_a_b:Cl-Na", 0), try known("kcl", "AB_cF8_225_a_b:Cl-K", 0),
            try known("nabr", "AB_cF8_225_a_b:Br-Na", 0), try known("cscl", "AB_cP2_221_a_b:Cl-Cs", 0),
        ]
        let p = SubstitutionProbabilities(assignments: structures.map(\.assignment))
        XCTAssertEqual(p.counts["Na"], ["K": 2])
        XCTAssertEqual(p.counts["K"], ["Na": 2])
        XCTAssertEqual(p.counts["Cl"], ["Br": 2])
        XCTAssertNil(p.counts["Cs"])
        XCTAssertEqual(p.pairCount, 3)
        XCTAssertEqual(p.sharedPrototypeCount, 1)
        XCTAssertEqual(p.probability("Na", "K"), 1)
        XCTAssertEqual(p.probability("Cs", "K"), 0)
    }

    /// Rocksalt NaCl, KCl (0.01 above the hull), NaBr and LiCl (0.5 above: not a parent).
    /// Pairs by hand: NaCl–KCl Na↔K; NaCl–NaBr Cl↔Br; NaCl–LiCl Na↔Li; KCl–NaBr K↔Na, Cl↔Br;
    /// KCl–LiCl K↔Li; NaBr–LiCl Na↔Li, Br↔Cl. Rows: Na {K 2, Li 2}, Cl {Br 3}, K {Na 2, Li 1}.
    /// Substituting the three parents gives known compositions except KBr (from KCl, Cl→Br,
    /// P = 1; from NaBr, Na→K, only 0.5) and LiBr (from NaBr, Na→Li, P = 0.5).
    func testCandidatesAreNewValidAndFromNearHullParents() throws {
        let structures = [
            try known("nacl", "AB_cF8_225_a_b:Cl-Na", 0), try known("kcl", "AB_cF8_225_a_b:Cl-K", 0.01),
            try known("nabr", "AB_cF8_225_a_b:Br-Na", 0), try known("licl", "AB_cF8_225_a_b:Cl-Li", 0.5),
        ]
        let result = CandidateGenerator(maxEnergyAboveHull: 0.05, top: 50).generate(from: structures)
        XCTAssertEqual(result.parentCount, 3)
        XCTAssertEqual(result.substitutions.probability("Na", "K"), 0.5)
        XCTAssertEqual(result.substitutions.probability("K", "Li"), 1.0 / 3.0, accuracy: 1e-12)
        XCTAssertEqual(result.candidates.map(\.protostructure), ["AB_cF8_225_a_b:Br-K", "AB_cF8_225_a_b:Br-Li"])
        XCTAssertEqual(result.candidates.map(\.composition), ["KBr", "LiBr"])
        XCTAssertEqual(result.candidates.map(\.parent), ["kcl", "nabr"])
        XCTAssertEqual(result.candidates.map(\.substitution), ["Cl->Br", "Na->Li"])
        XCTAssertEqual(result.candidates.map(\.probability), [1.0, 0.5])
        XCTAssertEqual(result.candidates.map(\.id), ["cand-1", "cand-2"])
        XCTAssertTrue(result.candidates.allSatisfy(\.valid))
        XCTAssertEqual(result.novelCount, 2)

        let top1 = CandidateGenerator(maxEnergyAboveHull: 0.05, top: 1).generate(from: structures)
        XCTAssertEqual(top1.candidates.map(\.composition), ["KBr"])
        let strict = CandidateGenerator(maxEnergyAboveHull: 0.0, top: 50).generate(from: structures)
        XCTAssertEqual(strict.candidates.map(\.composition), ["KBr", "LiBr"], "KBr still comes from NaBr when KCl is not a parent")
        XCTAssertEqual(strict.candidates.first?.parent, "nabr")
    }
}

final class KnownStructureTableTests: XCTestCase {
    /// A wyckoff release folder is read through exports/wren/*.csv; the formation energies
    /// give hull distances over all splits together. By hand (Na–Cl, references at 0):
    /// rocksalt NaCl at −2.0 is on the hull; the CsCl-type polymorph at −1.9 lies 0.1 above it.
    func testReleaseFolderAndHullFromFormationEnergies() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("release-\(UUID().uuidString)")
        let exports = root.appendingPathComponent("exports/wren")
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "material_id,composition,protostructure,formation_energy_per_atom\nr1,NaCl,AB_cF8_225_a_b:Cl-Na,-2.0\n"
            .write(to: exports.appendingPathComponent("train.csv"), atomically: true, encoding: .utf8)
        try "material_id,composition,protostructure,formation_energy_per_atom\nr2,NaCl,AB_cP2_221_a_b:Cl-Na,-1.9\n"
            .write(to: exports.appendingPathComponent("test.csv"), atomically: true, encoding: .utf8)
        let loaded = try KnownStructureTable.load(path: root.path)
        XCTAssertEqual(loaded.distanceSource, "hull of formation_energy_per_atom")
        let byID = Dictionary(uniqueKeysWithValues: loaded.structures.map { ($0.id, $0.energyAboveHull) })
        XCTAssertEqual(try XCTUnwrap(byID["r1"] ?? nil), 0, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(byID["r2"] ?? nil), 0.1, accuracy: 1e-9)
        XCTAssertThrowsError(try KnownStructureTable.load(path: exports.path), "a folder that is not a release")
    }
}
