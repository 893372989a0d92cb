import Chemistry

/// One chemical species on a site: an element, an optional oxidation state and its occupancy.
public struct Species: Sendable, Hashable {
    /// The element.
    public let element: Element
    /// Formal oxidation state when the source gives one (`Fe2+` → 2); may be fractional.
    public let oxidationState: Double?
    /// Fraction of the site this species occupies, in (0, 1].
    public let occupancy: Double

    /// Creates a species.
    public init(element: Element, oxidationState: Double? = nil, occupancy: Double = 1) {
        self.element = element
        self.oxidationState = oxidationState
        self.occupancy = occupancy
    }

    /// The same species with another occupancy.
    public func with(occupancy: Double) -> Species {
        Species(element: element, oxidationState: oxidationState, occupancy: occupancy)
    }

    /// Element and oxidation state, e.g. `Fe2+`, `O2-`, `Na`.
    public var symbol: String {
        guard let state = oxidationState else { return element.symbol }
        let magnitude = abs(state)
        let number = magnitude == 1 ? "" : magnitude == magnitude.rounded() ? String(Int(magnitude)) : String(magnitude)
        return element.symbol + number + (state < 0 ? "-" : "+")
    }
}
