import Chemistry
import Crystal
import Discovery
import Foundation
import Models
import XCTest

/// Candidate generation on real Materials Project CIFs: labels from the project's symmetry
/// code, substitutions mined among them, and every candidate checked by another route
/// (the Wren reader's multiplicity check, and a composition set built here).
final class MPCandidateTests: XCTestCase {
    func testCandidatesFromMPCIFsAreValidNewAndDistinct() throws {
        let folder = try SharedData.path("cif/mp")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".cif") }.sorted()
        XCTAssertEqual(names.count, 4704)
        var known: [KnownStructure] = []
        for name in names.prefix(400) {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
            guard let structure = try? CIFReader.readStructure(bytes: [UInt8](Data(contentsOf: url))).structure,
                  let label = try? ProtostructureLabel(structure: structure).description,
                  let assignment = try? SiteAssignment(label: label),
                  let composition = ProtostructureValidity.composition(label: label) else { continue }
            known.append(KnownStructure(id: String(name.dropLast(4)), label: label, assignment: assignment,
                                        composition: composition, energyAboveHull: nil))
        }
        XCTAssertGreaterThan(known.count, 380, "almost every MP CIF gives a label")
        let result = CandidateGenerator(maxEnergyAboveHull: nil, top: 300).generate(from: known)
        XCTAssertGreaterThan(result.substitutions.pairCount, 0)
        XCTAssertFalse(result.candidates.isEmpty)
        let knownFormulas = Set(try known.map { try Composition(formula: $0.composition.reducedFormula).canonicalKey() })
        var seen = Set<String>()
        for candidate in result.candidates {
            XCTAssertTrue(candidate.valid, candidate.protostructure)
            XCTAssertTrue(seen.insert(candidate.protostructure).inserted, "duplicate \(candidate.protostructure)")
            // Another route to validity: Wren's reader recomputes the formula from the multiplicities.
            XCTAssertNoThrow(try Protostructure(label: candidate.protostructure), candidate.protostructure)
            let key = try Composition(formula: candidate.composition).canonicalKey()
            XCTAssertFalse(knownFormulas.contains(key), "\(candidate.composition) is already known")
            let parent = try XCTUnwrap(known.first { $0.id == candidate.parent })
            XCTAssertEqual(SiteAssignment.prototypeKeyOf(candidate.protostructure), parent.assignment.prototypeKey,
                           "a substitution keeps the prototype")
        }
        let probabilities = result.candidates.map(\.probability)
        XCTAssertEqual(probabilities, probabilities.sorted(by: >))
    }
}

extension SiteAssignment {
    static func prototypeKeyOf(_ label: String) -> String? { (try? SiteAssignment(label: label))?.prototypeKey }
}
