/// Sizes of the action-sequence LSTM autoencoder (thesis: embedding 8, hidden 32, length ≤ 16).
public struct ActionEncoderConfig: Codable, Sendable, Equatable {
    /// Width of the learned token embedding.
    public var embeddingDimension: Int
    /// LSTM hidden (and cell) width; the action embedding has this length.
    public var hidden: Int
    /// Longer sequences are truncated to this many actions.
    public var maxLength: Int

    /// Creates a configuration; defaults are the thesis's.
    public init(embeddingDimension: Int = 8, hidden: Int = 32, maxLength: Int = 16) {
        self.embeddingDimension = embeddingDimension
        self.hidden = hidden
        self.maxLength = maxLength
    }

    /// A description of the first size that cannot work, or `nil`.
    public var problem: String? {
        if embeddingDimension < 1 || hidden < 1 { return "action encoder widths must be at least 1" }
        if maxLength < 1 { return "action sequences must allow at least one action" }
        return nil
    }

    /// The parameter layout: token embedding, encoder and decoder LSTM cells, decoder output layer.
    var layout: ParameterLayout {
        var builder = ParameterLayout.Builder()
        builder.linear("tokens", ActionVocabulary.tokenCount + 1, embeddingDimension, bias: false)
        for cell in ["enc", "dec"] {
            for gate in LSTMCell.gates {
                builder.linear("\(cell).x\(gate)", embeddingDimension, hidden)
                builder.linear("\(cell).h\(gate)", hidden, hidden, bias: false)
            }
        }
        builder.linear("out", hidden, ActionVocabulary.tokenCount)
        return builder.layout
    }
}
