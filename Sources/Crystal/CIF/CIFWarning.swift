/// A quirk the CIF reader met and repaired or worked around. Every parse returns its warnings.
public struct CIFWarning: Sendable, Hashable, CustomStringConvertible {
    /// What kind of quirk.
    public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
        /// A UTF-8 byte-order mark at the start of the file (skipped).
        case byteOrderMark
        /// Text before the first `data_` block, e.g. an ICSD copyright line (skipped).
        case leadingText
        /// Items before any `data_` header (read into an unnamed block).
        case missingDataHeader
        /// A CIF 2.0 triple-quoted string in a CIF 1.1 file (read as one value).
        case tripleQuotedString
        /// A tag given twice in one block (the first value is kept).
        case duplicateTag
        /// A number written with a trailing or embedded quirk (e.g. `1.`) read leniently.
        case lenientNumber
        /// The species of a site was inferred from its label (`Fe1` → Fe).
        case speciesFromLabel
        /// Deuterium or tritium read as hydrogen.
        case isotopeAsHydrogen
        /// An occupancy of `?` or `.` read as 1.
        case missingOccupancy
        /// A species with zero occupancy was dropped.
        case zeroOccupancyDropped
        /// A dummy or unknown atom type was dropped (e.g. `Q`, `X`, `Du`).
        case dummyAtomDropped
        /// Site occupancies slightly above 1 were scaled down to sum to 1.
        case occupancyNormalised
        /// Symmetry-distinct atoms landed on the same position and were merged into one site.
        case sitesMerged
        /// No symmetry operators were given; the space-group symbol was not expanded and only
        /// the identity was applied, so the structure may be just the asymmetric unit.
        case identityOnlySymmetry
        /// No symmetry operators were given; they were generated from the space-group symbol
        /// through spglib's database (the message names the setting chosen).
        case symmetryFromSymbol
        /// No symmetry operators and no space-group symbol: P1 (identity) assumed.
        case noSymmetryAssumedP1
        /// `_chemical_formula_sum` disagrees with the composition of the expanded cell.
        case formulaMismatch
        /// `_chemical_formula_sum` could not be parsed.
        case formulaUnreadable
        /// A block without atom sites was kept in the document but yields no structure.
        case blockWithoutStructure
    }

    /// What kind of quirk.
    public let code: Code
    /// 1-based line in the file, when known.
    public let line: Int?
    /// The tag concerned, when there is one.
    public let tag: String?
    /// Human-readable detail.
    public let message: String

    /// Creates a warning.
    public init(_ code: Code, line: Int? = nil, tag: String? = nil, _ message: String) {
        self.code = code
        self.line = line
        self.tag = tag
        self.message = message
    }

    public var description: String {
        var parts: [String] = []
        if let line { parts.append("line \(line)") }
        if let tag { parts.append(tag) }
        parts.append("\(code.rawValue): \(message)")
        return parts.joined(separator: ": ")
    }
}
