/// A named collection of parameter tensors, iterated in sorted name order.
public struct Parameters: Sendable, Equatable, Sequence {
    private var storage: [String: Tensor]

    /// Creates a collection from name–tensor pairs.
    public init(_ tensors: [String: Tensor] = [:]) {
        storage = tensors
    }

    /// The names in sorted order.
    public var names: [String] { storage.keys.sorted() }

    /// The number of tensors.
    public var count: Int { storage.count }

    /// The total number of scalar values.
    public var scalarCount: Int { storage.values.reduce(0) { $0 + $1.count } }

    /// The tensor called `name`, if any; assigning `nil` removes it.
    public subscript(name: String) -> Tensor? {
        get { storage[name] }
        set { storage[name] = newValue }
    }

    /// All tensors keyed by name.
    public var tensors: [String: Tensor] { storage }

    /// Iterates (name, tensor) pairs in sorted name order.
    public func makeIterator() -> IndexingIterator<[(name: String, tensor: Tensor)]> {
        names.compactMap { name in storage[name].map { (name: name, tensor: $0) } }.makeIterator()
    }
}
