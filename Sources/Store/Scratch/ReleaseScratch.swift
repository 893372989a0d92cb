/// What a streaming release keeps on disk instead of in memory: the ledger lines to sort, the
/// input lines behind the inputs hash, and one audit row per record for the leakage counts.
/// Backed by a ``ScratchDatabase`` (an anonymous temporary SQLite file).
public final class ReleaseScratch {
    /// One line of a release ledger, as stored for sorting.
    public struct LedgerRow: Sendable, Equatable {
        public var source: String
        public var locator: String
        public var formulaAsWritten: String
        public var canonicalKey: String
        public var value: Double?
        public var qualifier: String
        public var rule: String
        public var ruleVersion: String
        public var reason: String

        public init(source: String, locator: String, formulaAsWritten: String, canonicalKey: String, value: Double?,
                    qualifier: String, rule: String, ruleVersion: String, reason: String) {
            self.source = source
            self.locator = locator
            self.formulaAsWritten = formulaAsWritten
            self.canonicalKey = canonicalKey
            self.value = value
            self.qualifier = qualifier
            self.rule = rule
            self.ruleVersion = ruleVersion
            self.reason = reason
        }
    }

    /// Overlap between two splits (see `LeakageReport`, which this fills).
    public struct Overlap: Sendable, Equatable {
        public var recordsA = 0, recordsB = 0
        public var compositionsA = 0, compositionsB = 0
        public var systemsA = 0, systemsB = 0
        public var sharedCompositionRecordsA = 0, sharedCompositionRecordsB = 0
        public var sharedSystemRecordsA = 0, sharedSystemRecordsB = 0
        public var sharedCompositions = 0
        public var sharedSystems = 0
        public var sharedCompositionExamples: [String] = []
        /// Nil when neither split has a protostructure label.
        public var sharedProtostructures: Int?
        public var sharedPrototypes: Int?
    }

    private let database: ScratchDatabase
    private let insertLedger: FastStatement
    private let insertLine: FastStatement
    private let insertAudit: FastStatement
    private var ledgerASCII = true
    private var linesASCII = true
    private var auditASCII = true
    private var reading = false

    /// A new, empty scratch.
    public init() throws {
        database = try ScratchDatabase()
        try database.execute("""
            CREATE TABLE ledger (source TEXT, locator TEXT, rule TEXT, category INTEGER, sequence INTEGER, formula TEXT,
                                 canonical_key TEXT, value REAL, qualifier TEXT, rule_version TEXT, reason TEXT);
            CREATE TABLE input_lines (line TEXT);
            CREATE TABLE audit (split TEXT, canonical_key TEXT, chemical_system TEXT, protostructure TEXT, prototype TEXT);
            BEGIN;
            """)
        insertLedger = try FastStatement(connection: database.connection, sql: "INSERT INTO ledger VALUES (?,?,?,?,?,?,?,?,?,?,?)")
        insertLine = try FastStatement(connection: database.connection, sql: "INSERT INTO input_lines VALUES (?)")
        insertAudit = try FastStatement(connection: database.connection, sql: "INSERT INTO audit VALUES (?,?,?,?,?)")
    }

    deinit {
        insertLedger.finalize()
        insertLine.finalize()
        insertAudit.finalize()
    }

    /// Adds a ledger line. Lines sort by source, locator and rule (Swift string order), then
    /// by `category` and `sequence`, which reproduce the order an in-memory build appends in.
    public func addLedger(_ row: LedgerRow, category: Int, sequence: Int) throws {
        ledgerASCII = ledgerASCII && row.source.utf8.allSatisfy { $0 < 0x80 } && row.locator.utf8.allSatisfy { $0 < 0x80 }
            && row.rule.utf8.allSatisfy { $0 < 0x80 }
        try insertLedger.run([.text(row.source), .text(row.locator), .text(row.rule), .int(category), .int(sequence),
                              .text(row.formulaAsWritten), .text(row.canonicalKey), FastValue(row.value), .text(row.qualifier),
                              .text(row.ruleVersion), .text(row.reason)])
    }

    /// Adds one line of the inputs hash.
    public func addInputLine(_ line: String) throws {
        linesASCII = linesASCII && line.utf8.allSatisfy { $0 < 0x80 }
        try insertLine.run([.text(line)])
    }

    /// Adds one released record as the leakage audit sees it.
    public func addAudit(split: String, canonicalKey: String, chemicalSystem: String, protostructure: String?, prototype: String?) throws {
        auditASCII = auditASCII && canonicalKey.utf8.allSatisfy { $0 < 0x80 }
        try insertAudit.run([.text(split), .text(canonicalKey), .text(chemicalSystem), FastValue(protostructure), FastValue(prototype)])
    }

    /// Every ledger line, sorted.
    public func forEachLedgerRow(_ body: (LedgerRow) throws -> Void) throws {
        try finishWriting()
        let collation = ledgerASCII ? "BINARY" : "swift"
        try database.query("""
            SELECT source, locator, formula, canonical_key, value, qualifier, rule, rule_version, reason FROM ledger
            ORDER BY source COLLATE \(collation), locator COLLATE \(collation), rule COLLATE \(collation), category, sequence
            """) { row in
            try body(LedgerRow(source: row.text(0), locator: row.text(1), formulaAsWritten: row.text(2), canonicalKey: row.text(3),
                               value: row.optionalDouble(4), qualifier: row.text(5), rule: row.text(6), ruleVersion: row.text(7),
                               reason: row.text(8)))
        }
    }

    /// Every input line, sorted (Swift string order).
    public func forEachInputLine(_ body: (String) throws -> Void) throws {
        try finishWriting()
        try database.query("SELECT line FROM input_lines ORDER BY line COLLATE \(linesASCII ? "BINARY" : "swift")") { try body($0.text(0)) }
    }

    /// The overlap of splits `a` and `b`, with up to `exampleLimit` shared compositions (sorted).
    public func overlap(_ a: String, _ b: String, exampleLimit: Int) throws -> Overlap {
        try finishWriting()
        var result = Overlap()
        try database.query("SELECT split, records, compositions, systems FROM split_sizes WHERE split IN (?1, ?2)", texts: [a, b]) { row in
            if row.text(0) == a {
                (result.recordsA, result.compositionsA, result.systemsA) = (row.int(1), row.int(2), row.int(3))
            } else {
                (result.recordsB, result.compositionsB, result.systemsB) = (row.int(1), row.int(2), row.int(3))
            }
        }
        /// Shared values of a grouped table, and the records behind them on each side.
        func shared(_ table: String, _ column: String) throws -> (values: Int, recordsA: Int, recordsB: Int) {
            var counts = (0, 0, 0)
            try database.query("""
                SELECT COUNT(*), COALESCE(SUM(x.n), 0), COALESCE(SUM(y.n), 0) FROM \(table) x
                JOIN \(table) y ON y.\(column) = x.\(column) AND y.split = ?2 WHERE x.split = ?1
                """, texts: [a, b]) { counts = ($0.int(0), $0.int(1), $0.int(2)) }
            return counts
        }
        (result.sharedCompositions, result.sharedCompositionRecordsA, result.sharedCompositionRecordsB) = try shared("split_keys", "canonical_key")
        (result.sharedSystems, result.sharedSystemRecordsA, result.sharedSystemRecordsB) = try shared("split_systems", "chemical_system")
        try database.query("""
            SELECT x.canonical_key FROM split_keys x JOIN split_keys y ON y.canonical_key = x.canonical_key AND y.split = ?2
            WHERE x.split = ?1 ORDER BY x.canonical_key COLLATE \(auditASCII ? "BINARY" : "swift") LIMIT \(max(0, exampleLimit))
            """, texts: [a, b]) { result.sharedCompositionExamples.append($0.text(0)) }
        let labelled = try database.integer("SELECT EXISTS (SELECT 1 FROM split_labels WHERE split IN (?1, ?2))", texts: [a, b]) == 1
        if labelled {
            result.sharedProtostructures = try shared("split_labels", "protostructure").values
            result.sharedPrototypes = try shared("split_prototypes", "prototype").values
        }
        return result
    }

    /// Commits the inserts and indexes the audit table, once, before the first read.
    private func finishWriting() throws {
        guard !reading else { return }
        reading = true
        // Each split's distinct values with their record counts, keyed for the pairwise joins.
        try database.execute("""
            COMMIT;
            CREATE TABLE split_keys AS SELECT split, canonical_key, COUNT(*) AS n FROM audit GROUP BY split, canonical_key;
            CREATE TABLE split_systems AS SELECT split, chemical_system, COUNT(*) AS n FROM audit GROUP BY split, chemical_system;
            CREATE TABLE split_labels AS SELECT split, protostructure, COUNT(*) AS n FROM audit
                WHERE protostructure IS NOT NULL GROUP BY split, protostructure;
            CREATE TABLE split_prototypes AS SELECT split, prototype, COUNT(*) AS n FROM audit
                WHERE prototype IS NOT NULL GROUP BY split, prototype;
            CREATE TABLE split_sizes AS SELECT k.split, k.records, k.compositions, s.systems
                FROM (SELECT split, SUM(n) AS records, COUNT(*) AS compositions FROM split_keys GROUP BY split) k
                JOIN (SELECT split, COUNT(*) AS systems FROM split_systems GROUP BY split) s ON s.split = k.split;
            CREATE INDEX split_keys_by_value ON split_keys (canonical_key, split);
            CREATE INDEX split_systems_by_value ON split_systems (chemical_system, split);
            CREATE INDEX split_labels_by_value ON split_labels (protostructure, split);
            CREATE INDEX split_prototypes_by_value ON split_prototypes (prototype, split);
            """)
    }
}
