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

    /// Trains W members on one seeded split (member k uses seed + k), or on `split` when given.
    /// With `initFrom`, member k starts from the weights of its member k mod (its member count)
    /// (fine-tuning); their architecture must equal `config`.
    /// `parallelism` members train at once, one per thread, with OpenBLAS single-threaded inside
    /// each; the weights equal sequential training when OpenBLAS is single-threaded there too.
    /// `progress` is called from the training threads, one call at a time.
    public static func train(
        samples: [WrenSample], elements: ElementEmbedding, config: WrenConfig, options: TrainingOptions,
        members: Int, initFrom: (ensemble: WrenEnsemble, path: String)? = nil, metadata: TrainingMetadata,
        split predefined: (train: [Int], validation: [Int])? = nil, parallelism: Int = 1,
        progress: (_ member: Int, _ record: EpochRecord) -> Void = { _, _ in }
    ) throws(ModelsError) -> WrenEnsemble {
        guard members >= 1 else { throw .invalidOptions("--ensemble must be at least 1") }
        guard parallelism >= 1 else { throw .invalidOptions("--parallel must be at least 1") }
        if let problem = options.problem { throw .invalidOptions(problem) }
        let split = predefined ?? DataSplit.split(count: samples.count, validationFraction: options.validationFraction, seed: options.seed)
        if let predefined, let bad = (predefined.train + predefined.validation).first(where: { $0 < 0 || $0 >= samples.count }) {
            throw .invalidOptions("split index \(bad) is outside the \(samples.count) samples")
        }
        if let (warm, path) = initFrom {
            for member in warm.members where member.model.config != config {
                throw .invalidModel(path: path, reason: "its Wren configuration differs from the one requested (\(member.model.config) vs \(config))")
            }
        }
        return try withoutActuallyEscaping(progress) { progress throws(ModelsError) in
            let report = SerialCallback<(Int, EpochRecord)> { progress($0.0, $0.1) }
            let trained = try ParallelMembers.run(count: members, workers: parallelism) { k throws(ModelsError) in
                var memberMetadata = metadata
                memberMetadata.splitSeed = options.seed
                memberMetadata.initFrom = initFrom?.path
                let initial = initFrom.map { $0.ensemble.members[k % $0.ensemble.members.count].model.parameters }
                return try WrenTrainer.train(
                    samples: samples, trainIndices: split.train, validationIndices: split.validation, elements: elements,
                    config: config, options: options, memberSeed: options.seed &+ UInt64(k), initialParameters: initial,
                    metadata: memberMetadata,
                    progress: { report((k, $0)) })
            }
            return try WrenEnsemble(members: trained, elements: elements)
        }
    }
}
