import Chemistry
import Crystal
import XCTest
@testable import Models

/// Small builders shared by the Wren tests.
enum WrenTestData {
    /// A very small Wren for gradient checks.
    static func microConfig(elementDimension: Int) -> WrenConfig {
        WrenConfig(elementEmbeddingDimension: elementDimension, wyckoffEmbeddingDimension: WyckoffEmbedding.standard.dimension,
                   elementFeatures: 3, wyckoffFeatures: 3, messageLayers: 2, messageHeads: 2, messageHidden: 5,
                   poolingHeads: 2, poolingHidden: 5, outputHidden: [6, 4])
    }

    /// A protostructure from `(symbol, letter)` pairs.
    static func protostructure(_ spaceGroup: Int, _ sites: [(String, String)]) throws -> Protostructure {
        try Protostructure(spaceGroup: spaceGroup, sites: sites.map { symbol, letter in
            Protostructure.Site(z: PeriodicTable.element(symbol: symbol)?.z ?? 0, letter: letter)
        })
    }
}

