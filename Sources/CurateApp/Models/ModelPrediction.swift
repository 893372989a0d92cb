import CurateIO
import Models

/// `curate predict` and `curate evaluate`: one path for every model — the model directory's
/// `ensemble.json` says which model it holds, the model's reader loads the rows.
public enum ModelPrediction {
    /// Predictions for every row of `request.data` (reaction: the `split` rows, default test).
    public static func predict(_ request: PredictionRequest, progress: WorkProgress? = nil) throws(ModelWorkflowError) -> PredictionResult {
        func stage(_ index: Int, _ label: String, file: String? = nil) { progress?(WorkStage(index: index, count: 3, label: label, file: file)) }
        stage(0, "load the model")
        switch try modelName(request.model) {
        case RoostModel.name:
            let ensemble = try modelStep { () throws(ModelsError) in try RoostEnsemble.load(from: request.model) }
            let columns = RoostDataset.Columns(id: request.idColumn, composition: request.inputColumn ?? "composition", target: nil)
            stage(1, "read the rows", file: request.data)
            let samples = try modelStep { () throws(ModelsError) in try RoostDataset.load(path: request.data, columns: columns, embedding: ensemble.embedding) }
            stage(2, "predict \(samples.count) rows with \(ensemble.members.count) members")
            let predictions = try modelStep { () throws(ModelsError) in try ensemble.predict(samples) }
            return .regression(zip(samples, predictions).map { .init(id: $0.id, inputName: "composition", input: $0.formula, prediction: $1) })
        case WrenModel.name:
            let ensemble = try modelStep { () throws(ModelsError) in try WrenEnsemble.load(from: request.model) }
            let columns = WrenDataset.Columns(id: request.idColumn, protostructure: request.inputColumn ?? "protostructure", target: nil)
            stage(1, "read the rows", file: request.data)
            let samples = try modelStep { () throws(ModelsError) in try WrenDataset.load(path: request.data, columns: columns, elements: ensemble.elements) }
            stage(2, "predict \(samples.count) rows with \(ensemble.members.count) members")
            let predictions = try modelStep { () throws(ModelsError) in try ensemble.predict(samples) }
            return .regression(zip(samples, predictions).map { .init(id: $0.id, inputName: "protostructure", input: $0.label, prediction: $1) })
        default:
            stage(1, "read the reactions")
            let (ensemble, samples) = try reactionInput(request)
            stage(2, "predict \(samples.count) reactions with \(ensemble.members.count) members")
            let predictions = ensemble.predict(samples)
            let evaluation = samples.contains { $0.target != nil } ? ensemble.evaluate(samples, predictions: predictions) : nil
            return .reaction(predictions, evaluation)
        }
    }

    /// Scores the model on the labelled `split` (default test) of `request.data`.
    public static func evaluate(_ request: PredictionRequest) throws(ModelWorkflowError) -> EvaluationResult {
        let split = request.split ?? "test"
        switch try modelName(request.model) {
        case RoostModel.name:
            let ensemble = try modelStep { () throws(ModelsError) in try RoostEnsemble.load(from: request.model) }
            let data = try TrainingData.resolve(data: request.data, target: request.target, idColumn: request.idColumn,
                                                inputColumn: request.inputColumn ?? "composition", export: "roost", split: split)
            let columns = RoostDataset.Columns(id: data.idColumn, composition: data.inputColumn, target: data.target)
            let samples = try modelStep { () throws(ModelsError) in try RoostDataset.load(path: data.trainPath, columns: columns, embedding: ensemble.embedding) }
            return .regression(try metrics(ensemble, samples))
        case WrenModel.name:
            let ensemble = try modelStep { () throws(ModelsError) in try WrenEnsemble.load(from: request.model) }
            let data = try TrainingData.resolve(data: request.data, target: request.target, idColumn: request.idColumn,
                                                inputColumn: request.inputColumn ?? "protostructure", export: "wren",
                                                representation: "wyckoff", split: split)
            let columns = WrenDataset.Columns(id: data.idColumn, protostructure: data.inputColumn, target: data.target)
            let samples = try modelStep { () throws(ModelsError) in try WrenDataset.load(path: data.trainPath, columns: columns, elements: ensemble.elements) }
            return .regression(try metrics(ensemble, samples))
        default:
            var reactionRequest = request
            reactionRequest.split = split
            let (ensemble, samples) = try reactionInput(reactionRequest)
            guard samples.contains(where: { $0.target != nil }) else {
                throw ModelWorkflowError("\(request.data): no labelled reactions in the \(split) split to evaluate on")
            }
            return .reaction(ensemble.evaluate(samples, predictions: ensemble.predict(samples)))
        }
    }

    /// The model directory's model name; an unknown one is an error listing the known ones.
    static func modelName(_ directory: String) throws(ModelWorkflowError) -> String {
        let name = try modelStep { () throws(ModelsError) in try ModelDirectory.modelName(of: directory) }
        let known = [RoostModel.name, WrenModel.name, ReactionModel.name]
        guard known.contains(name) else {
            throw ModelWorkflowError("\(directory): a \(name) model; this curate knows \(known.joined(separator: ", "))")
        }
        return name
    }

    /// The reaction ensemble and the reactions of `request.split` (test by default, `all` for every row).
    static func reactionInput(_ request: PredictionRequest) throws(ModelWorkflowError) -> (ReactionEnsemble, [ReactionSample]) {
        let split = request.split ?? "test"
        guard ["test", "train", "all"].contains(split) else { throw ModelWorkflowError("--split must be test, train or all") }
        let ensemble = try modelStep { () throws(ModelsError) in try ReactionEnsemble.load(from: request.model) }
        let samples = try modelStep { () throws(ModelsError) in try ReactionDataset.load(path: request.data, split: split == "all" ? nil : split) }
        return (ensemble, samples)
    }

    /// A regressor's accuracy on labelled samples.
    static func metrics<Model: RegressionModel>(_ ensemble: Ensemble<Model>, _ samples: [Model.Sample]) throws(ModelWorkflowError) -> RegressionMetrics {
        let predictions = try modelStep { () throws(ModelsError) in try ensemble.predict(samples) }
        return RegressionMetrics(predictions: predictions.map(\.mean), targets: samples.compactMap(\.target),
                                 uncertainties: predictions.map(\.totalStandardDeviation))
    }
}
