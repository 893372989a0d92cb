import Discovery
import Models

/// A model `curate screen` can use: its name in `ensemble.json` and how its ensemble predicts
/// candidates (Wren from the label, Roost from the composition).
struct ScreeningModel: Sendable {
    /// The model name.
    let name: String
    /// (candidates, candidates path, model directory) → (mean, σ) per candidate.
    let predict: @Sendable ([ScreeningCandidate], String, String) throws -> [(mean: Double, std: Double)]

    init<Model: CandidateEnergyModel>(_ type: Model.Type) {
        name = Model.name
        predict = { rows, path, directory in
            let ensemble = try Ensemble<Model>.load(from: directory)
            return try ScreeningWorkflow.predict(rows, with: ensemble, path: path)
        }
    }

    /// Every model screening can use.
    static let all = [ScreeningModel(WrenModel.self), ScreeningModel(RoostModel.self)]

    /// The screening model of the directory `model`; another kind of model is an error naming the usable ones.
    static func at(_ model: String) throws -> ScreeningModel {
        let name = try ModelDirectory.modelName(of: model)
        guard let found = all.first(where: { $0.name == name }) else {
            throw ModelWorkflowError("\(model): a \(name) model; screening needs a formation-energy model: "
                                     + all.map(\.name).joined(separator: ", "))
        }
        return found
    }
}
