/// Constant-time lookup of element symbols from ASCII bytes, for the formula scanner.
enum ElementSymbolTable {
    /// `table[(first - 'A') * 27 + (second == nil ? 0 : second - 'a' + 1)]` = atomic number or 0.
    static let table: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 26 * 27)
        for element in PeriodicTable.elements {
            let scalars = Array(element.symbol.utf8)
            guard let first = scalars.first, first >= 65, first <= 90 else { continue }
            let row = Int(first - 65) * 27
            if scalars.count == 1 {
                table[row] = UInt8(element.z)
            } else if scalars.count == 2, scalars[1] >= 97, scalars[1] <= 122 {
                table[row + Int(scalars[1] - 97) + 1] = UInt8(element.z)
            }
        }
        return table
    }()

    /// The same table at a fixed address (allocated once, never freed), so hot loops read it
    /// without retaining an array.
    nonisolated(unsafe) static let pointer: UnsafePointer<UInt8> = {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: table.count)
        buffer.initialize(from: table, count: table.count)
        return UnsafePointer(buffer)
    }()

    /// Atomic number for an uppercase ASCII letter and an optional lowercase one, or 0.
    @inline(__always)
    static func lookup(_ first: UInt8, _ second: UInt8?) -> UInt8 {
        let row = Int(first &- 65) * 27
        guard let second else { return table[row] }
        return table[row + Int(second &- 97) + 1]
    }
}
