/// How a CIF value was written.
public enum CIFQuoting: Sendable, Hashable {
    /// Unquoted word.
    case bare
    /// `'...'` or `"..."`.
    case quoted
    /// `;` text field spanning lines.
    case textField
    /// CIF 2.0 `'''...'''` or `"""..."""`.
    case tripleQuoted
}

/// One lexical unit of a CIF file with the 1-based line it starts on.
public struct CIFToken: Sendable, Hashable {
    /// The token kinds.
    public enum Kind: Sendable, Hashable {
        /// `data_NAME` (name without the prefix).
        case dataBlock(String)
        /// `save_NAME` or a closing `save_` (empty name).
        case saveFrame(String)
        /// `loop_`.
        case loop
        /// `global_` or `stop_` (reserved words, unused in CIF 1.1 data files).
        case reserved(String)
        /// `_tag` (as written).
        case tag(String)
        /// A value.
        case value(String, CIFQuoting)
    }

    /// The kind with its text.
    public let kind: Kind
    /// 1-based line where the token starts.
    public let line: Int
}
