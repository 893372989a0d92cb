import Models

extension ModelTraining {
    /// `curate train roost`: a Roost ensemble on a composition CSV or a release.
    public static func roost(_ request: TrainingRequest, observer: TrainingObserver = TrainingObserver()) throws(ModelWorkflowError) -> TrainingSummary {
        let options = try options(request, learningRate: request.learningRate ?? 3e-4)
        let warm = try request.initFrom.map { path throws(ModelWorkflowError) in
            try modelStep { () throws(ModelsError) in try RoostEnsemble.load(from: path) }
        }
        let embedding = if let warm { warm.embedding } else { try ElementEmbeddingChoice.resolve(request.embedding) }
        let data = try TrainingData.resolve(data: request.data, target: request.target, idColumn: request.idColumn,
                                            inputColumn: request.inputColumn ?? "composition", export: "roost")
        let columns = RoostDataset.Columns(id: data.idColumn, composition: data.inputColumn, target: data.target)
        let (samples, split) = try data.load { path throws(ModelsError) in
            try RoostDataset.load(path: path, columns: columns, embedding: embedding)
        }
        let config: RoostConfig
        if let first = warm?.members.first {
            config = first.model.config
        } else {
            let powerName = request.attentionPower ?? AttentionPower.learned.rawValue
            guard let power = AttentionPower(rawValue: powerName) else {
                throw ModelWorkflowError("--attention-power must be \(AttentionPower.allCases.map(\.rawValue).joined(separator: " or ")), not \(powerName)")
            }
            switch request.size ?? "paper" {
            case "paper": config = RoostConfig(embeddingDimension: embedding.dimension, attentionPower: power)
            case "tiny": config = .tiny(embeddingDimension: embedding.dimension, attentionPower: power)
            case let other: throw ModelWorkflowError("--size must be paper or tiny for Roost, not \(other)")
            }
        }
        let metadata = metadata(request, options: options, dataFile: data.description, sha256: data.sha256, target: data.target)
        return try run(RoostModel.self, request: request, rows: samples.count,
                       trainRows: trainRows(count: samples.count, split: split, options: options),
                       embeddingName: embedding.name, observer: observer) { plan, parallel, progress, onBatch throws(ModelsError) in
            try Ensemble.train(samples: samples, shared: embedding, config: config, options: options, members: request.ensemble,
                               initFrom: warm.flatMap { w in request.initFrom.map { (w, $0) } }, metadata: metadata, split: split,
                               parallelism: parallel, checkpoints: plan, progress: progress, onBatch: onBatch)
        }
    }
}
