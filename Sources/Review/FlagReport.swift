import Foundation
import Store

/// A flag as a chemist reads it: the record, where it comes from, what was observed and
/// predicted, how sure the model was, and the neighbours that support the flag.
public enum FlagReport {
    /// The readable, multi-line report of `flag`.
    public static func text(_ flag: FlagRecord) -> String {
        var lines: [String] = []
        let subject = flag.kind == .reaction ? "reaction \(flag.subjectKey)" : "observation \(flag.subjectKey)"
        lines.append("flag \(flag.id) [\(flag.status.rawValue)] \(flag.kind.rawValue): \(subject) — \(flag.subjectLabel)")
        let provenance = object(flag.provenanceJSON)
        if flag.kind == .reaction {
            lines.append("  DOI: \(string(provenance["doi"]).isEmpty ? "(none)" : "https://doi.org/" + string(provenance["doi"]))   split: \(string(provenance["split"]))")
            lines.append("  precursors: \(strings(provenance["precursors"]).joined(separator: " + "))")
            lines.append("  actions: \(strings(provenance["actions"]).joined(separator: " > "))")
            lines.append("  observed:  \(fractions(object(flag.observedJSON)))")
            if flag.predictedJSON != "{}" { lines.append("  predicted: \(fractions(object(flag.predictedJSON)))") }
        } else {
            lines.append("  source: \(string(provenance["source"])) \(string(provenance["locator"])), written \"\(string(provenance["formula_as_written"]))\"")
            if let metadata = provenance["metadata"] as? String, !metadata.isEmpty { lines.append("  metadata: \(metadata)") }
            let unit = string(provenance["unit"])
            lines.append("  \(string(provenance["property"])): observed \(flag.observedJSON) \(unit), predicted \(number(flag.predictedJSON)) \(unit)")
        }
        let evidence = object(flag.evidenceJSON)
        lines.append(String(format: "  score %.4f (%@), uncertainty %.4f", flag.score, string(evidence["formula"]), flag.uncertainty))
        if let findings = evidence["findings"] as? [[String: Any]] {
            for finding in findings {
                lines.append("  rule \(string(finding["rule"])): \(strings(finding["elements"]).joined(separator: " "))")
            }
        } else if flag.kind == .reaction {
            lines.append(String(format: "  error L1 %.3f (percentile %.2f), uncertainty percentile %.2f, mean neighbour similarity %.3f",
                                double(evidence["error"]), double(evidence["error_percentile"]),
                                double(evidence["uncertainty_percentile"]), double(evidence["mean_neighbour_similarity"])))
        }
        let neighbours = evidence["neighbours"] as? [[String: Any]] ?? []
        if !neighbours.isEmpty { lines.append("  nearest neighbours:") }
        for neighbour in neighbours {
            let similarity = String(format: "%.1f%%", double(neighbour["similarity"]) * 100)
            if flag.kind == .reaction {
                let doi = string(neighbour["doi"])
                lines.append("    \(similarity)  \(strings(neighbour["precursors"]).joined(separator: " + ")) → \(string(neighbour["composition"]))  [\(string(neighbour["id"]))\(doi.isEmpty ? "" : ", doi " + doi)]")
            } else {
                // Evidence is stored JSON: a missing or non-integral id prints "?" instead of trapping.
                let observation = Int(exactly: double(neighbour["observation_id"])).map(String.init) ?? "?"
                lines.append(String(format: "    %@  %@ observed %.4g predicted %.4g  [observation %@, %@ %@]", similarity,
                                    string(neighbour["formula"]), double(neighbour["observed"]), double(neighbour["predicted"]),
                                    observation, string(neighbour["source"]), string(neighbour["locator"])))
            }
        }
        lines.append("  produced by: model \(flag.producer.modelPath.isEmpty ? "(not given)" : flag.producer.modelPath)"
                     + (flag.producer.modelSHA256.isEmpty ? "" : " sha256 \(flag.producer.modelSHA256.prefix(16))…")
                     + (flag.producer.inputSHA256.isEmpty ? "" : ", input sha256 \(flag.producer.inputSHA256.prefix(16))…"))
        if let note = flag.decisionNote { lines.append("  decision: \(flag.status.rawValue) — \(note)") }
        return lines.joined(separator: "\n")
    }

    static func object(_ json: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])) as? [String: Any] ?? [:]
    }

    static func string(_ value: Any?) -> String { value as? String ?? "" }
    static func strings(_ value: Any?) -> [String] { value as? [String] ?? [] }
    static func double(_ value: Any?) -> Double { (value as? NSNumber)?.doubleValue ?? .nan }

    static func number(_ json: String) -> String {
        guard let value = (try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])) as? NSNumber else { return json }
        return String(format: "%.4g", value.doubleValue)
    }

    static func fractions(_ object: [String: Any]) -> String {
        object.keys.sorted().map { String(format: "%@ %.3f", $0, double(object[$0])) }.joined(separator: ", ")
    }
}
