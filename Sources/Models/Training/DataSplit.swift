import Learning

/// A seeded random split of row indices into training and validation sets.
public enum DataSplit {
    /// Shuffles 0..<count with `seed` and holds out round(count · fraction) rows (at least one
    /// when the fraction is positive and there are two or more rows). Both lists are sorted.
    public static func split(count: Int, validationFraction: Double, seed: UInt64) -> (train: [Int], validation: [Int]) {
        var generator = SeededGenerator(seed: seed)
        let order = shuffled(Array(0..<count), generator: &generator)
        var held = Int((Double(count) * validationFraction).rounded())
        if validationFraction > 0 && count >= 2 { held = max(held, 1) }
        held = min(held, max(count - 1, 0))
        return (Array(order[held...]).sorted(), Array(order[..<held]).sorted())
    }

    /// A Fisher–Yates shuffle driven only by `generator` (the same on every platform).
    public static func shuffled<T>(_ values: [T], generator: inout SeededGenerator) -> [T] {
        var values = values
        guard values.count > 1 else { return values }
        for i in stride(from: values.count - 1, to: 0, by: -1) {
            let j = Int(generator.next() % UInt64(i + 1))
            values.swapAt(i, j)
        }
        return values
    }
}
