import Learning

/// The names, shapes and fan-ins of Wren's parameters for one configuration (the same
/// conventions as `RoostParameterLayout`).
public struct WrenParameterLayout: Sendable {
    /// Every parameter, in a fixed order.
    public let entries: [RoostParameterLayout.Entry]

    /// The layout of `config`.
    public init(_ config: WrenConfig) {
        let d = config.featureDimension
        var entries: [RoostParameterLayout.Entry] = []
        func linear(_ prefix: String, _ input: Int, _ output: Int, bias: Bool = true) {
            entries.append(.init(name: prefix + ".w", shape: [input, output], fanIn: input))
            if bias { entries.append(.init(name: prefix + ".b", shape: [output], fanIn: input)) }
        }
        func pairNetwork(_ prefix: String, hidden: Int, output: Int) {
            entries.append(.init(name: prefix + ".w1self", shape: [d, hidden], fanIn: 2 * d))
            entries.append(.init(name: prefix + ".w1nbr", shape: [d, hidden], fanIn: 2 * d))
            entries.append(.init(name: prefix + ".b1", shape: [hidden], fanIn: 2 * d))
            linear(prefix + ".2", hidden, output)
        }
        linear("embed.element", config.elementEmbeddingDimension, config.elementFeatures)
        linear("embed.wyckoff", config.wyckoffEmbeddingDimension + 1, config.wyckoffFeatures)
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

    /// PyTorch-style U(−1/√fan-in, 1/√fan-in) initialisation, seeded.
    public func initialParameters(seed: UInt64) -> Parameters {
        var generator = SeededGenerator(seed: seed)
        var tensors: [String: Tensor] = [:]
        for entry in entries {
            let bound = 1 / Float(Double(entry.fanIn).squareRoot())
            tensors[entry.name] = Tensor.randomUniform(entry.shape, lower: -bound, upper: bound, generator: &generator)
        }
        return Parameters(tensors)
    }

    /// Why `parameters` do not fit this layout, or `nil`.
    public func mismatch(_ parameters: Parameters) -> String? {
        for entry in entries {
            guard let tensor = parameters[entry.name] else { return "missing tensor \(entry.name)" }
            if tensor.shape != entry.shape { return "tensor \(entry.name) has shape \(tensor.shape), expected \(entry.shape)" }
            if !tensor.scalars.allSatisfy(\.isFinite) { return "tensor \(entry.name) holds non-finite values" }
        }
        if parameters.count != entries.count { return "\(parameters.count) tensors, expected \(entries.count)" }
        return nil
    }
}
