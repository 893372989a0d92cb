/// The formula grammar.
///
/// ```
/// formula   := unit (separator unit)* (':' dopant (',' dopant)*)?
/// unit      := coefficient? item+ charge?
/// item      := (element | '(' item+ ')' | '[' item+ ']' | '{' item+ '}') amount?
/// amount    := term (('+' | '-') term)*          // at least one variable if there is an operator
/// term      := number ('*'? variable)? | variable
/// separator := '·' | '•' | '∙' | '⋅' | '*' | '.' (before an element or bracket)
/// ```
/// Whitespace between tokens is ignored (with a warning). `D` and `T` are hydrogen isotopes.
/// Variables are single lowercase letters not consumed by an element symbol, or `δ`.
/// A charge suffix (`Fe2+`, `O2-`, `Fe+2`) is accepted only on a single-element species.
/// Anything else is rejected with a `FormulaError` naming the character position.
public enum FormulaParser {
    /// Version of the grammar, recorded with every parsed observation.
    public static let version = "formula-grammar/1"

    /// The composition of a plain formula (element symbols, unsigned decimal amounts and
    /// brackets only), or `nil` when the text needs the full grammar of `parse`. A non-nil result
    /// is exactly what `parse` would give, with no warnings, charge, isotopes or variables.
    public static func plainComposition(_ text: String) -> Composition? {
        var copy = text
        return copy.withUTF8 { FastFormulaPath.composition($0) }
    }

    /// Parses `text`, applying `bindings` to variables and placeholders.
    public static func parse(_ text: String, bindings: FormulaBindings = .none) throws(FormulaError) -> ParsedFormula {
        var copy = text
        let result: Result<ParsedFormula, FormulaError> = copy.withUTF8 { bytes in
            var scanner = FormulaScanner(bytes: bytes, text: text, bindings: bindings)
            do throws(FormulaError) {
                return .success(try scanner.run())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

/// One element occurrence with its amount, before aggregation.
typealias ScannedItem = ParsedFormula.Term

/// Recursive-descent scanner over UTF-8 bytes.
struct FormulaScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let text: String
    let bindings: FormulaBindings
    var index = 0
    var items: [ScannedItem] = []
    var warnings: [FormulaWarning] = []
    var isotopes: [ParsedFormula.Isotope] = []
    var dopants: [ParsedFormula.Dopant] = []
    var charge: Int?
    var skippedInnerWhitespace = false
    var usedFractionNotation = false

    init(bytes: UnsafeBufferPointer<UInt8>, text: String, bindings: FormulaBindings) {
        self.bytes = bytes
        self.text = text
        self.bindings = bindings
        items.reserveCapacity(8)
    }

    // MARK: Entry

    mutating func run() throws(FormulaError) -> ParsedFormula {
        skipWhitespace()
        guard index < bytes.count else {
            throw error(.emptyFormula, at: 0, "the formula is empty")
        }
        var unitCount = 0
        while true {
            try parseUnit()
            unitCount += 1
            skipWhitespace()
            if index >= bytes.count { break }
            if let length = separatorLength(at: index) {
                let separatorOffset = index
                index += length
                warn(.adductSeparator, at: separatorOffset, "read as a separator between formula units")
                skipWhitespace()
                guard index < bytes.count else {
                    throw error(.unexpectedCharacter, at: separatorOffset, "nothing follows the separator")
                }
                continue
            }
            if bytes[index] == UInt8(ascii: ":") {
                try parseDopants()
                break
            }
            throw unexpected(at: index)
        }
        if skippedInnerWhitespace {
            warnings.insert(FormulaWarning(code: .whitespaceIgnored, position: 1, message: "whitespace inside the formula was ignored"), at: 0)
        }
        readTrailingOxygenVariable()
        return try finish()
    }

    // MARK: Units and items

    mutating func parseUnit() throws(FormulaError) {
        let unitStart = items.count
        skipWhitespace()
        var coefficient: (value: Double, offset: Int)?
        if index < bytes.count, startsNumber(at: index) {
            let offset = index
            let value = try parseNumber()
            guard value > 0 else { throw error(.zeroAmount, at: offset, "the unit coefficient is zero") }
            coefficient = (value, offset)
        } else if index < bytes.count, variableLength(at: index) != nil {
            throw error(.unsupportedNotation, at: index, "a variable coefficient before a formula unit (composite notation) is not supported")
        }
        var groups: [(start: Int, closer: UInt8, offset: Int)] = []
        var lastItem: (start: Int, explicitAmount: Bool, isElement: Bool)?
        var elementItems = 0
        var groupCount = 0
        loop: while true {
            skipWhitespace(inner: items.count > unitStart)
            guard index < bytes.count else { break }
            let byte = bytes[index]
            switch byte {
            case 65...90:
                let start = items.count
                let explicit = try parseElementItem()
                lastItem = (start, explicit, true)
                elementItems += 1
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                let closer: UInt8 = byte == UInt8(ascii: "(") ? UInt8(ascii: ")") : (byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}"))
                groups.append((items.count, closer, index))
                index += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                guard let open = groups.last else {
                    throw error(.unbalancedBrackets, at: index, "closing bracket without an opening one")
                }
                guard open.closer == byte else {
                    throw error(.unbalancedBrackets, at: index, "closing bracket does not match the opening one at character \(characterPosition(open.offset))")
                }
                guard items.count > open.start else {
                    throw error(.unexpectedCharacter, at: open.offset, "empty brackets")
                }
                groups.removeLast()
                index += 1
                groupCount += 1
                let amountOffset = index
                if let multiplier = try parseAmount() {
                    try checkPositive(multiplier, at: amountOffset)
                    for itemIndex in open.start..<items.count {
                        guard let product = items[itemIndex].amount.multiplied(by: multiplier) else {
                            throw error(.nonlinearAmount, at: amountOffset, "a variable multiplier of a group that already has variables is not affine")
                        }
                        try checkComputed(product, from: (items[itemIndex].amount.constant, multiplier.constant),
                                          at: amountOffset, "the group multiplier")
                        items[itemIndex].amount = product
                    }
                    lastItem = (open.start, true, false)
                } else {
                    lastItem = (open.start, false, false)
                }
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                try parseSign(length: 1, unitStart: unitStart, lastItem: lastItem,
                              singleElement: elementItems == 1 && groupCount == 0 && groups.isEmpty)
            default:
                if let length = unicodeMinusLength(at: index) {
                    try parseSign(length: length, unitStart: unitStart, lastItem: lastItem,
                                  singleElement: elementItems == 1 && groupCount == 0 && groups.isEmpty)
                } else if startsNumber(at: index) {
                    throw error(.unexpectedCharacter, at: index, "a number must follow an element or a closing bracket")
                } else if variableLength(at: index) != nil {
                    throw error(.unexpectedCharacter, at: index, "a variable must follow an element, a number or a closing bracket")
                } else {
                    break loop
                }
            }
        }
        if let open = groups.last {
            throw error(.unbalancedBrackets, at: open.offset, "bracket is never closed")
        }
        guard items.count > unitStart else {
            throw index < bytes.count ? unexpected(at: index) : error(.unexpectedCharacter, at: index, "expected an element")
        }
        if let coefficient {
            for itemIndex in unitStart..<items.count {
                let scaled = items[itemIndex].amount * coefficient.value
                try checkComputed(scaled, from: (items[itemIndex].amount.constant, coefficient.value),
                                  at: coefficient.offset, "the unit coefficient")
                items[itemIndex].amount = scaled
            }
        }
    }

    /// Reads an element symbol and its optional amount; returns whether the amount was written.
    mutating func parseElementItem() throws(FormulaError) -> Bool {
        let start = index
        let first = bytes[index]
        index += 1
        var second: UInt8?
        if index < bytes.count, bytes[index] >= 97, bytes[index] <= 122 { second = bytes[index] }
        var z: UInt8 = 0
        if let second {
            z = ElementSymbolTable.lookup(first, second)
            if z != 0 { index += 1 }
        }
        if z == 0 { z = ElementSymbolTable.lookup(first, nil) }
        if z == 0 {
            if first == UInt8(ascii: "T"), index < bytes.count, bytes[index] == UInt8(ascii: "I") {
                // `TI` is the classic typo for thallium (`Tl`); tritium iodide is not a material
                // anyone writes this way. Refuse rather than read T (→ H) + I.
                throw error(.unknownElement, at: start, "\"TI\" is not an element symbol (thallium is \"Tl\"); refusing to read it as tritium + iodine")
            }
            if first == UInt8(ascii: "D") || first == UInt8(ascii: "T") {
                z = 1
                let symbol = first == UInt8(ascii: "D") ? "D" : "T"
                isotopes.append(.init(symbol: symbol, element: "H", position: characterPosition(start)))
                warn(.isotopeMappedToHydrogen, at: start, "\(symbol) read as hydrogen")
            } else {
                var end = index
                while end < bytes.count, bytes[end] >= 97, bytes[end] <= 122 { end += 1 }
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                if let symbol = bindings.placeholders[name], let element = PeriodicTable.element(symbol: symbol) {
                    z = UInt8(element.z)
                    index = end
                    warn(.placeholderSubstituted, at: start, "placeholder \(name) replaced by \(symbol)")
                } else {
                    throw error(.unknownElement, at: start, "\"\(name)\" is not an element symbol")
                }
            }
        }
        let amountOffset = index
        let amount = try parseAmount()
        if let amount { try checkPositive(amount, at: amountOffset) }
        items.append(ScannedItem(z: z, amount: amount ?? SymbolicAmount(1), offset: start))
        return amount != nil
    }

    /// A sign not consumed by an amount: a charge suffix, or an error that says why not.
    mutating func parseSign(length: Int, unitStart: Int, lastItem: (start: Int, explicitAmount: Bool, isElement: Bool)?,
                            singleElement: Bool) throws(FormulaError) {
        let signOffset = index
        let negative = bytes[index] != UInt8(ascii: "+")
        let after = index + length
        guard let lastItem else {
            throw error(.unexpectedCharacter, at: signOffset, "a sign must follow an element")
        }
        var digitsEnd = after
        while digitsEnd < bytes.count, bytes[digitsEnd] >= 48, bytes[digitsEnd] <= 57 { digitsEnd += 1 }
        let digitsOnlyToEnd = digitsEnd > after && restIsEndOfUnit(from: digitsEnd)
        if restIsEndOfUnit(from: after) || digitsOnlyToEnd {
            // A charge suffix: `Fe2+`, `O2-`, `Fe+`, `Fe+2`.
            guard singleElement, lastItem.isElement, items.count == unitStart + 1 else {
                throw error(.ambiguousSign, at: signOffset, "a charge suffix is only accepted on a single-element species; on a formula it could be arithmetic or a charge")
            }
            var magnitude = 1.0
            if digitsOnlyToEnd {
                guard !lastItem.explicitAmount else {
                    throw error(.ambiguousSign, at: signOffset, "an amount followed by a signed number could be a charge or arithmetic")
                }
                magnitude = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[after..<digitsEnd]), as: UTF8.self)) ?? 1
                index = digitsEnd
            } else {
                if lastItem.explicitAmount {
                    magnitude = items[lastItem.start].amount.constant
                }
                index = after
            }
            guard items[lastItem.start].amount.isConstant, magnitude == magnitude.rounded(), magnitude >= 1, magnitude <= 8 else {
                throw error(.ambiguousSign, at: signOffset, "the charge must be a whole number between 1 and 8")
            }
            guard charge == nil else { throw error(.ambiguousSign, at: signOffset, "a second charge") }
            let value = Int(magnitude) * (negative ? -1 : 1)
            charge = value
            items[lastItem.start].amount = SymbolicAmount(1)
            warn(.chargeStripped, at: signOffset, "charge \(value > 0 ? "+" : "")\(value) removed")
            return
        }
        if after < bytes.count, startsNumber(at: after) || variableLength(at: after) != nil {
            if negative, !lastItem.explicitAmount {
                throw error(.negativeAmount, at: signOffset, "an amount cannot be negative")
            }
            throw error(.ambiguousSign, at: signOffset, "a signed number after an element could be a charge or arithmetic")
        }
        if after < bytes.count, bytes[after] == UInt8(ascii: "(") || startsNumber(at: after) {
            throw error(.unsupportedNotation, at: signOffset, "mixture notation (A-B between units) is not supported")
        }
        throw error(.ambiguousSign, at: signOffset, "a sign between elements is neither an amount nor a charge")
    }

    /// True when only whitespace, a separator, `:` or the end follows `offset`.
    func restIsEndOfUnit(from offset: Int) -> Bool {
        var cursor = offset
        while cursor < bytes.count, bytes[cursor] == 32 || bytes[cursor] == 9 { cursor += 1 }
        if cursor >= bytes.count { return true }
        if bytes[cursor] == UInt8(ascii: ":") || bytes[cursor] == UInt8(ascii: ",") { return true }
        if bytes[cursor] >= 0x80, separatorLength(at: cursor) != nil { return true }
        return false
    }

    // MARK: Amounts

    /// Reads an optional amount expression. Returns `nil` when none is written.
    mutating func parseAmount() throws(FormulaError) -> SymbolicAmount? {
        let save = index
        let sawWhitespace = skipWhitespaceCounting()
        guard index < bytes.count, startsNumber(at: index) || variableLength(at: index) != nil else {
            index = save
            return nil
        }
        if sawWhitespace { skippedInnerWhitespace = true }
        var total = try parseTerm()
        var firstOperator: Int?
        while index < bytes.count {
            var signLength = 0
            var negative = false
            if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                signLength = 1
                negative = bytes[index] == UInt8(ascii: "-")
            } else if let length = unicodeMinusLength(at: index) {
                signLength = length
                negative = true
            }
            guard signLength > 0 else { break }
            let next = index + signLength
            guard next < bytes.count, startsNumber(at: next) || variableLength(at: next) != nil else { break }
            if signLength > 1 { warn(.unicodeMinus, at: index, "read as a minus sign") }
            if firstOperator == nil { firstOperator = index }
            index = next
            let term = try parseTerm()
            total = total + term * (negative ? -1 : 1)
            try checkComputed(total, from: nil, at: next, "this sum")
        }
        if let firstOperator, total.isConstant {
            throw error(.ambiguousSign, at: firstOperator, "arithmetic between numbers could be a charge; write the amount as one number")
        }
        return total
    }

    /// `number ('*'? variable)? | variable`.
    mutating func parseTerm() throws(FormulaError) -> SymbolicAmount {
        var coefficient = 1.0
        var hadNumber = false
        if startsNumber(at: index) {
            coefficient = try parseNumber()
            hadNumber = true
            if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "*"), variableLength(at: index + 1) != nil {
                index += 1
            }
        }
        guard index < bytes.count, let length = variableLength(at: index) else {
            if hadNumber { return SymbolicAmount(try dividedByDenominator(coefficient)) }
            throw unexpected(at: index)
        }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]), as: UTF8.self)
        index += length
        if index < bytes.count, variableLength(at: index) != nil {
            throw error(.nonlinearAmount, at: index, "a product of variables is not supported")
        }
        if index < bytes.count, startsNumber(at: index) {
            throw error(.unexpectedCharacter, at: index, "a number directly after a variable")
        }
        var amount = SymbolicAmount(0)
        amount.add(name, try dividedByDenominator(coefficient))
        return amount
    }

    /// A fraction written with a slash (`Zn1/3`, `3z/2`): divides `value` by the denominator
    /// that follows, or returns it unchanged when no `/digit` follows.
    mutating func dividedByDenominator(_ value: Double) throws(FormulaError) -> Double {
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "/"), startsNumber(at: index + 1) else { return value }
        let slash = index
        index += 1
        let denominator = try parseNumber()
        guard denominator != 0 else { throw error(.invalidNumber, at: slash, "division by zero") }
        try checkComputed(SymbolicAmount(value / denominator), from: (value, denominator), at: slash, "this fraction")
        if !usedFractionNotation {
            usedFractionNotation = true
            warn(.fractionNotation, at: slash, "an amount written as a fraction was divided out")
        }
        return value / denominator
    }

    /// Reads an unsigned decimal number with optional fraction and exponent.
    mutating func parseNumber() throws(FormulaError) -> Double {
        let start = index
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var overflow = false
        while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
            if mantissa < 100_000_000_000_000_000 { mantissa = mantissa * 10 + UInt64(bytes[index] - 48) } else { overflow = true; exponent += 1 }
            digits += 1
            index += 1
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            let next = index + 1
            if next < bytes.count, bytes[next] >= 48, bytes[next] <= 57 {
                index = next
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                    if mantissa < 100_000_000_000_000_000 { mantissa = mantissa * 10 + UInt64(bytes[index] - 48); exponent -= 1 } else { overflow = true }
                    digits += 1
                    index += 1
                }
                if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "."), bytes[index + 1] >= 48, bytes[index + 1] <= 57 {
                    throw error(.invalidNumber, at: start, "a number with two decimal points")
                }
            } else if digits > 0, restIsWhitespace(from: next) {
                warn(.trailingDecimalPoint, at: index, "a number ending in a decimal point was read as \(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))")
                index = next
            }
        }
        guard digits > 0 else { throw error(.invalidNumber, at: start, "expected digits") }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            var cursor = index + 1
            var negativeExponent = false
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "-") || bytes[cursor] == UInt8(ascii: "+") {
                negativeExponent = bytes[cursor] == UInt8(ascii: "-")
                cursor += 1
            }
            if cursor < bytes.count, bytes[cursor] >= 48, bytes[cursor] <= 57 {
                var value = 0
                while cursor < bytes.count, bytes[cursor] >= 48, bytes[cursor] <= 57 {
                    if value < 10_000 { value = value * 10 + Int(bytes[cursor] - 48) }
                    cursor += 1
                }
                exponent += negativeExponent ? -value : value
                index = cursor
            }
        }
        let end = index
        let bytes = self.bytes
        let literal = { String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) }
        let value: Double? = overflow ? nil : NumberScanning.value(mantissa: mantissa, exponent: exponent) { "" }
        if let value {
            try checkLiteral(value, nonZero: mantissa != 0, at: start, literal: literal())
            return value
        }
        let text = literal()
        guard let parsed = Double(text.hasSuffix(".") ? String(text.dropLast()) : text), !parsed.isNaN else {
            throw error(.invalidNumber, at: start, "\"\(text)\" is not a number")
        }
        try checkLiteral(parsed, nonZero: mantissa != 0, at: start, literal: text)
        return parsed
    }

    func checkPositive(_ amount: SymbolicAmount, at offset: Int) throws(FormulaError) {
        guard amount.isConstant else { return }
        if amount.constant == 0 { throw error(.zeroAmount, at: offset, "an amount of zero") }
        if amount.constant < 0 { throw error(.negativeAmount, at: offset, "a negative amount") }
        if !amount.constant.isFinite { throw error(.invalidNumber, at: offset, "an amount that is not finite") }
    }

    // MARK: Dopants

    mutating func parseDopants() throws(FormulaError) {
        let colon = index
        index += 1
        let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<bytes.count]), as: UTF8.self)
        var offset = index
        for part in rest.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = part.trimmingWhitespace()
            guard !trimmed.isEmpty else {
                throw error(.unexpectedCharacter, at: offset, "an empty dopant after ':'")
            }
            do throws(FormulaError) {
                let dopant = try FormulaParser.parse(trimmed)
                dopants.append(.init(text: trimmed, elements: dopant.terms.map(\.element.symbol), charge: dopant.charge))
            } catch {
                throw FormulaError(reason: error.reason, position: characterPosition(offset) + error.position - 1,
                                   message: "in dopant \"\(trimmed)\": \(error.message)", formula: text)
            }
            offset += part.utf8.count + 1
        }
        warn(.dopantsNotAdded, at: colon, "dopants \(dopants.map(\.text).joined(separator: ", ")) are listed, not added to the composition")
        index = bytes.count
    }

    // MARK: Result

    mutating func finish() throws(FormulaError) -> ParsedFormula {
        // Merge repeated elements in place, keeping the first occurrence's offset, then sort by Z.
        var merged = items
        items = []
        var count = 0
        var hasVariables = false
        for index in merged.indices {
            let item = merged[index]
            if !item.amount.isConstant { hasVariables = true }
            var found = false
            for existing in 0..<count where merged[existing].z == item.z {
                merged[existing].amount = merged[existing].amount + item.amount
                try checkComputed(merged[existing].amount, from: nil, at: item.offset, "adding this repeated element")
                found = true
                break
            }
            if !found {
                merged[count] = item
                count += 1
            }
        }
        merged.removeLast(merged.count - count)
        // Repeated elements whose variable terms cancel (`SzSx-z-x`) leave a constant that was
        // never checked: it must still be a positive amount.
        if hasVariables {
            for item in merged where item.amount.isConstant {
                let symbol = PeriodicTable.elements[Int(item.z) - 1].symbol
                if abs(item.amount.constant) < 1e-12 {
                    throw error(.zeroAmount, at: item.offset, "the amounts of \(symbol) add up to zero")
                }
                if item.amount.constant < 0 {
                    throw error(.negativeAmount, at: item.offset, "the amounts of \(symbol) add up to \(AmountFormatting.format(item.amount.constant))")
                }
            }
        }
        if count > 1 {
            // Insertion sort: formulas have a handful of elements.
            for index in 1..<count {
                let item = merged[index]
                var cursor = index - 1
                while cursor >= 0, merged[cursor].z > item.z {
                    merged[cursor + 1] = merged[cursor]
                    cursor -= 1
                }
                merged[cursor + 1] = item
            }
        }
        if hasVariables, !bindings.variables.isEmpty {
            for itemIndex in merged.indices where !merged[itemIndex].amount.isConstant {
                var amount = SymbolicAmount(merged[itemIndex].amount.constant)
                for term in merged[itemIndex].amount.terms {
                    if let value = bindings.variables[term.variable] {
                        amount.constant += term.coefficient * value
                    } else {
                        amount.add(term.variable, term.coefficient)
                    }
                }
                try checkComputed(amount, from: nil, at: merged[itemIndex].offset, "applying the bindings")
                merged[itemIndex].amount = amount
                if amount.isConstant {
                    let symbol = PeriodicTable.elements[Int(merged[itemIndex].z) - 1].symbol
                    if abs(amount.constant) < 1e-12 {
                        throw error(.zeroAmount, at: merged[itemIndex].offset, "the amount of \(symbol) resolves to zero")
                    }
                    if amount.constant < 0 {
                        throw error(.negativeAmount, at: merged[itemIndex].offset, "the amount of \(symbol) resolves to \(AmountFormatting.format(amount.constant))")
                    }
                }
            }
        }
        var variables: [String] = []
        if hasVariables {
            var names = Set<String>()
            for item in merged { for term in item.amount.terms { names.insert(term.variable) } }
            variables = names.sorted()
        }
        return ParsedFormula(
            input: text,
            terms: merged,
            variables: variables,
            charge: charge, isotopes: isotopes, dopants: dopants, warnings: warnings, bindings: bindings)
    }

    /// SuperCon writes an unknown oxygen content as a trailing `OY` (`Bi2Sr2CaCu2OY`). Reading it
    /// as oxygen + yttrium is the classic silent wrong answer, so a bare `OY` at the very end is
    /// read as oxygen with the variable amount `Y`, with a warning; bind `Y=8` to resolve it.
    mutating func readTrailingOxygenVariable() {
        guard items.count >= 2, let last = items.last, last.z == 39, items[items.count - 2].z == 8,
              last.amount.isConstant, last.amount.constant == 1,
              items[items.count - 2].amount.isConstant, items[items.count - 2].amount.constant == 1,
              last.offset == items[items.count - 2].offset + 1, last.offset + 1 == bytes.count
        else { return }
        items.removeLast()
        var amount = SymbolicAmount(0)
        amount.add("Y", 1)
        items[items.count - 1].amount = amount
        warn(.oxygenAmountVariable, at: last.offset,
             "a trailing \"OY\" is read as oxygen with an unknown amount Y (SuperCon convention), not oxygen + yttrium; bind Y=... to resolve it")
    }

    // MARK: Character classes

    /// A digit, or `.` followed by a digit.
    func startsNumber(at offset: Int) -> Bool {
        let byte = bytes[offset]
        if byte >= 48, byte <= 57 { return true }
        return byte == UInt8(ascii: ".") && offset + 1 < bytes.count && bytes[offset + 1] >= 48 && bytes[offset + 1] <= 57
    }

    /// Byte length of a variable name at `offset` (a lowercase ASCII letter or `δ`), else `nil`.
    func variableLength(at offset: Int) -> Int? {
        let byte = bytes[offset]
        if byte >= 97, byte <= 122 { return 1 }
        if byte == 0xCE, offset + 1 < bytes.count, bytes[offset + 1] == 0xB4 { return 2 }
        return nil
    }

    /// Byte length of a separator between formula units at `offset`, else `nil`.
    func separatorLength(at offset: Int) -> Int? {
        let byte = bytes[offset]
        let next: UInt8? = offset + 1 < bytes.count ? bytes[offset + 1] : nil
        switch byte {
        case UInt8(ascii: "*"):
            return 1
        case UInt8(ascii: "."):
            guard let next else { return nil }
            return (next >= 65 && next <= 90) || next == UInt8(ascii: "(") || next == UInt8(ascii: "[") ? 1 : nil
        case 0xC2:
            return next == 0xB7 ? 2 : nil // ·
        case 0xE2:
            guard offset + 2 < bytes.count, let next else { return nil }
            let third = bytes[offset + 2]
            if next == 0x80, third == 0xA2 { return 3 } // •
            if next == 0x88, third == 0x99 { return 3 } // ∙
            if next == 0x8B, third == 0x85 { return 3 } // ⋅
            return nil
        default:
            return nil
        }
    }

    /// Byte length of a Unicode minus (U+2212) or en dash (U+2013) at `offset`, else `nil`.
    func unicodeMinusLength(at offset: Int) -> Int? {
        guard offset + 2 < bytes.count, bytes[offset] == 0xE2 else { return nil }
        if bytes[offset + 1] == 0x88, bytes[offset + 2] == 0x92 { return 3 }
        if bytes[offset + 1] == 0x80, bytes[offset + 2] == 0x93 { return 3 }
        return nil
    }

    func restIsWhitespace(from offset: Int) -> Bool {
        var cursor = offset
        while cursor < bytes.count {
            guard bytes[cursor] == 32 || bytes[cursor] == 9 else { return false }
            cursor += 1
        }
        return true
    }

    mutating func skipWhitespace(inner: Bool = false) {
        let skipped = skipWhitespaceCounting()
        if skipped, inner, index < bytes.count { skippedInnerWhitespace = true }
    }

    mutating func skipWhitespaceCounting() -> Bool {
        let start = index
        while index < bytes.count, bytes[index] == 32 || bytes[index] == 9 || bytes[index] == 10 || bytes[index] == 13 { index += 1 }
        return index > start
    }

    // MARK: Diagnostics

    /// 1-based character position of a byte offset.
    func characterPosition(_ offset: Int) -> Int {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<min(offset, bytes.count)]), as: UTF8.self).count + 1
    }

    func error(_ reason: FormulaError.Reason, at offset: Int, _ message: String) -> FormulaError {
        FormulaError(reason: reason, position: characterPosition(offset), message: message, formula: text)
    }

    func unexpected(at offset: Int) -> FormulaError {
        guard offset < bytes.count else { return error(.unexpectedCharacter, at: offset, "unexpected end of formula") }
        let character = String(String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<bytes.count]), as: UTF8.self).prefix(1))
        return error(.unexpectedCharacter, at: offset, "\"\(character)\" has no meaning in a formula")
    }

    mutating func warn(_ code: FormulaWarning.Code, at offset: Int, _ message: String) {
        warnings.append(FormulaWarning(code: code, position: characterPosition(offset), message: message))
    }
}
