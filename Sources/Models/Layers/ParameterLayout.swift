import Learning

/// The names, shapes and fan-ins of a model's parameters, in a fixed order, with the shared
/// initialisation and shape check. Models build theirs with `ParameterLayout.Builder`.
public struct ParameterLayout: Sendable {
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

    /// Appends the parameters of the building blocks in `AttentionLayers`, named as they read them.
    public struct Builder {
        /// The entries so far.
        public private(set) var entries: [Entry] = []

        /// An empty layout.
        public init() {}

        /// The finished layout.
        public var layout: ParameterLayout { ParameterLayout(entries: entries) }

        /// A linear layer `prefix.w` [input, output] and, with `bias`, `prefix.b` [output].
        public mutating func linear(_ prefix: String, _ input: Int, _ output: Int, bias: Bool = true) {
            entries.append(Entry(name: prefix + ".w", shape: [input, output], fanIn: input))
            if bias { entries.append(Entry(name: prefix + ".b", shape: [output], fanIn: input)) }
        }

        /// A one-hidden-layer network on the pair concatenation h_i ⊕ h_j (⊕ a context of width
        /// `context`), stored as per-node matrices `w1self`, `w1nbr` (and `w1ctx`) so it can be
        /// applied per node and gathered per pair; together exactly one linear layer.
        public mutating func pairNetwork(_ prefix: String, node d: Int, context: Int = 0, hidden: Int, output: Int) {
            let fanIn = 2 * d + context
            entries.append(Entry(name: prefix + ".w1self", shape: [d, hidden], fanIn: fanIn))
            entries.append(Entry(name: prefix + ".w1nbr", shape: [d, hidden], fanIn: fanIn))
            if context > 0 { entries.append(Entry(name: prefix + ".w1ctx", shape: [context, hidden], fanIn: fanIn)) }
            entries.append(Entry(name: prefix + ".b1", shape: [hidden], fanIn: fanIn))
            linear(prefix + ".2", hidden, output)
        }

        /// `layers` × `heads` gate and message pair networks, `mp{t}.h{m}.gate|msg`.
        public mutating func messagePassing(layers: Int, heads: Int, node d: Int, context: Int = 0, hidden: Int) {
            for t in 0..<layers {
                for m in 0..<heads {
                    pairNetwork("mp\(t).h\(m).gate", node: d, context: context, hidden: hidden, output: 1)
                    pairNetwork("mp\(t).h\(m).msg", node: d, context: context, hidden: hidden, output: d)
                }
            }
        }

        /// `heads` gate and message node networks of the attention pooling, `pool.h{m}.gate|msg`.
        public mutating func attentionPooling(heads: Int, node d: Int, hidden: Int) {
            for m in 0..<heads {
                linear("pool.h\(m).gate.1", d, hidden)
                linear("pool.h\(m).gate.2", hidden, 1)
                linear("pool.h\(m).msg.1", d, hidden)
                linear("pool.h\(m).msg.2", hidden, d)
            }
        }

        /// The learnable attention powers (`AttentionPower.learned`) of every message-passing head
        /// `mp{t}.h{m}.gate.pow` and pooling head `pool.h{m}.gate.pow`, each [1, 1], initialised
        /// U(−1, 1) (aviary draws N(0, 1)). Appended after every other parameter, so the others
        /// initialise as without them.
        public mutating func attentionPowers(messageLayers: Int, messageHeads: Int, poolingHeads: Int) {
            for t in 0..<messageLayers {
                for m in 0..<messageHeads { entries.append(Entry(name: "mp\(t).h\(m).gate.pow", shape: [1, 1], fanIn: 1)) }
            }
            for m in 0..<poolingHeads { entries.append(Entry(name: "pool.h\(m).gate.pow", shape: [1, 1], fanIn: 1)) }
        }

        /// The residual output network `out{k}` (with `out{k}.res` where widths change) and the
        /// `head.mean` / `head.logstd` outputs.
        public mutating func residualOutput(input: Int, hidden: [Int]) {
            var width = input
            for (k, next) in hidden.enumerated() {
                linear("out\(k)", width, next)
                if next != width { linear("out\(k).res", width, next, bias: false) }
                width = next
            }
            linear("head.mean", width, 1)
            linear("head.logstd", width, 1)
        }
    }
}
