/// Settings for `CSVReader`. The defaults read RFC 4180 comma-separated files
/// with a header row.
public struct CSVReaderOptions: Sendable, Equatable {
    /// Field separator; must be an ASCII byte other than CR, LF and `quote`.
    public var delimiter: UInt8
    /// Quote character; must be an ASCII byte other than CR, LF and `delimiter`.
    public var quote: UInt8
    /// When true (the default) the first record is read during `init` and
    /// exposed as `CSVReader.header`; `next()` then returns only data rows.
    /// When false every record is returned by `next()` and `header` is nil.
    public var hasHeaderRow: Bool
    /// Largest record accepted, in raw bytes (quotes and embedded newlines
    /// included, line terminator excluded). A longer record is refused with
    /// `CSVError.recordTooLong` before it is held in memory in full, so memory
    /// stays bounded by roughly twice this value whatever the file contains.
    public var maxRecordBytes: Int
    /// Bytes requested per `read(2)` call.
    public var chunkSize: Int

    /// Initial size of the read buffer; tests shrink it to exercise buffer
    /// compaction and growth. Never smaller than 16 bytes.
    var initialBufferCapacity: Int = 256 << 10

    public init(
        delimiter: UInt8 = UInt8(ascii: ","),
        quote: UInt8 = UInt8(ascii: "\""),
        hasHeaderRow: Bool = true,
        maxRecordBytes: Int = 1 << 20,
        chunkSize: Int = 64 << 10
    ) {
        self.delimiter = delimiter
        self.quote = quote
        self.hasHeaderRow = hasHeaderRow
        self.maxRecordBytes = maxRecordBytes
        self.chunkSize = chunkSize
    }

    /// Why these options cannot be used, or nil when they are valid.
    var validationProblem: String? {
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        if delimiter >= 0x80 || delimiter == cr || delimiter == lf {
            return "delimiter must be an ASCII byte other than CR or LF (got \(delimiter))"
        }
        if quote >= 0x80 || quote == cr || quote == lf {
            return "quote must be an ASCII byte other than CR or LF (got \(quote))"
        }
        if quote == delimiter { return "quote and delimiter must differ" }
        if maxRecordBytes < 1 { return "maxRecordBytes must be positive (got \(maxRecordBytes))" }
        if chunkSize < 1 || chunkSize > 1 << 30 {
            return "chunkSize must be between 1 and 1073741824 bytes (got \(chunkSize))"
        }
        return nil
    }
}
