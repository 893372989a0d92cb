/// One site of a Wyckoff position as an affine function of the free parameters, in the style of
/// the International Tables: `(x, 2x, 1/2)` is `linear` = [[1,0,0],[2,0,0],[0,0,0]] (rows are
/// the coordinates, columns the parameters x, y, z) and `offset` = (0, 0, 12) in 24ths.
public struct SiteExpression: Sendable, Hashable, CustomStringConvertible {
    /// Steps of the offset grid per cell edge: every Wyckoff offset is a multiple of 1/24.
    public static let grid = 24

    /// Row-major 3×3 integer coefficients: coordinate i = Σ_j linear[3i + j] · parameter j.
    public let linear: [Int]
    /// The constant terms in 24ths of a cell edge, each in 0..<24.
    public let offset: [Int]

    /// Creates an expression; offsets are reduced into 0..<24.
    public init(linear: [Int], offset: [Int]) {
        precondition(linear.count == 9 && offset.count == 3, "SiteExpression: 9 coefficients and 3 offsets")
        self.linear = linear
        self.offset = offset.map { Self.wrap($0) }
    }

    /// The number of free parameters the expression uses.
    public var freeParameters: Int {
        (0..<3).filter { column in (0..<3).contains { linear[3 * $0 + column] != 0 } }.count
    }

    /// `(x,2x,1/2)`: coefficients and constants together.
    public var description: String {
        "(" + (0..<3).map { coordinateText($0, withOffset: true) }.joined(separator: ",") + ")"
    }

    /// The algebraic part alone, constants dropped and a constant coordinate left empty:
    /// `(x,2x,)`. This is the text whose order lays out the algebraic block of Wren's embedding.
    public var algebraicText: String {
        "(" + (0..<3).map { coordinateText($0, withOffset: false) }.joined(separator: ",") + ")"
    }

    /// The image under `x ↦ rotation·x + translation` (translation in 24ths).
    public func mapped(rotation: [Int], translation: [Int]) -> SiteExpression {
        var newLinear = [Int](repeating: 0, count: 9)
        var newOffset = [Int](repeating: 0, count: 3)
        for i in 0..<3 {
            for j in 0..<3 {
                for k in 0..<3 { newLinear[3 * i + j] += rotation[3 * i + k] * linear[3 * k + j] }
                newOffset[i] += rotation[3 * i + j] * offset[j]
            }
            newOffset[i] += translation[i]
        }
        return SiteExpression(linear: newLinear, offset: newOffset)
    }

    /// Parses `(x,2x,1/2)`, `(-x+y,1/4,z+1/2)`; `nil` for anything else.
    public init?(parsing text: String) {
        var body = Substring(text.filter { $0 != " " })
        guard body.hasPrefix("("), body.hasSuffix(")") else { return nil }
        body = body.dropFirst().dropLast()
        let coordinates = body.split(separator: ",", omittingEmptySubsequences: false)
        guard coordinates.count == 3 else { return nil }
        var linear = [Int](repeating: 0, count: 9)
        var offset = [Int](repeating: 0, count: 3)
        for (i, coordinate) in coordinates.enumerated() {
            guard let terms = Self.parseCoordinate(coordinate) else { return nil }
            for j in 0..<3 { linear[3 * i + j] = terms.coefficients[j] }
            offset[i] = terms.offset
        }
        self.init(linear: linear, offset: offset)
    }

    /// Reduces a grid value into 0..<24.
    static func wrap(_ value: Int) -> Int {
        let r = value % grid
        return r < 0 ? r + grid : r
    }

    private func coordinateText(_ i: Int, withOffset: Bool) -> String {
        var text = ""
        for (j, name) in ["x", "y", "z"].enumerated() {
            let c = linear[3 * i + j]
            guard c != 0 else { continue }
            let magnitude = abs(c) == 1 ? name : "\(abs(c))\(name)"
            text += c < 0 ? "-" + magnitude : (text.isEmpty ? magnitude : "+" + magnitude)
        }
        guard withOffset else { return text }
        let value = offset[i]
        if value == 0 { return text.isEmpty ? "0" : text }
        let fraction = Self.fractionText(value)
        return text.isEmpty ? fraction : text + "+" + fraction
    }

    /// `12` → `1/2`, `3` → `1/8`.
    static func fractionText(_ value: Int) -> String {
        let divisor = greatestCommonDivisor(value, grid)
        return "\(value / divisor)/\(grid / divisor)"
    }

    private static func parseCoordinate(_ text: Substring) -> (coefficients: [Int], offset: Int)? {
        var coefficients = [0, 0, 0]
        var offset = 0
        var index = text.startIndex
        guard !text.isEmpty else { return nil }
        while index < text.endIndex {
            var sign = 1
            if text[index] == "+" || text[index] == "-" {
                sign = text[index] == "-" ? -1 : 1
                index = text.index(after: index)
            }
            var digits = ""
            while index < text.endIndex, text[index].isASCII, text[index].isNumber {
                digits.append(text[index])
                index = text.index(after: index)
            }
            if index < text.endIndex, let variable = ["x", "y", "z"].firstIndex(of: String(text[index])) {
                coefficients[variable] += sign * (digits.isEmpty ? 1 : (Int(digits) ?? 0))
                index = text.index(after: index)
            } else if index < text.endIndex, text[index] == "/" {
                index = text.index(after: index)
                var denominator = ""
                while index < text.endIndex, text[index].isASCII, text[index].isNumber {
                    denominator.append(text[index])
                    index = text.index(after: index)
                }
                guard let n = Int(digits), let d = Int(denominator), d > 0, (grid * n) % d == 0 else { return nil }
                offset += sign * grid * n / d
            } else {
                guard let n = Int(digits) else { return nil }
                offset += sign * grid * n
            }
        }
        return (coefficients, offset)
    }
}
