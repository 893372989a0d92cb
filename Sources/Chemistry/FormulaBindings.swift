/// Values for the variables and element placeholders a formula may contain.
///
/// `FormulaBindings(variables: ["x": 0.15])` resolves `La2-xSrxCuO4`;
/// `placeholders: ["R": "Pr"]` resolves `RBa2Cu3O7`.
public struct FormulaBindings: Sendable, Hashable {
    /// Variable name → value.
    public var variables: [String: Double]
    /// Placeholder name (`R`, `Ln`, `M`) → element symbol.
    public var placeholders: [String: String]

    /// Creates bindings.
    public init(variables: [String: Double] = [:], placeholders: [String: String] = [:]) {
        self.variables = variables
        self.placeholders = placeholders
    }

    /// No bindings.
    public static let none = FormulaBindings()

    /// True when nothing is bound.
    public var isEmpty: Bool { variables.isEmpty && placeholders.isEmpty }

    /// Parses `x=0.15,y=0.2,R=Pr,Y=7` (comma or whitespace separated). A numeric value binds a
    /// variable (including SuperCon's oxygen variable `Y`); an element symbol binds a placeholder.
    public init(parsing text: String) throws(BindingsError) {
        self.init()
        let parts = text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" })
        for part in parts {
            let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingWhitespace() }
            guard pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty else {
                throw BindingsError(text: String(part), message: "expected NAME=VALUE")
            }
            let name = pieces[0]
            if let value = Double(pieces[1]) {
                guard value.isFinite else {
                    throw BindingsError(text: String(part), message: "\"\(pieces[1])\" is not a finite number")
                }
                variables[name] = value
            } else if let first = name.unicodeScalars.first, first.properties.isUppercase {
                guard PeriodicTable.element(symbol: pieces[1]) != nil else {
                    throw BindingsError(text: String(part), message: "\"\(pieces[1])\" is not an element symbol")
                }
                placeholders[name] = pieces[1]
            } else {
                guard let value = Double(pieces[1]), value.isFinite else {
                    throw BindingsError(text: String(part), message: "\"\(pieces[1])\" is not a number")
                }
                variables[name] = value
            }
        }
    }
}

/// A binding that could not be read.
public struct BindingsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The offending `NAME=VALUE` text.
    public let text: String
    /// Why.
    public let message: String
    public var description: String { "invalid binding \"\(text)\": \(message)" }
}

extension Substring {
    func trimmingWhitespace() -> String {
        var view = self[...]
        while let first = view.first, first.isWhitespace { view = view.dropFirst() }
        while let last = view.last, last.isWhitespace { view = view.dropLast() }
        return String(view)
    }
}
