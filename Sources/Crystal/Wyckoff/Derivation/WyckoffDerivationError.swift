/// Why the Wyckoff derivation could not finish for a space group.
public struct WyckoffDerivationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The space group (1…230).
    public let spaceGroup: Int
    /// What went wrong.
    public let message: String

    /// Creates an error.
    public init(spaceGroup: Int, _ message: String) {
        self.spaceGroup = spaceGroup
        self.message = message
    }

    public var description: String { "space group \(spaceGroup): \(message)" }
}
