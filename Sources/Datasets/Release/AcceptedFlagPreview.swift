import Foundation
import Store

/// What the next release of a spec would leave out because people accepted review flags: the
/// `flag_accepted` lines of its ledger, computed by the release build itself (nothing written).
public struct AcceptedFlagPreview: Sendable, Equatable {
    /// One record the next release would exclude, and the flag that excludes it.
    public struct Exclusion: Sendable, Equatable {
        /// The accepted flag (nil if the ledger reason does not name one).
        public var flagId: Int?
        public var line: DatasetBuild.LedgerLine
    }

    /// The dataset's name.
    public var name: String
    /// The spec file.
    public var specPath: String
    /// Records (or reactions) the next release would hold.
    public var records: Int
    /// Observations its curation would read.
    public var inputCount: Int
    /// Excluded because of accepted flags, in ledger order.
    public var exclusions: [Exclusion]
}

extension DatasetRelease {
    /// What the next release of `specPath` built with `store` would exclude because of accepted
    /// flags. Reads only: every source must already be in the store (as `curate release --store`
    /// left it); a source that would need ingesting is an error naming it.
    public static func acceptedFlagPreview(specPath: String, store: CurateStore) throws -> AcceptedFlagPreview {
        let (spec, curationSpec, specDirectory) = try loadSpecs(specPath)
        let paths = spec.sources.map { SourcePreparation.resolve($0.path, against: specDirectory) }
        for (source, path) in zip(spec.sources, paths) {
            let sha = try SourcePreparation.digest(source, path: path)
            guard try SourcePreparation.completedRun(store, name: source.storeName, sha256: sha) != nil else {
                throw DatasetError.source(name: source.storeName, message: "\(path) is not in the store yet; a preview only reads the store (release the spec with --store once first)")
            }
        }
        let build = try DatasetBuilder.build(spec: spec, curationSpec: curationSpec, version: "0.0.0", sourcePaths: paths, store: store)
        let exclusions = build.ledger.filter { $0.rule == "flag_accepted" }.map { line in
            AcceptedFlagPreview.Exclusion(flagId: acceptedFlagId(line.reason), line: line)
        }
        return AcceptedFlagPreview(name: spec.name, specPath: specPath, records: spec.representation == "reaction" ? build.reactions.count : build.records.count,
                                   inputCount: build.inputCount, exclusions: exclusions)
    }

    /// The flag id in a `flag_accepted` ledger reason (`flag N accepted: note`).
    static func acceptedFlagId(_ reason: String) -> Int? {
        guard reason.hasPrefix("flag ") else { return nil }
        return Int(reason.dropFirst(5).prefix { $0.isNumber })
    }
}
