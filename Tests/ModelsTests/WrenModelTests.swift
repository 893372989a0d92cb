import Chemistry
import Crystal
import XCTest
@testable import Learning
@testable import Models

/// Labels, labellings, invariance and persistence of Wren.
final class WrenModelTests: XCTestCase {
    func testLabelParsing() throws {
        let rocksalt = try Protostructure(label: "AB_cF8_225_a_b:Cl-Na")
        XCTAssertEqual(rocksalt.spaceGroup, 225)
        XCTAssertEqual(rocksalt.sites, [.init(z: 11, letter: "b"), .init(z: 17, letter: "a")])
        XCTAssertEqual(rocksalt.weights, [0.5, 0.5])
        let perovskite = try Protostructure(label: "AB3C_cP5_221_a_c_b:Ca-O-Ti")
        XCTAssertEqual(perovskite.sites.count, 3)
        XCTAssertEqual(perovskite.weights.reduce(0, +), 1, accuracy: 1e-12)
        let twoOrbits = try Protostructure(label: "AB2_mC12_12_i_2i:Cu-O")
        XCTAssertEqual(twoOrbits.sites.filter { $0.z == 8 }.count, 2)
        XCTAssertThrowsError(try Protostructure(label: "AB_cF8_225_a_c:Cl-Na"))  // 4a + 8c is AB2
        XCTAssertThrowsError(try Protostructure(label: "AB_cF8_225_a_z:Cl-Na"))  // no 225z
        XCTAssertThrowsError(try Protostructure(label: "AB_cF8_225_a:Cl-Na"))    // one part, two elements
        XCTAssertThrowsError(try Protostructure(label: "not a label"))
    }

    func testEquivalentLabellingsFollowTheNormaliser() throws {
        // R-3 (148): letters abcdef ↔ bacedf.
        let one = try WrenTestData.protostructure(148, [("Li", "a"), ("Fe", "b"), ("O", "f")])
        let other = try WrenTestData.protostructure(148, [("Li", "b"), ("Fe", "a"), ("O", "f")])
        XCTAssertEqual(one.equivalentLabellings, other.equivalentLabellings)
        XCTAssertEqual(one.equivalentLabellings.count, 2)
        let p1 = try WrenTestData.protostructure(1, [("Li", "a")])
        XCTAssertEqual(p1.equivalentLabellings, [p1])
    }

    func testEquivalentLabellingsGiveIdenticalPredictions() throws {
        let embedding = try TestData.smallEmbedding()
        let config = WrenConfig.tiny(elementEmbeddingDimension: embedding.dimension,
                                     wyckoffEmbeddingDimension: WyckoffEmbedding.standard.dimension)
        let model = WrenModel(config: config, seed: 3)
        let cases: [(Protostructure, Protostructure)] = [
            (try WrenTestData.protostructure(148, [("Li", "a"), ("Fe", "b"), ("O", "f")]),
             try WrenTestData.protostructure(148, [("Li", "b"), ("Fe", "a"), ("O", "f")])),
            (try WrenTestData.protostructure(225, [("Na", "a"), ("Cl", "b")]),
             try WrenTestData.protostructure(225, [("Na", "b"), ("Cl", "a")])),
            (try WrenTestData.protostructure(221, [("Cu", "a"), ("O", "d")]),
             try WrenTestData.protostructure(221, [("Cu", "b"), ("O", "c")])),
        ]
        for (a, b) in cases {
            XCTAssertNotEqual(a.sites, b.sites)
            // Alone, the two labellings build the same augmented graph, so the outputs are bit-identical.
            let outA = model.predict(try WrenBatch(protostructures: [a], elements: embedding))
            let outB = model.predict(try WrenBatch(protostructures: [b], elements: embedding))
            XCTAssertEqual(outA.mean, outB.mean, "\(a) vs \(b)")
            XCTAssertEqual(outA.logStandardDeviation, outB.logStandardDeviation, "\(a) vs \(b)")
            // In one batch, rows may round differently in the matrix products, by an ulp or so.
            let together = model.predict(try WrenBatch(protostructures: [a, b], elements: embedding))
            XCTAssertEqual(together.mean[0], together.mean[1], accuracy: 1e-6)
        }
        // A labelling that is not equivalent (Cl on 8c instead of 4b) changes the prediction.
        let rocksalt = try WrenTestData.protostructure(225, [("Na", "a"), ("Cl", "b")])
        let fluorite = try WrenTestData.protostructure(225, [("Na", "a"), ("Cl", "c")])
        let out = model.predict(try WrenBatch(protostructures: [rocksalt, fluorite], elements: embedding))
        XCTAssertNotEqual(out.mean[0], out.mean[1])
    }

    func testBatchingDoesNotChangePredictions() throws {
        let embedding = try TestData.smallEmbedding()
        let config = WrenConfig.tiny(elementEmbeddingDimension: embedding.dimension,
                                     wyckoffEmbeddingDimension: WyckoffEmbedding.standard.dimension)
        let model = WrenModel(config: config, seed: 4)
        let inputs = [try WrenTestData.protostructure(148, [("Li", "a"), ("Fe", "b"), ("O", "f")]),
                      try WrenTestData.protostructure(225, [("Na", "a"), ("Cl", "b")])]
        let together = model.predict(try WrenBatch(protostructures: inputs, elements: embedding)).mean
        for (k, input) in inputs.enumerated() {
            let alone = model.predict(try WrenBatch(protostructures: [input], elements: embedding)).mean
            XCTAssertEqual(alone[0], together[k], accuracy: 1e-5)
        }
    }

    func testNamedSizesAreThePaperSmallAndTinyConfigurations() {
        let w = WyckoffEmbedding.standard.dimension
        XCTAssertEqual(WrenConfig.named("paper", elementEmbeddingDimension: 200, wyckoffEmbeddingDimension: w),
                       WrenConfig(elementEmbeddingDimension: 200, wyckoffEmbeddingDimension: w))
        XCTAssertEqual(WrenConfig.named("tiny", elementEmbeddingDimension: 200, wyckoffEmbeddingDimension: w),
                       .tiny(elementEmbeddingDimension: 200, wyckoffEmbeddingDimension: w))
        let small = WrenConfig.named("small", elementEmbeddingDimension: 200, wyckoffEmbeddingDimension: w)
        XCTAssertEqual(small?.messageLayers, 3, "small keeps the paper's depth")
        XCTAssertEqual(small?.featureDimension, 32)
        XCTAssertNil(small?.problem)
        XCTAssertNil(WrenConfig.named("huge", elementEmbeddingDimension: 200, wyckoffEmbeddingDimension: w))
        XCTAssertEqual(WrenConfig.sizeNames, ["paper", "small", "tiny"])
    }
}
