import Models

/// A regressor that can read a screening candidate: Wren reads its protostructure label, Roost
/// only its composition (so every polymorph of one composition gets the same energy). Any
/// ensemble of such a model predicts candidates' formation energies for `curate screen`.
public protocol CandidateEnergyModel: RegressionModel {
    /// The network input of `candidate`, or why the model cannot read it.
    static func input(of candidate: ScreeningCandidate, embedding: ElementEmbedding) -> Result<Input, CandidateInputProblem>
}

/// Why a model cannot read one candidate.
public struct CandidateInputProblem: Error, Sendable, Hashable {
    /// The candidate field the problem is in.
    public let field: String
    /// The reason, for the user.
    public let reason: String

    /// Creates a problem report.
    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }
}

extension WrenModel: CandidateEnergyModel {
    public static func input(of candidate: ScreeningCandidate, embedding: ElementEmbedding) -> Result<Protostructure, CandidateInputProblem> {
        let protostructure: Protostructure
        do { protostructure = try Protostructure(label: candidate.protostructure) } catch {
            return .failure(CandidateInputProblem(field: "protostructure", reason: error.description))
        }
        if let missing = protostructure.sites.first(where: { embedding.vector(z: $0.z) == nil }) {
            return .failure(CandidateInputProblem(field: "protostructure", reason: "Z=\(missing.z) is not in the model's \(embedding.name) embedding"))
        }
        return .success(protostructure)
    }
}

extension RoostModel: CandidateEnergyModel {
    public static func input(of candidate: ScreeningCandidate, embedding: ElementEmbedding) -> Result<[(z: Int, amount: Double)], CandidateInputProblem> {
        let missing = embedding.missingSymbols(in: candidate.composition)
        guard missing.isEmpty else {
            return .failure(CandidateInputProblem(
                field: "protostructure", reason: "\(missing.joined(separator: ", ")) not in the model's \(embedding.name) embedding"))
        }
        let total = candidate.composition.totalAmount
        return .success(candidate.composition.entries.map { (z: Int($0.z), amount: $0.amount / total) })
    }
}

extension ScreeningWorkflow {
    /// Predicts the candidates' formation energies with `ensemble` (mean, total standard
    /// deviation per candidate, in order). Throws `ScreeningError.invalidField` naming the first
    /// candidate the model cannot read.
    public static func predict<Model: CandidateEnergyModel>(_ candidates: [ScreeningCandidate], with ensemble: Ensemble<Model>,
                                                            path: String) throws(ScreeningError) -> [(mean: Double, std: Double)] {
        var inputs: [Model.Input] = []
        inputs.reserveCapacity(candidates.count)
        for candidate in candidates {
            switch Model.input(of: candidate, embedding: ensemble.embedding) {
            case .success(let input): inputs.append(input)
            case .failure(let problem):
                throw .invalidField(path: path, line: candidate.line, field: problem.field,
                                    value: problem.field == "protostructure" ? candidate.protostructure : candidate.id, reason: problem.reason)
            }
        }
        do {
            return try ensemble.predict(inputs: inputs).map { ($0.mean, $0.totalStandardDeviation) }
        } catch {
            throw .unreadable(path: path, reason: "prediction failed: \(error.description)")
        }
    }
}
