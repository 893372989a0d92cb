/// Decodes one reaction's JSON bytes straight into a `SynthesisReaction`, without Codable,
/// `Any` or an intermediate tree.
///
/// It accepts exactly the shapes the text-mined releases use (strings, string lists, `null`,
/// numbers, the nested objects) and gives the same values as the Codable decoder for them.
/// Anything else (a wrong type, a duplicated key, an escape in a key, deep nesting, a JSON
/// syntax error, invalid UTF-8) makes it return `nil`; the caller then decodes the record with
/// `JSONDecoder`, which yields the same values or the same error text as before. The reader is
/// therefore a fast path that can only decline, never decide differently.
struct SynthesisJSONReader {
    /// Signals that the record leaves the fast path.
    struct Declined: Error {}

    /// Deepest nesting the reader follows before declining.
    static let maximumDepth = 64

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The reaction in `bytes`, or `nil` when the record needs the Codable decoder.
    static func reaction(_ bytes: UnsafeBufferPointer<UInt8>) -> SynthesisReaction? {
        var reader = SynthesisJSONReader(bytes)
        do {
            reader.skipWhitespace()
            let reaction = try reader.reaction()
            reader.skipWhitespace()
            return reader.index == bytes.count ? reaction : nil
        } catch {
            return nil
        }
    }

    // MARK: - The schema

    private mutating func reaction() throws(Declined) -> SynthesisReaction {
        var doi: String?, paragraph: String?, reactionString: String?, synthesisType: String?
        var targetsString: [String] = []
        var equation = SynthesisReaction.Equation(leftSide: [], rightSide: [], elementSubstitution: [:])
        var target: SynthesisMaterial?
        var precursors: [SynthesisMaterial] = []
        var operations: [SynthesisOperation] = []
        try object(keys: ["doi", "paragraph_string", "reaction_string", "targets_string", "synthesis_type",
                          "reaction", "target", "precursors", "operations"], depth: 1) { reader, key throws(Declined) in
            switch key {
            case 0: doi = try reader.lenientString()
            case 1: paragraph = try reader.lenientString()
            case 2: reactionString = try reader.lenientString()
            case 3: targetsString = try reader.lenientStrings()
            case 4: synthesisType = try reader.lenientString()
            case 5: if !reader.takeNull() { equation = try reader.equation() }
            case 6: target = try reader.material()
            case 7: precursors = try reader.lenientList { reader throws(Declined) in try reader.material() }
            default: operations = try reader.lenientList { reader throws(Declined) in try reader.operation() }
            }
        }
        guard let target else { throw Declined() }
        return SynthesisReaction(doi: doi ?? "", paragraph: paragraph ?? "", reactionString: reactionString ?? "",
                                 targetsString: targetsString, synthesisType: synthesisType, equation: equation,
                                 target: target, precursors: precursors, operations: operations)
    }

    private mutating func equation() throws(Declined) -> SynthesisReaction.Equation {
        var equation = SynthesisReaction.Equation(leftSide: [], rightSide: [], elementSubstitution: [:])
        try object(keys: ["left_side", "right_side", "element_substitution"], depth: 2) { reader, key throws(Declined) in
            switch key {
            case 0: equation.leftSide = try reader.lenientList { reader throws(Declined) in try reader.term() }
            case 1: equation.rightSide = try reader.lenientList { reader throws(Declined) in try reader.term() }
            default: equation.elementSubstitution = try reader.stringDictionary()
            }
        }
        return equation
    }

    private mutating func term() throws(Declined) -> SynthesisReaction.Term {
        var amount: String?, material: String?
        try object(keys: ["amount", "material"], depth: 4) { reader, key throws(Declined) in
            if key == 0 { amount = try reader.lenientString() } else { material = try reader.lenientString() }
        }
        return SynthesisReaction.Term(amount: amount ?? "1", material: material ?? "")
    }

    private mutating func material() throws(Declined) -> SynthesisMaterial {
        var materialString: String?, name: String?, formula: String?, phase: String?, mpId: String?
        var acronym: Bool?, abbreviationLike: Bool?
        var composition: [SynthesisMaterial.Part] = []
        var amountsVars: [String: SynthesisMaterial.VariableValues] = [:]
        var elementsVars: [String: [String]] = [:]
        var additives: [String] = []
        var oxygenDeficiency: SynthesisMaterial.OxygenDeficiency?
        try object(keys: ["material_string", "material_name", "material_formula", "phase", "is_acronym",
                          "is_abbreviation_like", "composition", "amounts_vars", "elements_vars", "additives",
                          "oxygen_deficiency", "mp_id"], depth: 3) { reader, key throws(Declined) in
            switch key {
            case 0: materialString = try reader.lenientString()
            case 1: name = try reader.lenientString()
            case 2: formula = try reader.lenientString()
            case 3: phase = try reader.lenientString()
            case 4: acronym = try reader.optionalBool()
            case 5: abbreviationLike = try reader.optionalBool()
            case 6: composition = try reader.lenientList { reader throws(Declined) in try reader.part() }
            case 7: amountsVars = try reader.variables()
            case 8: elementsVars = try reader.placeholders()
            case 9: additives = try reader.lenientStrings()
            case 10: oxygenDeficiency = try reader.oxygenDeficiency()
            default: mpId = try reader.lenientString()
            }
        }
        return SynthesisMaterial(materialString: materialString ?? "", materialName: name, materialFormula: formula ?? "",
                                 phase: phase, isAcronym: acronym ?? abbreviationLike, composition: composition,
                                 amountsVars: amountsVars, elementsVars: elementsVars, additives: additives,
                                 oxygenDeficiency: oxygenDeficiency, mpId: mpId)
    }

    private mutating func part() throws(Declined) -> SynthesisMaterial.Part {
        var formula: String?, amount: String?
        var elements: [String: String] = [:]
        try object(keys: ["formula", "amount", "elements"], depth: 5) { reader, key throws(Declined) in
            switch key {
            case 0: formula = try reader.lenientString()
            case 1: amount = try reader.lenientString()
            default: elements = try reader.stringDictionary()
            }
        }
        return SynthesisMaterial.Part(formula: formula ?? "", amount: amount ?? "1", elements: elements)
    }

    /// `amounts_vars`: variable → `{values, min_value, max_value}` or a bare list.
    private mutating func variables() throws(Declined) -> [String: SynthesisMaterial.VariableValues] {
        var result: [String: SynthesisMaterial.VariableValues] = [:]
        if takeNull() { return result }
        try dictionary(depth: 4) { reader, name throws(Declined) in
            let values: SynthesisMaterial.VariableValues
            switch reader.peek() {
            case UInt8(ascii: "["): values = SynthesisMaterial.VariableValues(values: try reader.numberList())
            case UInt8(ascii: "{"): values = try reader.variableObject()
            default: throw Declined()
            }
            guard result.updateValue(values, forKey: name) == nil else { throw Declined() }
        }
        return result
    }

    private mutating func variableObject() throws(Declined) -> SynthesisMaterial.VariableValues {
        var values: [Double] = [], minValue: Double?, maxValue: Double?
        try object(keys: ["values", "min_value", "max_value"], depth: 5) { reader, key throws(Declined) in
            switch key {
            case 0: values = reader.takeNull() ? [] : try reader.numberList()
            case 1: minValue = try reader.lenientDouble()
            default: maxValue = try reader.lenientDouble()
            }
        }
        return SynthesisMaterial.VariableValues(values: values, minValue: minValue, maxValue: maxValue)
    }

    /// `elements_vars`: placeholder → list of element symbols (nulls dropped).
    private mutating func placeholders() throws(Declined) -> [String: [String]] {
        var result: [String: [String]] = [:]
        if takeNull() { return result }
        try dictionary(depth: 4) { reader, name throws(Declined) in
            guard reader.peek() == UInt8(ascii: "[") else { throw Declined() }
            guard result.updateValue(try reader.stringList(), forKey: name) == nil else { throw Declined() }
        }
        return result
    }

    private mutating func oxygenDeficiency() throws(Declined) -> SynthesisMaterial.OxygenDeficiency? {
        if takeNull() { return nil }
        if let flag = takeBool() { return flag ? .deficient : nil }
        guard peek() == UInt8(ascii: "\"") else { throw Declined() }
        switch try string() {
        case "-": return .deficient
        case "+": return .excess
        case "": return nil
        default: return .unspecified
        }
    }

    private mutating func operation() throws(Declined) -> SynthesisOperation {
        var type: String?, token: String?
        var conditions = SynthesisOperation.Conditions()
        try object(keys: ["type", "token", "conditions"], depth: 3) { reader, key throws(Declined) in
            switch key {
            case 0: type = try reader.lenientString()
            case 1: token = try reader.lenientString()
            default: conditions = reader.takeNull() ? SynthesisOperation.Conditions() : try reader.conditions()
            }
        }
        return SynthesisOperation(type: type ?? "", token: token ?? "", conditions: conditions)
    }

    private mutating func conditions() throws(Declined) -> SynthesisOperation.Conditions {
        var conditions = SynthesisOperation.Conditions()
        try object(keys: ["heating_temperature", "heating_time", "heating_atmosphere", "mixing_device", "mixing_media"],
                   depth: 4) { reader, key throws(Declined) in
            switch key {
            case 0: conditions.heatingTemperature = try reader.lenientList { reader throws(Declined) in try reader.quantity() }
            case 1: conditions.heatingTime = try reader.lenientList { reader throws(Declined) in try reader.quantity() }
            case 2: conditions.heatingAtmosphere = try reader.lenientStrings()
            case 3: conditions.mixingDevice = try reader.lenientStrings()
            default: conditions.mixingMedia = try reader.lenientStrings()
            }
        }
        return conditions
    }

    private mutating func quantity() throws(Declined) -> SynthesisOperation.Quantity {
        var values: [Double] = [], minValue: Double?, maxValue: Double?, units: String?
        try object(keys: ["values", "units", "min_value", "max_value"], depth: 6) { reader, key throws(Declined) in
            switch key {
            case 0: values = reader.takeNull() ? [] : try reader.numberList()
            case 1: units = try reader.lenientString()
            case 2: minValue = try reader.lenientDouble()
            default: maxValue = try reader.lenientDouble()
            }
        }
        return SynthesisOperation.Quantity(values: values, minValue: minValue, maxValue: maxValue, units: units ?? "")
    }

    // MARK: - Lenient values (the Codable helpers' rules)

    /// A string; `null` and `""` give `nil`.
    private mutating func lenientString() throws(Declined) -> String? {
        if takeNull() { return nil }
        guard peek() == UInt8(ascii: "\"") else { throw Declined() }
        let text = try string()
        return text.isEmpty ? nil : text
    }

    /// A string list, a single string, or `null`.
    private mutating func lenientStrings() throws(Declined) -> [String] {
        if takeNull() { return [] }
        switch peek() {
        case UInt8(ascii: "\""):
            let text = try string()
            return text.isEmpty ? [] : [text]
        case UInt8(ascii: "["): return try stringList()
        default: throw Declined()
        }
    }

    /// A list of strings and nulls; the nulls are dropped.
    private mutating func stringList() throws(Declined) -> [String] {
        var result: [String] = []
        try array(depth: 5) { reader throws(Declined) in
            if reader.takeNull() { return }
            guard reader.peek() == UInt8(ascii: "\"") else { throw Declined() }
            result.append(try reader.string())
        }
        return result
    }

    /// A list of numbers and nulls; the nulls are dropped.
    private mutating func numberList() throws(Declined) -> [Double] {
        var result: [Double] = []
        try array(depth: 6) { reader throws(Declined) in
            if reader.takeNull() { return }
            result.append(try reader.number())
        }
        return result
    }

    /// A number, a numeric string (`Double(text)`), or `null`.
    private mutating func lenientDouble() throws(Declined) -> Double? {
        if takeNull() { return nil }
        if peek() == UInt8(ascii: "\"") { return Double(try string()) }
        return try number()
    }

    /// `true`, `false` or `null`.
    private mutating func optionalBool() throws(Declined) -> Bool? {
        if takeNull() { return nil }
        guard let flag = takeBool() else { throw Declined() }
        return flag
    }

    /// A list of `T`, or empty for `null`.
    private mutating func lenientList<T>(_ element: (inout SynthesisJSONReader) throws(Declined) -> T) throws(Declined) -> [T] {
        if takeNull() { return [] }
        var result: [T] = []
        try array(depth: 3) { reader throws(Declined) in result.append(try element(&reader)) }
        return result
    }

    /// An object of strings, or empty for `null`.
    private mutating func stringDictionary() throws(Declined) -> [String: String] {
        var result: [String: String] = [:]
        if takeNull() { return result }
        try dictionary(depth: 6) { reader, name throws(Declined) in
            guard reader.peek() == UInt8(ascii: "\"") else { throw Declined() }
            guard result.updateValue(try reader.string(), forKey: name) == nil else { throw Declined() }
        }
        return result
    }
}

extension SynthesisJSONReader {
    // MARK: - Structure

    /// Reads an object whose members named in `keys` go to `member` (with the key's position);
    /// other members are validated and skipped. A repeated known key declines.
    private mutating func object(keys: [StaticString], depth: Int,
                                 _ member: (inout SynthesisJSONReader, Int) throws(Declined) -> Void) throws(Declined) {
        guard depth <= Self.maximumDepth, peek() == UInt8(ascii: "{") else { throw Declined() }
        index += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "}") { index += 1; return }
        var seen: UInt64 = 0
        while true {
            skipWhitespace()
            let name = try keyRange()
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            if let position = Self.position(of: name, in: keys, bytes: bytes) {
                guard seen & (1 << position) == 0 else { throw Declined() }
                seen |= 1 << position
                try member(&self, position)
            } else {
                try skipValue(depth: depth + 1)
            }
            skipWhitespace()
            if peek() == UInt8(ascii: ",") { index += 1; continue }
            try expect(UInt8(ascii: "}"))
            return
        }
    }

    /// Reads an object with arbitrary keys (decoded strings).
    private mutating func dictionary(depth: Int, _ member: (inout SynthesisJSONReader, String) throws(Declined) -> Void) throws(Declined) {
        guard depth <= Self.maximumDepth, peek() == UInt8(ascii: "{") else { throw Declined() }
        index += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "}") { index += 1; return }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw Declined() }
            let name = try string()
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            try member(&self, name)
            skipWhitespace()
            if peek() == UInt8(ascii: ",") { index += 1; continue }
            try expect(UInt8(ascii: "}"))
            return
        }
    }

    /// Reads an array, handing each element (after whitespace) to `element`.
    private mutating func array(depth: Int, _ element: (inout SynthesisJSONReader) throws(Declined) -> Void) throws(Declined) {
        guard depth <= Self.maximumDepth, peek() == UInt8(ascii: "[") else { throw Declined() }
        index += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "]") { index += 1; return }
        while true {
            skipWhitespace()
            try element(&self)
            skipWhitespace()
            if peek() == UInt8(ascii: ",") { index += 1; continue }
            try expect(UInt8(ascii: "]"))
            return
        }
    }

    /// A key's raw byte range (without quotes); keys with escapes decline.
    private mutating func keyRange() throws(Declined) -> Range<Int> {
        guard peek() == UInt8(ascii: "\"") else { throw Declined() }
        let start = index + 1
        var cursor = start
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\"") {
                index = cursor + 1
                return start..<cursor
            }
            guard byte != UInt8(ascii: "\\"), byte >= 0x20 else { throw Declined() }
            cursor += 1
        }
        throw Declined()
    }

    private static func position(of name: Range<Int>, in keys: [StaticString], bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        for (position, key) in keys.enumerated() where key.utf8CodeUnitCount == name.count {
            let start = key.utf8Start
            var equal = true
            for offset in 0..<name.count where bytes[name.lowerBound + offset] != start[offset] {
                equal = false
                break
            }
            if equal { return position }
        }
        return nil
    }

    /// Validates and skips any value.
    private mutating func skipValue(depth: Int) throws(Declined) {
        switch peek() {
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "{"): try dictionary(depth: depth) { reader, _ throws(Declined) in try reader.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["): try array(depth: depth) { reader throws(Declined) in try reader.skipValue(depth: depth + 1) }
        case UInt8(ascii: "t"), UInt8(ascii: "f"): guard takeBool() != nil else { throw Declined() }
        case UInt8(ascii: "n"): guard takeNull() else { throw Declined() }
        default: _ = try number()
        }
    }

    // MARK: - Scalars

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func expect(_ byte: UInt8) throws(Declined) {
        guard peek() == byte else { throw Declined() }
        index += 1
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func takeLiteral(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != literal.utf8Start[offset] { return false }
        index += count
        return true
    }

    private mutating func takeNull() -> Bool { peek() == UInt8(ascii: "n") && takeLiteral("null") }

    private mutating func takeBool() -> Bool? {
        if takeLiteral("true") { return true }
        if takeLiteral("false") { return false }
        return nil
    }

    /// A strict JSON number (`-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`) as a finite `Double`.
    private mutating func number() throws(Declined) -> Double {
        let start = index
        func digits(_ reader: inout SynthesisJSONReader) -> Int {
            let first = reader.index
            while reader.index < reader.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(reader.bytes[reader.index]) { reader.index += 1 }
            return reader.index - first
        }
        if peek() == UInt8(ascii: "-") { index += 1 }
        let leadingZero = peek() == UInt8(ascii: "0")
        let integerDigits = digits(&self)
        guard integerDigits > 0, !(leadingZero && integerDigits > 1) else { throw Declined() }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw Declined() }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard digits(&self) > 0 else { throw Declined() }
        }
        let text = Substring(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw Declined() }
        return value
    }

    /// A string literal's text: escapes decoded, UTF-8 validated; control characters decline.
    private mutating func string() throws(Declined) -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        var cursor = start
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\"") {
                index = cursor + 1
                guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<cursor]), as: UTF8.self) else { throw Declined() }
                return text
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            guard byte >= 0x20 else { throw Declined() }
            cursor += 1
        }
        throw Declined()
    }

    /// The slow path of `string()` for literals with escapes.
    private mutating func escapedString(from start: Int) throws(Declined) -> String {
        var decoded: [UInt8] = []
        var cursor = start
        while cursor < bytes.count {
            let byte = bytes[cursor]
            switch byte {
            case UInt8(ascii: "\""):
                index = cursor + 1
                guard let text = String(validating: decoded, as: UTF8.self) else { throw Declined() }
                return text
            case UInt8(ascii: "\\"):
                guard cursor + 1 < bytes.count else { throw Declined() }
                let escape = bytes[cursor + 1]
                cursor += 2
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4(at: cursor)
                    cursor += 4
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard cursor + 1 < bytes.count, bytes[cursor] == UInt8(ascii: "\\"), bytes[cursor + 1] == UInt8(ascii: "u") else { throw Declined() }
                        let low = try hex4(at: cursor + 2)
                        guard (0xDC00..<0xE000).contains(low) else { throw Declined() }
                        cursor += 6
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(scalar) {
                        throw Declined()
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw Declined() }
                    decoded.append(contentsOf: UTF8.encode(unicode) ?? [])
                default: throw Declined()
                }
            default:
                guard byte >= 0x20 else { throw Declined() }
                decoded.append(byte)
                cursor += 1
            }
        }
        throw Declined()
    }

    private func hex4(at position: Int) throws(Declined) -> UInt32 {
        guard position + 4 <= bytes.count else { throw Declined() }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[position + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Declined()
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}

private extension UTF8 {
    /// The UTF-8 bytes of `scalar`.
    static func encode(_ scalar: Unicode.Scalar) -> [UInt8]? {
        var result: [UInt8] = []
        UTF8.encode(scalar) { result.append($0) }
        return result
    }
}
