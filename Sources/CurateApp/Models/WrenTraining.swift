import Crystal
import Models

extension ModelTraining {
    /// `curate train wren`: a Wren ensemble on a protostructure-label CSV or a wyckoff release.
    public static func wren(_ request: TrainingRequest, observer: TrainingObserver = TrainingObserver()) throws(ModelWorkflowError) -> TrainingSummary {
        let options = try options(request, learningRate: request.learningRate ?? 3e-4)
        let warm = try request.initFrom.map { path throws(ModelWorkflowError) in
            try modelStep { () throws(ModelsError) in try WrenEnsemble.load(from: path) }
        }
        if warm != nil, request.size != nil || request.embedding != nil {
            throw ModelWorkflowError("--init-from keeps the starting model's architecture and embedding; drop --size/--tiny/--embedding")
        }
        let elements = if let warm { warm.elements } else { try ElementEmbeddingChoice.resolve(request.embedding) }
        let data = try TrainingData.resolve(data: request.data, target: request.target, idColumn: request.idColumn,
                                            inputColumn: request.inputColumn ?? "protostructure", export: "wren", representation: "wyckoff")
        let columns = WrenDataset.Columns(id: data.idColumn, protostructure: data.inputColumn, target: data.target)
        let (samples, split) = try data.load { path throws(ModelsError) in
            try WrenDataset.load(path: path, columns: columns, elements: elements)
        }
        let config: WrenConfig
        if let first = warm?.members.first {
            config = first.model.config
        } else {
            let name = request.size ?? "paper"
            guard let named = WrenConfig.named(name, elementEmbeddingDimension: elements.dimension,
                                               wyckoffEmbeddingDimension: WyckoffEmbedding.standard.dimension) else {
                throw ModelWorkflowError("--size must be one of \(WrenConfig.sizeNames.joined(separator: ", ")), not \(name)")
            }
            config = named
        }
        let metadata = metadata(request, options: options, dataFile: data.description, sha256: data.sha256, target: data.target)
        return try run(WrenModel.self, request: request, rows: samples.count,
                       trainRows: trainRows(count: samples.count, split: split, options: options),
                       embeddingName: elements.name, observer: observer) { plan, parallel, progress, onBatch throws(ModelsError) in
            try Ensemble.train(samples: samples, shared: elements, config: config, options: options, members: request.ensemble,
                               initFrom: warm.flatMap { w in request.initFrom.map { (w, $0) } }, metadata: metadata, split: split,
                               parallelism: parallel, checkpoints: plan, progress: progress, onBatch: onBatch)
        }
    }
}
