/// NumPy-style broadcasting for element-wise operations: shapes are aligned at the last axis and
/// each pair of dimensions must be equal or one of them 1.
extension Tensor {
    /// The broadcast shape of `a` and `b`, or `nil` when they are incompatible.
    public static func broadcastShape(_ a: [Int], _ b: [Int]) -> [Int]? {
        let rank = max(a.count, b.count)
        var result = [Int](repeating: 1, count: rank)
        for axis in 0..<rank {
            let da = axis < rank - a.count ? 1 : a[axis - (rank - a.count)]
            let db = axis < rank - b.count ? 1 : b[axis - (rank - b.count)]
            if da == db || db == 1 {
                result[axis] = da
            } else if da == 1 {
                result[axis] = db
            } else {
                return nil
            }
        }
        return result
    }

    /// Strides for reading a tensor of `shape` as if it had `target` shape (0 on broadcast axes).
    static func broadcastStrides(_ shape: [Int], to target: [Int]) -> [Int] {
        let own = strides(shape)
        let lead = target.count - shape.count
        var result = [Int](repeating: 0, count: target.count)
        for axis in 0..<shape.count where shape[axis] != 1 || target[axis + lead] == 1 {
            result[axis + lead] = shape[axis] == 1 ? 0 : own[axis]
        }
        return result
    }

    /// For an output of `shape`, the base offsets of each innermost row in inputs read with
    /// `stridesA` and `stridesB`. The innermost axis itself is walked by the caller.
    static func rowOffsets(_ shape: [Int], _ stridesA: [Int], _ stridesB: [Int]) -> (a: [Int], b: [Int]) {
        let rank = shape.count
        guard rank > 1 else { return ([0], [0]) }
        let rows = elementCount(Array(shape.dropLast()))
        var offsetsA = [Int](repeating: 0, count: rows)
        var offsetsB = [Int](repeating: 0, count: rows)
        var index = [Int](repeating: 0, count: rank - 1)
        var oa = 0, ob = 0
        for row in 0..<rows {
            offsetsA[row] = oa
            offsetsB[row] = ob
            var axis = rank - 2
            while axis >= 0 {
                index[axis] += 1
                oa += stridesA[axis]
                ob += stridesB[axis]
                if index[axis] < shape[axis] { break }
                oa -= stridesA[axis] * shape[axis]
                ob -= stridesB[axis] * shape[axis]
                index[axis] = 0
                axis -= 1
            }
        }
        return (offsetsA, offsetsB)
    }

    /// Combines two tensors element by element after broadcasting them to a common shape.
    /// Inlined so that each operator gets its own loop with `combine` inlined into it.
    @inline(__always)
    public static func broadcasting(_ a: Tensor, _ b: Tensor, _ combine: (Float, Float) -> Float) -> Tensor {
        if a.shape == b.shape {
            return Tensor(shape: a.shape, scalars: filled(count: a.count) { po in
                a.scalars.withUnsafeBufferPointer { pa in
                    b.scalars.withUnsafeBufferPointer { pb in
                        for i in 0..<po.count { po[i] = combine(pa[i], pb[i]) }
                    }
                }
            })
        }
        if b.count == 1 && b.rank <= a.rank {
            let value = b.scalars[0]
            return Tensor(shape: a.shape, scalars: a.scalars.map { combine($0, value) })
        }
        if a.count == 1 && a.rank <= b.rank {
            let value = a.scalars[0]
            return Tensor(shape: b.shape, scalars: b.scalars.map { combine(value, $0) })
        }
        // A row vector against a matrix (the bias of a linear layer): [rows, n] with [n].
        if a.rank == 2, b.rank == 1, b.shape[0] == a.shape[1] {
            let inner = b.shape[0]
            return Tensor(shape: a.shape, scalars: filled(count: a.count) { po in
                a.scalars.withUnsafeBufferPointer { pa in
                    b.scalars.withUnsafeBufferPointer { pb in
                        var base = 0
                        while base < po.count {
                            for k in 0..<inner { po[base + k] = combine(pa[base + k], pb[k]) }
                            base += inner
                        }
                    }
                }
            })
        }
        guard let shape = broadcastShape(a.shape, b.shape) else {
            preconditionFailure("Tensor: shapes \(a.shape) and \(b.shape) do not broadcast")
        }
        let total = elementCount(shape)
        guard total > 0 else { return Tensor.zeros(shape) }
        let stridesA = broadcastStrides(a.shape, to: shape)
        let stridesB = broadcastStrides(b.shape, to: shape)
        let inner = shape[shape.count - 1]
        let stepA = stridesA[shape.count - 1], stepB = stridesB[shape.count - 1]
        let (rowsA, rowsB) = rowOffsets(shape, stridesA, stridesB)
        return Tensor(shape: shape, scalars: filled(count: total) { po in
            a.scalars.withUnsafeBufferPointer { pa in
                b.scalars.withUnsafeBufferPointer { pb in
                    for row in 0..<rowsA.count {
                        let base = row * inner, oa = rowsA[row], ob = rowsB[row]
                        for k in 0..<inner { po[base + k] = combine(pa[oa + k * stepA], pb[ob + k * stepB]) }
                    }
                }
            }
        })
    }

    /// An array of `count` floats written once by `fill`, which must set every element (no
    /// zeroing pass first).
    @inline(__always)
    static func filled(count: Int, _ fill: (UnsafeMutableBufferPointer<Float>) -> Void) -> [Float] {
        [Float](unsafeUninitializedCapacity: count) { buffer, initialised in
            fill(buffer)
            initialised = count
        }
    }

    /// Sums this tensor down to `target`, undoing a broadcast from `target` to `self.shape`.
    /// Used to turn the gradient of a broadcast result into the gradient of its input.
    public func summed(toShape target: [Int]) -> Tensor {
        if target == shape { return self }
        precondition(Tensor.broadcastShape(target, shape) == shape,
                     "Tensor: cannot sum shape \(shape) down to \(target)")
        var out = [Float](repeating: 0, count: Tensor.elementCount(target))
        guard count > 0 else { return Tensor(shape: target, scalars: out) }
        if out.count == 1 {
            var total: Float = 0
            for value in scalars { total += value }
            return Tensor(shape: target, scalars: [total])
        }
        // The gradient of a bias: [rows, n] summed down to [n].
        if rank == 2, target.count == 1, target[0] == shape[1] {
            let inner = shape[1]
            scalars.withUnsafeBufferPointer { pg in
                out.withUnsafeMutableBufferPointer { po in
                    var base = 0
                    while base < pg.count {
                        for k in 0..<inner { po[k] += pg[base + k] }
                        base += inner
                    }
                }
            }
            return Tensor(shape: target, scalars: out)
        }
        let stridesT = Tensor.broadcastStrides(target, to: shape)
        let inner = shape[shape.count - 1]
        let step = stridesT[shape.count - 1]
        let (rows, _) = Tensor.rowOffsets(shape, stridesT, stridesT)
        scalars.withUnsafeBufferPointer { pg in
            out.withUnsafeMutableBufferPointer { po in
                for row in 0..<rows.count {
                    let base = row * inner, ot = rows[row]
                    for k in 0..<inner { po[ot + k * step] += pg[base + k] }
                }
            }
        }
        return Tensor(shape: target, scalars: out)
    }
}
