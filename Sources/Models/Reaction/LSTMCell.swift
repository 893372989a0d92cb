import Learning

/// One step of a long short-term memory cell on the tape, with per-gate weight matrices
/// (`prefix.x{gate}.w/.b` on the input, `prefix.h{gate}.w` on the hidden state):
///
///     i, f, o = σ(x·Wx + h·Wh + b);  g = tanh(x·Wx + h·Wh + b)
///     c' = f ⊙ c + i ⊙ g;  h' = o ⊙ tanh(c')
///
/// Rows whose `mask` is 0 keep their state (sequences of different lengths in one batch).
struct LSTMCell {
    static let gates = ["i", "f", "g", "o"]

    let graph: Graph
    let p: WeightLookup
    let prefix: String

    func step(x: Variable, h: Variable, c: Variable, mask: Variable) -> (h: Variable, c: Variable) {
        func pre(_ gate: String) -> Variable {
            graph.linear(x, weight: p["\(prefix).x\(gate).w"], bias: p["\(prefix).x\(gate).b"])
                + graph.matmul(h, p["\(prefix).h\(gate).w"])
        }
        let input = graph.sigmoid(pre("i")), forget = graph.sigmoid(pre("f"))
        let candidate = graph.tanh(pre("g")), output = graph.sigmoid(pre("o"))
        let cell = forget * c + input * candidate
        let hidden = output * graph.tanh(cell)
        return (h + mask * (hidden - h), c + mask * (cell - c))
    }
}
