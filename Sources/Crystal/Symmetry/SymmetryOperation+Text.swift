extension SymmetryOperation {
    /// Creates an operation and writes its xyz form (`-x+1/2,y,-z`) as its text.
    public init(rotation: Matrix3, translation: Vector3) {
        let axes = ["x", "y", "z"]
        var parts: [String] = []
        for i in 0..<3 {
            let row = rotation.row(i)
            var text = ""
            for j in 0..<3 where row[j] != 0 {
                let c = row[j]
                let magnitude = abs(c) == 1 ? "" : Self.number(abs(c))
                text += (c < 0 ? "-" : (text.isEmpty ? "" : "+")) + magnitude + axes[j]
            }
            let shift = translation[i]
            if shift != 0 {
                text += (shift < 0 ? "-" : (text.isEmpty ? "" : "+")) + Self.number(abs(shift))
            }
            parts.append(text.isEmpty ? "0" : text)
        }
        self.init(rotation: rotation, translation: translation, text: parts.joined(separator: ","))
    }

    /// A fraction with a small denominator (`1/2`, `2/3`, `1/8`) when it is one, else decimal.
    private static func number(_ value: Double) -> String {
        for denominator in [1, 2, 3, 4, 6, 8, 12] {
            let numerator = (value * Double(denominator)).rounded()
            if abs(numerator / Double(denominator) - value) < 1e-9 {
                return denominator == 1 ? String(Int(numerator)) : "\(Int(numerator))/\(denominator)"
            }
        }
        return String(value)
    }
}
