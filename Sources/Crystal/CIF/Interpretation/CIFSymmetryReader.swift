/// Reads the symmetry operators of a block.
enum CIFSymmetryReader {
    /// Tags that list operators in xyz form, most modern first.
    static let operatorTags = [
        "_space_group_symop_operation_xyz", "_symmetry_equiv_pos_as_xyz",
        "_space_group_symop.operation_xyz", "_symmetry_equiv.pos_as_xyz",
    ]

    /// The operators (identity first if present), or an empty list when the block has none.
    static func operators(_ block: CIFBlock) throws(CIFError) -> [SymmetryOperation] {
        for tag in operatorTags {
            guard let values = block.values(tag) else { continue }
            var operations: [SymmetryOperation] = []
            for value in values where !value.isMissing {
                guard let operation = SymmetryOperation(xyz: value.text) else {
                    throw CIFError(.invalidSymmetryOperator(value.text), line: value.line, tag: tag)
                }
                if !operations.contains(where: { $0.rotation == operation.rotation && $0.translation == operation.translation }) {
                    operations.append(operation)
                }
            }
            if !operations.isEmpty { return operations }
        }
        return []
    }
}
