/// A tape for reverse-mode automatic differentiation.
///
/// Every operation called on a graph computes its value immediately and records a node holding
/// that value, its inputs and a closure that maps the gradient of the output to gradients of the
/// inputs. `backward(from:)` walks the nodes in reverse order of creation from a scalar.
///
/// Build one graph per forward pass (for example per mini-batch) and drop it afterwards. A graph
/// is not thread-safe; independent graphs may run on different threads.
public final class Graph {
    struct Node {
        var value: Tensor
        var inputs: [Int]
        var backward: ((Tensor) -> [Tensor?])?
        var requiresGradient: Bool
        var parameterName: String?
    }

    private(set) var nodes: [Node] = []
    private var gradients: [Tensor?] = []

    /// Whether training-only behaviour (dropout) is active.
    public let isTraining: Bool

    /// The generator behind dropout masks; seeded at creation for reproducibility.
    var generator: SeededGenerator

    /// Creates an empty graph. `seed` determines every random draw the graph makes (dropout).
    public init(seed: UInt64 = 0, isTraining: Bool = true) {
        self.isTraining = isTraining
        self.generator = SeededGenerator(seed: seed)
        AllocatorTuning.retainFreedMemory()
    }

    /// The number of recorded nodes.
    public var nodeCount: Int { nodes.count }

    /// A leaf that is never differentiated (inputs, targets).
    public func constant(_ value: Tensor) -> Variable {
        append(Node(value: value, inputs: [], backward: nil, requiresGradient: false, parameterName: nil))
    }

    /// A leaf whose gradient is wanted.
    public func variable(_ value: Tensor) -> Variable {
        append(Node(value: value, inputs: [], backward: nil, requiresGradient: true, parameterName: nil))
    }

    /// A leaf bound to a named parameter; its gradient appears in `parameterGradients()`.
    public func parameter(_ name: String, _ value: Tensor) -> Variable {
        append(Node(value: value, inputs: [], backward: nil, requiresGradient: true, parameterName: name))
    }

    /// Leaves for every parameter in `parameters`, keyed by name.
    public func parameters(_ parameters: Parameters) -> [String: Variable] {
        var result: [String: Variable] = [:]
        for (name, value) in parameters { result[name] = parameter(name, value) }
        return result
    }

    /// Records the result of an operation. `backward` receives the output gradient and returns
    /// one gradient (or `nil` for none) per input, each with that input's shape.
    public func record(
        _ value: Tensor, inputs: [Variable], backward: @escaping (Tensor) -> [Tensor?]
    ) -> Variable {
        for input in inputs { precondition(input.graph === self, "Graph: variable from another graph") }
        let requires = inputs.contains { nodes[$0.id].requiresGradient }
        return append(Node(value: value, inputs: inputs.map(\.id),
                           backward: requires ? backward : nil,
                           requiresGradient: requires, parameterName: nil))
    }

    /// The value held by `variable`.
    public func value(_ variable: Variable) -> Tensor { nodes[variable.id].value }

    /// Whether gradients flow to `variable`.
    public func requiresGradient(_ variable: Variable) -> Bool { nodes[variable.id].requiresGradient }

    /// Back-propagates from a one-element `loss`, replacing any earlier gradients.
    public func backward(from loss: Variable) {
        precondition(loss.graph === self, "Graph: loss from another graph")
        precondition(nodes[loss.id].value.count == 1, "Graph.backward: loss must have one element")
        gradients = [Tensor?](repeating: nil, count: nodes.count)
        gradients[loss.id] = Tensor.ones(nodes[loss.id].value.shape)
        for id in stride(from: loss.id, through: 0, by: -1) {
            guard let gradient = gradients[id], let backward = nodes[id].backward else { continue }
            let inputGradients = backward(gradient)
            for (input, inputGradient) in zip(nodes[id].inputs, inputGradients) {
                guard nodes[input].requiresGradient, let inputGradient else { continue }
                precondition(inputGradient.shape == nodes[input].value.shape,
                             "Graph: gradient shape \(inputGradient.shape) ≠ value shape \(nodes[input].value.shape)")
                if gradients[input] == nil {
                    gradients[input] = inputGradient
                } else {
                    gradients[input]? += inputGradient
                }
            }
            // Intermediate gradients are no longer needed once passed on.
            if nodes[id].parameterName == nil && !nodes[id].inputs.isEmpty { gradients[id] = nil }
        }
    }

    /// The gradient of the last `backward` loss with respect to a leaf `variable`, or `nil`
    /// when it does not influence the loss (gradients of intermediate results are not kept).
    public func gradient(of variable: Variable) -> Tensor? {
        variable.id < gradients.count ? gradients[variable.id] : nil
    }

    /// Gradients of every parameter leaf, keyed by name (zeros for those the loss ignores).
    public func parameterGradients() -> [String: Tensor] {
        var result: [String: Tensor] = [:]
        for (id, node) in nodes.enumerated() {
            guard let name = node.parameterName else { continue }
            let gradient = id < gradients.count ? gradients[id] : nil
            if let existing = result[name] {
                result[name] = existing + (gradient ?? Tensor.zeros(node.value.shape))
            } else {
                result[name] = gradient ?? Tensor.zeros(node.value.shape)
            }
        }
        return result
    }

    private func append(_ node: Node) -> Variable {
        nodes.append(node)
        return Variable(graph: self, id: nodes.count - 1)
    }
}

/// A handle to one value recorded on a `Graph`.
public struct Variable {
    /// The graph that recorded this value.
    public let graph: Graph
    /// The node's position on the tape.
    public let id: Int

    /// The value computed in the forward pass.
    public var value: Tensor { graph.value(self) }

    /// The shape of the value.
    public var shape: [Int] { graph.value(self).shape }
}
