import Foundation
import Learning

/// The action-sequence encoder: a single-layer LSTM autoencoder whose encoder's final hidden state
/// is the action embedding of a reaction (zeros for an empty sequence).
///
/// The decoder starts from the encoder's final state and a start token and reconstructs the
/// sequence token by token (teacher forcing in training, greedy decoding for the reported
/// accuracy); it is told the length, so there is no end token.
public struct ActionEncoder: Sendable {
    /// The sizes.
    public let config: ActionEncoderConfig
    /// The weights (token embedding, encoder and decoder cells, decoder output layer).
    public var parameters: Parameters

    /// A freshly initialised encoder (deterministic in `seed`).
    public init(config: ActionEncoderConfig, seed: UInt64) {
        self.config = config
        self.parameters = config.layout.initialParameters(seed: seed)
    }

    /// An encoder with given weights; throws if they do not fit `config`.
    public init(config: ActionEncoderConfig, parameters: Parameters) throws(ModelsError) {
        if let problem = config.problem { throw .invalidOptions("action encoder: \(problem)") }
        if let problem = config.layout.mismatch(parameters) {
            throw .invalidOptions("weights do not fit the action encoder: \(problem)")
        }
        self.config = config
        self.parameters = parameters
    }

    /// Token sequences (already truncated) → final hidden and cell states, [sequences, hidden].
    func encoderState(_ sequences: [[Int]], on graph: Graph, p: WeightLookup) -> (h: Variable, c: Variable) {
        let n = sequences.count, width = config.hidden
        var h = graph.constant(Tensor.zeros([n, width])), c = graph.constant(Tensor.zeros([n, width]))
        let cell = LSTMCell(graph: graph, p: p, prefix: "enc")
        let longest = sequences.map(\.count).max() ?? 0
        for t in 0..<longest {
            let x = graph.gather(p["tokens.w"], indices: sequences.map { t < $0.count ? $0[t] : 0 })
            let mask = graph.constant(Tensor(shape: [n, 1], scalars: sequences.map { t < $0.count ? 1 : 0 }))
            (h, c) = cell.step(x: x, h: h, c: c, mask: mask)
        }
        return (h, c)
    }

    /// Decoder logits for step `t` given the previous tokens, advancing the state.
    private func decoderStep(previous: [Int], state: inout (h: Variable, c: Variable), mask: [Float],
                             on graph: Graph, p: WeightLookup) -> Variable {
        let cell = LSTMCell(graph: graph, p: p, prefix: "dec")
        let x = graph.gather(p["tokens.w"], indices: previous)
        state = cell.step(x: x, h: state.h, c: state.c, mask: graph.constant(Tensor(shape: [previous.count, 1], scalars: mask)))
        return graph.linear(state.h, weight: p["out.w"], bias: p["out.b"])
    }

    /// The teacher-forced reconstruction cross-entropy, averaged over every action of the batch.
    func reconstructionLoss(_ sequences: [[Int]], on graph: Graph, weights: [String: Variable]) -> Variable {
        let p = WeightLookup(weights)
        var state = encoderState(sequences, on: graph, p: p)
        let total = sequences.reduce(0) { $0 + $1.count }
        var loss: Variable?
        for t in 0..<(sequences.map(\.count).max() ?? 0) {
            let previous = sequences.map { t == 0 ? ActionVocabulary.startToken : (t < $0.count ? $0[t - 1] : 0) }
            let logits = decoderStep(previous: previous, state: &state, mask: sequences.map { t < $0.count ? 1 : 0 }, on: graph, p: p)
            let rows = sequences.indices.filter { t < sequences[$0].count }
            let term = graph.crossEntropyWithLogits(graph.gather(logits, indices: rows), labels: rows.map { sequences[$0][t] })
                * (Float(rows.count) / Float(max(total, 1)))
            loss = loss.map { $0 + term } ?? term
        }
        return loss ?? graph.constant(Tensor(scalar: 0))
    }

    /// Action embeddings ([sequences] × hidden) of action-name sequences, in batches.
    public func embed(_ actions: [[String]], batchSize: Int = 512) -> [[Float]] {
        let sequences = actions.map { ActionVocabulary.tokens($0, maxLength: config.maxLength).tokens }
        var out: [[Float]] = []
        out.reserveCapacity(sequences.count)
        var start = 0
        while start < sequences.count {
            let end = min(start + batchSize, sequences.count)
            let graph = Graph(seed: 0, isTraining: false)
            let h = encoderState(Array(sequences[start..<end]), on: graph, p: WeightLookup(graph.parameters(parameters))).h.value
            for row in 0..<(end - start) { out.append(Array(h.scalars[(row * config.hidden)..<((row + 1) * config.hidden)])) }
            start = end
        }
        return out
    }

    /// Greedy reconstruction of (truncated) non-empty sequences: the share of actions and of whole
    /// sequences reproduced exactly.
    public func reconstructionAccuracy(_ actions: [[String]], batchSize: Int = 512) -> (actions: Double, sequences: Double) {
        let sequences = actions.map { ActionVocabulary.tokens($0, maxLength: config.maxLength).tokens }.filter { !$0.isEmpty }
        var rightActions = 0, rightSequences = 0, total = 0
        var start = 0
        while start < sequences.count {
            let chunk = Array(sequences[start..<min(start + batchSize, sequences.count)])
            start += chunk.count
            let graph = Graph(seed: 0, isTraining: false)
            let p = WeightLookup(graph.parameters(parameters))
            var state = encoderState(chunk, on: graph, p: p)
            var previous = [Int](repeating: ActionVocabulary.startToken, count: chunk.count)
            var allRight = [Bool](repeating: true, count: chunk.count)
            for t in 0..<(chunk.map(\.count).max() ?? 0) {
                let logits = decoderStep(previous: previous, state: &state, mask: chunk.map { t < $0.count ? 1 : 0 }, on: graph, p: p).value
                let classes = ActionVocabulary.tokenCount
                for row in chunk.indices {
                    let scores = logits.scalars[(row * classes)..<((row + 1) * classes)]
                    let best = scores.indices.max { scores[$0] < scores[$1] }.map { $0 - row * classes } ?? 0
                    previous[row] = best
                    guard t < chunk[row].count else { continue }
                    total += 1
                    if best == chunk[row][t] { rightActions += 1 } else { allRight[row] = false }
                }
            }
            rightSequences += allRight.filter { $0 }.count
        }
        return (Double(rightActions) / Double(max(total, 1)), Double(rightSequences) / Double(max(sequences.count, 1)))
    }

    /// Pretrains an autoencoder with AdamW on the non-empty (truncated) sequences of `actions`,
    /// shuffled each epoch by `seed`; `progress` receives (epoch, mean loss).
    public static func pretrain(
        _ actions: [[String]], config: ActionEncoderConfig, epochs: Int, batchSize: Int = 128,
        learningRate: Float = 3e-3, seed: UInt64, progress: (Int, Double) -> Void = { _, _ in }
    ) throws(ModelsError) -> ActionEncoder {
        if let problem = config.problem { throw .invalidOptions("action encoder: \(problem)") }
        var encoder = ActionEncoder(config: config, seed: seed)
        let sequences = actions.map { ActionVocabulary.tokens($0, maxLength: config.maxLength).tokens }.filter { !$0.isEmpty }
        guard !sequences.isEmpty, epochs > 0 else { return encoder }
        var optimiser = AdamW(learningRate: learningRate, weightDecay: 1e-6)
        var generator = SeededGenerator(seed: seed &+ 0xAC7)
        for epoch in 1...epochs {
            let order = DataSplit.shuffled(Array(sequences.indices), generator: &generator)
            var lossSum = 0.0
            var start = 0
            while start < order.count {
                let rows = order[start..<min(start + batchSize, order.count)].map { sequences[$0] }
                start += rows.count
                let graph = Graph(seed: 0, isTraining: true)
                let loss = encoder.reconstructionLoss(rows, on: graph, weights: graph.parameters(encoder.parameters))
                lossSum += Double(loss.value.scalars[0]) * Double(rows.count)
                graph.backward(from: loss)
                do { try optimiser.step(&encoder.parameters, gradients: graph.parameterGradients()) } catch {
                    throw .invalidOptions("action encoder optimiser step failed: \(error)")
                }
            }
            progress(epoch, lossSum / Double(order.count))
        }
        return encoder
    }
}
