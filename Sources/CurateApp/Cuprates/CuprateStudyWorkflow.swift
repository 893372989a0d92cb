import Chemistry
import Cuprates
import Foundation
import Store

/// `curate cuprates`: the cuprate structure–Tc study of thesis chapter 3 over a store that holds
/// SuperCon Tc records and cuprate structures (CIFs).
///
/// Structures with CuO2 planes are classified into the families of table 3.1 and give, one per
/// parent structure, the calibration points (c, a*, d_apical) of each family's Huber fit. Every
/// SuperCon record with Cu and O is joined to a structure of its family, first by the formula a
/// 3DSC-style file name carries, then by composition, then by the same cations with the nearest
/// oxygen content; its lattice parameters are its own when SuperCon reports them (MDR's a and
/// c columns), else those of that structure; its
/// apical distance from the family calibration. Within each family the records with Tc > 0 are
/// clustered by k-means on (a*, c) and the top 20 % by Tc of each cluster are selected.
public enum CuprateStudyWorkflow {
    /// What to study.
    public struct Request: Sendable, Equatable {
        public var storePath: String
        /// k-means clusters per family; nil: one per 10 records, between 1 and 8.
        public var clusters: Int?
        /// The k-means seed.
        public var seed: UInt64 = 0
        /// Where to write the per-record CSV, if anywhere.
        public var csvPath: String?
        /// Where to write the HTML page (table and Tc-vs-distance charts per family), if anywhere.
        public var htmlPath: String?

        public init(storePath: String, clusters: Int? = nil, seed: UInt64 = 0, csvPath: String? = nil, htmlPath: String? = nil) {
            self.htmlPath = htmlPath
            self.storePath = storePath
            self.clusters = clusters
            self.seed = seed
            self.csvPath = csvPath
        }
    }

    /// Runs the study; writes the CSV and the HTML page when asked.
    public static func run(_ request: Request) throws -> CuprateStudyResult {
        let store = try StoreOpening.open(request.storePath)
        let classifier = FamilyClassifier()
        let index = CuprateStructureIndex(records: try step { try store.structureRecords() }, classifier: classifier)
        let calibrations = calibrate(index)
        let inputs = try step { try store.curationInputs(property: "tc", sources: []) }
        var (records, join) = joinRecords(inputs, index: index, classifier: classifier, calibrations: calibrations)
        var families: [CuprateStudyResult.FamilyRow] = []
        for family in CuprateFamily.tableFamilies {
            let members = records.indices.filter { records[$0].family == family.rawValue }
            let superconducting = members.filter { (records[$0].tc ?? 0) > 0 }
            let k = request.clusters ?? TopTcSelection.defaultClusterCount(records: superconducting.count)
            let selection = TopTcSelection(points: superconducting.map { [records[$0].aStar, records[$0].c] },
                                           tc: superconducting.map { records[$0].tc ?? 0 }, k: k, seed: request.seed)
            for (position, record) in superconducting.enumerated() {
                records[record].cluster = selection.clusters[position]
                records[record].selected = selection.selected[position]
            }
            families.append(row(family, calibrations[family], members: members.map { records[$0] },
                                clusters: superconducting.isEmpty ? 0 : selection.clusterCount,
                                selected: selection.selected.filter { $0 }.count))
        }
        join.unjoinedExamples = Array(join.unjoinedExamples.prefix(20))
        let result = CuprateStudyResult(families: families, records: records, join: join, structures: index.summary)
        if let path = request.csvPath {
            try step("writing \(path)") { try csv(result.records).write(toFile: path, atomically: true, encoding: .utf8) }
        }
        if let path = request.htmlPath {
            try step("writing \(path)") { try CupratePage.html(result).write(toFile: path, atomically: true, encoding: .utf8) }
        }
        return result
    }

    /// One calibration per family, on one structure per parent (3DSC doped copies share their
    /// parent's coordinates and would count the same geometry many times).
    static func calibrate(_ index: CuprateStructureIndex) -> [CuprateFamily: ApicalCalibration] {
        var points: [CuprateFamily: [String: CalibrationPoint]] = [:]
        for entry in index.entries {
            guard entry.family != .other, let apical = entry.geometry.apicalDistance, let c = entry.c,
                  points[entry.family]?[entry.parent] == nil else { continue }
            points[entry.family, default: [:]][entry.parent] = CalibrationPoint(
                id: entry.parent, c: c, aStar: entry.geometry.aStar, apicalDistance: apical)
        }
        var calibrations: [CuprateFamily: ApicalCalibration] = [:]
        for family in CuprateFamily.tableFamilies {
            let found = (points[family] ?? [:]).values.sorted { $0.id < $1.id }
            calibrations[family] = ApicalCalibration(family: family, points: found)
        }
        return calibrations
    }

    /// Joins Tc records with Cu and O to structures.
    static func joinRecords(_ inputs: [CurationInput], index: CuprateStructureIndex, classifier: FamilyClassifier,
                            calibrations: [CuprateFamily: ApicalCalibration])
        -> ([CuprateStudyResult.RecordRow], CuprateStudyResult.JoinSummary) {
        var rows: [CuprateStudyResult.RecordRow] = []
        var join = CuprateStudyResult.JoinSummary(cuprateRecords: 0, joinedByFileName: 0, joinedByComposition: 0,
                                                  joinedByCations: 0, withReportedLattice: 0, familyMismatch: 0, unjoined: 0, unjoinedExamples: [])
        var misses: [String: Int] = [:]
        for input in inputs {
            guard let composition = (try? Composition(formula: input.reducedFormula)) ?? (try? Composition(formula: input.formulaAsWritten)),
                  let family = classifier.family(of: composition) else { continue }
            join.cuprateRecords += 1
            let matched = match(composition, family: family, in: index)
            let reported = reportedLattice(input.metadataJSON, family: family)
            switch matched?.how {
            case "file-name"?: join.joinedByFileName += 1
            case "composition"?: join.joinedByComposition += 1
            case "cations"?: join.joinedByCations += 1
            default: break
            }
            if reported != nil { join.withReportedLattice += 1 }
            let entry = matched.map { index.entries[$0.index] }
            guard let (aStar, c) = reported ?? entry.flatMap({ entry in entry.c.map { (entry.geometry.aStar, $0) } }) else {
                let key = CuprateStructureIndex.key(composition)
                if index.byFileFormula[key] != nil || index.byComposition[key] != nil {
                    join.familyMismatch += 1
                } else {
                    join.unjoined += 1
                    misses[input.formulaAsWritten, default: 0] += 1
                }
                continue
            }
            rows.append(.init(observationId: input.observationId, source: input.sourceName, formula: input.formulaAsWritten,
                              tc: input.value, family: family.rawValue, join: matched?.how ?? "", structure: entry?.id ?? "",
                              lattice: reported == nil ? "structure" : "supercon",
                              aStar: aStar, c: c, apicalEstimated: calibrations[family]?.apicalDistance(c: c, aStar: aStar),
                              apicalInStructure: entry?.geometry.apicalDistance,
                              inPlaneEstimated: InPlaneSetting.inPlaneDistance(aStar: aStar),
                              inPlaneInStructure: entry?.geometry.inPlaneDistance, cluster: nil, selected: false))
        }
        join.unjoinedExamples = misses.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
        return (rows, join)
    }

    /// a* and c (Å) from a record's own lattice parameters (MDR's `a` and `c` columns, kept as
    /// metadata by the SuperCon ingester): a* = a or a/√2 by the reported setting, c reduced to
    /// the family's repeat; nil when either is missing, not a positive number, or c does not fit.
    static func reportedLattice(_ metadataJSON: String?, family: CuprateFamily) -> (aStar: Double, c: Double)? {
        guard let data = metadataJSON?.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        let value = { (name: String) -> Double? in
            let found = object.first { $0.key.lowercased() == name }?.value
            let number = (found as? Double) ?? (found as? String).flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            return number.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        }
        guard let a = value("a"), let reportedC = value("c"), let c = family.repeatC(stackingPeriod: reportedC) else { return nil }
        return (InPlaneSetting.aStar(fromReported: a), c)
    }

    /// Largest difference in oxygen per cation for a join by cations (YBa2Cu3O6.9 finds
    /// YBa2Cu3O7: 0.017; YBa2Cu3O6 is 0.167 away from O7).
    static let oxygenPerCationTolerance = 0.1

    /// The structure of the same family for a composition: by the 3DSC file-name formula, else
    /// by composition, else by the same cations with the nearest oxygen content (within
    /// `oxygenPerCationTolerance`); ties go to the smallest id.
    static func match(_ composition: Composition, family: CuprateFamily,
                      in index: CuprateStructureIndex) -> (how: String, index: Int)? {
        let usable = { (i: Int) in index.entries[i].family == family && index.entries[i].c != nil }
        let smallestID = { (found: [Int]) in found.filter(usable).min { index.entries[$0].id < index.entries[$1].id } }
        let key = CuprateStructureIndex.key(composition)
        if let found = smallestID(index.byFileFormula[key] ?? []) { return ("file-name", found) }
        if let found = smallestID(index.byComposition[key] ?? []) { return ("composition", found) }
        guard let cations = CuprateStructureIndex.cations(composition) else { return nil }
        let near = (index.byCations[cations.key] ?? [])
            .filter { usable($0.index) && abs($0.oxygenPerCation - cations.oxygenPerCation) <= oxygenPerCationTolerance }
            .min { (abs($0.oxygenPerCation - cations.oxygenPerCation), index.entries[$0.index].id)
                < (abs($1.oxygenPerCation - cations.oxygenPerCation), index.entries[$1.index].id) }
        return near.map { ("cations", $0.index) }
    }

    static func row(_ family: CuprateFamily, _ calibration: ApicalCalibration?, members: [CuprateStudyResult.RecordRow],
                    clusters: Int, selected: Int) -> CuprateStudyResult.FamilyRow {
        let fit = calibration?.fit
        let tcs = members.compactMap(\.tc).filter { $0 > 0 }
        return .init(family: family.rawValue, structures: calibration?.points.count ?? 0,
                     calibration: calibration?.missingReason ?? "fitted",
                     alpha: fit?.coefficients[0], beta: fit?.coefficients[1], gamma: fit?.coefficients[2],
                     alphaError: fit?.standardErrors[0], betaError: fit?.standardErrors[1], gammaError: fit?.standardErrors[2],
                     leaveOneOutRMSE: calibration?.leaveOneOutRMSE, leaveOneOutMAE: calibration?.leaveOneOutMAE,
                     records: members.count, superconducting: tcs.count, tcMin: tcs.min(), tcMax: tcs.max(),
                     clusters: clusters, selected: selected)
    }

    /// The per-record CSV.
    public static func csv(_ records: [CuprateStudyResult.RecordRow]) -> String {
        func number(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "" }
        func quoted(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var lines = ["observation_id,source,formula,tc,family,join,structure,lattice,a_star,c,d_apical_estimated,d_apical_structure,d_inplane_estimated,d_inplane_structure,cluster,selected"]
        for r in records {
            lines.append([String(r.observationId), quoted(r.source), quoted(r.formula), number(r.tc), r.family, r.join,
                          quoted(r.structure), r.lattice, number(r.aStar), number(r.c), number(r.apicalEstimated), number(r.apicalInStructure),
                          number(r.inPlaneEstimated), number(r.inPlaneInStructure), r.cluster.map(String.init) ?? "",
                          r.selected ? "true" : "false"].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
