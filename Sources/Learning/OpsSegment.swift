/// Differentiable reductions over segments: rows of a tensor grouped by an index array, as in
/// graph message passing (row i belongs to segment `segments[i]`).
extension Graph {
    /// Σ of the rows in each segment; result has `segmentCount` rows (zeros for empty segments).
    public func segmentSum(_ x: Variable, segments: [Int], segmentCount: Int) -> Variable {
        let vx = x.value
        let width = Graph.rowWidth(vx, rows: segments.count, segments: segments, segmentCount: segmentCount)
        var out = [Float](repeating: 0, count: segmentCount * width)
        vx.scalars.withUnsafeBufferPointer { px in
            for (row, segment) in segments.enumerated() {
                for k in 0..<width { out[segment * width + k] += px[row * width + k] }
            }
        }
        let outShape = [segmentCount] + vx.shape.dropFirst()
        return record(Tensor(shape: outShape, scalars: out), inputs: [x]) { g in
            var grad = [Float](repeating: 0, count: vx.count)
            for (row, segment) in segments.enumerated() {
                for k in 0..<width { grad[row * width + k] = g.scalars[segment * width + k] }
            }
            return [Tensor(shape: vx.shape, scalars: grad)]
        }
    }

    /// The mean of the rows in each segment (zeros for empty segments).
    public func segmentMean(_ x: Variable, segments: [Int], segmentCount: Int) -> Variable {
        let vx = x.value
        let width = Graph.rowWidth(vx, rows: segments.count, segments: segments, segmentCount: segmentCount)
        var sizes = [Float](repeating: 0, count: segmentCount)
        for segment in segments { sizes[segment] += 1 }
        let inverse = sizes.map { $0 > 0 ? 1 / $0 : 0 }
        var out = [Float](repeating: 0, count: segmentCount * width)
        for (row, segment) in segments.enumerated() {
            for k in 0..<width { out[segment * width + k] += vx.scalars[row * width + k] * inverse[segment] }
        }
        let outShape = [segmentCount] + vx.shape.dropFirst()
        return record(Tensor(shape: outShape, scalars: out), inputs: [x]) { g in
            var grad = [Float](repeating: 0, count: vx.count)
            for (row, segment) in segments.enumerated() {
                for k in 0..<width { grad[row * width + k] = g.scalars[segment * width + k] * inverse[segment] }
            }
            return [Tensor(shape: vx.shape, scalars: grad)]
        }
    }

    /// Softmax of `scores` within each segment, separately for every column (e.g. every
    /// attention head): a_i = exp(e_i) / Σ_{k in segment(i)} exp(e_k).
    public func segmentSoftmax(_ scores: Variable, segments: [Int], segmentCount: Int) -> Variable {
        segmentSoftmax(scores, weights: nil, segments: segments, segmentCount: segmentCount)
    }

    /// Weighted softmax within each segment, as in Roost's attention:
    /// a_i = w_i exp(e_i) / Σ_{k in segment(i)} w_k exp(e_k).
    ///
    /// `weights` (non-negative) has shape [n], [n, 1] (shared by every column) or the shape of
    /// `scores`; it is differentiable too. The segment maximum is subtracted before
    /// exponentiating, so large scores do not overflow. A segment whose weights are all zero
    /// gives zeros.
    public func weightedSegmentSoftmax(
        _ scores: Variable, weights: Variable, segments: [Int], segmentCount: Int
    ) -> Variable {
        segmentSoftmax(scores, weights: weights, segments: segments, segmentCount: segmentCount)
    }

    private func segmentSoftmax(
        _ scores: Variable, weights: Variable?, segments: [Int], segmentCount: Int
    ) -> Variable {
        let ve = scores.value
        let rows = segments.count
        let width = Graph.rowWidth(ve, rows: rows, segments: segments, segmentCount: segmentCount)
        let vw = weights?.value
        let weightWidth: Int
        if let vw {
            precondition(vw.count == rows || vw.count == ve.count,
                         "weightedSegmentSoftmax: weights \(vw.shape) fit neither [n] nor \(ve.shape)")
            weightWidth = vw.count == ve.count ? width : 1
        } else {
            weightWidth = 1
        }
        func weight(_ row: Int, _ k: Int) -> Float {
            guard let vw else { return 1 }
            return vw.scalars[row * weightWidth + (weightWidth == 1 ? 0 : k)]
        }
        var maxima = [Float](repeating: -.infinity, count: segmentCount * width)
        for (row, segment) in segments.enumerated() {
            for k in 0..<width { maxima[segment * width + k] = max(maxima[segment * width + k], ve.scalars[row * width + k]) }
        }
        // unit[i] = exp(e_i − max); normaliser[s] = Σ w exp(e − max).
        var unit = [Float](repeating: 0, count: rows * width)
        var normaliser = [Float](repeating: 0, count: segmentCount * width)
        for (row, segment) in segments.enumerated() {
            for k in 0..<width {
                let e = _expf(ve.scalars[row * width + k] - maxima[segment * width + k])
                unit[row * width + k] = e
                normaliser[segment * width + k] += weight(row, k) * e
            }
        }
        var out = [Float](repeating: 0, count: rows * width)
        for (row, segment) in segments.enumerated() {
            for k in 0..<width {
                let s = normaliser[segment * width + k]
                out[row * width + k] = s > 0 ? weight(row, k) * unit[row * width + k] / s : 0
            }
        }
        let attention = Tensor(shape: ve.shape, scalars: out)
        let inputs = weights.map { [scores, $0] } ?? [scores]
        return record(attention, inputs: inputs) { g in
            // dot[s] = Σ_{i in s} g_i a_i; ∂L/∂e_i = a_i (g_i − dot); ∂L/∂w_i = (u_i / S)(g_i − dot).
            var dot = [Float](repeating: 0, count: segmentCount * width)
            for (row, segment) in segments.enumerated() {
                for k in 0..<width { dot[segment * width + k] += g.scalars[row * width + k] * out[row * width + k] }
            }
            var gradScores = [Float](repeating: 0, count: rows * width)
            var gradWeights = [Float](repeating: 0, count: vw?.count ?? 0)
            for (row, segment) in segments.enumerated() {
                for k in 0..<width {
                    let i = row * width + k, s = segment * width + k
                    let centred = g.scalars[i] - dot[s]
                    gradScores[i] = out[i] * centred
                    if vw != nil, normaliser[s] > 0 {
                        gradWeights[row * weightWidth + (weightWidth == 1 ? 0 : k)] += unit[i] / normaliser[s] * centred
                    }
                }
            }
            var grads: [Tensor?] = [Tensor(shape: ve.shape, scalars: gradScores)]
            if let vw { grads.append(Tensor(shape: vw.shape, scalars: gradWeights)) }
            return grads
        }
    }

    /// The number of values per row of `x`, after checking rows and segment indices.
    static func rowWidth(_ x: Tensor, rows: Int, segments: [Int], segmentCount: Int) -> Int {
        precondition(x.rank >= 1 && x.shape[0] == rows,
                     "segment op: \(rows) segment indices for a tensor of shape \(x.shape)")
        precondition(segments.allSatisfy { $0 >= 0 && $0 < segmentCount },
                     "segment op: segment index outside 0..<\(segmentCount)")
        return rows == 0 ? 0 : x.count / rows
    }
}
