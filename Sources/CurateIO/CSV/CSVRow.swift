/// One CSV record as read from a file.
///
/// `fields` are decoded UTF-8 (invalid sequences replaced with U+FFFD, see
/// `invalidUTF8Repairs`); quoting is removed and doubled quotes are collapsed.
public struct CSVRow: Sendable, Equatable {
    /// The record's fields, in file order.
    public let fields: [String]
    /// 1-based physical line on which the record starts. Blank lines and
    /// newlines inside quoted fields are counted, so this always points at the
    /// line an editor would show.
    public let line: Int
    /// The record's raw text exactly as it appears in the file (quotes and
    /// delimiters included, embedded newlines kept), without the terminator.
    public let rawText: String
    /// How many invalid UTF-8 sequences in this record were replaced with
    /// U+FFFD while decoding. Zero for well-formed UTF-8.
    public let invalidUTF8Repairs: Int
    /// The record's exact bytes when they are not valid UTF-8 (`rawText` then shows U+FFFD in
    /// their place); `nil` for well-formed UTF-8, where `rawText` is exact.
    public let rawBytes: [UInt8]?

    public init(fields: [String], line: Int, rawText: String, invalidUTF8Repairs: Int = 0, rawBytes: [UInt8]? = nil) {
        self.fields = fields
        self.line = line
        self.rawText = rawText
        self.invalidUTF8Repairs = invalidUTF8Repairs
        self.rawBytes = rawBytes
    }

    /// The field at `index`, or nil when the record is shorter (never traps).
    public func field(_ index: Int) -> String? {
        index >= 0 && index < fields.count ? fields[index] : nil
    }
}
