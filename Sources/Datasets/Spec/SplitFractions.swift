/// Train / validation / test fractions.
public struct SplitFractions: Sendable, Codable, Equatable {
    public var train: Double
    public var validation: Double
    public var test: Double

    /// Creates fractions (they should add up to 1).
    public init(train: Double, validation: Double, test: Double) {
        self.train = train
        self.validation = validation
        self.test = test
    }
}
