/// Differentiable sums and means.
extension Graph {
    /// The sum of all elements, as a scalar.
    public func sum(_ x: Variable) -> Variable {
        let shape = x.shape
        return record(Tensor(scalar: x.value.sum()), inputs: [x]) { g in
            [Tensor(repeating: g.scalars[0], shape: shape)]
        }
    }

    /// The mean of all elements, as a scalar.
    public func mean(_ x: Variable) -> Variable {
        let shape = x.shape
        let n = Float(max(x.value.count, 1))
        return record(Tensor(scalar: x.value.mean()), inputs: [x]) { g in
            [Tensor(repeating: g.scalars[0] / n, shape: shape)]
        }
    }

    /// The sum along `axis`, dropping it unless `keepingDimension`.
    public func sum(_ x: Variable, alongAxis axis: Int, keepingDimension: Bool = false) -> Variable {
        let shape = x.shape
        let resolved = x.value.normalisedAxis(axis)
        var kept = shape
        kept[resolved] = 1
        return record(x.value.sum(alongAxis: axis, keepingDimension: keepingDimension), inputs: [x]) { g in
            [Tensor.broadcasting(Tensor.zeros(shape), g.reshaped(kept), +)]
        }
    }

    /// The mean along `axis`, dropping it unless `keepingDimension`.
    public func mean(_ x: Variable, alongAxis axis: Int, keepingDimension: Bool = false) -> Variable {
        let length = x.shape[x.value.normalisedAxis(axis)]
        let total = sum(x, alongAxis: axis, keepingDimension: keepingDimension)
        return length == 0 ? total : scale(total, by: 1 / Float(length))
    }
}
