// libFuzzer entry point for the formula grammar (built by scripts/fuzz.sh with the Chemistry
// sources in the same module). Every input must parse or fail with a FormulaError; a parsed
// composition must have only finite, positive amounts.
@_cdecl("LLVMFuzzerTestOneInput")
public func formulaFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let parsed = try? FormulaParser.parse(text) {
        for term in parsed.terms where term.amount.isConstant {
            precondition(term.amount.constant.isFinite && term.amount.constant > 0, "bad amount in \(text)")
        }
    }
    if let composition = try? Composition(formula: text) {
        for entry in composition.entries { precondition(entry.amount.isFinite && entry.amount > 0, "bad amount in \(text)") }
        _ = composition.canonicalKey()
        _ = composition.reducedFormula
    }
    return 0
}
