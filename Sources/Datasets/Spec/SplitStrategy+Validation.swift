extension SplitStrategy {
    /// Checks what the types cannot: fractions in [0, 1] adding up to 1, and the ranges of the
    /// strategy's parameters.
    public func validate() throws(SplitStrategyError) {
        func fail(_ message: String) -> SplitStrategyError { SplitStrategyError(message) }
        if let fractions {
            let parts = [fractions.train, fractions.validation, fractions.test]
            guard parts.allSatisfy({ $0 >= 0 && $0 <= 1 }), abs(parts.reduce(0, +) - 1) < 1e-9 else {
                throw fail("fractions must be in [0, 1] and add up to 1, got \(parts)")
            }
        }
        switch self {
        case .stratified(let bins, _):
            if let bins, bins < 1 { throw fail("bins must be at least 1") }
        case .cluster(let k, let holdout, _):
            guard k >= 2 else { throw fail("cluster needs k >= 2") }
            if let holdout, !holdout.allSatisfy({ $0 >= 0 && $0 < k }) { throw fail("holdout_clusters must lie in 0..<\(k)") }
        case .element(let elements, _):
            guard !elements.isEmpty else { throw fail("element needs elements") }
        case .spaceGroup(let selection, _), .batch(let selection, _), .time(let selection, _), .attribute(let selection, _):
            guard attributeField != nil else { throw fail("\(name) needs field") }
            guard selection.values?.isEmpty == false || selection.min != nil else { throw fail("\(name) needs values or min") }
        case .kfold(let k):
            guard k >= 2 else { throw fail("kfold needs k >= 2") }
        case .nestedKfold(let k, let innerK):
            guard k >= 2, innerK >= 2 else { throw fail("nested_kfold needs k >= 2 and inner_k >= 2") }
        case .random, .grouped, .chemicalSystem:
            break
        }
    }
}
