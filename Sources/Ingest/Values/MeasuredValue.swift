/// A reported physical quantity read from text such as `7.4 K`, `< 2 K`, `3.4 GPa`, `7.3-7.4 K`.
public struct MeasuredValue: Sendable, Equatable {
    /// How the number relates to the true value.
    public enum Relation: String, Sendable, Codable {
        /// A plain number.
        case exact
        /// Written with `~`, `≈` or "about".
        case approximate
        /// Written with `<`, `≤` or "up to": the true value is at most this (censored).
        case upperBound = "upper_bound"
        /// Written with `>` or `≥`: the true value is at least this (censored).
        case lowerBound = "lower_bound"
        /// Written as `low-high`; `value` is the midpoint.
        case range
    }

    /// Value in the canonical unit of its quantity (K for temperature, GPa for pressure).
    public var value: Double
    /// The canonical unit.
    public var unit: String
    /// Relation of `value` to the truth.
    public var relation: Relation
    /// Range ends, in the canonical unit, for `.range`.
    public var low: Double?
    /// Range ends, in the canonical unit, for `.range`.
    public var high: Double?
    /// The unit as written, or `nil` when the default was assumed.
    public var unitAsWritten: String?
}

/// The physical quantity a field holds, which fixes the accepted units.
public enum Quantity: Sendable {
    /// Temperatures; canonical unit K.
    case temperature
    /// Pressures; canonical unit GPa.
    case pressure

    var canonicalUnit: String {
        switch self {
        case .temperature: "K"
        case .pressure: "GPa"
        }
    }

    /// Converts `value` written in `unit` to the canonical unit, or `nil` for an unknown unit.
    func toCanonical(_ value: Double, unit: String) -> Double? {
        switch self {
        case .temperature:
            switch unit {
            case "K", "k": return value
            case "mK": return value / 1000
            case "°C", "ºC", "C": return value + 273.15
            default: return nil
            }
        case .pressure:
            switch unit.lowercased() {
            case "gpa": return value
            case "mpa": return value / 1000
            case "kpa": return value / 1_000_000
            case "kbar": return value / 10
            case "bar": return value / 10_000
            case "atm": return value * 0.000101325
            default: return nil
            }
        }
    }
}

/// Why a value field could not be read.
public struct ValueProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable code: `unparsable`, `unknown_unit`, `not_finite`, `out_of_range`.
    public let code: String
    /// Explanation naming the text.
    public let message: String
    public var description: String { message }

    /// Creates a problem.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}

extension MeasuredValue {
    /// Reads `text` (already cleaned with `FieldText.clean`) as a `quantity`. A bare number takes
    /// the canonical unit.
    public static func parse(_ text: String, as quantity: Quantity) -> Result<MeasuredValue, ValueProblem> {
        if let number = Double(text), !text.contains(where: { $0.isLetter }) {
            if let problem = NumberRange.problem(number, literal: Substring(text)) { return .failure(problem) }
            return .success(MeasuredValue(value: number, unit: quantity.canonicalUnit, relation: .exact))
        }
        var rest = Substring(text)
        var relation = Relation.exact
        for (prefix, meaning) in relationPrefixes where rest.lowercased().hasPrefix(prefix) {
            relation = meaning
            rest = rest.dropFirst(prefix.count)
            break
        }
        rest = rest.drop(while: { $0.isWhitespace })
        guard let leading = leadingNumber(rest) else {
            return .failure(ValueProblem(code: "unparsable", message: "\"\(text)\" does not start with a number"))
        }
        guard case .success(let (first, afterFirst)) = leading else {
            if case .failure(let problem) = leading { return .failure(problem) }
            return .failure(ValueProblem(code: "unparsable", message: "\"\(text)\" does not start with a number"))
        }
        rest = afterFirst.drop(while: { $0.isWhitespace })
        var second: Double?
        if let dash = rest.first, dash == "-" || dash == "–" || dash == "−" || rest.hasPrefix("to ") {
            let afterDash = rest.hasPrefix("to ") ? rest.dropFirst(3) : rest.dropFirst()
            switch leadingNumber(afterDash.drop(while: { $0.isWhitespace })) {
            case .success(let (number, after)):
                second = number
                rest = after.drop(while: { $0.isWhitespace })
            case .failure(let problem):
                return .failure(problem)
            case nil:
                break
            }
        }
        let unitText = String(rest).trimmingCharacters()
        var unitAsWritten: String?
        var convert: (Double) -> Double? = { $0 }
        if !unitText.isEmpty {
            guard quantity.toCanonical(1, unit: unitText) != nil else {
                return .failure(ValueProblem(code: "unknown_unit", message: "\"\(unitText)\" in \"\(text)\" is not a \(quantity == .temperature ? "temperature" : "pressure") unit"))
            }
            unitAsWritten = unitText
            convert = { quantity.toCanonical($0, unit: unitText) }
        }
        guard let low = convert(first) else {
            return .failure(ValueProblem(code: "not_finite", message: "\"\(text)\" is not finite"))
        }
        if let problem = NumberRange.conversionProblem(low, input: first, text: text) { return .failure(problem) }
        if let second, let high = convert(second) {
            if let problem = NumberRange.conversionProblem(high, input: second, text: text) { return .failure(problem) }
            guard relation == .exact, high >= low else {
                return .failure(ValueProblem(code: "unparsable", message: "\"\(text)\" is not a valid range"))
            }
            return .success(MeasuredValue(value: (low + high) / 2, unit: quantity.canonicalUnit, relation: .range,
                                          low: low, high: high, unitAsWritten: unitAsWritten))
        }
        return .success(MeasuredValue(value: low, unit: quantity.canonicalUnit, relation: relation, unitAsWritten: unitAsWritten))
    }

    private static let relationPrefixes: [(String, Relation)] = [
        ("<=", .upperBound), (">=", .lowerBound), ("≤", .upperBound), ("≥", .lowerBound),
        ("<", .upperBound), (">", .lowerBound), ("~", .approximate), ("∼", .approximate),
        ("≈", .approximate), ("about ", .approximate), ("up to ", .upperBound), ("below ", .upperBound),
        ("above ", .lowerBound),
    ]

    /// A decimal number at the start of `text` (`7.4`, `.4`, `1e-3`), and what follows it.
    /// `nil` when no number starts `text`; a failure when one does but is out of range.
    private static func leadingNumber(_ text: Substring) -> Result<(Double, Substring), ValueProblem>? {
        var end = text.startIndex
        var sawDigit = false
        var sawExponent = false
        while end < text.endIndex {
            let character = text[end]
            if character.isASCII, character.isNumber {
                sawDigit = true
            } else if character == "." {
            } else if (character == "e" || character == "E"), sawDigit, !sawExponent {
                let next = text.index(after: end)
                guard next < text.endIndex, text[next].isNumber || text[next] == "-" || text[next] == "+" else { break }
                sawExponent = true
                end = next
            } else {
                break
            }
            end = text.index(after: end)
        }
        guard sawDigit, let number = Double(text[text.startIndex..<end]) else { return nil }
        if let problem = NumberRange.problem(number, literal: text[text.startIndex..<end]) { return .failure(problem) }
        return .success((number, text[end...]))
    }
}

extension String {
    func trimmingCharacters() -> String { FieldText.trimmed(self) }
}
