/// Why a CIF file, or one block of it, could not be read. Carries the file, the 1-based line and
/// the tag or field concerned where known.
public struct CIFError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reason, with its details.
    public enum Reason: Sendable, Hashable {
        // Tokenizer
        /// A `;` text field with no closing `;` line.
        case unterminatedTextField
        /// A quoted string with no closing quote on its line (or, for triple quotes, in the file).
        case unterminatedQuote
        // Document
        /// No `data_` block in the file.
        case noDataBlock
        /// A value with no tag before it.
        case valueWithoutTag(String)
        /// A tag followed directly by another tag, a keyword or the end of the file.
        case tagWithoutValue
        /// `loop_` with no tags.
        case emptyLoop
        /// A loop whose values do not fill whole rows.
        case loopCountMismatch(tags: Int, values: Int)
        /// A `data_` header with no name.
        case unnamedDataBlock
        // Interpretation
        /// A required tag is absent.
        case missingTag
        /// A value that should be a number is not.
        case invalidNumber(String)
        /// The cell parameters do not make a cell.
        case invalidLattice(LatticeError)
        /// The atom-site loop is absent or has no fractional coordinates.
        case noAtomSites
        /// A site whose coordinates are missing (`?`/`.`).
        case missingCoordinate(label: String)
        /// A site whose element cannot be determined from its type symbol or label.
        case unknownSpecies(String)
        /// A symmetry operator that cannot be parsed.
        case invalidSymmetryOperator(String)
        /// A site whose occupancies sum beyond 1 + `CIFReadOptions.occupancyTolerance`.
        case overfullSite(label: String, total: Double)
        /// Every site was dropped (all dummy atoms or zero occupancy).
        case noSitesLeft
        /// The structure could not be built from the sites.
        case invalidStructure(StructureError)
        // Limits
        /// The file is larger than `CIFReadOptions.maxFileBytes`, or is not a regular file.
        case fileTooLarge(reason: String)
        /// More sites listed, or produced by the symmetry expansion, than `CIFReadOptions.maxAtoms`.
        case tooManyAtoms(count: Int, limit: Int, expanded: Bool)
        /// A cell length outside (0, `CIFReadOptions.maxCellLength`] Å.
        case cellOutOfRange(name: String, value: Double, limit: Double)
    }

    /// The reason.
    public let reason: Reason
    /// The file, if the caller named one.
    public var file: String?
    /// 1-based line.
    public let line: Int?
    /// The tag or field concerned.
    public let tag: String?

    /// Creates an error.
    public init(_ reason: Reason, file: String? = nil, line: Int? = nil, tag: String? = nil) {
        self.reason = reason
        self.file = file
        self.line = line
        self.tag = tag
    }

    /// A short reason code, stable for quarantine ledgers.
    public var code: String {
        switch reason {
        case .unterminatedTextField: "unterminated-text-field"
        case .unterminatedQuote: "unterminated-quote"
        case .noDataBlock: "no-data-block"
        case .valueWithoutTag: "value-without-tag"
        case .tagWithoutValue: "tag-without-value"
        case .emptyLoop: "empty-loop"
        case .loopCountMismatch: "loop-count-mismatch"
        case .unnamedDataBlock: "unnamed-data-block"
        case .missingTag: "missing-tag"
        case .invalidNumber: "invalid-number"
        case .invalidLattice: "invalid-lattice"
        case .noAtomSites: "no-atom-sites"
        case .missingCoordinate: "missing-coordinate"
        case .unknownSpecies: "unknown-species"
        case .invalidSymmetryOperator: "invalid-symmetry-operator"
        case .overfullSite: "overfull-site"
        case .noSitesLeft: "no-sites-left"
        case .invalidStructure: "invalid-structure"
        case .fileTooLarge: "file-too-large"
        case .tooManyAtoms: "too-many-atoms"
        case .cellOutOfRange: "cell-out-of-range"
        }
    }

    /// Why, in words.
    public var message: String {
        switch reason {
        case .unterminatedTextField: "text field opened with ';' is never closed"
        case .unterminatedQuote: "quoted string is not closed"
        case .noDataBlock: "no data_ block"
        case .valueWithoutTag(let v): "value \"\(v)\" has no tag"
        case .tagWithoutValue: "tag has no value"
        case .emptyLoop: "loop_ has no tags"
        case .loopCountMismatch(let tags, let values): "loop has \(values) values, not a multiple of its \(tags) tags"
        case .unnamedDataBlock: "data_ block has no name"
        case .missingTag: "required tag is missing"
        case .invalidNumber(let v): "\"\(v)\" is not a number"
        case .invalidLattice(let e): e.description
        case .noAtomSites: "no atom sites with fractional coordinates"
        case .missingCoordinate(let label): "site \(label) has a missing coordinate"
        case .unknownSpecies(let s): "cannot determine an element from \"\(s)\""
        case .invalidSymmetryOperator(let s): "cannot parse symmetry operator \"\(s)\""
        case .overfullSite(let label, let total): "site \(label) has total occupancy \(total), more than 1"
        case .noSitesLeft: "no sites left after dropping dummy atoms and zero occupancies"
        case .invalidStructure(let e): e.description
        case .fileTooLarge(let reason): reason
        case .tooManyAtoms(let count, let limit, let expanded):
            expanded
                ? "the symmetry expansion produces more than \(limit) sites (--max-atoms \(limit)); stopped at \(count)"
                : "\(count) atom sites listed, more than the limit of \(limit) (--max-atoms \(limit))"
        case .cellOutOfRange(let name, let value, let limit):
            "cell length \(name) = \(value) Å is beyond the limit of \(limit) Å (--max-cell-length); not a crystal cell"
        }
    }

    public var description: String {
        var location = file ?? "<cif>"
        if let line { location += ":\(line)" }
        if let tag { return "\(location): \(tag): \(code): \(message)" }
        return "\(location): \(code): \(message)"
    }
}
