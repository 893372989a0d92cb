import Chemistry
import Foundation
import XCTest
@testable import Datasets

/// Paths of the repository and of `../shared/data`; tests that need shared data fail loudly
/// when it is missing.
enum Paths {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let datasets = repository.appendingPathComponent("datasets").path
    static let sharedData = repository.deletingLastPathComponent().appendingPathComponent("shared/data")

    static func shared(_ relative: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let url = sharedData.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            XCTFail("missing shared data \(url.path): these tests need ../shared/data beside the repository", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        return url.path
    }

    /// A fresh temporary directory.
    static func temporary() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("curate-datasets-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// Synthetic records for split tests.
enum SyntheticRecords {
    /// A record for `formula` with `target`.
    static func record(_ formula: String, target: Double = 0) throws -> DatasetRecord {
        let composition = try Composition(formula: formula)
        let key = composition.canonicalKey()
        return DatasetRecord(id: RecordIdentity.id(canonicalKey: key), composition: composition.reducedFormula, canonicalKey: key,
                             chemicalSystem: composition.chemicalSystem, prototype: composition.formulaPrototype,
                             elements: composition.chemicalSystem.split(separator: "-").map(String.init), target: target,
                             qualifier: "exact", measurements: 1, spread: nil, flagged: false, sources: ["synthetic"],
                             provenance: ["synthetic:\(formula)"], entryIds: [], split: "", innerFold: nil, attributeValues: nil)
    }

    /// Binary and ternary compositions over a fixed element list: A_x B_y (C_z), distinct keys,
    /// targets a deterministic function of the composition.
    static func many(_ count: Int) throws -> [DatasetRecord] {
        let elements = ["Li", "Na", "K", "Mg", "Ca", "Sr", "Ba", "Ti", "Zr", "Fe", "Co", "Ni", "Cu", "Zn", "Al", "Ga", "Si", "Sn", "O", "S", "N", "F", "Cl"]
        var records: [DatasetRecord] = []
        var seen = Set<String>()
        var n = 0
        while records.count < count {
            n += 1
            let a = elements[n % elements.count], b = elements[(n / elements.count) % elements.count]
            let c = elements[(n / (elements.count * elements.count)) % elements.count]
            let formula = "\(a)\(1 + n % 3)\(b)\(1 + n % 5)" + (n % 2 == 0 ? "\(c)\(1 + n % 7)" : "")
            guard let record = try? record(formula, target: Double(n % 97) / 10), seen.insert(record.canonicalKey).inserted else { continue }
            records.append(record)
        }
        return records.sorted { $0.canonicalKey < $1.canonicalKey }
    }
}
