/// A crystallographic symmetry operation on fractional coordinates: `x' = R·x + t`.
public struct SymmetryOperation: Sendable, Hashable, CustomStringConvertible {
    /// The rotation part (rows give x', y', z' in terms of x, y, z).
    public let rotation: Matrix3
    /// The translation part (fractions of the cell).
    public let translation: Vector3
    /// The text it was parsed from.
    public let text: String

    /// The identity `x, y, z`.
    public static let identity = SymmetryOperation(rotation: .identity, translation: .zero, text: "x,y,z")

    /// Creates an operation.
    public init(rotation: Matrix3, translation: Vector3, text: String) {
        self.rotation = rotation
        self.translation = translation
        self.text = text
    }

    /// Parses the CIF xyz form: three comma-separated expressions such as `x,y,z`,
    /// `-x+1/2,y,-z`, `x-y,x,z+1/3`, `1/2+x,-y,0.25-z`, `2x` or `2*x`. Whitespace and case are
    /// ignored. Returns `nil` when it is not of that form.
    public init?(xyz text: String) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var rows: [Vector3] = []
        var translation = Vector3.zero
        for (i, part) in parts.enumerated() {
            guard let (row, shift) = Self.parseComponent(part) else { return nil }
            rows.append(row)
            translation[i] = shift
        }
        self.init(rotation: Matrix3(rows[0], rows[1], rows[2]), translation: translation, text: text)
    }

    /// Applies the operation to fractional coordinates.
    public func apply(_ point: Vector3) -> Vector3 {
        rotation * point + translation
    }

    public var description: String { text }

    /// One expression: a sum of signed terms, each a number (`1/2`, `0.25`) or an optional
    /// coefficient times x, y or z.
    private static func parseComponent(_ part: Substring) -> (Vector3, Double)? {
        let chars = Array(part.lowercased().filter { !$0.isWhitespace })
        guard !chars.isEmpty else { return nil }
        var row = Vector3.zero
        var shift = 0.0
        var i = 0
        while i < chars.count {
            var sign = 1.0
            if chars[i] == "+" || chars[i] == "-" {
                sign = chars[i] == "-" ? -1 : 1
                i += 1
            } else if i > 0 {
                return nil
            }
            var number = ""
            while i < chars.count, chars[i].isNumber || chars[i] == "." || chars[i] == "/" {
                number.append(chars[i])
                i += 1
            }
            if i < chars.count, chars[i] == "*" { i += 1 }
            var coefficient = 1.0
            if !number.isEmpty {
                guard let parsed = CIFNumber(number), parsed.standardUncertainty == nil else { return nil }
                coefficient = parsed.value
            }
            if i < chars.count, let axis = ["x": 0, "y": 1, "z": 2][chars[i]] {
                row[axis] += sign * coefficient
                i += 1
            } else {
                guard !number.isEmpty else { return nil }
                shift += sign * coefficient
            }
        }
        return (row, shift)
    }
}
