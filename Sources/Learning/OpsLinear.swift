/// Differentiable matrix products and affine layers.
extension Graph {
    /// op(a)·op(b) for rank-2 `a` and `b`, with optional transposes.
    public func matmul(_ a: Variable, _ b: Variable, transposeA: Bool = false, transposeB: Bool = false) -> Variable {
        let va = a.value, vb = b.value
        let out = Tensor.matmul(va, vb, transposeA: transposeA, transposeB: transposeB)
        return record(out, inputs: [a, b]) { g in
            switch (transposeA, transposeB) {
            case (false, false):
                return [Tensor.matmul(g, vb, transposeB: true), Tensor.matmul(va, g, transposeA: true)]
            case (true, false):
                return [Tensor.matmul(vb, g, transposeB: true), Tensor.matmul(va, g)]
            case (false, true):
                return [Tensor.matmul(g, vb), Tensor.matmul(g, va, transposeA: true)]
            case (true, true):
                return [Tensor.matmul(vb, g, transposeA: true, transposeB: true),
                        Tensor.matmul(g, va, transposeA: true, transposeB: true)]
            }
        }
    }

    /// x·W + b for x of shape [n, in], W of shape [in, out] and an optional bias of shape [out].
    public func linear(_ x: Variable, weight: Variable, bias: Variable? = nil) -> Variable {
        let vx = x.value, vw = weight.value
        var out = Tensor.matmul(vx, vw)
        let biasShape = bias?.shape
        if let bias {
            precondition(bias.shape == [vw.shape[1]], "linear: bias shape \(bias.shape) ≠ [\(vw.shape[1])]")
            out = out + bias.value
        }
        let inputs = bias.map { [x, weight, $0] } ?? [x, weight]
        return record(out, inputs: inputs) { g in
            var grads: [Tensor?] = [Tensor.matmul(g, vw, transposeB: true), Tensor.matmul(vx, g, transposeA: true)]
            if let biasShape { grads.append(g.summed(toShape: biasShape)) }
            return grads
        }
    }
}
