/// One value from a CIF file, as written, with where it came from.
public struct CIFValue: Sendable, Hashable {
    /// The text (without quotes or text-field delimiters).
    public let text: String
    /// How it was written.
    public let quoting: CIFQuoting
    /// 1-based line.
    public let line: Int

    /// Creates a value.
    public init(text: String, quoting: CIFQuoting, line: Int) {
        self.text = text
        self.quoting = quoting
        self.line = line
    }

    /// True for an unquoted `?` (unknown).
    public var isUnknown: Bool { quoting == .bare && text == "?" }
    /// True for an unquoted `.` (inapplicable / default).
    public var isInapplicable: Bool { quoting == .bare && text == "." }
    /// True for `?` or `.`: no value given.
    public var isMissing: Bool { isUnknown || isInapplicable }
}
