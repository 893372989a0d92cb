/// The action tokens of the sequence encoder: the seven action classes of the reaction-graph model
/// and one token for any other (source-specific) action type.
public enum ActionVocabulary {
    /// Known classes, in token order; token `classes.count` is "other".
    public static let classes = ["dry_mixing", "solution_mixing", "liquid_grinding", "heating", "drying", "shaping", "quenching"]

    /// The number of tokens the decoder predicts (the classes plus "other").
    public static var tokenCount: Int { classes.count + 1 }

    /// The decoder's start token (an input only, never predicted).
    public static var startToken: Int { tokenCount }

    /// The token of an action name.
    public static func token(_ action: String) -> Int {
        classes.firstIndex(of: action) ?? classes.count
    }

    /// Tokens of a sequence, truncated to `maxLength`; `truncated` says whether anything was cut.
    public static func tokens(_ actions: [String], maxLength: Int) -> (tokens: [Int], truncated: Bool) {
        (actions.prefix(maxLength).map(token), actions.count > maxLength)
    }
}
