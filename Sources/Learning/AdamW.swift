/// Adam with decoupled weight decay (Loshchilov & Hutter), following PyTorch's `AdamW`:
///
///     θ ← θ·(1 − lr·λ)
///     m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²
///     θ ← θ − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
///
/// Parameters without a gradient in a step are left untouched (no decay either).
public struct AdamW: Sendable {
    /// Step size.
    public var learningRate: Float
    /// Decay rate of the first-moment estimate.
    public var beta1: Float
    /// Decay rate of the second-moment estimate.
    public var beta2: Float
    /// Added to the denominator for numerical stability.
    public var epsilon: Float
    /// Decoupled weight decay λ.
    public var weightDecay: Float
    /// Steps taken so far.
    public private(set) var stepCount = 0

    private var firstMoments: [String: Tensor] = [:]
    private var secondMoments: [String: Tensor] = [:]

    /// Creates an optimiser with PyTorch's defaults unless given.
    public init(learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8, weightDecay: Float = 1e-2) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    /// Applies one update to `parameters` from `gradients` (keyed by parameter name).
    /// Throws, changing nothing, if a gradient names no parameter or has the wrong shape.
    public mutating func step(_ parameters: inout Parameters, gradients: [String: Tensor]) throws {
        for (name, gradient) in gradients {
            guard let parameter = parameters[name] else { throw LearningError.unknownParameter(name) }
            guard parameter.shape == gradient.shape else {
                throw LearningError.gradientShapeMismatch(name: name, parameter: parameter.shape, gradient: gradient.shape)
            }
        }
        stepCount += 1
        let t = Double(stepCount)
        let correction1 = 1 - _pow(Double(beta1), t)
        let correction2 = 1 - _pow(Double(beta2), t)
        let stepSize = Float(Double(learningRate) / correction1)
        let rootCorrection2 = Float(correction2.squareRoot())
        let decay = 1 - learningRate * weightDecay
        let (b1, b2, eps) = (beta1, beta2, epsilon)
        for name in gradients.keys.sorted() {
            guard let gradient = gradients[name], var theta = parameters[name] else { continue }
            // Taken out of their collections, so the update writes in place instead of copying
            // each tensor (copy on write) when nothing else holds it.
            parameters[name] = nil
            var m = firstMoments.removeValue(forKey: name) ?? Tensor.zeros(theta.shape)
            var v = secondMoments.removeValue(forKey: name) ?? Tensor.zeros(theta.shape)
            gradient.scalars.withUnsafeBufferPointer { g in
                m.scalars.withUnsafeMutableBufferPointer { m in
                    v.scalars.withUnsafeMutableBufferPointer { v in
                        theta.scalars.withUnsafeMutableBufferPointer { p in
                            for i in 0..<p.count {
                                p[i] *= decay
                                m[i] = b1 * m[i] + (1 - b1) * g[i]
                                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]
                                p[i] -= stepSize * m[i] / (v[i].squareRoot() / rootCorrection2 + eps)
                            }
                        }
                    }
                }
            }
            firstMoments[name] = m
            secondMoments[name] = v
            parameters[name] = theta
        }
    }

    /// The optimiser's moving state (step count and both moment estimates), to checkpoint training.
    public struct State: Sendable, Equatable {
        /// Steps taken so far.
        public var stepCount: Int
        /// First-moment estimates by parameter name.
        public var firstMoments: [String: Tensor]
        /// Second-moment estimates by parameter name.
        public var secondMoments: [String: Tensor]

        /// Creates a state.
        public init(stepCount: Int, firstMoments: [String: Tensor], secondMoments: [String: Tensor]) {
            self.stepCount = stepCount
            self.firstMoments = firstMoments
            self.secondMoments = secondMoments
        }
    }

    /// The state to save; `restore` of it continues training bit for bit.
    public var state: State {
        get { State(stepCount: stepCount, firstMoments: firstMoments, secondMoments: secondMoments) }
        set {
            stepCount = newValue.stepCount
            firstMoments = newValue.firstMoments
            secondMoments = newValue.secondMoments
        }
    }
}
