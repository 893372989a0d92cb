import Curation

/// What the dataset card (`README.md`) and the Croissant description (`croissant.json`) of a
/// release say, gathered from the build once both ways of building (in memory, streamed) agree
/// on it: the specs, the version, the counts and the manifest entries of the files written
/// before the card. Nothing here depends on the clock or on where the release lies.
struct ReleaseCardFacts {
    /// One split label and its per-split CSV export.
    struct Split {
        /// The release's split label (`train`, `fold-0`).
        let label: String
        /// The label as a Hugging Face split name, which allows only letters, digits and `_`
        /// (`fold-0` becomes `fold_0`).
        let hubName: String
        /// The manifest entry of `exports/wren/<label>.csv` (a protostructure release) or
        /// `exports/roost/<label>.csv`.
        let file: ReleaseManifest.File
        /// Whether the file is the Wren export (with a `protostructure` column).
        let labelled: Bool
    }

    /// One source of the spec with its licence.
    struct Source {
        let name: String
        let kind: String
        let licence: SourceLicence
    }

    let spec: DatasetSpec
    let curation: CurationSpec
    let version: String
    /// Records released.
    let records: Int
    /// Records per split label.
    let counts: [String: Int]
    /// Observations left out, by rule.
    let excludedByRule: [String: Int]
    /// The splits in reading order (train, validation, test, then the rest).
    let splits: [Split]
    /// The manifest entry of `records.csv`.
    let recordsFile: ReleaseManifest.File
    /// Every file written before the card, sorted by path.
    let files: [ReleaseManifest.File]
    let sources: [Source]
    /// The licence of the whole release.
    let licence: CombinedLicence

    /// Gathers the facts; `files` are the manifest entries of every file written before the
    /// card. Fails when a split has no per-split CSV (a reaction dataset has none).
    init(spec: DatasetSpec, curation: CurationSpec, version: String, records: Int, counts: [String: Int],
         excludedByRule: [String: Int], files: [ReleaseManifest.File]) throws {
        let byPath = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        guard let recordsFile = byPath["records.csv"] else {
            throw DatasetError.input(message: "card export: the release has no records.csv to describe")
        }
        var splits: [Split] = []
        for label in SplitLabels.ordered(Set(counts.keys)) {
            let hubName = String(label.unicodeScalars.map { scalar -> Character in
                scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) ? Character(scalar) : "_"
            })
            if let wren = byPath["exports/wren/\(label).csv"] {
                splits.append(Split(label: label, hubName: hubName, file: wren, labelled: true))
            } else if let roost = byPath["exports/roost/\(label).csv"] {
                splits.append(Split(label: label, hubName: hubName, file: roost, labelled: false))
            } else {
                throw DatasetError.input(message: "card export: split \(label) has no per-split CSV (exports/roost/\(label).csv); a card describes composition and wyckoff releases")
            }
        }
        if let clash = Dictionary(grouping: splits, by: \.hubName).first(where: { $0.value.count > 1 }) {
            throw DatasetError.input(message: "card export: split labels \(clash.value.map(\.label).joined(separator: ", ")) have the same Hugging Face split name \(clash.key)")
        }
        self.spec = spec
        self.curation = curation
        self.version = version
        self.records = records
        self.counts = counts
        self.excludedByRule = excludedByRule
        self.splits = splits
        self.recordsFile = recordsFile
        self.files = files
        sources = spec.sources.map { source in
            Source(name: source.storeName, kind: source.kind, licence: SourceLicences.licence(kind: source.kind, path: source.path))
        }
        licence = SourceLicences.combined(sources.map { ($0.name, $0.licence) })
    }

    /// Whether `records.csv` has the `protostructure` column (the release wrote Wren exports).
    var labelled: Bool { splits.contains(where: \.labelled) }

    /// Whether `records.csv` has the `inner_fold` column (a nested k-fold release with records).
    var nested: Bool {
        if case .nestedKfold = spec.split { return records > 0 }
        return false
    }

    /// The columns of `records.csv`.
    var recordColumns: [ReleaseColumn] { ReleaseColumns.records(labelled: labelled, nested: nested, target: spec.target) }

    /// The columns of one split's CSV.
    func columns(of split: Split) -> [ReleaseColumn] { ReleaseColumns.split(labelled: split.labelled, target: spec.target) }

    /// The Hugging Face size bucket of `records` (`n<1K`, `1K<n<10K`, … `n>1T`).
    var sizeCategory: String {
        let buckets: [(limit: Int, name: String)] = [
            (1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M"),
            (10_000_000, "1M<n<10M"), (100_000_000, "10M<n<100M"), (1_000_000_000, "100M<n<1B"),
            (10_000_000_000, "1B<n<10B"), (100_000_000_000, "10B<n<100B"), (1_000_000_000_000, "100B<n<1T"),
        ]
        return buckets.first(where: { records < $0.limit })?.name ?? "n>1T"
    }
}
