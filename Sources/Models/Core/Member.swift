import Learning

/// One trained (or loaded) ensemble member of any model: its network and weights (the kept
/// epoch's), the state it fitted on its training rows, its provenance and its epoch history.
public struct Member<Model: TrainableModel>: Sendable {
    /// The network and its weights.
    public var model: Model
    /// What the member fitted before training (target normalisation, …).
    public var state: Model.MemberState
    /// Seeds, sizes and data provenance.
    public var metadata: TrainingMetadata
    /// Per-epoch losses; empty for a member loaded from disk.
    public var history: [EpochRecord]

    /// Creates a member.
    public init(model: Model, state: Model.MemberState, metadata: TrainingMetadata, history: [EpochRecord] = []) {
        self.model = model
        self.state = state
        self.metadata = metadata
        self.history = history
    }
}

extension Member where Model.MemberState == NoMemberState {
    /// Creates a member of a model whose members fit no state.
    public init(model: Model, metadata: TrainingMetadata, history: [EpochRecord] = []) {
        self.init(model: model, state: NoMemberState(), metadata: metadata, history: history)
    }
}
