/// Which text-mined reactions a reaction dataset keeps (appendix A.2 of the thesis: stoichiometric
/// inorganic precursors and target, at least two precursors, a non-elemental target, at most ten
/// precursors). Every reaction left out gets a ledger line with the filter that removed it.
public struct ReactionFilterSpec: Sendable, Codable, Equatable {
    /// Fewest distinct precursors (default 2).
    public var minPrecursors: Int?
    /// Most distinct precursors (default 10).
    public var maxPrecursors: Int?
    /// Drop targets with one element (default true).
    public var nonElementalTarget: Bool?
    /// Drop reactions with an organic precursor: one holding both C and H (default true).
    public var inorganicPrecursors: Bool?
    /// Keep one reaction per (target, precursor set, action sequence); the others go to the
    /// ledger as `duplicate_reaction` (default true).
    public var dedup: Bool?

    enum CodingKeys: String, CodingKey {
        case dedup
        case minPrecursors = "min_precursors", maxPrecursors = "max_precursors"
        case nonElementalTarget = "non_elemental_target", inorganicPrecursors = "inorganic_precursors"
    }

    /// The thesis' filters.
    public static let appendixA2 = ReactionFilterSpec(minPrecursors: 2, maxPrecursors: 10, nonElementalTarget: true,
                                                      inorganicPrecursors: true, dedup: true)
}
