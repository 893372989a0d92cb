import Foundation
import Learning

extension Ensemble {
    /// Trains W members on one shared split: `split` when given (a release's train and
    /// validation rows, or a model's own split), else a seeded split of `options.validationFraction`.
    /// Member k is initialised and shuffled with seed `options.seed + Model.memberSeedOffset + k`;
    /// with `initFrom`, member k starts from that ensemble's member k mod its size (a warm start;
    /// the architecture must equal `config`). `parallelism` members train at once, one per
    /// thread, with OpenBLAS single-threaded inside each: the weights equal sequential training
    /// when OpenBLAS is single-threaded there too (`OPENBLAS_NUM_THREADS=1`).
    /// With `checkpoints`, finished members and checkpoints go to its staging directory and a
    /// resumed run skips finished members and continues the others from their checkpoints.
    /// `progress` (after each epoch) and `onBatch` (after each step) are called from the
    /// training threads, one call at a time.
    public static func train(
        samples: [Model.Sample], shared: Model.Shared, config: Model.Config, options: TrainingOptions, members: Int,
        initFrom: (ensemble: Ensemble, path: String)? = nil, metadata: TrainingMetadata,
        split predefined: (train: [Int], validation: [Int])? = nil, parallelism: Int = 1, checkpoints: CheckpointPlan? = nil,
        progress: (_ member: Int, _ record: EpochRecord) -> Void = { _, _ in },
        onBatch: (_ member: Int, _ rows: Int) -> Void = { _, _ in }
    ) throws(ModelsError) -> Ensemble {
        guard members >= 1 else { throw .invalidOptions("--ensemble must be at least 1") }
        guard parallelism >= 1 else { throw .invalidOptions("--parallel must be at least 1") }
        if let problem = options.problem { throw .invalidOptions(problem) }
        if let problem = checkpoints?.every.flatMap({ $0 < 1 ? "--checkpoint-every must be at least 1" : nil }) {
            throw .invalidOptions(problem)
        }
        if let (warm, path) = initFrom {
            for member in warm.members where member.model.config != config {
                throw .invalidModel(path: path, reason: "its \(Model.displayName) configuration differs from the one requested (\(member.model.config) vs \(config))")
            }
        }
        let split = predefined ?? DataSplit.split(count: samples.count, validationFraction: options.validationFraction, seed: options.seed)
        if let predefined, let bad = (predefined.train + predefined.validation).first(where: { $0 < 0 || $0 >= samples.count }) {
            throw .invalidOptions("split index \(bad) is outside the \(samples.count) samples")
        }
        if let staged = checkpoints?.directory {
            try staged.claim(fingerprint: RunFingerprint(model: Model.name, config: config, options: options, members: members,
                                                         split: split, metadata: metadata).text)
        }
        return try withoutActuallyEscaping(progress) { progress throws(ModelsError) in
          try withoutActuallyEscaping(onBatch) { onBatch throws(ModelsError) in
            let report = SerialCallback<(Int, EpochRecord)> { progress($0.0, $0.1) }
            let reportBatch = SerialCallback<(Int, Int)> { onBatch($0.0, $0.1) }
            let trained = try ParallelMembers.run(count: members, workers: parallelism) { k throws(ModelsError) in
                if let staged = checkpoints?.directory, let done = try staged.finishedMember(k, of: Model.self) { return done }
                var memberMetadata = metadata
                memberMetadata.splitSeed = options.seed
                memberMetadata.initFrom = initFrom?.path
                let initial = initFrom.map { $0.ensemble.members[k % $0.ensemble.members.count].model.parameters }
                let checkpointing = checkpoints.map {
                    MemberTrainer<Model>.Checkpointing(folder: $0.directory.memberFolder(k), runID: $0.directory.runID,
                                                       every: $0.every, stopAfterEpoch: $0.stopAfterEpoch)
                }
                let member = try MemberTrainer<Model>.train(
                    samples: samples, trainIndices: split.train, validationIndices: split.validation, shared: shared,
                    config: config, options: options, memberSeed: options.seed &+ Model.memberSeedOffset &+ UInt64(k),
                    initialParameters: initial, metadata: memberMetadata, checkpointing: checkpointing,
                    progress: { report((k, $0)) }, onBatch: { reportBatch((k, $0)) })
                try checkpoints?.directory.finish(member, index: k)
                return member
            }
            return try Ensemble(members: trained, shared: shared)
          }
        }
    }
}

/// What a training run is, as text: a resumed run must match it.
struct RunFingerprint<Config: Encodable>: Encodable {
    let model: String
    let config: Config
    let options: TrainingOptions
    let members: Int
    let trainRows: Int
    let validationRows: Int
    let dataSHA256: String?
    let initFrom: String?

    init(model: String, config: Config, options: TrainingOptions, members: Int,
         split: (train: [Int], validation: [Int]), metadata: TrainingMetadata) {
        self.model = model
        self.config = config
        self.options = options
        self.members = members
        trainRows = split.train.count
        validationRows = split.validation.count
        dataSHA256 = metadata.dataSHA256
        initFrom = metadata.initFrom
    }

    var text: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "\(model) \(members)"
    }
}
