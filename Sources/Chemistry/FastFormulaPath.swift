/// A fast path for the common case: formulas made only of element symbols, unsigned decimal
/// amounts and brackets (`YBa2Cu3O6.94`, `Ag(AuS)2`). It gives exactly the composition the full
/// grammar gives, or `nil` when the text needs the full grammar (anything else, including every
/// error, warning, variable, isotope, separator or whitespace), which then decides.
enum FastFormulaPath {
    private static let capacity = 48
    private static let maxDepth = 8

    static func composition(_ bytes: UnsafeBufferPointer<UInt8>) -> Composition? {
        let count = bytes.count
        guard count > 0, count < 256 else { return nil }
        // A trailing `OY` is SuperCon's variable oxygen: the full grammar handles it.
        if count >= 2, bytes[count - 2] == UInt8(ascii: "O"), bytes[count - 1] == UInt8(ascii: "Y") { return nil }
        var scratch = Scratch()
        return withUnsafeMutableBytes(of: &scratch.amounts) { amountBytes in
            withUnsafeMutableBytes(of: &scratch.numbers) { numberBytes in
                withUnsafeMutableBytes(of: &scratch.groupStarts) { groupBytes in
                    scan(bytes,
                         amounts: amountBytes.bindMemory(to: Double.self),
                         numbers: numberBytes.bindMemory(to: UInt8.self),
                         groupStarts: groupBytes.bindMemory(to: Int.self))
                }
            }
        }
    }

    /// Fixed-size working storage on the stack.
    private struct Scratch {
        typealias Doubles16 = (Double, Double, Double, Double, Double, Double, Double, Double,
                               Double, Double, Double, Double, Double, Double, Double, Double)
        typealias Bytes16 = (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                             UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8)
        var amounts: (Doubles16, Doubles16, Doubles16) = ((0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                                                          (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                                                          (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        var numbers: (Bytes16, Bytes16, Bytes16) = ((0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                                                    (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                                                    (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        var groupStarts: (Int, Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0, 0)
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, amounts: UnsafeMutableBufferPointer<Double>,
                             numbers: UnsafeMutableBufferPointer<UInt8>, groupStarts: UnsafeMutableBufferPointer<Int>) -> Composition? {
        let count = bytes.count
        var index = 0
        var items = 0
        var depth = 0
        let table = ElementSymbolTable.pointer
        while index < count {
            let byte = bytes[index]
            if byte >= 65, byte <= 90 {
                index += 1
                var z: UInt8 = 0
                if index < count, bytes[index] >= 97, bytes[index] <= 122 {
                    z = table[Int(byte - 65) * 27 + Int(bytes[index] - 97) + 1]
                    if z != 0 { index += 1 } else { return nil } // placeholder, variable or unknown
                } else {
                    z = table[Int(byte - 65) * 27]
                }
                guard z != 0, items < capacity else { return nil }
                if byte == UInt8(ascii: "T"), index < count, bytes[index] == UInt8(ascii: "I") { return nil }
                var amount = 1.0
                if index < count, isNumberStart(bytes, index) {
                    guard let (value, next) = number(bytes, index), value > 0 else { return nil }
                    amount = value
                    index = next
                }
                numbers[items] = z
                amounts[items] = amount
                items += 1
            } else if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") {
                guard depth < maxDepth else { return nil }
                groupStarts[depth] = items
                depth += 1
                index += 1
            } else if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") {
                guard depth > 0 else { return nil }
                depth -= 1
                let start = groupStarts[depth]
                guard items > start else { return nil }
                index += 1
                if index < count, isNumberStart(bytes, index) {
                    guard let (value, next) = number(bytes, index), value > 0 else { return nil }
                    for item in start..<items { amounts[item] *= value }
                    index = next
                }
            } else {
                return nil
            }
            // After an item, only another item or a bracket may follow; anything else (signs,
            // variables, separators) goes to the full grammar.
            if index < count {
                let next = bytes[index]
                let ok = (next >= 65 && next <= 90) || next == UInt8(ascii: "(") || next == UInt8(ascii: ")")
                    || next == UInt8(ascii: "[") || next == UInt8(ascii: "]")
                if !ok { return nil }
            }
        }
        guard depth == 0, items > 0 else { return nil }
        // Merge repeated elements, then sort by Z (insertion sort: a handful of elements).
        var unique = 0
        for item in 0..<items {
            var merged = false
            for existing in 0..<unique where numbers[existing] == numbers[item] {
                amounts[existing] += amounts[item]
                merged = true
                break
            }
            if !merged {
                numbers[unique] = numbers[item]
                amounts[unique] = amounts[item]
                unique += 1
            }
        }
        let entries = [Composition.Entry](unsafeUninitializedCapacity: unique) { buffer, initialized in
            for item in 0..<unique {
                let entry = Composition.Entry(z: numbers[item], amount: amounts[item])
                var cursor = item
                while cursor > 0, buffer[cursor - 1].z > entry.z {
                    buffer[cursor] = buffer[cursor - 1]
                    cursor -= 1
                }
                buffer[cursor] = entry
            }
            initialized = unique
        }
        return Composition(sortedEntries: entries)
    }

    @inline(__always)
    private static func isNumberStart(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let byte = bytes[index]
        return (byte >= 48 && byte <= 57) || byte == UInt8(ascii: ".")
    }

    /// `digits ('.' digits)?` or `'.' digits`; `nil` for anything the full grammar must judge
    /// (exponents, trailing points, two points, more than 15 significant digits).
    @inline(__always)
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> (Double, Int)? {
        var index = start
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
            mantissa = mantissa &* 10 &+ UInt64(bytes[index] - 48)
            digits += 1
            index += 1
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                mantissa = mantissa &* 10 &+ UInt64(bytes[index] - 48)
                digits += 1
                fractionDigits += 1
                index += 1
            }
            guard fractionDigits > 0 else { return nil }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") { return nil }
        }
        guard digits > 0, digits <= 15 else { return nil } // exact in a Double: one correctly rounded division
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") { return nil }
        let value = fractionDigits == 0 ? Double(mantissa) : Double(mantissa) / NumberScanning.powersOfTen[fractionDigits]
        return (value, index)
    }
}
