import Curation

/// `manifest.json` of a release (schema: `schemas/release-manifest.schema.json`). Everything in
/// it is derived from the spec, the store and the files, so a rebuild reproduces it byte for byte.
public struct ReleaseManifest: Sendable, Codable, Equatable {
    /// Manifest format.
    public var format: String
    public var name: String
    public var version: String
    public var description: String
    /// The tool that built the release.
    public var tool: Tool
    /// The dataset spec as written, and the sha256 of its canonical JSON.
    public var datasetSpec: DatasetSpec
    public var datasetSpecSHA256: String
    /// The curation spec, the sha256 of its canonical JSON and the versions of its rules.
    public var curationSpec: CurationSpec
    public var curationSpecSHA256: String
    public var ruleVersions: [String: String]
    public var target: TargetSpec
    public var representation: String
    public var sources: [Source]
    public var store: Store
    /// Symmetry library and tolerances (recorded even where a composition dataset does not use them).
    public var symmetry: Symmetry
    public var funnel: [FunnelStep]
    public var split: Split
    /// Records released, and observations left out (by rule) on the way.
    public var records: Int
    public var excludedByRule: [String: Int]
    /// Every file of the release except this manifest.
    public var files: [File]
    /// Overlap between every pair of split labels.
    public var leakage: [LeakageReport]

    public struct Tool: Sendable, Codable, Equatable {
        public var name: String
        public var version: String
        public var releaseRules: String

        enum CodingKeys: String, CodingKey {
            case name, version
            case releaseRules = "release_rules"
        }
    }

    public struct Source: Sendable, Codable, Equatable {
        public var name: String
        public var kind: String
        /// Path of the file relative to the release directory (absolute if on another root).
        public var pathFromRelease: String
        public var fileSHA256: String
        public var fileBytes: Int
        public var parserVersion: String
        public var read: Int
        public var stored: Int
        public var duplicates: Int
        public var quarantined: Int

        enum CodingKeys: String, CodingKey {
            case name, kind, read, stored, duplicates, quarantined
            case pathFromRelease = "path_from_release", fileSHA256 = "file_sha256", fileBytes = "file_bytes"
            case parserVersion = "parser_version"
        }
    }

    public struct Store: Sendable, Codable, Equatable {
        /// `fresh` (built from the source files alone) or `file` (a store given with `--store`).
        public var mode: String
        public var contentSHA256: String
        public var inputsSHA256: String
        public var inputObservations: Int

        enum CodingKeys: String, CodingKey {
            case mode
            case contentSHA256 = "content_sha256", inputsSHA256 = "inputs_sha256", inputObservations = "input_observations"
        }
    }

    public struct Symmetry: Sendable, Codable, Equatable {
        public var library: String
        public var version: String
        public var symprec: Double
        public var angleTolerance: Double?
        public var used: Bool

        enum CodingKeys: String, CodingKey {
            case library, version, symprec, used
            case angleTolerance = "angle_tolerance"
        }
    }

    public struct Split: Sendable, Codable, Equatable {
        public var strategy: String
        public var seed: UInt64
        public var counts: [String: Int]
        public var notes: [String: String]
    }

    public struct File: Sendable, Codable, Equatable {
        public var path: String
        public var sha256: String
        public var bytes: Int
        public var rows: Int
    }

    enum CodingKeys: String, CodingKey {
        case format, name, version, description, tool, target, representation, sources, store, symmetry, funnel, split
        case records, files, leakage
        case datasetSpec = "dataset_spec", datasetSpecSHA256 = "dataset_spec_sha256"
        case curationSpec = "curation_spec", curationSpecSHA256 = "curation_spec_sha256", ruleVersions = "rule_versions"
        case excludedByRule = "excluded_by_rule"
    }

    /// The manifest format this tool writes.
    public static let currentFormat = "curate-release/1"
}
