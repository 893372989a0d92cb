/// Sums and means over all elements or along one axis.
extension Tensor {
    /// The sum of all elements, accumulated in Double.
    public func sum() -> Float {
        var total = 0.0
        for value in scalars { total += Double(value) }
        return Float(total)
    }

    /// The mean of all elements (0 for an empty tensor).
    public func mean() -> Float {
        count == 0 ? 0 : Float(Double(sum()) / Double(count))
    }

    /// Sums along `axis` (negative counts from the end). Drops the axis unless `keepingDimension`.
    public func sum(alongAxis axis: Int, keepingDimension: Bool = false) -> Tensor {
        let axis = normalisedAxis(axis)
        let outer = Tensor.elementCount(Array(shape[..<axis]))
        let length = shape[axis]
        let inner = Tensor.elementCount(Array(shape[(axis + 1)...]))
        var out = [Float](repeating: 0, count: outer * inner)
        scalars.withUnsafeBufferPointer { px in
            out.withUnsafeMutableBufferPointer { po in
                for o in 0..<outer {
                    for j in 0..<length {
                        let base = (o * length + j) * inner
                        for i in 0..<inner { po[o * inner + i] += px[base + i] }
                    }
                }
            }
        }
        var newShape = shape
        if keepingDimension { newShape[axis] = 1 } else { newShape.remove(at: axis) }
        return Tensor(shape: newShape, scalars: out)
    }

    /// Means along `axis` (negative counts from the end). Drops the axis unless `keepingDimension`.
    public func mean(alongAxis axis: Int, keepingDimension: Bool = false) -> Tensor {
        let length = shape[normalisedAxis(axis)]
        let total = sum(alongAxis: axis, keepingDimension: keepingDimension)
        return length == 0 ? total : total / Float(length)
    }

    func normalisedAxis(_ axis: Int) -> Int {
        let resolved = axis < 0 ? axis + rank : axis
        precondition(resolved >= 0 && resolved < rank, "Tensor: axis \(axis) out of range for rank \(rank)")
        return resolved
    }
}
