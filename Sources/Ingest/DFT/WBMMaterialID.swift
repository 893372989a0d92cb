/// A WBM material id and the substitution round it carries.
///
/// Accepted spellings: `wbm-<round>-<n>` (the widely used tables), `wbm-step-<round>-<n>` (early
/// matbench-discovery files) and the raw summary's zero-based `step_<round>_<i>` / `step_<round>-<i>`,
/// which maps to `wbm-<round>-<i + 1>` (the matbench-discovery convention). The round is 1–5.
struct WBMMaterialID: Sendable, Hashable {
    /// The normalised id, `wbm-<round>-<n>`.
    let id: String
    /// Substitution round, 1…5.
    let round: Int

    /// Why an id was refused.
    enum Problem: Error {
        /// Not one of the accepted spellings.
        case unparsable
        /// A round outside 1…5.
        case unknownRound(Int)
    }

    /// Parses `text`.
    static func parse(_ text: String) -> Result<WBMMaterialID, Problem> {
        let parts: [Substring]
        let offset: Int
        if text.hasPrefix("wbm-step-") {
            parts = text.dropFirst("wbm-step-".count).split(separator: "-", omittingEmptySubsequences: false)
            offset = 0
        } else if text.hasPrefix("wbm-") {
            parts = text.dropFirst("wbm-".count).split(separator: "-", omittingEmptySubsequences: false)
            offset = 0
        } else if text.hasPrefix("step_") {
            parts = text.dropFirst("step_".count).split(omittingEmptySubsequences: false) { $0 == "_" || $0 == "-" }
            offset = 1
        } else {
            return .failure(.unparsable)
        }
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let round = Int(parts[0]), let number = Int(parts[1]) else { return .failure(.unparsable) }
        guard (1...5).contains(round) else { return .failure(.unknownRound(round)) }
        return .success(WBMMaterialID(id: "wbm-\(round)-\(number + offset)", round: round))
    }
}
