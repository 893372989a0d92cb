/// Element-wise arithmetic with broadcasting, and arithmetic with a scalar.
extension Tensor {
    /// Element-wise sum (broadcasting).
    public static func + (a: Tensor, b: Tensor) -> Tensor { broadcasting(a, b, +) }
    /// Element-wise difference (broadcasting).
    public static func - (a: Tensor, b: Tensor) -> Tensor { broadcasting(a, b, -) }
    /// Element-wise product (broadcasting).
    public static func * (a: Tensor, b: Tensor) -> Tensor { broadcasting(a, b, *) }
    /// Element-wise quotient (broadcasting).
    public static func / (a: Tensor, b: Tensor) -> Tensor { broadcasting(a, b, /) }

    /// Adds `s` to every element.
    public static func + (a: Tensor, s: Float) -> Tensor { a.map { $0 + s } }
    /// Subtracts `s` from every element.
    public static func - (a: Tensor, s: Float) -> Tensor { a.map { $0 - s } }
    /// Multiplies every element by `s`.
    public static func * (a: Tensor, s: Float) -> Tensor { a.map { $0 * s } }
    /// Multiplies every element by `s`.
    public static func * (s: Float, a: Tensor) -> Tensor { a.map { $0 * s } }
    /// Divides every element by `s`.
    public static func / (a: Tensor, s: Float) -> Tensor { a.map { $0 / s } }
    /// Negates every element.
    public static prefix func - (a: Tensor) -> Tensor { a.map { -$0 } }

    /// In-place element-wise sum with a tensor of the same shape.
    public static func += (a: inout Tensor, b: Tensor) {
        precondition(a.shape == b.shape, "Tensor +=: shapes \(a.shape) and \(b.shape) differ")
        b.scalars.withUnsafeBufferPointer { pb in
            a.scalars.withUnsafeMutableBufferPointer { pa in
                for i in 0..<pa.count { pa[i] += pb[i] }
            }
        }
    }

    /// Element-wise exponential.
    public func exp() -> Tensor { map { _expf($0) } }
    /// Element-wise natural logarithm.
    public func log() -> Tensor { map { _logf($0) } }
}
