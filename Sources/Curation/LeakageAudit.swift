/// Overlap between two record sets, by canonical composition and by chemical system.
///
/// A composition in both sets is direct leakage; a shared chemical system is the weaker,
/// "same family" overlap that chemical-system holdout splits are meant to remove.
public struct LeakageReport: Sendable, Codable, Equatable {
    /// One side's counts.
    public struct Side: Sendable, Codable, Equatable {
        public var name: String
        public var records: Int
        public var compositions: Int
        public var chemicalSystems: Int
        /// Records of this side whose composition is also in the other side.
        public var recordsWithSharedComposition: Int
        /// Records of this side whose chemical system is also in the other side.
        public var recordsWithSharedChemicalSystem: Int

        /// One side's counts.
        public init(name: String, records: Int, compositions: Int, chemicalSystems: Int, recordsWithSharedComposition: Int,
                    recordsWithSharedChemicalSystem: Int) {
            self.name = name
            self.records = records
            self.compositions = compositions
            self.chemicalSystems = chemicalSystems
            self.recordsWithSharedComposition = recordsWithSharedComposition
            self.recordsWithSharedChemicalSystem = recordsWithSharedChemicalSystem
        }

        enum CodingKeys: String, CodingKey {
            case name, records, compositions
            case chemicalSystems = "chemical_systems"
            case recordsWithSharedComposition = "records_with_shared_composition"
            case recordsWithSharedChemicalSystem = "records_with_shared_chemical_system"
        }
    }

    public var a: Side
    public var b: Side
    /// Compositions (canonical keys) in both sets.
    public var sharedCompositions: Int
    /// Chemical systems in both sets.
    public var sharedChemicalSystems: Int
    /// Up to `exampleLimit` shared compositions, sorted.
    public var sharedCompositionExamples: [String]
    /// Protostructure labels in both sets (same composition and same structure type); nil when
    /// the records carry no labels.
    public var sharedProtostructures: Int?
    /// Prototypes (the label without its chemical system) in both sets: the same structure type
    /// with other elements, the weaker overlap a protostructure holdout removes; nil without labels.
    public var sharedPrototypes: Int?

    /// A report from its counts (a streaming release counts in SQLite).
    public init(a: Side, b: Side, sharedCompositions: Int, sharedChemicalSystems: Int, sharedCompositionExamples: [String],
                sharedProtostructures: Int?, sharedPrototypes: Int?) {
        self.a = a
        self.b = b
        self.sharedCompositions = sharedCompositions
        self.sharedChemicalSystems = sharedChemicalSystems
        self.sharedCompositionExamples = sharedCompositionExamples
        self.sharedProtostructures = sharedProtostructures
        self.sharedPrototypes = sharedPrototypes
    }

    enum CodingKeys: String, CodingKey {
        case a, b
        case sharedCompositions = "shared_compositions", sharedChemicalSystems = "shared_chemical_systems"
        case sharedCompositionExamples = "shared_composition_examples"
        case sharedProtostructures = "shared_protostructures", sharedPrototypes = "shared_prototypes"
    }
}

/// One record as the audit sees it.
public struct LeakageRecord: Sendable, Equatable {
    public var canonicalKey: String
    public var chemicalSystem: String
    /// Canonical protostructure label (`AB2_oP6_58_a_g:Mg-O`), when the record has a structure.
    public var protostructure: String?
    public init(canonicalKey: String, chemicalSystem: String, protostructure: String? = nil) {
        self.canonicalKey = canonicalKey
        self.chemicalSystem = chemicalSystem
        self.protostructure = protostructure
    }
}

/// Computes `LeakageReport`s.
public enum LeakageAudit {
    /// Audits `a` against `b`.
    public static func audit(a: (name: String, records: [LeakageRecord]), b: (name: String, records: [LeakageRecord]),
                             exampleLimit: Int = 20) -> LeakageReport {
        let keysA = Set(a.records.map(\.canonicalKey)), keysB = Set(b.records.map(\.canonicalKey))
        let systemsA = Set(a.records.map(\.chemicalSystem)), systemsB = Set(b.records.map(\.chemicalSystem))
        let sharedKeys = keysA.intersection(keysB)
        let sharedSystems = systemsA.intersection(systemsB)
        func side(_ name: String, _ records: [LeakageRecord], _ keys: Set<String>, _ systems: Set<String>) -> LeakageReport.Side {
            LeakageReport.Side(name: name, records: records.count, compositions: keys.count, chemicalSystems: systems.count,
                               recordsWithSharedComposition: records.filter { sharedKeys.contains($0.canonicalKey) }.count,
                               recordsWithSharedChemicalSystem: records.filter { sharedSystems.contains($0.chemicalSystem) }.count)
        }
        let labelsA = Set(a.records.compactMap(\.protostructure)), labelsB = Set(b.records.compactMap(\.protostructure))
        let labelled = !labelsA.isEmpty || !labelsB.isEmpty
        func prototypes(_ labels: Set<String>) -> Set<String> { Set(labels.map { String($0.split(separator: ":").first ?? "") }) }
        return LeakageReport(a: side(a.name, a.records, keysA, systemsA), b: side(b.name, b.records, keysB, systemsB),
                             sharedCompositions: sharedKeys.count, sharedChemicalSystems: sharedSystems.count,
                             sharedCompositionExamples: Array(sharedKeys.sorted().prefix(exampleLimit)),
                             sharedProtostructures: labelled ? labelsA.intersection(labelsB).count : nil,
                             sharedPrototypes: labelled ? prototypes(labelsA).intersection(prototypes(labelsB)).count : nil)
    }
}
