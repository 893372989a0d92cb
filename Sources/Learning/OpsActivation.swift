/// Differentiable activation functions.
extension Graph {
    /// max(x, 0). The gradient at exactly 0 is taken as 0.
    public func relu(_ x: Variable) -> Variable {
        let vx = x.value
        return record(vx.map { max($0, 0) }, inputs: [x]) { g in
            [Tensor.broadcasting(g, vx) { gi, xi in xi > 0 ? gi : 0 }]
        }
    }

    /// x for x > 0, `slope`·x otherwise (PyTorch's default slope is 0.01).
    public func leakyRelu(_ x: Variable, slope: Float = 0.01) -> Variable {
        let vx = x.value
        return record(vx.map { $0 > 0 ? $0 : slope * $0 }, inputs: [x]) { g in
            [Tensor.broadcasting(g, vx) { gi, xi in xi > 0 ? gi : slope * gi }]
        }
    }

    /// x·σ(x) (also called swish).
    public func silu(_ x: Variable) -> Variable {
        let vx = x.value
        let sigma = vx.map(Graph.sigmoid)
        return record(vx * sigma, inputs: [x]) { g in
            let local = Tensor.broadcasting(vx, sigma) { xi, si in si * (1 + xi * (1 - si)) }
            return [g * local]
        }
    }

    /// The logistic function 1 / (1 + e^−x).
    public func sigmoid(_ x: Variable) -> Variable {
        let out = x.value.map(Graph.sigmoid)
        return record(out, inputs: [x]) { g in
            [g * out.map { $0 * (1 - $0) }]
        }
    }

    /// Numerically stable logistic function.
    static func sigmoid(_ x: Float) -> Float {
        if x >= 0 { return 1 / (1 + _expf(-x)) }
        let e = _expf(x)
        return e / (1 + e)
    }
}
