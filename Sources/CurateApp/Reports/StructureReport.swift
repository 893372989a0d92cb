import Chemistry
import Crystal
import Foundation

/// What `curate structure` says about one structure (one CIF block, one POSCAR, one pymatgen
/// structure): composition, cell, order, symmetry, Wyckoff letters, protostructure label and the
/// quirks the reader had to handle.
public struct StructureReport: Sendable, Codable, Equatable {
    /// The file, and the CIF block when the file has several.
    public var file: String
    public var block: String?
    /// `ok`, or `failed` with `error` saying why (with the file and line where known).
    public var status: String
    public var error: String?
    public var formula: String?
    public var reducedFormula: String?
    public var sites: Int?
    public var lattice: LatticeParameters?
    public var volume: Double?
    public var ordered: Bool?
    public var spaceGroupNumber: Int?
    public var spaceGroupSymbol: String?
    /// spglib's Wyckoff letter of every site, in input order (ordered structures only).
    public var wyckoffLetters: [String]?
    /// aviary-style canonical protostructure label (ordered structures only).
    public var protostructure: String?
    /// Why symmetry or the label is missing for a structure that was read.
    public var symmetryNote: String?
    public var warnings: [String]

    /// Reports every structure in the file at `path` (CIF by extension or content, VASP POSCAR /
    /// CONTCAR / `.vasp`, pymatgen `Structure` JSON), never throwing: a file that cannot be read
    /// gives one `failed` report. Symmetry comes from `cache` when given (an equal cell analysed
    /// before), else from one spglib search per structure; `reading` holds the file-size and
    /// atom-count limits checked before symmetry.
    public static func reports(path: String, options: SymmetryOptions = .materialsProject,
                               reading: CIFReadOptions = CIFReadOptions(), cache: SymmetryCache? = nil) -> [StructureReport] {
        do throws(CIFError) {
            try CIFReader.checkFile(path: path, options: reading)
        } catch {
            return [failed(path, nil, String(describing: error))]
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return [failed(path, nil, "cannot read the file")]
        }
        let name = (path as NSString).lastPathComponent.lowercased()
        if name.hasSuffix(".json") {
            do throws(PymatgenJSONError) {
                let structure = try PymatgenStructure.read(json: data).structure
                if let refusal = tooLarge(structure, reading) { return [failed(path, nil, refusal)] }
                return [report(path, nil, structure, warnings: [], options: options, cache: cache)]
            } catch {
                return [failed(path, nil, String(describing: error))]
            }
        }
        if name.hasPrefix("poscar") || name.hasPrefix("contcar") || name.hasSuffix(".vasp") || name.hasSuffix(".poscar") {
            do throws(POSCARError) {
                let poscar = try POSCARReader.read(text: String(decoding: data, as: UTF8.self), file: path)
                let structure = try poscar.structure(file: path)
                if let refusal = tooLarge(structure, reading) { return [failed(path, nil, refusal)] }
                return [report(path, nil, structure, warnings: [], options: options, cache: cache)]
            } catch {
                return [failed(path, nil, String(describing: error))]
            }
        }
        do throws(CIFError) {
            let file = try CIFReader.read(bytes: [UInt8](data), file: path, options: reading)
            let several = file.blocks.count > 1
            return zip(file.document.blocks, file.blocks).map { block, result in
                switch result {
                case .success(let cif):
                    return report(path, several ? cif.blockName : nil, cif.structure, warnings: cif.warnings.map(\.description), options: options, cache: cache)
                case .failure(let error):
                    return failed(path, several ? block.name : nil, String(describing: error))
                }
            }
        } catch {
            return [failed(path, nil, String(describing: error))]
        }
    }

    /// `paths` with every directory replaced by the regular files under it (recursively, sorted,
    /// hidden entries skipped).
    public static func expand(_ paths: [String]) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
                  let enumerator = FileManager.default.enumerator(atPath: path) else {
                files.append(path)
                continue
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
                let full = (path as NSString).appendingPathComponent(relative)
                var nested: ObjCBool = false
                if FileManager.default.fileExists(atPath: full, isDirectory: &nested), !nested.boolValue { found.append(full) }
            }
            files += found.sorted()
        }
        return files
    }

    static func failed(_ path: String, _ block: String?, _ message: String) -> StructureReport {
        StructureReport(file: path, block: block, status: "failed", error: message, warnings: [])
    }

    /// Why `structure` is too large for symmetry analysis, or `nil`.
    static func tooLarge(_ structure: Structure, _ reading: CIFReadOptions) -> String? {
        guard structure.siteCount > reading.maxAtoms else { return nil }
        return "\(structure.siteCount) sites, more than the limit of \(reading.maxAtoms) (--max-atoms); symmetry analysis not attempted"
    }

    static func report(_ path: String, _ block: String?, _ structure: Structure, warnings: [String],
                       options: SymmetryOptions, cache: SymmetryCache?) -> StructureReport {
        var report = StructureReport(file: path, block: block, status: "ok", error: nil, warnings: warnings)
        report.formula = structure.composition.formula
        report.reducedFormula = structure.composition.reducedFormula
        report.sites = structure.siteCount
        report.lattice = structure.lattice.parameters
        report.volume = structure.volume
        report.ordered = structure.isOrdered
        guard structure.isOrdered else {
            report.symmetryNote = "disordered sites: no space group or protostructure label"
            return report
        }
        let symmetry = cache?.symmetry(of: structure, options: options)
            ?? StructureSymmetry(structure: structure, options: options)
        switch symmetry.spaceGroup {
        case .success(let group):
            report.spaceGroupNumber = group.number
            report.spaceGroupSymbol = group.symbol
            report.wyckoffLetters = group.wyckoffLetters
        case .failure(let error):
            report.symmetryNote = String(describing: error)
            return report
        }
        switch symmetry.label {
        case .success(let label): report.protostructure = label.description
        case .failure(let error): report.symmetryNote = "no protostructure label: \(error)"
        }
        return report
    }

    init(file: String, block: String?, status: String, error: String?, warnings: [String]) {
        self.file = file
        self.block = block
        self.status = status
        self.error = error
        self.warnings = warnings
    }
}
