/// Roost's architecture sizes (appendix A.1). Defaults are the paper's; tests use `tiny`.
public struct RoostConfig: Codable, Sendable, Equatable {
    /// Length of the input element embedding (200 for Matscholar).
    public var embeddingDimension: Int
    /// Node feature length d; the embedding is projected to d − 1 and the fraction appended.
    public var featureDimension: Int
    /// Message-passing layers T.
    public var messageLayers: Int
    /// Attention heads M per message-passing layer.
    public var messageHeads: Int
    /// Hidden width of the gate network f and message network g in message passing.
    public var messageHidden: Int
    /// Attention heads of the final weighted attention pooling.
    public var poolingHeads: Int
    /// Hidden width of the pooling gate and message networks.
    public var poolingHidden: Int
    /// Hidden widths of the residual output network.
    public var outputHidden: [Int]
    /// Negative slope of the LeakyReLU in the attention networks.
    public var leakyReluSlope: Float
    /// How the element fractions enter the attention softmax: the thesis' power 1 (`fixed`, the
    /// default here and for model files that do not say) or aviary's learnable power (`learned`).
    public var attentionPower: AttentionPower

    /// Creates a configuration; every size defaults to the paper's.
    public init(
        embeddingDimension: Int = 200, featureDimension: Int = 64,
        messageLayers: Int = 3, messageHeads: Int = 3, messageHidden: Int = 256,
        poolingHeads: Int = 3, poolingHidden: Int = 256,
        outputHidden: [Int] = [1024, 512, 256, 128, 64], leakyReluSlope: Float = 0.01,
        attentionPower: AttentionPower = .fixed
    ) {
        self.attentionPower = attentionPower
        self.embeddingDimension = embeddingDimension
        self.featureDimension = featureDimension
        self.messageLayers = messageLayers
        self.messageHeads = messageHeads
        self.messageHidden = messageHidden
        self.poolingHeads = poolingHeads
        self.poolingHidden = poolingHidden
        self.outputHidden = outputHidden
        self.leakyReluSlope = leakyReluSlope
    }

    enum CodingKeys: String, CodingKey {
        case embeddingDimension, featureDimension, messageLayers, messageHeads, messageHidden
        case poolingHeads, poolingHidden, outputHidden, leakyReluSlope, attentionPower
    }

    /// Reads a configuration; one written before `attentionPower` existed reads as `fixed`.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        embeddingDimension = try c.decode(Int.self, forKey: .embeddingDimension)
        featureDimension = try c.decode(Int.self, forKey: .featureDimension)
        messageLayers = try c.decode(Int.self, forKey: .messageLayers)
        messageHeads = try c.decode(Int.self, forKey: .messageHeads)
        messageHidden = try c.decode(Int.self, forKey: .messageHidden)
        poolingHeads = try c.decode(Int.self, forKey: .poolingHeads)
        poolingHidden = try c.decode(Int.self, forKey: .poolingHidden)
        outputHidden = try c.decode([Int].self, forKey: .outputHidden)
        leakyReluSlope = try c.decode(Float.self, forKey: .leakyReluSlope)
        attentionPower = try c.decodeIfPresent(AttentionPower.self, forKey: .attentionPower) ?? .fixed
    }

    /// Writes the configuration; `attentionPower` only when `learned`, so a `fixed` model's
    /// files are byte for byte what earlier versions wrote.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(embeddingDimension, forKey: .embeddingDimension)
        try c.encode(featureDimension, forKey: .featureDimension)
        try c.encode(messageLayers, forKey: .messageLayers)
        try c.encode(messageHeads, forKey: .messageHeads)
        try c.encode(messageHidden, forKey: .messageHidden)
        try c.encode(poolingHeads, forKey: .poolingHeads)
        try c.encode(poolingHidden, forKey: .poolingHidden)
        try c.encode(outputHidden, forKey: .outputHidden)
        try c.encode(leakyReluSlope, forKey: .leakyReluSlope)
        if attentionPower != .fixed { try c.encode(attentionPower, forKey: .attentionPower) }
    }

    /// A small configuration for quick runs and tests.
    public static func tiny(embeddingDimension: Int, attentionPower: AttentionPower = .fixed) -> RoostConfig {
        RoostConfig(embeddingDimension: embeddingDimension, featureDimension: 16,
                    messageLayers: 2, messageHeads: 2, messageHidden: 32,
                    poolingHeads: 2, poolingHidden: 32, outputHidden: [64, 32], attentionPower: attentionPower)
    }

    /// A description of the first size that cannot work, or `nil` when all are usable.
    public var problem: String? {
        if embeddingDimension < 1 { return "embeddingDimension must be at least 1" }
        if featureDimension < 2 { return "featureDimension must be at least 2" }
        if messageLayers < 0 { return "messageLayers must not be negative" }
        if messageHeads < 1 || poolingHeads < 1 { return "heads must be at least 1" }
        if messageHidden < 1 || poolingHidden < 1 { return "hidden widths must be at least 1" }
        if outputHidden.contains(where: { $0 < 1 }) { return "outputHidden widths must be at least 1" }
        return nil
    }
}
