/// Differentiable losses, each the mean over elements (or rows) of a per-element loss.
/// Targets are constants.
extension Graph {
    /// mean |μ − y|. The gradient at exactly μ = y is taken as 0.
    public func l1Loss(_ prediction: Variable, target: Tensor) -> Variable {
        let vp = prediction.value
        Graph.checkSameShape(vp, target, "l1Loss")
        let n = Float(max(vp.count, 1))
        let difference = vp - target
        let loss = difference.scalars.reduce(0.0) { $0 + Double(abs($1)) } / Double(n)
        return record(Tensor(scalar: Float(loss)), inputs: [prediction]) { g in
            let scale = g.scalars[0] / n
            return [difference.map { $0 > 0 ? scale : ($0 < 0 ? -scale : 0) }]
        }
    }

    /// mean (μ − y)².
    public func mseLoss(_ prediction: Variable, target: Tensor) -> Variable {
        let vp = prediction.value
        Graph.checkSameShape(vp, target, "mseLoss")
        let n = Float(max(vp.count, 1))
        let difference = vp - target
        let loss = difference.scalars.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(n)
        return record(Tensor(scalar: Float(loss)), inputs: [prediction]) { g in
            [difference * (2 * g.scalars[0] / n)]
        }
    }

    /// Robust L1 (Laplace negative log-likelihood up to a constant):
    /// mean √2·|y − μ|·exp(−log σ) + log σ.
    public func robustL1Loss(mean: Variable, logStandardDeviation: Variable, target: Tensor) -> Variable {
        let vm = mean.value, vs = logStandardDeviation.value
        Graph.checkSameShape(vm, target, "robustL1Loss")
        Graph.checkSameShape(vs, target, "robustL1Loss")
        let n = Float(max(vm.count, 1))
        let root2 = Float(2).squareRoot()
        var total = 0.0
        var gradMean = [Float](repeating: 0, count: vm.count)
        var gradLogStd = [Float](repeating: 0, count: vm.count)
        for i in 0..<vm.count {
            let residual = target.scalars[i] - vm.scalars[i]
            let inverseSigma = _expf(-vs.scalars[i])
            total += Double(root2 * abs(residual) * inverseSigma + vs.scalars[i])
            let sign: Float = residual > 0 ? 1 : (residual < 0 ? -1 : 0)
            gradMean[i] = -root2 * sign * inverseSigma
            gradLogStd[i] = 1 - root2 * abs(residual) * inverseSigma
        }
        let shape = vm.shape
        return record(Tensor(scalar: Float(total / Double(n))), inputs: [mean, logStandardDeviation]) { g in
            let scale = g.scalars[0] / n
            return [Tensor(shape: shape, scalars: gradMean) * scale, Tensor(shape: shape, scalars: gradLogStd) * scale]
        }
    }

    /// Robust L2 (Gaussian negative log-likelihood up to a constant):
    /// mean 0.5·(y − μ)²·exp(−2 log σ) + log σ.
    public func robustL2Loss(mean: Variable, logStandardDeviation: Variable, target: Tensor) -> Variable {
        let vm = mean.value, vs = logStandardDeviation.value
        Graph.checkSameShape(vm, target, "robustL2Loss")
        Graph.checkSameShape(vs, target, "robustL2Loss")
        let n = Float(max(vm.count, 1))
        var total = 0.0
        var gradMean = [Float](repeating: 0, count: vm.count)
        var gradLogStd = [Float](repeating: 0, count: vm.count)
        for i in 0..<vm.count {
            let residual = target.scalars[i] - vm.scalars[i]
            let inverseVariance = _expf(-2 * vs.scalars[i])
            total += Double(0.5 * residual * residual * inverseVariance + vs.scalars[i])
            gradMean[i] = -residual * inverseVariance
            gradLogStd[i] = 1 - residual * residual * inverseVariance
        }
        let shape = vm.shape
        return record(Tensor(scalar: Float(total / Double(n))), inputs: [mean, logStandardDeviation]) { g in
            let scale = g.scalars[0] / n
            return [Tensor(shape: shape, scalars: gradMean) * scale, Tensor(shape: shape, scalars: gradLogStd) * scale]
        }
    }

    /// Binary cross-entropy on logits x with targets y in [0, 1]:
    /// mean max(x, 0) − x·y + log(1 + e^−|x|), computed stably.
    public func binaryCrossEntropyWithLogits(_ logits: Variable, target: Tensor) -> Variable {
        let vx = logits.value
        Graph.checkSameShape(vx, target, "binaryCrossEntropyWithLogits")
        let n = Float(max(vx.count, 1))
        var total = 0.0
        for i in 0..<vx.count {
            let x = vx.scalars[i]
            total += Double(max(x, 0) - x * target.scalars[i] + _log1pf(_expf(-abs(x))))
        }
        return record(Tensor(scalar: Float(total / Double(n))), inputs: [logits]) { g in
            let scale = g.scalars[0] / n
            return [Tensor.broadcasting(vx, target) { x, y in (Graph.sigmoid(x) - y) * scale }]
        }
    }

    /// Categorical cross-entropy on logits of shape [n, classes] with integer class `labels`:
    /// mean over rows of −log softmax(x)[label], computed with the log-sum-exp trick.
    public func crossEntropyWithLogits(_ logits: Variable, labels: [Int]) -> Variable {
        let vx = logits.value
        precondition(vx.rank == 2 && vx.shape[0] == labels.count,
                     "crossEntropyWithLogits: \(labels.count) labels for logits \(vx.shape)")
        let rows = vx.shape[0], classes = vx.shape[1]
        precondition(labels.allSatisfy { $0 >= 0 && $0 < classes }, "crossEntropyWithLogits: label outside 0..<\(classes)")
        var probabilities = [Float](repeating: 0, count: vx.count)
        var total = 0.0
        for row in 0..<rows {
            let base = row * classes
            var top = -Float.infinity
            for c in 0..<classes { top = max(top, vx.scalars[base + c]) }
            var sum: Float = 0
            for c in 0..<classes {
                let e = _expf(vx.scalars[base + c] - top)
                probabilities[base + c] = e
                sum += e
            }
            for c in 0..<classes { probabilities[base + c] /= sum }
            total += Double(top + _logf(sum) - vx.scalars[base + labels[row]])
        }
        let n = Float(max(rows, 1))
        return record(Tensor(scalar: Float(total / Double(n))), inputs: [logits]) { g in
            var grad = probabilities
            for row in 0..<rows { grad[row * classes + labels[row]] -= 1 }
            return [Tensor(shape: vx.shape, scalars: grad) * (g.scalars[0] / n)]
        }
    }

    static func checkSameShape(_ a: Tensor, _ b: Tensor, _ name: String) {
        precondition(a.shape == b.shape, "\(name): shapes \(a.shape) and \(b.shape) differ")
    }
}
