import Foundation

/// The result of reading a CIF file: the whole document, and per block either a structure or
/// the reason there is none.
public struct CIFFile: Sendable {
    /// Every block of the file.
    public let document: CIFDocument
    /// One entry per block, in file order: the structure or the error.
    public let blocks: [Result<CIFStructure, CIFError>]

    /// The structures that were read.
    public var structures: [CIFStructure] { blocks.compactMap { try? $0.get() } }
}

/// Entry point of the CIF reader: tokenizer → document → structure interpretation.
public enum CIFReader {
    /// Reads every block of a CIF file. Syntax errors throw; a block that is syntactically fine
    /// but does not describe a structure gives a `.failure` entry.
    public static func read(bytes: [UInt8], file: String? = nil,
                            options: CIFReadOptions = CIFReadOptions()) throws(CIFError) -> CIFFile {
        let document = try CIFDocument(bytes: bytes, file: file)
        var results: [Result<CIFStructure, CIFError>] = []
        for block in document.blocks {
            do throws(CIFError) {
                results.append(.success(try CIFStructureReader.read(block, options: options, inherited: document.warnings)))
            } catch {
                var located = error
                located.file = file
                results.append(.failure(located))
            }
        }
        return CIFFile(document: document, blocks: results)
    }

    /// Checks, before anything is read, that `path` is a regular file no larger than
    /// `options.maxFileBytes` (a FIFO would block and `/dev/zero` never ends).
    public static func checkFile(path: String, options: CIFReadOptions = CIFReadOptions()) throws(CIFError) {
        // Symbolic links are followed: the limits apply to the file they name.
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: resolved) else { return }
        if let type = attributes[.type] as? FileAttributeType, type != .typeRegular {
            throw CIFError(.fileTooLarge(reason: "not a regular file (\(type.rawValue)); only regular files are read"), file: path)
        }
        if let size = (attributes[.size] as? NSNumber)?.intValue, size > options.maxFileBytes {
            throw CIFError(.fileTooLarge(reason: "the file has \(size) bytes, more than the limit of \(options.maxFileBytes) (--max-cif-bytes)"),
                           file: path)
        }
    }

    /// Reads the file at `url`. Read failures of the file itself are rethrown untyped.
    public static func read(contentsOf url: URL, options: CIFReadOptions = CIFReadOptions()) throws -> CIFFile {
        try checkFile(path: url.path, options: options)
        let data = try Data(contentsOf: url)
        return try read(bytes: [UInt8](data), file: url.path, options: options)
    }

    /// The first structure of a file: the first block that yields one, else the first block's
    /// error. Convenient for the common one-block file.
    public static func readStructure(bytes: [UInt8], file: String? = nil,
                                     options: CIFReadOptions = CIFReadOptions()) throws(CIFError) -> CIFStructure {
        let parsed = try read(bytes: bytes, file: file, options: options)
        if let first = parsed.structures.first { return first }
        if case .failure(let error)? = parsed.blocks.first { throw error }
        throw CIFError(.noDataBlock, file: file)
    }
}
