import Chemistry
import Foundation
import Models

/// The review-queue signals of a property release (SuperCon Tc, formation energies, …): the
/// Roost ensemble's disagreement, the release's own value range, charge neutrality and the
/// curation's spread flag.
public enum PropertyQueueSignals {
    /// Signal names.
    public static let rangeRule = "rule:value_range"
    public static let chargeRule = "rule:charge_neutrality"
    public static let spreadFlag = "curation:spread"
    /// The model signal's name for `property`.
    public static func modelSignal(_ property: String) -> String { "model:\(property)" }

    /// One release record, as the queue reads it.
    public struct Record: Sendable, Equatable {
        public var id: String
        public var composition: String
        public var qualifier: String
        public var target: Double?
        public var split: String
        /// The curation marked the record's measurements as disagreeing (`flagged`).
        public var spreadFlagged: Bool
    }

    /// Reads a property release's `records.jsonl`.
    public static func records(_ text: String, path: String) throws(ReviewError) -> [Record] {
        var records: [Record] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
                throw .invalidLine(path: path, line: index + 1, field: "(line)", reason: "not a JSON object")
            }
            guard let id = object["id"] as? String else { throw .invalidLine(path: path, line: index + 1, field: "id", reason: "missing") }
            guard let composition = object["composition"] as? String else {
                throw .invalidLine(path: path, line: index + 1, field: "composition", reason: "missing")
            }
            guard object["precursors"] == nil else {
                throw .invalidLine(path: path, line: index + 1, field: "precursors", reason: "a reaction record; this queue reads property releases")
            }
            records.append(Record(id: id, composition: composition, qualifier: object["qualifier"] as? String ?? "exact",
                                  target: (object["target"] as? NSNumber)?.doubleValue, split: object["split"] as? String ?? "",
                                  spreadFlagged: object["flagged"] as? Bool ?? false))
        }
        guard !records.isEmpty else { throw .empty(what: "\(path) holds no records") }
        return records
    }

    /// The signals over `records` with their `predictions` (same order; nil where the record
    /// could not be predicted). `range` is the release's `value_range` rule, when it has one.
    public static func signals(_ records: [Record], predictions: [EnsemblePrediction?], property: String,
                               range: ClosedRange<Double>?) throws(ReviewError) -> [ReviewQueue.Signal] {
        guard records.count == predictions.count else {
            throw .invalidArgument(name: "predictions", reason: "\(predictions.count) predictions for \(records.count) records")
        }
        var model = ReviewQueue.Signal(name: modelSignal(property), scores: [:])
        var rangeSignal = ReviewQueue.Signal(name: rangeRule, scores: [:])
        var charge = ReviewQueue.Signal(name: chargeRule, scores: [:])
        var spread = ReviewQueue.Signal(name: spreadFlag, scores: [:])
        for (record, prediction) in zip(records, predictions) {
            if let prediction, let bound = ObservedBound(qualifier: record.qualifier, value: record.target) {
                let z = bound.z(mean: prediction.mean, spread: prediction.totalStandardDeviation)
                model.scores[record.id] = z.isFinite ? z : .greatestFiniteMagnitude
                model.reasons[record.id] = String(format: "observed %.4g, predicted %.4g ± %.3g (z %.1f)", bound.value, prediction.mean,
                                                  prediction.totalStandardDeviation, z)
            }
            if let range, let value = record.target, !range.contains(value) {
                rangeSignal.scores[record.id] = 1
                rangeSignal.reasons[record.id] = "\(value) is outside the release's range \(range.lowerBound)…\(range.upperBound)"
            }
            if let composition = try? Composition(formula: record.composition),
               case .impossible(let low, let high) = ChargeNeutrality.check(composition) {
                charge.scores[record.id] = 1
                charge.reasons[record.id] = String(format: "no charge-neutral assignment of ICSD oxidation states: total charge %.3g…%.3g", low, high)
            }
            if record.spreadFlagged {
                spread.scores[record.id] = 1
                spread.reasons[record.id] = "the curation found its measurements disagree"
            }
        }
        return [model, rangeSignal, charge, spread]
    }
}
