import Foundation
import Store

/// Writes released records as they come: `records.csv`, `records.jsonl` and the per-split
/// exports (Roost, matbench, Wren), with the split counts and the audit rows for the leakage
/// report. Records must arrive in canonical-key order, as an in-memory build sorts them.
final class RecordStreamWriter {
    private let spec: DatasetSpec
    private let folder: StagedFolder
    private let scratch: ReleaseScratch
    private let labelled: Bool
    private let nested: Bool
    private var recordsCSV: StreamedFile?
    private var recordsJSONL: StreamedFile?
    private var exports: [String: SplitExports] = [:]
    /// Records per split label.
    private(set) var counts: [String: Int] = [:]
    /// Records written.
    private(set) var recordCount = 0

    /// The export files of one split; matbench's data rows go to a side file until the end,
    /// because the format lists every id before the first row.
    private struct SplitExports {
        var roost: StreamedFile
        var matbenchIndex: StreamedFile
        var matbenchData: SpillFile
        var wren: StreamedFile?
    }

    init(spec: DatasetSpec, folder: StagedFolder, scratch: ReleaseScratch) {
        self.spec = spec
        self.folder = folder
        self.scratch = scratch
        labelled = spec.representation == "wyckoff"
        if case .nestedKfold = spec.split { nested = true } else { nested = false }
    }

    /// Splits `record` and writes it to every file it belongs in.
    func write(_ unsplit: DatasetRecord) throws {
        var record = unsplit
        guard let (split, innerFold) = Splitter.recordLabel(record, strategy: spec.split, seed: spec.seed) else {
            throw DatasetError.input(message: "internal error: split \(spec.split.name) does not label records one by one")
        }
        record.split = split
        record.innerFold = innerFold
        let isLabelled = labelled && record.protostructure != nil
        if recordsCSV == nil {
            recordsCSV = try StreamedFile("records.csv", in: folder)
            try recordsCSV?.write(RecordFormats.csvHeader(labelled: isLabelled, nested: nested))
            recordsJSONL = try StreamedFile("records.jsonl", in: folder)
        }
        try recordsCSV?.writeRow(RecordFormats.csvRow(record, labelled: isLabelled, nested: nested))
        try recordsJSONL?.writeRow(RecordFormats.jsonLine(record, nested: nested))
        let property = spec.target.property
        var files: SplitExports
        if let open = exports[split] {
            files = open
            try files.matbenchIndex.write(",")
            try files.matbenchData.write(",")
        } else {
            files = SplitExports(roost: try StreamedFile("exports/roost/\(split).csv", in: folder),
                                 matbenchIndex: try StreamedFile("exports/matbench/\(split).json", in: folder),
                                 matbenchData: try SpillFile(),
                                 wren: isLabelled ? try StreamedFile("exports/wren/\(split).csv", in: folder) : nil)
            try files.roost.write(RecordFormats.roostHeader(property: property))
            try files.matbenchIndex.write(RecordFormats.matbenchOpening)
            try files.wren?.write(RecordFormats.wrenHeader(property: property))
        }
        try files.roost.writeRow(RecordFormats.roostRow(record))
        try files.matbenchIndex.writeRow(RecordFormats.matbenchIndexItem(record))
        try files.matbenchData.write(RecordFormats.matbenchDataItem(record))
        try files.wren?.writeRow(RecordFormats.wrenRow(record))
        exports[split] = files
        counts[split, default: 0] += 1
        recordCount += 1
        try scratch.addAudit(split: split, canonicalKey: record.canonicalKey, chemicalSystem: record.chemicalSystem,
                             protostructure: record.protostructure,
                             prototype: record.protostructure.map { String($0.split(separator: ":").first ?? "") })
    }

    /// Closes every file (an empty release still has its record files); their manifest entries.
    func finish() throws -> [ReleaseManifest.File] {
        if recordsCSV == nil {
            recordsCSV = try StreamedFile("records.csv", in: folder)
            try recordsCSV?.write(RecordFormats.csvHeader(labelled: false, nested: false))
            recordsJSONL = try StreamedFile("records.jsonl", in: folder)
        }
        var files: [ReleaseManifest.File] = []
        if let recordsCSV, let recordsJSONL {
            files += [try recordsCSV.finish(), try recordsJSONL.finish()]
        }
        for (_, split) in exports.sorted(by: { $0.key < $1.key }) {
            try split.matbenchIndex.write(RecordFormats.matbenchMiddle(property: spec.target.property))
            try split.matbenchData.copy(into: split.matbenchIndex)
            try split.matbenchIndex.write(RecordFormats.matbenchClosing)
            files += [try split.roost.finish(), try split.matbenchIndex.finish()]
            if let wren = split.wren { files.append(try wren.finish()) }
        }
        return files
    }
}
