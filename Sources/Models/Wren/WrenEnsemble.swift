import Crystal
import Learning

/// W independently trained Wren members and the element embedding they share.
public struct WrenEnsemble: Sendable {
    /// The members, in order.
    public var members: [WrenMember]
    /// The element embedding every member was trained with.
    public let elements: ElementEmbedding

    /// Creates an ensemble; every member must take `elements`' and the standard Wyckoff
    /// embedding's widths.
    public init(members: [WrenMember], elements: ElementEmbedding) throws(ModelsError) {
        guard !members.isEmpty else { throw .invalidOptions("an ensemble needs at least one member") }
        for member in members {
            let config = member.model.config
            guard config.elementEmbeddingDimension == elements.dimension else {
                throw .invalidOptions("member expects \(config.elementEmbeddingDimension)-d element vectors, the \(elements.name) embedding has \(elements.dimension)")
            }
            guard config.wyckoffEmbeddingDimension == WyckoffEmbedding.standard.dimension else {
                throw .invalidOptions("member expects \(config.wyckoffEmbeddingDimension)-d Wyckoff vectors, this build derives \(WyckoffEmbedding.standard.dimension)")
            }
        }
        self.members = members
        self.elements = elements
    }

    /// Ensemble predictions, in input order.
    public func predict(_ protostructures: [Protostructure]) throws(ModelsError) -> [EnsemblePrediction] {
        var perMember: [[(mean: Double, standardDeviation: Double)]] = []
        for member in members { perMember.append(try member.predict(protostructures, elements: elements)) }
        return protostructures.indices.map { row in
            EnsemblePrediction(memberMeans: perMember.map { $0[row].mean },
                               memberStandardDeviations: perMember.map { $0[row].standardDeviation })
        }
    }

    /// Trains W members one after another on one seeded split (member k uses seed + k), or on
    /// `split` when given.
    public static func train(
        samples: [WrenSample], elements: ElementEmbedding, config: WrenConfig, options: TrainingOptions,
        members: Int, metadata: TrainingMetadata, split predefined: (train: [Int], validation: [Int])? = nil,
        progress: (_ member: Int, _ record: EpochRecord) -> Void = { _, _ in }
    ) throws(ModelsError) -> WrenEnsemble {
        guard members >= 1 else { throw .invalidOptions("--ensemble must be at least 1") }
        if let problem = options.problem { throw .invalidOptions(problem) }
        let split = predefined ?? DataSplit.split(count: samples.count, validationFraction: options.validationFraction, seed: options.seed)
        var trained: [WrenMember] = []
        for k in 0..<members {
            var memberMetadata = metadata
            memberMetadata.splitSeed = options.seed
            trained.append(try WrenTrainer.train(
                samples: samples, trainIndices: split.train, validationIndices: split.validation, elements: elements,
                config: config, options: options, memberSeed: options.seed &+ UInt64(k), metadata: memberMetadata,
                progress: { progress(k, $0) }))
        }
        return try WrenEnsemble(members: trained, elements: elements)
    }
}
