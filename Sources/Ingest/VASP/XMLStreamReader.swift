import CLibXML2
import Foundation

/// One event of a streamed XML document.
enum XMLStreamEvent: Equatable {
    /// An element opens; `key` is its `name` attribute (VASP's way of naming values).
    case start(name: String, key: String?)
    /// Character data inside the current element.
    case text(String)
    /// The current element closes (also sent right after the start of an empty element).
    case end(name: String)
}

/// Where and why libxml2 stopped reading a document.
struct XMLStreamFailure: Error, Equatable {
    /// The line libxml2 was on, when it knew it.
    var line: Int?
    /// libxml2's message, or the input's own error (a truncated gzip member).
    var message: String
}

/// A pull reader over libxml2's `xmlTextReader`, fed chunk by chunk, so a document of any size
/// is read in bounded memory: only the current node is held, and a subtree the caller does not
/// want is skipped without being built.
///
/// The input is never asked to expand entities or fetch anything from the network.
final class XMLStreamReader {
    /// Gives the next chunk of the document's bytes, or `nil` at its end.
    typealias ChunkSource = () throws -> [UInt8]?

    private let feed: ChunkFeed
    private let reader: xmlTextReaderPtr
    private var positioned = false
    private var pendingEnd: String?

    /// A reader over the bytes `source` gives; `url` names the document in libxml2's messages.
    init(url: String, source: @escaping ChunkSource) throws(XMLStreamFailure) {
        Self.initialise
        feed = ChunkFeed(source: source)
        let context = Unmanaged.passUnretained(feed).toOpaque()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOBLANKS.rawValue | XML_PARSE_HUGE.rawValue)
        guard let reader = xmlReaderForIO(chunkFeedRead, chunkFeedClose, context, url, nil, options) else {
            throw XMLStreamFailure(line: nil, message: "libxml2 could not start a reader")
        }
        self.reader = reader
        xmlTextReaderSetErrorHandler(reader, chunkFeedError, context)
    }

    deinit { xmlFreeTextReader(reader) }

    private static let initialise: Void = { xmlInitParser() }()

    /// The next event, or `nil` at the end of the document; a malformed or cut-off document
    /// throws where libxml2 stopped.
    func next() throws(XMLStreamFailure) -> XMLStreamEvent? {
        if let name = pendingEnd {
            pendingEnd = nil
            return .end(name: name)
        }
        while true {
            let status = positioned ? 1 : xmlTextReaderRead(reader)
            positioned = false
            if status == 0 { return nil }
            if status < 0 { throw failure() }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                let name = Self.string(xmlTextReaderConstLocalName(reader))
                var key: String?
                if xmlTextReaderMoveToAttribute(reader, "name") == 1 {
                    key = Self.string(xmlTextReaderConstValue(reader))
                    xmlTextReaderMoveToElement(reader)
                }
                if xmlTextReaderIsEmptyElement(reader) == 1 { pendingEnd = name }
                return .start(name: name, key: key)
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                 Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                return .text(Self.string(xmlTextReaderConstValue(reader)))
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                return .end(name: Self.string(xmlTextReaderConstLocalName(reader)))
            default:
                continue
            }
        }
    }

    /// Skips the rest of the element whose start was the last event, its end included.
    func skipElement() throws(XMLStreamFailure) {
        if pendingEnd != nil {
            pendingEnd = nil
            return
        }
        let status = xmlTextReaderNext(reader)
        if status < 0 { throw failure() }
        positioned = status == 1
    }

    /// The current line of the reader in the document.
    var line: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

    private func failure() -> XMLStreamFailure {
        if let inputError = feed.inputError { return XMLStreamFailure(line: line, message: inputError) }
        let message = feed.errorMessage ?? "libxml2 stopped reading"
        // The input ran out while elements were open: say so, whatever libxml2 called it.
        if feed.ended { return XMLStreamFailure(line: line, message: "the file ends before the XML does (libxml2: \(message))") }
        return XMLStreamFailure(line: line, message: message)
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}

/// The state libxml2's callbacks reach through their context pointer: the chunk source, the
/// bytes not yet handed over, and the first error.
private final class ChunkFeed {
    let source: XMLStreamReader.ChunkSource
    var pending: [UInt8] = []
    var offset = 0
    var ended = false
    var inputError: String?
    var errorMessage: String?

    init(source: @escaping XMLStreamReader.ChunkSource) {
        self.source = source
    }

    /// Copies up to `capacity` bytes into `buffer`; 0 at the end, -1 when the source failed.
    func fill(_ buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int32 {
        while offset == pending.count {
            if ended { return 0 }
            do {
                guard let chunk = try source() else {
                    ended = true
                    return 0
                }
                pending = chunk
                offset = 0
            } catch {
                inputError = "\(error)"
                ended = true
                return -1
            }
        }
        let count = min(capacity, pending.count - offset)
        pending.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            UnsafeMutableRawPointer(buffer).copyMemory(from: base + offset, byteCount: count)
        }
        offset += count
        return Int32(count)
    }
}

private func chunkFeedRead(_ context: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<CChar>?, _ length: Int32) -> Int32 {
    guard let context, let buffer, length > 0 else { return -1 }
    return Unmanaged<ChunkFeed>.fromOpaque(context).takeUnretainedValue().fill(buffer, capacity: Int(length))
}

private func chunkFeedClose(_ context: UnsafeMutableRawPointer?) -> Int32 { 0 }

private func chunkFeedError(_ context: UnsafeMutableRawPointer?, _ message: UnsafePointer<CChar>?,
                            _ severity: xmlParserSeverities, _ locator: xmlTextReaderLocatorPtr?) {
    // The locator names the node the reader is on, which lags the parser; the caller takes the
    // parser's own line instead.
    guard let context, severity == XML_PARSER_SEVERITY_ERROR || severity == XML_PARSER_SEVERITY_VALIDITY_ERROR else { return }
    let feed = Unmanaged<ChunkFeed>.fromOpaque(context).takeUnretainedValue()
    guard feed.errorMessage == nil else { return }
    feed.errorMessage = message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "XML error"
}
