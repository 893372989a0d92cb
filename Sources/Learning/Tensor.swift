/// A dense, row-major array of `Float` (Float32) values with a shape.
///
/// Storage is one contiguous `[Float]`; the last axis varies fastest. A tensor of shape `[]` is a
/// scalar and holds one value. `Tensor` is a value type (copy-on-write through its array), so it
/// is safe to share across threads.
public struct Tensor: Sendable, Equatable, CustomStringConvertible {
    /// The length of each axis, outermost first.
    public private(set) var shape: [Int]
    /// The values in row-major order; `scalars.count == shape.reduce(1, *)`.
    public internal(set) var scalars: [Float]

    /// Creates a tensor from a shape and row-major values. The count must match the shape.
    public init(shape: [Int], scalars: [Float]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "Tensor: negative dimension in shape \(shape)")
        precondition(Tensor.elementCount(shape) == scalars.count,
                     "Tensor: \(scalars.count) values do not fill shape \(shape)")
        self.shape = shape
        self.scalars = scalars
    }

    /// Creates a rank-1 tensor holding `scalars`.
    public init(_ scalars: [Float]) {
        self.init(shape: [scalars.count], scalars: scalars)
    }

    /// Creates a rank-2 tensor from equal-length rows.
    public init(rows: [[Float]]) {
        let columns = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == columns }, "Tensor(rows:): rows differ in length")
        self.init(shape: [rows.count, columns], scalars: rows.flatMap { $0 })
    }

    /// Creates a scalar (shape `[]`).
    public init(scalar: Float) {
        self.init(shape: [], scalars: [scalar])
    }

    /// Creates a tensor of the given shape with every element equal to `value`.
    public init(repeating value: Float, shape: [Int]) {
        self.init(shape: shape, scalars: [Float](repeating: value, count: Tensor.elementCount(shape)))
    }

    /// A tensor of zeros.
    public static func zeros(_ shape: [Int]) -> Tensor { Tensor(repeating: 0, shape: shape) }

    /// A tensor of ones.
    public static func ones(_ shape: [Int]) -> Tensor { Tensor(repeating: 1, shape: shape) }

    /// Normally distributed values drawn from `generator` (deterministic for a given seed).
    public static func randomNormal(
        _ shape: [Int], mean: Float = 0, standardDeviation: Float = 1,
        generator: inout SeededGenerator
    ) -> Tensor {
        var values = [Float](repeating: 0, count: elementCount(shape))
        for i in values.indices { values[i] = mean + standardDeviation * generator.nextStandardNormal() }
        return Tensor(shape: shape, scalars: values)
    }

    /// Uniformly distributed values in `[lower, upper)` drawn from `generator`.
    public static func randomUniform(
        _ shape: [Int], lower: Float = 0, upper: Float = 1,
        generator: inout SeededGenerator
    ) -> Tensor {
        var values = [Float](repeating: 0, count: elementCount(shape))
        let width = upper - lower
        for i in values.indices { values[i] = lower + width * generator.nextUnitFloat() }
        return Tensor(shape: shape, scalars: values)
    }

    /// The number of axes.
    public var rank: Int { shape.count }

    /// The number of elements.
    public var count: Int { scalars.count }

    /// The single value of a one-element tensor (any shape), or `nil` otherwise.
    public var scalarValue: Float? { scalars.count == 1 ? scalars[0] : nil }

    /// The element at a full multi-index.
    public subscript(_ indices: Int...) -> Float {
        get { scalars[offset(indices)] }
        set { scalars[offset(indices)] = newValue }
    }

    /// The same values with a new shape of equal element count.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        Tensor(shape: newShape, scalars: scalars)
    }

    /// Applies `transform` to every element.
    public func map(_ transform: (Float) -> Float) -> Tensor {
        Tensor(shape: shape, scalars: scalars.map(transform))
    }

    /// A short description with the shape and up to eight values.
    public var description: String {
        let head = scalars.prefix(8).map { "\($0)" }.joined(separator: ", ")
        return "Tensor(shape: \(shape), [\(head)\(scalars.count > 8 ? ", …" : "")])"
    }

    /// Row-major strides of `shape` (elements between successive indices of each axis).
    public static func strides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var step = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[axis] = step
            step *= shape[axis]
        }
        return strides
    }

    /// The product of the dimensions (1 for a scalar).
    public static func elementCount(_ shape: [Int]) -> Int {
        shape.reduce(1, *)
    }

    private func offset(_ indices: [Int]) -> Int {
        precondition(indices.count == shape.count, "Tensor: \(indices.count) indices for rank \(shape.count)")
        var offset = 0
        for (axis, index) in indices.enumerated() {
            precondition(index >= 0 && index < shape[axis], "Tensor: index \(index) out of range for axis \(axis)")
            offset = offset * shape[axis] + index
        }
        return offset
    }
}
