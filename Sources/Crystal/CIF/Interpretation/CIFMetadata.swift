import Foundation

/// Bibliographic and database facts kept from a CIF block.
public struct CIFMetadata: Sendable, Hashable {
    /// `_database_code_ICSD`.
    public var icsdCode: Int?
    /// `_cod_database_code`.
    public var codCode: Int?
    /// `_chemical_formula_sum` as written (e.g. `Fe2 O3`).
    public var formulaSum: String?
    /// `_cell_formula_units_Z`.
    public var formulaUnitsZ: Int?
    /// `_journal_year`, else the first `_citation_year`.
    public var journalYear: Int?
    /// Hermann–Mauguin symbol as written (`_space_group_name_H-M_alt`, `_symmetry_space_group_name_H-M`, …).
    public var spaceGroupHM: String?
    /// Hall symbol as written.
    public var spaceGroupHall: String?
    /// `_space_group_IT_number` / `_symmetry_Int_Tables_number`.
    public var spaceGroupNumber: Int?

    /// Empty metadata.
    public init() {}

    static func read(_ block: CIFBlock) -> CIFMetadata {
        var m = CIFMetadata()
        func text(_ tags: [String]) -> String? {
            for tag in tags {
                if let value = block.values(tag)?.first, !value.isMissing {
                    let trimmed = value.text.trimmingCharacters(in: .whitespacesAndNewlines)
                    if !trimmed.isEmpty { return trimmed }
                }
            }
            return nil
        }
        func integer(_ tags: [String]) -> Int? {
            guard let t = text(tags), let n = CIFNumber(t), n.value == n.value.rounded(), abs(n.value) < 1e15 else { return nil }
            return Int(n.value)
        }
        m.icsdCode = integer(["_database_code_icsd"])
        m.codCode = integer(["_cod_database_code"])
        m.formulaSum = text(["_chemical_formula_sum"])
        m.formulaUnitsZ = integer(["_cell_formula_units_z"])
        m.journalYear = integer(["_journal_year", "_citation_year"])
        m.spaceGroupHM = text(["_space_group_name_h-m_alt", "_symmetry_space_group_name_h-m",
                               "_space_group.name_h-m_alt", "_space_group_name_h-m_ref", "_symmetry.space_group_name_h-m"])
        m.spaceGroupHall = text(["_space_group_name_hall", "_symmetry_space_group_name_hall", "_space_group.name_hall"])
        m.spaceGroupNumber = integer(["_space_group_it_number", "_symmetry_int_tables_number", "_space_group.it_number"])
        return m
    }

    /// True when the symbol or number says P1 (nothing to expand).
    var isP1: Bool {
        if let n = spaceGroupNumber { return n == 1 }
        if let hm = spaceGroupHM { return hm.filter { !$0.isWhitespace && $0 != "_" }.uppercased() == "P1" }
        if let hall = spaceGroupHall { return hall.filter { !$0.isWhitespace }.uppercased() == "P1" }
        return false
    }

    /// True when some space-group symbol or number is given.
    var hasSpaceGroup: Bool { spaceGroupHM != nil || spaceGroupHall != nil || spaceGroupNumber != nil }
}
