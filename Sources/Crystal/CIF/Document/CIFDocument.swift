/// A parsed CIF file: every data block, in file order, plus the syntax quirks met.
public struct CIFDocument: Sendable, Hashable {
    /// All blocks of the file.
    public let blocks: [CIFBlock]
    /// Quirks repaired while reading the syntax.
    public let warnings: [CIFWarning]

    /// Creates a document.
    public init(blocks: [CIFBlock], warnings: [CIFWarning]) {
        self.blocks = blocks
        self.warnings = warnings
    }

    /// Reads the document from the bytes of a file.
    public init(bytes: [UInt8], file: String? = nil) throws(CIFError) {
        do {
            let (tokens, tokenWarnings) = try CIFTokenizer.tokenize(bytes)
            self = try CIFDocumentBuilder.build(tokens: tokens, warnings: tokenWarnings)
        } catch {
            var located = error
            located.file = file
            throw located
        }
    }

    /// Reads the document from text.
    public init(text: String, file: String? = nil) throws(CIFError) {
        try self.init(bytes: Array(text.utf8), file: file)
    }

    /// The block called `name` (case-insensitive).
    public func block(named name: String) -> CIFBlock? {
        blocks.first { $0.name.lowercased() == name.lowercased() }
    }
}
