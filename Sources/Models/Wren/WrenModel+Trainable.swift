import Crystal
import Learning

/// Wren as a `RegressionModel`: protostructures batched as their Wyckoff-labelling graphs.
extension WrenModel: RegressionModel {
    public typealias Sample = WrenSample
    public typealias Batch = WrenBatch
    public typealias Input = Protostructure

    public static var name: String { "wren" }
    public static var displayName: String { "Wren" }
    public static var predictionBatchSize: Int { 256 }

    public static func initialParameters(_ config: WrenConfig, seed: UInt64) -> Parameters {
        WrenParameterLayout(config).initialParameters(seed: seed)
    }

    public static func problem(_ config: WrenConfig, shared: ElementEmbedding) -> String? {
        if let problem = config.problem { return "Wren configuration: \(problem)" }
        if config.elementEmbeddingDimension != shared.dimension {
            return "member expects \(config.elementEmbeddingDimension)-d element vectors, the \(shared.name) embedding has \(shared.dimension)"
        }
        if config.wyckoffEmbeddingDimension != WyckoffEmbedding.standard.dimension {
            return "member expects \(config.wyckoffEmbeddingDimension)-d Wyckoff vectors, this build derives \(WyckoffEmbedding.standard.dimension)"
        }
        return nil
    }

    public static func input(_ sample: WrenSample) -> Protostructure { sample.protostructure }

    public func batch(inputs: [Protostructure], embedding: ElementEmbedding) throws(ModelsError) -> WrenBatch {
        try WrenBatch(protostructures: inputs, elements: embedding)
    }
}

extension WrenSample: LabelledSample {}

/// A Wren deep ensemble.
public typealias WrenEnsemble = Ensemble<WrenModel>
/// One Wren ensemble member.
public typealias WrenMember = Member<WrenModel>

extension Ensemble where Model == WrenModel {
    /// Creates a Wren ensemble sharing the element embedding `elements`.
    public init(members: [WrenMember], elements: ElementEmbedding) throws(ModelsError) {
        try self.init(members: members, shared: elements)
    }

    /// The element embedding every member was trained with.
    public var elements: ElementEmbedding { shared }

    /// Ensemble predictions for protostructures, in order.
    public func predict(_ protostructures: [Protostructure]) throws(ModelsError) -> [EnsemblePrediction] {
        try predict(inputs: protostructures)
    }
}
