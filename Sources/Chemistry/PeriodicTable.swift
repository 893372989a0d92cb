/// Lookup of the 118 elements by atomic number or symbol.
public enum PeriodicTable {
    /// All elements, index `z - 1`.
    public static let elements: [Element] = ElementData.all

    /// The element with atomic number `z`, or `nil` outside 1...118.
    @inlinable
    public static func element(z: Int) -> Element? {
        guard z >= 1, z <= elements.count else { return nil }
        return elements[z - 1]
    }

    /// The element whose IUPAC symbol is exactly `symbol` (case-sensitive), or `nil`.
    public static func element(symbol: some StringProtocol) -> Element? {
        guard let z = atomicNumber(symbol: symbol) else { return nil }
        return elements[z - 1]
    }

    /// The atomic number of the element whose symbol is exactly `symbol`, or `nil`.
    public static func atomicNumber(symbol: some StringProtocol) -> Int? {
        symbolIndex[String(symbol)]
    }

    private static let symbolIndex: [String: Int] = {
        var index: [String: Int] = [:]
        for element in elements { index[element.symbol] = element.z }
        return index
    }()
}
