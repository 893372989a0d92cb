import Chemistry
import Crystal
import CurateIO
import Foundation
import Store

/// Turns one CIF file into prepared records: one `structure` observation per block that reads
/// (with space group, protostructure label, cell facts and the reader's warnings in its
/// metadata), one quarantined record per block that does not, and one quarantined record for a
/// file whose syntax fails.
struct CIFRecordInterpreter {
    private var builder = DFTRecordBuilder(ruleVersion: CIFIngester.ruleVersion)
    let symmetry: SymmetryOptions
    let reading: CIFReadOptions
    /// The run's symmetry results by structure hash, shared by every file's interpreter.
    let cache: SymmetryCache?

    init(symmetry: SymmetryOptions, reading: CIFReadOptions = CIFReadOptions(), cache: SymmetryCache? = nil) {
        self.symmetry = symmetry
        self.reading = reading
        self.cache = cache
    }

    mutating func records(path: String, relative: String) -> [PreparedRecord] {
        let origin = DFTRecordBuilder.Origin(locator: relative, line: nil, raw: "")
        do throws(CIFError) {
            try CIFReader.checkFile(path: path, options: reading)
        } catch {
            return [builder.quarantine(origin, "cif." + error.code, error.message, field: nil)]
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return [builder.quarantine(origin, "cif.unreadable", "the file cannot be read", field: nil)]
        }
        let raw = String(decoding: data, as: UTF8.self)
        let rawBytes: [UInt8]? = String(data: data, encoding: .utf8) == nil ? [UInt8](data) : nil
        let file: CIFFile
        do throws(CIFError) {
            file = try CIFReader.read(bytes: [UInt8](data), file: relative, options: reading)
        } catch {
            let located = DFTRecordBuilder.Origin(locator: relative, line: error.line, raw: raw, rawBytes: rawBytes)
            return [builder.quarantine(located, "cif." + error.code, error.message, field: error.tag)]
        }
        var records: [PreparedRecord] = []
        for (block, result) in zip(file.document.blocks, file.blocks) {
            let locator = file.blocks.count > 1 ? "\(relative) [\(block.name)]" : relative
            switch result {
            case .failure(let error):
                records.append(builder.quarantine(.init(locator: locator, line: error.line, raw: raw, rawBytes: rawBytes), "cif." + error.code,
                                                  error.message, field: error.tag))
            case .success(let cif):
                records.append(observation(cif, locator: locator, raw: raw, rawBytes: rawBytes))
            }
        }
        return records
    }

    /// Throws when the file at `path` is empty, is not CIF syntax, or holds no data block.
    static func requireCIF(path: String, reading: CIFReadOptions) throws(IngestError) {
        do throws(CIFError) {
            try CIFReader.checkFile(path: path, options: reading)
        } catch {
            throw .unreadable(path: path, reason: "cif.\(error.code): \(error.message)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "the file cannot be read")
        }
        guard data.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else {
            throw .unreadable(path: path, reason: data.isEmpty ? "the file is empty" : "the file holds only whitespace")
        }
        // Text never holds a NUL byte; without this check a binary file whose bytes happen to
        // form a line starting with `_` reads as a block with one tag (seen on random bytes).
        if let offset = data.firstIndex(of: 0) {
            throw .unreadable(path: path, reason: "not a CIF file: binary content (a NUL byte at offset \(offset - data.startIndex))")
        }
        let file: CIFFile
        do throws(CIFError) {
            file = try CIFReader.read(bytes: [UInt8](data), file: path, options: reading)
        } catch {
            throw .unreadable(path: path, reason: "not a CIF file: \(error.line.map { "line \($0): " } ?? "")cif.\(error.code): \(error.message)")
        }
        guard !file.document.blocks.isEmpty else {
            throw .unreadable(path: path, reason: "not a CIF file: no data_ block")
        }
    }

    private mutating func observation(_ cif: CIFStructure, locator: String, raw: String, rawBytes: [UInt8]?) -> PreparedRecord {
        let structure = cif.structure
        var metadata: [String: String] = [
            "id": JSONText.quote(Self.entryId(cif, locator: locator)),
            "nsites": String(structure.siteCount),
            "volume": JSONText.number(structure.volume),
            "ordered": structure.isOrdered ? "true" : "false",
        ]
        if let year = cif.metadata.journalYear { metadata["year"] = String(year) }
        if let icsd = cif.metadata.icsdCode { metadata["icsd_code"] = String(icsd) }
        if let cod = cif.metadata.codCode { metadata["cod_code"] = String(cod) }
        if !cif.warnings.isEmpty {
            metadata["warnings"] = "[" + cif.warnings.map { JSONText.quote($0.code.rawValue) }.joined(separator: ",") + "]"
        }
        if structure.isOrdered {
            // One spglib search gives the space group and the label.
            let found = cache?.symmetry(of: structure, options: symmetry)
                ?? StructureSymmetry(structure: structure, options: symmetry)
            if case .success(let label) = found.label {
                metadata["protostructure"] = JSONText.quote(label.description)
                metadata["space_group"] = String(label.spaceGroupNumber)
            } else if case .success(let group) = found.spaceGroup {
                metadata["space_group"] = String(group.number)
            }
        }
        let formula = cif.metadata.formulaSum ?? structure.composition.formula
        return builder.observation(.init(locator: locator, line: nil, raw: raw, rawBytes: rawBytes), composition: structure.composition,
                                   formulaAsWritten: formula, property: "structure", value: nil, unit: nil,
                                   qualifier: "structure", valueAsReported: formula,
                                   conditions: ["symprec": JSONText.number(symmetry.symprec)], metadata: metadata,
                                   entryID: locator)
    }

    /// The entry id: ICSD or COD collection code when the file has one, else the file name's
    /// stem when it looks like a database id (`mp-1234`, `mvc-11312`, `wbm-1-2345`), else the locator.
    static func entryId(_ cif: CIFStructure, locator: String) -> String {
        if let icsd = cif.metadata.icsdCode { return "icsd-\(icsd)" }
        if let cod = cif.metadata.codCode { return "cod-\(cod)" }
        let file = (locator as NSString).lastPathComponent
        if let stem = file.split(separator: ".").first, looksLikeDatabaseId(stem) { return String(stem) }
        return locator
    }

    /// Lowercase letters, then one or more `-digits` groups: `mp-1234`, `mvc-11312`, `wbm-1-2345`.
    static func looksLikeDatabaseId(_ stem: Substring) -> Bool {
        let parts = stem.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 2, let prefix = parts.first, !prefix.isEmpty,
              prefix.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        return parts.dropFirst().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
