/// Inverted dropout.
extension Graph {
    /// In training, zeroes each element with probability `rate` and scales the survivors by
    /// 1 / (1 − rate); the mask comes from the graph's seeded generator. Identity otherwise.
    public func dropout(_ x: Variable, rate: Float) -> Variable {
        precondition(rate >= 0 && rate < 1, "dropout: rate \(rate) outside [0, 1)")
        guard isTraining, rate > 0 else { return x }
        let keep = 1 / (1 - rate)
        var mask = [Float](repeating: 0, count: x.value.count)
        for i in mask.indices { mask[i] = generator.nextUnitFloat() < rate ? 0 : keep }
        let maskTensor = Tensor(shape: x.shape, scalars: mask)
        return record(x.value * maskTensor, inputs: [x]) { g in [g * maskTensor] }
    }
}
