/// Sizes of the reaction-graph model (thesis appendix A.2). Defaults are the thesis's; tests use `tiny`.
public struct ReactionConfig: Codable, Sendable, Equatable {
    /// Length of a precursor descriptor (`PrecursorDescriptors.dimension`).
    public var descriptorDimension: Int
    /// Length of the action embedding (the action encoder's hidden width).
    public var actionDimension: Int
    /// Node size: descriptors are embedded to `nodeDimension − 1` and the precursor weight appended.
    public var nodeDimension: Int
    /// Message-passing layers.
    public var messageLayers: Int
    /// Attention heads per message-passing layer.
    public var messageHeads: Int
    /// Hidden width of the gate and message networks.
    public var messageHidden: Int
    /// Heads of the attention pooling into the reaction embedding.
    public var poolingHeads: Int
    /// Hidden width of the pooling networks.
    public var poolingHidden: Int
    /// Hidden widths of the stage-1 element classifier.
    public var classifierHidden: [Int]
    /// Number of element classes (atomic numbers 1…elementCount).
    public var elementCount: Int
    /// Width of the learned element embedding of stage 2.
    public var elementEmbeddingDimension: Int
    /// Hidden widths of the stage-2 stoichiometry network.
    public var stoichiometryHidden: [Int]
    /// Negative slope of the LeakyReLUs.
    public var leakyReluSlope: Float

    /// Creates a configuration; every size defaults to the thesis's.
    public init(
        descriptorDimension: Int = PrecursorDescriptors.dimension, actionDimension: Int = 32, nodeDimension: Int = 128,
        messageLayers: Int = 5, messageHeads: Int = 3, messageHidden: Int = 256, poolingHeads: Int = 3, poolingHidden: Int = 256,
        classifierHidden: [Int] = [256, 512, 512, 256], elementCount: Int = 118, elementEmbeddingDimension: Int = 32,
        stoichiometryHidden: [Int] = [256, 128], leakyReluSlope: Float = 0.01
    ) {
        self.descriptorDimension = descriptorDimension
        self.actionDimension = actionDimension
        self.nodeDimension = nodeDimension
        self.messageLayers = messageLayers
        self.messageHeads = messageHeads
        self.messageHidden = messageHidden
        self.poolingHeads = poolingHeads
        self.poolingHidden = poolingHidden
        self.classifierHidden = classifierHidden
        self.elementCount = elementCount
        self.elementEmbeddingDimension = elementEmbeddingDimension
        self.stoichiometryHidden = stoichiometryHidden
        self.leakyReluSlope = leakyReluSlope
    }

    /// A small configuration for tests and quick runs.
    public static func tiny(actionDimension: Int) -> ReactionConfig {
        ReactionConfig(actionDimension: actionDimension, nodeDimension: 12, messageLayers: 2, messageHeads: 2, messageHidden: 16,
                       poolingHeads: 2, poolingHidden: 16, classifierHidden: [16, 16], elementEmbeddingDimension: 6,
                       stoichiometryHidden: [16])
    }

    /// A description of the first size that cannot work, or `nil`.
    public var problem: String? {
        if descriptorDimension < 1 || actionDimension < 0 { return "descriptor and action widths must be positive" }
        if nodeDimension < 2 { return "nodeDimension must be at least 2" }
        if messageLayers < 0 { return "messageLayers must not be negative" }
        if messageHeads < 1 || poolingHeads < 1 { return "heads must be at least 1" }
        if messageHidden < 1 || poolingHidden < 1 || elementEmbeddingDimension < 1 { return "hidden widths must be at least 1" }
        if (classifierHidden + stoichiometryHidden).contains(where: { $0 < 1 }) { return "hidden widths must be at least 1" }
        if elementCount < 1 { return "elementCount must be at least 1" }
        return nil
    }

    /// The parameter layout (names as `ReactionModel` reads them).
    var layout: ParameterLayout {
        var builder = ParameterLayout.Builder()
        builder.linear("embed", descriptorDimension, nodeDimension - 1)
        builder.messagePassing(layers: messageLayers, heads: messageHeads, node: nodeDimension, context: actionDimension,
                               hidden: messageHidden)
        builder.attentionPooling(heads: poolingHeads, node: nodeDimension, hidden: poolingHidden)
        var width = nodeDimension
        for (k, next) in classifierHidden.enumerated() {
            builder.linear("cls\(k)", width, next)
            width = next
        }
        builder.linear("cls.out", width, elementCount)
        builder.linear("element", elementCount, elementEmbeddingDimension, bias: false)
        width = elementEmbeddingDimension + nodeDimension
        for (k, next) in stoichiometryHidden.enumerated() {
            builder.linear("sto\(k)", width, next)
            width = next
        }
        builder.linear("sto.out", width, 1)
        return builder.layout
    }
}
