/// The hyperbolic tangent, the squashing function of recurrent cells (LSTM).
extension Graph {
    /// Element-wise tanh(x); the gradient is 1 − tanh²(x).
    public func tanh(_ x: Variable) -> Variable {
        let out = x.value.map(Graph.tanh)
        return record(out, inputs: [x]) { g in
            [g * out.map { 1 - $0 * $0 }]
        }
    }

    /// Numerically stable tanh through the logistic function: tanh(x) = 2σ(2x) − 1.
    static func tanh(_ x: Float) -> Float {
        2 * sigmoid(2 * x) - 1
    }
}
