import Chemistry
import Foundation
import Learning

/// A fixed vector per element, the input features of Roost's nodes.
///
/// Loaded from a JSON object `{"H": [..], "He": [..], …}` (the format of
/// `embeddings/element/*.json`), or the project's own one-hot default (`oneHot`).
public struct ElementEmbedding: Sendable, Equatable {
    /// A short name recorded with trained models (e.g. `matscholar200`, `onehot118`).
    public let name: String
    /// The length of every vector.
    public let dimension: Int
    /// Vectors indexed by atomic number − 1; `nil` for elements the embedding lacks.
    private let vectors: [[Float]?]

    /// Creates an embedding from symbol → vector. Every symbol must be an element and every
    /// vector finite and of one length.
    public init(name: String, vectorsBySymbol: [String: [Float]]) throws(ModelsError) {
        guard let first = vectorsBySymbol.values.first, !first.isEmpty else {
            throw .invalidEmbedding("\(name): no vectors")
        }
        var table = [[Float]?](repeating: nil, count: PeriodicTable.elements.count)
        for (symbol, vector) in vectorsBySymbol {
            guard let element = PeriodicTable.element(symbol: symbol) else {
                throw .invalidEmbedding("\(name): \"\(symbol)\" is not an element symbol")
            }
            guard vector.count == first.count else {
                throw .invalidEmbedding("\(name): \(symbol) has \(vector.count) values, expected \(first.count)")
            }
            guard vector.allSatisfy(\.isFinite) else {
                throw .invalidEmbedding("\(name): \(symbol) has a non-finite value")
            }
            table[element.z - 1] = vector
        }
        self.name = name
        self.dimension = first.count
        self.vectors = table
    }

    /// Reads a JSON embedding file; the name defaults to the file name without extension.
    public static func load(path: String, name: String? = nil) throws(ModelsError) -> ElementEmbedding {
        let url = URL(fileURLWithPath: path)
        let decoded: [String: [Float]]
        do {
            decoded = try JSONDecoder().decode([String: [Float]].self, from: Data(contentsOf: url))
        } catch {
            throw .unreadable(path: path, reason: "not a JSON object of symbol → number array (\(error.localizedDescription))")
        }
        return try ElementEmbedding(name: name ?? url.deletingPathExtension().lastPathComponent,
                                    vectorsBySymbol: decoded)
    }

    /// The project's default: a one-hot vector over all 118 elements (by atomic number).
    public static let oneHot: ElementEmbedding = {
        let n = PeriodicTable.elements.count
        let vectors: [[Float]?] = (0..<n).map { index in
            var v = [Float](repeating: 0, count: n)
            v[index] = 1
            return v
        }
        return ElementEmbedding(unchecked: "onehot\(n)", dimension: n, vectors: vectors)
    }()

    private init(unchecked name: String, dimension: Int, vectors: [[Float]?]) {
        self.name = name
        self.dimension = dimension
        self.vectors = vectors
    }

    /// The vector of the element with atomic number `z`, or `nil` if the embedding lacks it.
    public func vector(z: Int) -> [Float]? {
        z >= 1 && z <= vectors.count ? vectors[z - 1] : nil
    }

    /// The symbols of `composition`'s elements that this embedding lacks.
    public func missingSymbols(in composition: Composition) -> [String] {
        composition.entries.filter { vector(z: Int($0.z)) == nil }.map(\.element.symbol)
    }

    /// The embedding as a JSON object symbol → vector (keys sorted), loadable with `load`.
    public func jsonData() throws -> Data {
        var object: [String: [Float]] = [:]
        for element in PeriodicTable.elements {
            if let v = vector(z: element.z) { object[element.symbol] = v }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(object)
    }
}
