/// W independently trained members of one model and what they share.
public struct Ensemble<Model: TrainableModel>: Sendable {
    /// The members, in order.
    public var members: [Member<Model>]
    /// What every member was trained with (embedding, encoder, …).
    public let shared: Model.Shared

    /// Creates an ensemble; every member's configuration must fit `shared`.
    public init(members: [Member<Model>], shared: Model.Shared) throws(ModelsError) {
        guard !members.isEmpty else { throw .invalidOptions("an ensemble needs at least one member") }
        for member in members {
            if let problem = Model.problem(member.model.config, shared: shared) { throw .invalidOptions(problem) }
        }
        self.members = members
        self.shared = shared
    }
}
