/// What `curate cuprates` reports: the per-family table, the per-record estimates, the join.
public struct CuprateStudyResult: Sendable, Equatable, Codable {
    /// One row of the per-family table.
    public struct FamilyRow: Sendable, Equatable, Codable {
        public var family: String
        /// Distinct reference structures (one per parent structure) with an apical oxygen.
        public var structures: Int
        /// "fitted", or why there is no calibration.
        public var calibration: String
        public var alpha: Double?
        public var beta: Double?
        public var gamma: Double?
        public var alphaError: Double?
        public var betaError: Double?
        public var gammaError: Double?
        /// Leave-one-out root-mean-square and mean absolute errors of d_apical (Å).
        public var leaveOneOutRMSE: Double?
        public var leaveOneOutMAE: Double?
        /// SuperCon records of the family joined to a structure, and those with Tc > 0.
        public var records: Int
        public var superconducting: Int
        public var tcMin: Double?
        public var tcMax: Double?
        /// k-means clusters on (a*, c) and records kept (top 20 % by Tc per cluster).
        public var clusters: Int
        public var selected: Int
    }

    /// One SuperCon record with lattice parameters (its own or a joined structure's) and its estimates.
    public struct RecordRow: Sendable, Equatable, Codable {
        public var observationId: Int
        public var source: String
        public var formula: String
        /// Tc (K); nil for "not superconducting" records.
        public var tc: Double?
        public var family: String
        /// How the record found its structure: `file-name` (3DSC formula in the file name),
        /// `composition`, `cations` (same cations, oxygen within 0.1 per cation), or empty (none).
        public var join: String
        /// The joined structure's id, empty when none.
        public var structure: String
        /// Where a* and c come from: `supercon` (the record's own a and c) or `structure`.
        public var lattice: String
        public var aStar: Double
        public var c: Double
        /// d_apical from the family calibration (nil without one).
        public var apicalEstimated: Double?
        /// d_apical measured in the joined structure (nil in a T' structure).
        public var apicalInStructure: Double?
        /// a*/2, and the mean in-plane Cu–O distance measured in the joined structure.
        public var inPlaneEstimated: Double
        public var inPlaneInStructure: Double?
        public var cluster: Int?
        public var selected: Bool
    }

    /// How the SuperCon records met the structures.
    public struct JoinSummary: Sendable, Equatable, Codable {
        /// Records with Cu and O in the formula.
        public var cuprateRecords: Int
        public var joinedByFileName: Int
        public var joinedByComposition: Int
        /// Joined to a structure with the same cations and the nearest oxygen content.
        public var joinedByCations: Int
        /// Records with their own lattice parameters (used instead of the structure's).
        public var withReportedLattice: Int
        /// Records without lattice parameters whose only matching structures belong to another family.
        public var familyMismatch: Int
        public var unjoined: Int
        /// Up to 20 unjoined formulas, most frequent first.
        public var unjoinedExamples: [String]
    }

    /// What the structures gave.
    public struct StructureSummary: Sendable, Equatable, Codable {
        /// Structures read, and structure records skipped unread because they never mention Cu.
        public var read: Int
        public var skippedWithoutCopper: Int
        public var unreadable: Int
        /// Structures with CuO2 planes; those without any apical oxygen (T'-like).
        public var withPlanes: Int
        public var withoutApicalOxygen: Int
        /// Structures with a partially occupied counted oxygen site.
        public var partialOxygen: Int
    }

    public var families: [FamilyRow]
    public var records: [RecordRow]
    public var join: JoinSummary
    public var structures: StructureSummary
}
