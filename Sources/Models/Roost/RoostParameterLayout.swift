import Learning

/// The names, shapes and fan-ins of Roost's parameters for one configuration.
///
/// A linear layer on a concatenation h_i ⊕ h_j is stored as two weight matrices (`…w1self`,
/// `…w1nbr`) so it can be applied per node and gathered per pair; the two together are exactly
/// one linear layer of input width 2d.
public struct RoostParameterLayout: Sendable {
    /// One parameter: its name, shape and the fan-in that scales its initial values.
    public struct Entry: Sendable {
        /// Parameter name.
        public let name: String
        /// Tensor shape.
        public let shape: [Int]
        /// Input width of the layer the parameter belongs to.
        public let fanIn: Int
    }

    /// Every parameter, in a fixed order.
    public let entries: [Entry]

    /// The layout of `config`.
    public init(_ config: RoostConfig) {
        let d = config.featureDimension
        var entries: [Entry] = []
        func linear(_ prefix: String, _ input: Int, _ output: Int, bias: Bool = true) {
            entries.append(Entry(name: prefix + ".w", shape: [input, output], fanIn: input))
            if bias { entries.append(Entry(name: prefix + ".b", shape: [output], fanIn: input)) }
        }
        /// A one-hidden-layer network on the pair concatenation (input 2d).
        func pairNetwork(_ prefix: String, hidden: Int, output: Int) {
            entries.append(Entry(name: prefix + ".w1self", shape: [d, hidden], fanIn: 2 * d))
            entries.append(Entry(name: prefix + ".w1nbr", shape: [d, hidden], fanIn: 2 * d))
            entries.append(Entry(name: prefix + ".b1", shape: [hidden], fanIn: 2 * d))
            linear(prefix + ".2", hidden, output)
        }
        linear("embed", config.embeddingDimension, d - 1)
        for t in 0..<config.messageLayers {
            for m in 0..<config.messageHeads {
                pairNetwork("mp\(t).h\(m).gate", hidden: config.messageHidden, output: 1)
                pairNetwork("mp\(t).h\(m).msg", hidden: config.messageHidden, output: d)
            }
        }
        for m in 0..<config.poolingHeads {
            linear("pool.h\(m).gate.1", d, config.poolingHidden)
            linear("pool.h\(m).gate.2", config.poolingHidden, 1)
            linear("pool.h\(m).msg.1", d, config.poolingHidden)
            linear("pool.h\(m).msg.2", config.poolingHidden, d)
        }
        var width = d
        for (k, hidden) in config.outputHidden.enumerated() {
            linear("out\(k)", width, hidden)
            if hidden != width { linear("out\(k).res", width, hidden, bias: false) }
            width = hidden
        }
        linear("head.mean", width, 1)
        linear("head.logstd", width, 1)
        self.entries = entries
    }

    /// PyTorch's default initialisation of linear layers: U(−1/√fan-in, 1/√fan-in) for weights
    /// and biases, drawn in layout order from a generator seeded with `seed`.
    public func initialParameters(seed: UInt64) -> Parameters {
        var generator = SeededGenerator(seed: seed)
        var tensors: [String: Tensor] = [:]
        for entry in entries {
            let bound = 1 / Float(Double(entry.fanIn).squareRoot())
            tensors[entry.name] = Tensor.randomUniform(entry.shape, lower: -bound, upper: bound, generator: &generator)
        }
        return Parameters(tensors)
    }

    /// Why `parameters` do not fit this layout (missing, extra or misshapen tensors), or `nil`.
    public func mismatch(_ parameters: Parameters) -> String? {
        for entry in entries {
            guard let tensor = parameters[entry.name] else { return "missing tensor \(entry.name)" }
            if tensor.shape != entry.shape {
                return "tensor \(entry.name) has shape \(tensor.shape), expected \(entry.shape)"
            }
            if !tensor.scalars.allSatisfy(\.isFinite) { return "tensor \(entry.name) holds non-finite values" }
        }
        if parameters.count != entries.count {
            let known = Set(entries.map(\.name))
            let extra = parameters.names.filter { !known.contains($0) }
            return "unexpected tensors \(extra.prefix(5).joined(separator: ", "))"
        }
        return nil
    }
}
