/// Evaluates the amount strings of the synthesis data (`2`, `0.5*x`, `5.5-x`, `1.5*z+26`,
/// `(1-x)/2`): numbers, single-letter variables, `+ - * /` and parentheses.
enum AmountExpression {
    /// The value of `text` with `variables` bound, or `nil` when it is not an expression of
    /// this form or a variable is unbound.
    static func evaluate(_ text: String, variables: [String: Double] = [:]) -> Double? {
        if let plain = Double(text) { return plain }
        var parser = Parser(scalars: Array(text.unicodeScalars.filter { $0 != " " }), variables: variables)
        guard let value = parser.sum(), parser.index == parser.scalars.count, value.isFinite else { return nil }
        return value
    }

    /// Variables named in `text`.
    static func variables(in text: String) -> Set<String> {
        Set(text.unicodeScalars.filter { $0.properties.isAlphabetic && $0 != "e" || $0 == "δ" }.map { String($0) })
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        let variables: [String: Double]
        var index = 0

        mutating func sum() -> Double? {
            guard var value = product() else { return nil }
            while index < scalars.count, scalars[index] == "+" || scalars[index] == "-" {
                let plus = scalars[index] == "+"
                index += 1
                guard let next = product() else { return nil }
                value = plus ? value + next : value - next
            }
            return value
        }

        mutating func product() -> Double? {
            guard var value = factor() else { return nil }
            while index < scalars.count {
                if scalars[index] == "*" || scalars[index] == "/" {
                    let times = scalars[index] == "*"
                    index += 1
                    guard let next = factor() else { return nil }
                    value = times ? value * next : value / next
                } else if scalars[index].properties.isAlphabetic || scalars[index] == "(" {
                    guard let next = factor() else { return nil } // implicit product: `2x`
                    value *= next
                } else {
                    break
                }
            }
            return value
        }

        mutating func factor() -> Double? {
            guard index < scalars.count else { return nil }
            let scalar = scalars[index]
            if scalar == "-" { index += 1; return factor().map { -$0 } }
            if scalar == "(" {
                index += 1
                guard let inner = sum(), index < scalars.count, scalars[index] == ")" else { return nil }
                index += 1
                return inner
            }
            if scalar.properties.isAlphabetic {
                index += 1
                return variables[String(scalar)]
            }
            let start = index
            while index < scalars.count, ("0"..."9").contains(scalars[index]) || scalars[index] == "." { index += 1 }
            guard index > start else { return nil }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars[start..<index])
            return Double(text)
        }
    }
}
