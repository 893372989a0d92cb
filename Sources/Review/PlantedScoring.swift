/// How well a flag ranking recovers planted errors: precision at the top k against the
/// corruption rate (the precision a random ranking would have).
public enum PlantedScoring {
    /// Precision at one cut-off.
    public struct Cut: Sendable, Equatable, Codable {
        /// What the cut-off is: `planted`, `1%` or `5%`.
        public var label: String
        public var k: Int
        public var hits: Int
        public var precision: Double
        /// precision ÷ corruption rate (1 = chance).
        public var lift: Double
        /// Share of the planted records found within the top k.
        public var recall: Double
    }

    /// The scoring of one ranking.
    public struct Report: Sendable, Equatable, Codable {
        /// Records ranked (those with an observed target).
        public var ranked: Int
        /// Planted records among them.
        public var planted: Int
        /// planted ÷ ranked: the expected precision of a random ranking.
        public var corruptionRate: Double
        public var cuts: [Cut]
        /// Planted records found in the top `planted`, by corruption kind: found / planted.
        public var byCorruption: [String: String]
        /// Clean records within the top `planted`, as a share of all clean records ranked.
        public var cleanFlagRate: Double
    }

    /// Scores the ranked ids (best first) against the answer key.
    public static func report(ranked: [String], key: [PlantedErrors.Plant]) throws(ReviewError) -> Report {
        let rankedSet = Set(ranked)
        let planted = key.filter { rankedSet.contains($0.id) }
        guard !planted.isEmpty else { throw .empty(what: "none of the planted records is among the ranked predictions") }
        let plantedIds = Set(planted.map(\.id))
        let rate = Double(plantedIds.count) / Double(ranked.count)
        var cuts: [Cut] = []
        for (label, k) in [("planted", plantedIds.count), ("1%", Int((Double(ranked.count) * 0.01).rounded())),
                           ("5%", Int((Double(ranked.count) * 0.05).rounded()))] where k > 0 {
            let hits = ranked.prefix(k).filter(plantedIds.contains).count
            let precision = Double(hits) / Double(k)
            cuts.append(Cut(label: label, k: k, hits: hits, precision: precision, lift: precision / rate,
                            recall: Double(hits) / Double(plantedIds.count)))
        }
        let top = Set(ranked.prefix(plantedIds.count))
        var byCorruption: [String: String] = [:]
        for kind in PlantedErrors.Corruption.allCases {
            let ofKind = planted.filter { $0.corruption == kind }
            guard !ofKind.isEmpty else { continue }
            byCorruption[kind.rawValue] = "\(ofKind.filter { top.contains($0.id) }.count)/\(ofKind.count)"
        }
        let clean = ranked.count - plantedIds.count
        let cleanInTop = top.subtracting(plantedIds).count
        return Report(ranked: ranked.count, planted: plantedIds.count, corruptionRate: rate, cuts: cuts, byCorruption: byCorruption,
                      cleanFlagRate: clean > 0 ? Double(cleanInTop) / Double(clean) : 0)
    }
}
