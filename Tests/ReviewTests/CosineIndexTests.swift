import Learning
import XCTest
@testable import Review

/// Blocked cosine top-K against a direct computation in Double.
final class CosineIndexTests: XCTestCase {
    func testBlockedTopKMatchesBruteForce() throws {
        var generator = SeededGenerator(seed: 42)
        let references = (0..<300).map { _ in (0..<24).map { _ in generator.nextStandardNormal() } }
        let queries = Array(references.prefix(50)) + (0..<20).map { _ in (0..<24).map { _ in generator.nextStandardNormal() } }
        let index = try CosineIndex(keys: references.indices.map { "k\($0)" }, vectors: references)
        let found = try index.nearest(queries, k: 7, blockSize: 16) { q, r in q == r }
        for (q, query) in queries.enumerated() {
            func cosine(_ a: [Float], _ b: [Float]) -> Double {
                let dot = zip(a, b).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
                let na = a.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot(), nb = b.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
                return dot / (na * nb)
            }
            let expected = references.indices.filter { $0 != q }.map { ($0, cosine(query, references[$0])) }
                .sorted { $0.1 > $1.1 }.prefix(7)
            XCTAssertEqual(found[q].map(\.index), expected.map(\.0), "query \(q)")
            for (neighbour, (_, similarity)) in zip(found[q], expected) {
                XCTAssertEqual(Double(neighbour.similarity), similarity, accuracy: 1e-5)
            }
        }
        // The query itself is its own best match when not excluded.
        XCTAssertEqual(try index.nearest([references[3]], k: 1).first?.first?.key, "k3")
        XCTAssertEqual(try index.nearest([references[3]], k: 1).first?.first?.similarity ?? 0, 1, accuracy: 1e-5)
        XCTAssertThrowsError(try index.nearest([[1, 2]], k: 1))
        XCTAssertThrowsError(try CosineIndex(keys: ["a", "b"], vectors: [[1, 2], [1]]))
        XCTAssertEqual(try CosineIndex(keys: ["z"], vectors: [[0, 0]]).nearest([[1, 0]], k: 1).first?.first?.similarity, 0)
    }
}
