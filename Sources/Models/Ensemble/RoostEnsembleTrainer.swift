import Foundation
import Learning

/// Trains the W members of a deep ensemble on one shared split, one after another or several at once.
public enum RoostEnsembleTrainer {
    /// Splits `samples` with `options.seed` (or uses `split`, e.g. a release's train and
    /// validation rows), then trains member k (0-based) with seed
    /// `options.seed + k`. With `initFrom`, member k starts from the weights of member
    /// k mod (its member count) instead of a seeded initialisation (a warm start); its
    /// architecture must match `config`. `parallelism` members train at once, one per thread,
    /// with OpenBLAS single-threaded inside each. The weights are bit-identical for every
    /// `parallelism` above 1, and equal to sequential training when OpenBLAS is single-threaded
    /// there too (`OPENBLAS_NUM_THREADS=1`); multi-threaded products may round differently.
    /// `progress` (after each epoch) and `onBatch` (after each optimiser step, with the member and
    /// its row count) are called from the training threads, one call at a time.
    public static func train(
        samples: [RoostSample], embedding: ElementEmbedding, config: RoostConfig,
        options: TrainingOptions, members: Int, initFrom: (ensemble: RoostEnsemble, path: String)? = nil,
        metadata: TrainingMetadata, split predefined: (train: [Int], validation: [Int])? = nil,
        parallelism: Int = 1,
        progress: (_ member: Int, _ record: EpochRecord) -> Void = { _, _ in },
        onBatch: (_ member: Int, _ rows: Int) -> Void = { _, _ in }
    ) throws(ModelsError) -> RoostEnsemble {
        guard members >= 1 else { throw .invalidOptions("--ensemble must be at least 1") }
        if let problem = options.problem { throw .invalidOptions(problem) }
        if let (warm, path) = initFrom {
            for member in warm.members where member.model.config != config {
                throw .invalidModel(path: path, reason: "its Roost configuration differs from the one requested (\(member.model.config) vs \(config))")
            }
        }
        let split = predefined ?? DataSplit.split(count: samples.count, validationFraction: options.validationFraction, seed: options.seed)
        if let predefined, let bad = (predefined.train + predefined.validation).first(where: { $0 < 0 || $0 >= samples.count }) {
            throw .invalidOptions("split index \(bad) is outside the \(samples.count) samples")
        }
        guard parallelism >= 1 else { throw .invalidOptions("--parallel must be at least 1") }
        return try withoutActuallyEscaping(progress) { progress throws(ModelsError) in
          try withoutActuallyEscaping(onBatch) { onBatch throws(ModelsError) in
            let report = SerialCallback<(Int, EpochRecord)> { progress($0.0, $0.1) }
            let reportBatch = SerialCallback<(Int, Int)> { onBatch($0.0, $0.1) }
            let trained = try ParallelMembers.run(count: members, workers: parallelism) { k throws(ModelsError) in
                var memberMetadata = metadata
                memberMetadata.splitSeed = options.seed
                memberMetadata.initFrom = initFrom?.path
                let initial = initFrom.map { $0.ensemble.members[k % $0.ensemble.members.count].model.parameters }
                return try RoostTrainer.train(
                    samples: samples, trainIndices: split.train, validationIndices: split.validation,
                    embedding: embedding, config: config, options: options,
                    memberSeed: options.seed &+ UInt64(k), initialParameters: initial,
                    metadata: memberMetadata, progress: { report((k, $0)) }, onBatch: { reportBatch((k, $0)) })
            }
            return try RoostEnsemble(members: trained, embedding: embedding)
          }
        }
    }
}
