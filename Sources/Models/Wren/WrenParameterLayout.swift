import Learning

/// The names, shapes and fan-ins of Wren's parameters for one configuration (the same
/// conventions as `RoostParameterLayout`).
public struct WrenParameterLayout: Sendable {
    /// The shared layout behind the names.
    public let layout: ParameterLayout

    /// Every parameter, in a fixed order.
    public var entries: [ParameterLayout.Entry] { layout.entries }

    /// The layout of `config`.
    public init(_ config: WrenConfig) {
        let d = config.featureDimension
        var builder = ParameterLayout.Builder()
        builder.linear("embed.element", config.elementEmbeddingDimension, config.elementFeatures)
        builder.linear("embed.wyckoff", config.wyckoffEmbeddingDimension + 1, config.wyckoffFeatures)
        builder.messagePassing(layers: config.messageLayers, heads: config.messageHeads, node: d, hidden: config.messageHidden)
        builder.attentionPooling(heads: config.poolingHeads, node: d, hidden: config.poolingHidden)
        builder.residualOutput(input: d, hidden: config.outputHidden)
        self.layout = builder.layout
    }

    /// U(−1/√fan-in, 1/√fan-in) initialisation in layout order, seeded (`ParameterLayout`).
    public func initialParameters(seed: UInt64) -> Parameters { layout.initialParameters(seed: seed) }

    /// Why `parameters` do not fit this layout, or `nil`.
    public func mismatch(_ parameters: Parameters) -> String? { layout.mismatch(parameters) }
}
