import Foundation

/// What the review queue reads from the manifest beside a release's records: the property and
/// the curation's `value_range` rule. A planted copy (`curate flags plant`) keeps the release's
/// manifest as `origin-manifest.json`, since its hashes no longer match the corrupted records.
struct ReleaseManifestRules: Sendable, Equatable {
    /// The curated property (`curation_spec.property`).
    var property: String?
    /// The `value_range` rule's bounds, when the curation has one with both.
    var valueRange: ClosedRange<Double>?

    /// The file name a planted copy gives the release's manifest.
    static let originName = "origin-manifest.json"

    /// Reads `manifest.json`, else `origin-manifest.json`, beside `recordsPath`; empty when neither reads.
    init(recordsPath: String) {
        let directory = (recordsPath as NSString).deletingLastPathComponent
        let object = ["manifest.json", Self.originName].lazy.compactMap { name -> [String: Any]? in
            guard let data = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(name)) else { return nil }
            return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        }.first
        let curation = object?["curation_spec"] as? [String: Any]
        property = curation?["property"] as? String
        let rules = curation?["rules"] as? [[String: Any]] ?? []
        valueRange = rules.first { $0["rule"] as? String == "value_range" }.flatMap { rule -> ClosedRange<Double>? in
            guard let low = (rule["min"] as? NSNumber)?.doubleValue, let high = (rule["max"] as? NSNumber)?.doubleValue, low <= high else {
                return nil
            }
            return low...high
        }
    }
}
