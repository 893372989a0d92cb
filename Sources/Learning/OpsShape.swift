/// Differentiable concatenation and row gathering.
extension Graph {
    /// Joins tensors along their last axis; all leading dimensions must agree.
    public func concatenate(_ parts: [Variable]) -> Variable {
        precondition(!parts.isEmpty, "concatenate: no inputs")
        let values = parts.map(\.value)
        let lead = Array(values[0].shape.dropLast())
        precondition(values.allSatisfy { $0.rank >= 1 && Array($0.shape.dropLast()) == lead },
                     "concatenate: leading shapes differ: \(values.map(\.shape))")
        let widths = values.map { $0.shape[$0.rank - 1] }
        let total = widths.reduce(0, +)
        let rows = Tensor.elementCount(lead)
        var out = [Float](repeating: 0, count: rows * total)
        var column = 0
        for (value, width) in zip(values, widths) {
            for row in 0..<rows {
                for k in 0..<width { out[row * total + column + k] = value.scalars[row * width + k] }
            }
            column += width
        }
        return record(Tensor(shape: lead + [total], scalars: out), inputs: parts) { g in
            var grads: [Tensor?] = []
            var start = 0
            for width in widths {
                var part = [Float](repeating: 0, count: rows * width)
                for row in 0..<rows {
                    for k in 0..<width { part[row * width + k] = g.scalars[row * total + start + k] }
                }
                grads.append(Tensor(shape: lead + [width], scalars: part))
                start += width
            }
            return grads
        }
    }

    /// Rows (slices along axis 0) of `x` picked by `indices`, in order; indices may repeat.
    /// The gradient adds back into the picked rows (a scatter-add).
    public func gather(_ x: Variable, indices: [Int]) -> Variable {
        let vx = x.value
        precondition(vx.rank >= 1, "gather: scalar input")
        let rows = vx.shape[0]
        let width = rows == 0 ? 0 : vx.count / rows
        precondition(indices.allSatisfy { $0 >= 0 && $0 < rows }, "gather: index out of range 0..<\(rows)")
        let out = Tensor.filled(count: indices.count * width) { po in
            vx.scalars.withUnsafeBufferPointer { px in
                guard let source = px.baseAddress, let target = po.baseAddress else { return }
                for (r, index) in indices.enumerated() {
                    (target + r * width).initialize(from: source + index * width, count: width)
                }
            }
        }
        let outShape = [indices.count] + vx.shape.dropFirst()
        return record(Tensor(shape: outShape, scalars: out), inputs: [x]) { g in
            var grad = [Float](repeating: 0, count: vx.count)
            g.scalars.withUnsafeBufferPointer { pg in
                grad.withUnsafeMutableBufferPointer { pr in
                    for (r, index) in indices.enumerated() {
                        let from = r * width, to = index * width
                        for k in 0..<width { pr[to + k] += pg[from + k] }
                    }
                }
            }
            return [Tensor(shape: vx.shape, scalars: grad)]
        }
    }
}
