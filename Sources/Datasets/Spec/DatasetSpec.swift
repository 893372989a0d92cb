import Foundation
import Ingest

/// A dataset spec: where the records come from, how they are curated, what the target is and
/// how the records are split. Everything a release needs to rebuild byte for byte, apart from
/// the raw files themselves, is here. Specs live in `datasets/*.dataset.json`; their schema is
/// `schemas/dataset-spec.schema.json`.
public struct DatasetSpec: Sendable, Codable, Equatable {
    /// Dataset name, e.g. `supercon-tc`; releases go to `<name>/<version>/`.
    public var name: String
    /// One or two sentences for people reading the manifest.
    public var description: String
    /// Raw inputs, ingested (if the store does not have them yet) before curation.
    public var sources: [SourceSpec]
    /// Path of the curation spec, relative to this spec's file.
    public var curation: String
    /// Target property and how censored labels become numbers (or are left out).
    public var target: TargetSpec
    /// Input representation the records are meant for: `composition`, `wyckoff` (one record per
    /// polymorph, with its canonical protostructure label: the curation spec must use the
    /// `protostructure` tier), `reaction`; `structure` (coordinates) is not released yet.
    public var representation: String
    /// Split strategy and its parameters.
    public var split: SplitStrategy
    /// Seed of every random choice in the split.
    public var seed: UInt64
    /// Reaction datasets: which reactions to keep (default: the thesis' appendix A.2 filters).
    public var reactions: ReactionFilterSpec?
    /// Structures attached to value observations by entry id (`structure_join`), e.g. CIFs to
    /// a table of energies, so a `wyckoff` dataset can be built from values that come without
    /// structures.
    public var structureJoin: StructureJoinSpec?
    /// Export formats written besides the CSV and JSON files every release has, from
    /// ``optionalExports``: `parquet` (`exports/parquet/<split>.parquet`) and `card` (`README.md`,
    /// a Hugging Face dataset card, and `croissant.json`, a Croissant 1.0 description of the
    /// per-split CSVs). Absent in specs written before they existed, so their canonical JSON,
    /// hash and releases are unchanged.
    public var exports: [String]?

    enum CodingKeys: String, CodingKey {
        case name, description, sources, curation, target, representation, split, seed, reactions, exports
        case structureJoin = "structure_join"
    }

    /// Export formats a spec may ask for in `exports`.
    public static let optionalExports: Set<String> = ["card", "parquet"]

    /// Whether the spec asks for the optional export `format`.
    public func wantsExport(_ format: String) -> Bool { exports?.contains(format) ?? false }

    /// Representations `curate release` can build.
    public static let buildableRepresentations: Set<String> = ["composition", "wyckoff", "reaction"]

    /// Split strategies a reaction dataset supports (they group by reaction or by target).
    public static let reactionStrategies: Set<String> = ["random", "grouped", "kfold"]

    /// Reads and validates a spec; every error names the file and the field.
    public static func load(path: String) throws -> DatasetSpec {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DatasetError.spec(path: path, message: "cannot read the file")
        }
        let spec = try decode(data, path: path)
        try spec.validate(path: path)
        return spec
    }

    /// Decodes a spec from JSON bytes (`path` names it in errors).
    public static func decode(_ data: Data, path: String) throws -> DatasetSpec {
        do {
            return try JSONDecoder().decode(DatasetSpec.self, from: data)
        } catch let error as SplitStrategyError {
            throw DatasetError.spec(path: path, message: error.description)
        } catch let DecodingError.keyNotFound(key, context) {
            throw DatasetError.spec(path: path, message: "missing key \"\(key.stringValue)\" at \(DecodingPath.describe(context.codingPath))")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw DatasetError.spec(path: path, message: "\(context.debugDescription) at \(DecodingPath.describe(context.codingPath))")
        } catch let DecodingError.dataCorrupted(context) {
            throw DatasetError.spec(path: path, message: "not valid JSON: \(context.debugDescription) at \(DecodingPath.describe(context.codingPath))")
        } catch {
            throw DatasetError.spec(path: path, message: String(describing: error))
        }
    }

    /// Canonical JSON (sorted keys): what the manifest embeds and hashes.
    public func canonicalJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Checks what decoding cannot: names, representation, non-empty sources, split parameters.
    public func validate(path: String) throws {
        func fail(_ message: String) -> DatasetError { .spec(path: path, message: message) }
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else {
            throw fail("name must be non-empty letters, digits, '-', '_' or '.', not \"\(name)\"")
        }
        guard !sources.isEmpty else { throw fail("sources: at least one source is needed") }
        for (index, source) in sources.enumerated() {
            do { _ = try SourceRegistry.ingester(for: source.kind) } catch { throw fail("sources[\(index)].kind: \(error)") }
        }
        guard Self.buildableRepresentations.contains(representation) else {
            throw fail("representation \"\(representation)\" cannot be released yet; buildable: \(Self.buildableRepresentations.sorted().joined(separator: ", "))")
        }
        do { try split.validate() } catch { throw fail(error.description) }
        if representation == "reaction" {
            guard Self.reactionStrategies.contains(split.name) else {
                throw fail("split: a reaction dataset splits with \(Self.reactionStrategies.sorted().joined(separator: ", ")), not \(split.name)")
            }
            guard sources.allSatisfy({ $0.kind == "synthesis" }) else { throw fail("sources: a reaction dataset reads synthesis sources") }
        } else if let index = sources.firstIndex(where: { $0.kind == "synthesis" }) {
            throw fail("sources[\(index)]: synthesis sources need representation \"reaction\"")
        }
        if let join = structureJoin {
            guard representation != "reaction" else { throw fail("structure_join: a reaction dataset has no structures to join") }
            guard !join.sources.isEmpty else { throw fail("structure_join.sources: name at least one structure source") }
            let names = Set(sources.map(\.storeName))
            for (index, name) in join.sources.enumerated() where !names.contains(name) {
                throw fail("structure_join.sources[\(index)]: \"\(name)\" is not one of the spec's sources (\(names.sorted().joined(separator: ", ")))")
            }
            guard !join.keyField.isEmpty else { throw fail("structure_join.key must not be empty") }
        }
        for (index, format) in (exports ?? []).enumerated() {
            guard Self.optionalExports.contains(format) else {
                throw fail("exports[\(index)]: \"\(format)\" is not an optional export; known: \(Self.optionalExports.sorted().joined(separator: ", ")) (CSV and JSON exports are always written)")
            }
            guard exports?.firstIndex(of: format) == index else { throw fail("exports[\(index)]: \"\(format)\" is listed twice") }
            if format == "card", representation == "reaction" {
                throw fail("exports[\(index)]: \"card\" describes the per-split CSV exports (exports/roost, exports/wren), which a reaction dataset does not have")
            }
        }
    }
}

/// One raw input of a dataset.
public struct SourceSpec: Sendable, Codable, Equatable {
    /// Source kind, looked up in ``SourceRegistry``: `supercon`, `oqmd`, `mp` (CSV or JSON),
    /// `table`, `synthesis`, `wbm`, `optimade` or `cif` (a file or a folder).
    public var kind: String
    /// File path, relative to the dataset spec's file (or absolute).
    public var path: String
    /// Source name in the store (default: the file name without its extensions).
    public var name: String?
    /// Property name for `table` sources whose header does not say.
    public var property: String?
    /// Unit for `table` sources.
    public var unit: String?
    /// Value column for table-like sources with several numeric columns.
    public var valueColumn: String?

    enum CodingKeys: String, CodingKey {
        case kind, path, name, property, unit
        case valueColumn = "value_column"
    }

    /// The ingester of this source's kind (``SourceRegistry``), or an error naming the known kinds.
    public func ingester() throws(DatasetError) -> any SourceIngester {
        do { return try SourceRegistry.ingester(for: kind) } catch {
            throw .source(name: storeName, message: "kind: \(error)")
        }
    }

    /// What the spec says about the values (`property`, `unit`, `value_column`).
    public var parameters: SourceParameters {
        SourceParameters(property: property, unit: unit, valueColumn: valueColumn)
    }

    /// The store name of this source: `name`, else the file name without extensions.
    public var storeName: String {
        if let name { return name }
        let file = (path as NSString).lastPathComponent
        return String(file.split(separator: ".", maxSplits: 1).first ?? Substring(file))
    }
}

/// The target column of a release.
public struct TargetSpec: Sendable, Codable, Equatable {
    /// Observed property, e.g. `tc`.
    public var property: String
    /// Unit the values are in, e.g. `K`, `eV/atom`; checked against the store.
    public var unit: String
    /// Censored qualifiers that become a number in the release (e.g. `not_superconducting` → 0,
    /// as Stanev et al. did). Records whose only labels are censored and not listed here are
    /// left out, with a reason in the release's ledger.
    public var censored: [String: Double]?
}

/// Coding-path text for error messages.
enum DecodingPath {
    static func describe(_ path: [CodingKey]) -> String {
        path.isEmpty ? "the top level" : path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}
