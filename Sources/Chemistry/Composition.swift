/// A multiset of elements with positive (possibly non-integer) amounts.
///
/// Immutable value type. Entries are kept sorted by atomic number, one per element, so equal
/// compositions compare and hash equal. Build one from a formula with `Composition(formula:)` or
/// `FormulaParser`, or from amounts directly.
public struct Composition: Sendable, Hashable, CustomStringConvertible {
    /// One element and its amount.
    public struct Entry: Sendable, Hashable {
        /// Atomic number.
        public let z: UInt8
        /// Amount (> 0).
        public let amount: Double

        /// The element.
        @inlinable public var element: Element { PeriodicTable.elements[Int(z) - 1] }
    }

    /// Entries sorted by atomic number.
    public let entries: [Entry]

    /// Creates a composition from entries already sorted by `z`, unique and positive.
    @usableFromInline
    init(sortedEntries: [Entry]) {
        self.entries = sortedEntries
    }

    /// Creates a composition from element amounts. Amounts of repeated elements are added;
    /// non-positive or non-finite amounts are rejected.
    public init(_ amounts: [(Element, Double)]) throws(CompositionError) {
        var merged: [Int: Double] = [:]
        for (element, amount) in amounts {
            guard amount.isFinite, amount > 0 else {
                throw CompositionError.nonPositiveAmount(element: element.symbol, amount: amount)
            }
            merged[element.z, default: 0] += amount
        }
        guard !merged.isEmpty else { throw CompositionError.empty }
        entries = merged.keys.sorted().compactMap { z in
            merged[z].map { Entry(z: UInt8(z), amount: $0) }
        }
    }

    /// Creates a composition from symbol → amount, e.g. `["Fe": 2, "O": 3]`.
    public init(symbolAmounts: [String: Double]) throws(CompositionError) {
        var pairs: [(Element, Double)] = []
        for (symbol, amount) in symbolAmounts {
            guard let element = PeriodicTable.element(symbol: symbol) else {
                throw CompositionError.unknownElement(symbol)
            }
            pairs.append((element, amount))
        }
        try self.init(pairs)
    }

    /// Parses a formula with no unresolved variables. See `FormulaParser` for the grammar.
    public init(formula: String, bindings: FormulaBindings = .none) throws(FormulaError) {
        if let fast = FormulaParser.plainComposition(formula) {
            self = fast
            return
        }
        self = try FormulaParser.parse(formula, bindings: bindings).resolvedComposition()
    }

    /// The elements present, by atomic number.
    public var elements: [Element] { entries.map(\.element) }

    /// Number of distinct elements ("arity").
    @inlinable public var elementCount: Int { entries.count }

    /// Sum of all amounts.
    public var totalAmount: Double { entries.reduce(0) { $0 + $1.amount } }

    /// Amount of `element`, 0 if absent.
    public func amount(of element: Element) -> Double {
        entries.first { Int($0.z) == element.z }?.amount ?? 0
    }

    /// Amount of the element with `symbol`, 0 if absent or unknown.
    public subscript(symbol: String) -> Double {
        guard let element = PeriodicTable.element(symbol: symbol) else { return 0 }
        return amount(of: element)
    }

    /// Amounts divided by their total: the weights models use.
    public var fractional: Composition {
        let total = totalAmount
        return Composition(sortedEntries: entries.map { Entry(z: $0.z, amount: $0.amount / total) })
    }

    /// Fractional weights keyed by symbol.
    public var fractions: [String: Double] {
        let total = totalAmount
        var result: [String: Double] = [:]
        for entry in entries { result[entry.element.symbol] = entry.amount / total }
        return result
    }

    /// Amounts keyed by symbol.
    public var amounts: [String: Double] {
        var result: [String: Double] = [:]
        for entry in entries { result[entry.element.symbol] = entry.amount }
        return result
    }

    /// Every amount multiplied by `factor` (> 0).
    public func scaled(by factor: Double) -> Composition {
        Composition(sortedEntries: entries.map { Entry(z: $0.z, amount: $0.amount * factor) })
    }

    public var description: String { formula }
}

/// Errors building a `Composition` from amounts.
public enum CompositionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No elements.
    case empty
    /// An amount that is zero, negative, NaN or infinite.
    case nonPositiveAmount(element: String, amount: Double)
    /// A symbol that is not an element.
    case unknownElement(String)

    public var description: String {
        switch self {
        case .empty: "composition has no elements"
        case .nonPositiveAmount(let element, let amount): "amount of \(element) must be positive, got \(amount)"
        case .unknownElement(let symbol): "unknown element symbol \"\(symbol)\""
        }
    }
}
