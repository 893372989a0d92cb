/// Wren's architecture sizes (thesis appendix A.3). Defaults are the paper's; tests use `tiny`.
public struct WrenConfig: Codable, Sendable, Equatable {
    /// Length of the input element embedding (200 for Matscholar).
    public var elementEmbeddingDimension: Int
    /// Length of the Wyckoff embedding before the fractional multiplicity is appended.
    public var wyckoffEmbeddingDimension: Int
    /// Width of the projected element embedding d*_el.
    public var elementFeatures: Int
    /// Width of the projected Wyckoff embedding d*_wyk.
    public var wyckoffFeatures: Int
    /// Message-passing layers.
    public var messageLayers: Int
    /// Attention heads per message-passing layer.
    public var messageHeads: Int
    /// Hidden width of the gate and message networks in message passing.
    public var messageHidden: Int
    /// Attention heads of the weighted attention pooling.
    public var poolingHeads: Int
    /// Hidden width of the pooling gate and message networks.
    public var poolingHidden: Int
    /// Hidden widths of the residual output network.
    public var outputHidden: [Int]
    /// Negative slope of the LeakyReLU in the attention networks.
    public var leakyReluSlope: Float

    /// Creates a configuration; every size defaults to the paper's.
    public init(
        elementEmbeddingDimension: Int = 200, wyckoffEmbeddingDimension: Int,
        elementFeatures: Int = 32, wyckoffFeatures: Int = 32,
        messageLayers: Int = 3, messageHeads: Int = 1, messageHidden: Int = 256,
        poolingHeads: Int = 1, poolingHidden: Int = 256,
        outputHidden: [Int] = [256, 256, 128, 64], leakyReluSlope: Float = 0.01
    ) {
        self.elementEmbeddingDimension = elementEmbeddingDimension
        self.wyckoffEmbeddingDimension = wyckoffEmbeddingDimension
        self.elementFeatures = elementFeatures
        self.wyckoffFeatures = wyckoffFeatures
        self.messageLayers = messageLayers
        self.messageHeads = messageHeads
        self.messageHidden = messageHidden
        self.poolingHeads = poolingHeads
        self.poolingHidden = poolingHidden
        self.outputHidden = outputHidden
        self.leakyReluSlope = leakyReluSlope
    }

    /// A small configuration for quick runs and tests.
    public static func tiny(elementEmbeddingDimension: Int, wyckoffEmbeddingDimension: Int) -> WrenConfig {
        WrenConfig(elementEmbeddingDimension: elementEmbeddingDimension, wyckoffEmbeddingDimension: wyckoffEmbeddingDimension,
                   elementFeatures: 8, wyckoffFeatures: 8, messageLayers: 2, messageHidden: 32,
                   poolingHidden: 32, outputHidden: [64, 32])
    }

    /// A mid-sized configuration: the paper's depth with narrower layers (16 + 16 features,
    /// hidden 64, output 128-64), for the few thousand structures available offline.
    public static func small(elementEmbeddingDimension: Int, wyckoffEmbeddingDimension: Int) -> WrenConfig {
        WrenConfig(elementEmbeddingDimension: elementEmbeddingDimension, wyckoffEmbeddingDimension: wyckoffEmbeddingDimension,
                   elementFeatures: 16, wyckoffFeatures: 16, messageLayers: 3, messageHidden: 64,
                   poolingHidden: 64, outputHidden: [128, 64])
    }

    /// The sizes `named(_:…)` knows, largest first.
    public static let sizeNames = ["paper", "small", "tiny"]

    /// The configuration called `name` (`paper`, `small` or `tiny`); nil for another name.
    public static func named(_ name: String, elementEmbeddingDimension: Int, wyckoffEmbeddingDimension: Int) -> WrenConfig? {
        switch name {
        case "paper": WrenConfig(elementEmbeddingDimension: elementEmbeddingDimension, wyckoffEmbeddingDimension: wyckoffEmbeddingDimension)
        case "small": .small(elementEmbeddingDimension: elementEmbeddingDimension, wyckoffEmbeddingDimension: wyckoffEmbeddingDimension)
        case "tiny": .tiny(elementEmbeddingDimension: elementEmbeddingDimension, wyckoffEmbeddingDimension: wyckoffEmbeddingDimension)
        default: nil
        }
    }

    /// The node feature width d = d*_el + d*_wyk.
    public var featureDimension: Int { elementFeatures + wyckoffFeatures }

    /// A description of the first size that cannot work, or `nil` when all are usable.
    public var problem: String? {
        if elementEmbeddingDimension < 1 || wyckoffEmbeddingDimension < 1 { return "embedding dimensions must be at least 1" }
        if elementFeatures < 1 || wyckoffFeatures < 1 { return "projected widths must be at least 1" }
        if messageLayers < 0 { return "messageLayers must not be negative" }
        if messageHeads < 1 || poolingHeads < 1 { return "heads must be at least 1" }
        if messageHidden < 1 || poolingHidden < 1 { return "hidden widths must be at least 1" }
        if outputHidden.contains(where: { $0 < 1 }) { return "outputHidden widths must be at least 1" }
        return nil
    }
}
