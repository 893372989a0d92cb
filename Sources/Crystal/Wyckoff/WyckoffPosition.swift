/// One Wyckoff position of a space group in its standard setting.
public struct WyckoffPosition: Sendable, Hashable, Codable {
    /// The letter: `a`…`z`, then `A` (only Pmmm, 47, has a 27th position).
    public let letter: String
    /// Number of sites of one orbit in the conventional cell (centring translations included).
    public let multiplicity: Int
    /// Free coordinates of the position: 0 for a fixed point, 1 for a line, 2 for a plane and 3
    /// for the general position.
    public let freeParameters: Int

    /// Creates a position.
    public init(letter: String, multiplicity: Int, freeParameters: Int) {
        self.letter = letter
        self.multiplicity = multiplicity
        self.freeParameters = freeParameters
    }

    /// Wyckoff letters in spglib's order (`a`…`z`, `A`).
    public static let letterOrder: [String] = "abcdefghijklmnopqrstuvwxyzA".map(String.init)

    /// The 0-based rank of a letter in `letterOrder`, or `nil` for anything else.
    public static func rank(of letter: String) -> Int? { letterOrder.firstIndex(of: letter) }
}
