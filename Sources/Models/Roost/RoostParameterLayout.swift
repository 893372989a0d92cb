import Learning

/// The names, shapes and fan-ins of Roost's parameters for one configuration.
///
/// A linear layer on a concatenation h_i ⊕ h_j is stored as two weight matrices (`…w1self`,
/// `…w1nbr`) so it can be applied per node and gathered per pair; the two together are exactly
/// one linear layer of input width 2d.
public struct RoostParameterLayout: Sendable {
    /// One parameter: its name, shape and the fan-in that scales its initial values.
    public typealias Entry = ParameterLayout.Entry

    /// The shared layout behind the names.
    public let layout: ParameterLayout

    /// Every parameter, in a fixed order.
    public var entries: [Entry] { layout.entries }

    /// The layout of `config`.
    public init(_ config: RoostConfig) {
        let d = config.featureDimension
        var builder = ParameterLayout.Builder()
        builder.linear("embed", config.embeddingDimension, d - 1)
        builder.messagePassing(layers: config.messageLayers, heads: config.messageHeads, node: d, hidden: config.messageHidden)
        builder.attentionPooling(heads: config.poolingHeads, node: d, hidden: config.poolingHidden)
        builder.residualOutput(input: d, hidden: config.outputHidden)
        if config.attentionPower == .learned {
            builder.attentionPowers(messageLayers: config.messageLayers, messageHeads: config.messageHeads, poolingHeads: config.poolingHeads)
        }
        self.layout = builder.layout
    }

    /// U(−1/√fan-in, 1/√fan-in) initialisation in layout order, seeded (`ParameterLayout`).
    public func initialParameters(seed: UInt64) -> Parameters { layout.initialParameters(seed: seed) }

    /// Why `parameters` do not fit this layout (missing, extra or misshapen tensors), or `nil`.
    public func mismatch(_ parameters: Parameters) -> String? { layout.mismatch(parameters) }
}
