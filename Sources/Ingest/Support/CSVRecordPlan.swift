import CurateIO
import Store

/// Turns one CSV row into one prepared store record (an observation or a quarantine row).
protocol RowInterpreter {
    /// Interprets `row`; never fails: problems become quarantine records.
    mutating func interpret(_ row: CSVRow) -> PreparedRecord
    /// Fields whose text was repaired so far.
    var repairedFields: Int { get }
}

/// What the CSV ingesters share before the driver takes over: open and sniff the file, read the
/// header, and plan to stream every row through an interpreter.
enum CSVRecordPlan {
    /// Opens `path` and returns the reader positioned after the header, and the header fields.
    static func open(path: String, options: IngestOptions) throws(IngestError) -> (CSVReader, [String]) {
        try RegularFile.refuseSpecial(path)
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path, options: CSVReaderOptions(maxRecordBytes: options.maxRecordBytes))
        } catch {
            throw .csv(error)
        }
        guard let header = reader.header else {
            throw .header(path: path, message: "the file has no header row", columnsSeen: [])
        }
        return (reader, header.fields)
    }

    /// A plan that streams the rows left in `reader` through `interpreter`; records `layout`
    /// on top of `recorded`.
    static func plan<Interpreter: RowInterpreter>(
        reader: CSVReader, interpreter: Interpreter, sourceKind: String, layout: String, parserVersion: String,
        recorded: [String: String] = [:]
    ) -> IngestPlan {
        var interpreter = interpreter
        var recorded = recorded
        recorded["layout"] = layout
        return IngestPlan(sourceKind: sourceKind, layout: layout, parserVersion: parserVersion, recorded: recorded) { sink in
            while let row = try reader.next() {
                try sink.append(interpreter.interpret(row))
            }
            return interpreter.repairedFields
        }
    }
}
