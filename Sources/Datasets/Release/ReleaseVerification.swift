import Foundation

/// The result of rebuilding a release and comparing it with what is on disk.
public struct ReleaseVerification: Sendable, Codable, Equatable {
    public var directory: String
    public var name: String
    public var version: String
    /// Files whose bytes the rebuild reproduced.
    public var identical: [String]
    /// Files whose bytes differ.
    public var differing: [String]
    /// Files the rebuild produces that are not on disk.
    public var missing: [String]
    /// Files on disk the rebuild does not produce.
    public var unexpected: [String]
    /// Manifest fields that differ, with both values, when the manifest differs.
    public var manifestDifferences: [String]

    /// True when every file is byte-identical and nothing is missing or extra.
    public var verified: Bool { differing.isEmpty && missing.isEmpty && unexpected.isEmpty }

    enum CodingKeys: String, CodingKey {
        case directory, name, version, identical, differing, missing, unexpected, verified
        case manifestDifferences = "manifest_differences"
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(directory, forKey: .directory)
        try container.encode(name, forKey: .name)
        try container.encode(version, forKey: .version)
        try container.encode(verified, forKey: .verified)
        try container.encode(identical, forKey: .identical)
        try container.encode(differing, forKey: .differing)
        try container.encode(missing, forKey: .missing)
        try container.encode(unexpected, forKey: .unexpected)
        try container.encode(manifestDifferences, forKey: .manifestDifferences)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        directory = try container.decode(String.self, forKey: .directory)
        name = try container.decode(String.self, forKey: .name)
        version = try container.decode(String.self, forKey: .version)
        identical = try container.decode([String].self, forKey: .identical)
        differing = try container.decode([String].self, forKey: .differing)
        missing = try container.decode([String].self, forKey: .missing)
        unexpected = try container.decode([String].self, forKey: .unexpected)
        manifestDifferences = try container.decode([String].self, forKey: .manifestDifferences)
    }

    init(directory: String, name: String, version: String) {
        self.directory = directory
        self.name = name
        self.version = version
        identical = []
        differing = []
        missing = []
        unexpected = []
        manifestDifferences = []
    }

    /// Compares the files on disk with `rebuilt`.
    static func compare(directory: String, manifest: ReleaseManifest, rebuilt: ReleaseFiles) throws -> ReleaseVerification {
        var result = ReleaseVerification(directory: directory, name: manifest.name, version: manifest.version)
        let onDisk = Set(ReleaseReading.files(in: directory))
        let paths = rebuilt.paths
        for path in paths {
            guard onDisk.contains(path) else { result.missing.append(path); continue }
            let existing = (directory as NSString).appendingPathComponent(path)
            let same = if let staged = rebuilt.stagedPath(path) {
                FileComparison.sameBytes(existing, staged)
            } else {
                FileManager.default.contents(atPath: existing) == rebuilt.memory[path]
            }
            if same { result.identical.append(path) } else { result.differing.append(path) }
        }
        result.unexpected = onDisk.subtracting(paths).sorted()
        if result.differing.contains("manifest.json") {
            result.manifestDifferences = differences(manifest, rebuilt.manifest)
        }
        return result
    }

    /// Top-level manifest members that differ, rendered as `field: on disk → rebuilt`.
    static func differences(_ old: ReleaseManifest, _ new: ReleaseManifest) -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let oldData = try? encoder.encode(old), let newData = try? encoder.encode(new),
              let oldObject = (try? JSONSerialization.jsonObject(with: oldData)) as? [String: Any],
              let newObject = (try? JSONSerialization.jsonObject(with: newData)) as? [String: Any] else {
            return ["the manifests cannot be compared field by field"]
        }
        var lines: [String] = []
        for key in Set(oldObject.keys).union(newObject.keys).sorted() {
            let a = oldObject[key].flatMap { try? JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys, .fragmentsAllowed]) }
            let b = newObject[key].flatMap { try? JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys, .fragmentsAllowed]) }
            guard a != b else { continue }
            let render = { (data: Data?) in data.map { String(decoding: $0.prefix(200), as: UTF8.self) } ?? "absent" }
            lines.append("\(key): \(render(a)) → \(render(b))")
        }
        if lines.isEmpty { lines.append("same fields, different bytes (formatting)") }
        return lines
    }
}
